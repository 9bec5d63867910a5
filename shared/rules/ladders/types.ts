import type { DayString } from '../../domain/days'
import type { DenialReason, PlanFamily, Stage } from '../../domain/enums'

/** Ids of appeal levels across all ladders; i18n key = `ladder.level.<id>`. */
export const LEVEL_IDS = [
  'internal_1',
  'internal_2',
  'external_review',
  'redetermination',
  'qic_reconsideration',
  'plan_reconsideration',
  'ire',
  'alj',
  'council',
  'federal_court',
  'plan_appeal',
  'fair_hearing',
  'state_external_review',
  'complaint_doi',
  'complaint_ebsa',
  'complaint_cms',
  'complaint_medicaid',
  'hearing_or_court',
] as const
export type LevelId = (typeof LEVEL_IDS)[number]

/** How a period is counted. `months` is only used with the ACA four-month rule. */
export type ClockUnit = 'calendar_days' | 'business_days' | 'hours' | 'months'

/**
 * The event a patient's filing window counts from.
 * - notice_date: the date printed on the notice (MA/Part D 65 days, Medicaid MCO 60 days)
 * - notice_receipt: receipt of the notice; for Medicare presumed 5 days after its date (42 CFR 405.942(a)(1))
 * - receipt_counted_from_notice_date: the law says receipt, but we count from the letter date to be safe
 *   (ERISA 180 days, domain-rules §0)
 * - notice_mailed: the date the notice was mailed (Medicaid FFS, 42 CFR 431.221(d)); we use the notice date
 */
export type FilingClockStart = 'notice_date' | 'notice_receipt' | 'receipt_counted_from_notice_date' | 'notice_mailed'

/** Where a rule comes from and whether domain-rules.md marks it verified (V or S) or not (U). */
export interface RuleRef {
  ruleId: string
  citation: string
  verified: boolean
}

export interface FilingWindow extends RuleRef {
  /** null: no federal number (per plan or state); the engine says "check the notice". */
  amount: number | null
  unit: ClockUnit
  from: FilingClockStart
  /**
   * floor: the law guarantees at least this much (a shorter notice is a possible violation).
   * ceiling: the state or plan may set a shorter window up to this (a shorter notice is normal).
   */
  bound: 'floor' | 'ceiling'
  /** Longest window the law lets the state choose, for information. */
  maximum?: number
  /**
   * Where the rule counts from receipt: the regulation that presumes receipt 5 days after the notice
   * date "unless there is evidence to the contrary" (e.g. 42 CFR 422.582(b)); a recorded later receipt
   * moves the deadline.
   */
  receiptRule?: string
  note?: string
}

/** The payer decision clock chosen by request type. `standard` is used when a level has no split. */
export type DecisionTrack = 'expedited' | 'pre_service' | 'post_service' | 'part_b_drug' | 'payment' | 'standard'

export interface Extension {
  amount: number
  unit: ClockUnit
  whenEn: string
}

export interface DecisionWindow extends RuleRef {
  track: DecisionTrack
  amount: number
  unit: ClockUnit
  /**
   * request_received: from the day the reviewer receives the request.
   * mco_appeal_filed: Medicaid MCO fair hearing, 90 days from the MCO appeal filing, not counting the
   * days the enrollee took to request the hearing (42 CFR 431.244(f)(1)(ii)).
   */
  from: 'request_received' | 'mco_appeal_filed'
  /** Only for plans with this many internal levels (29 CFR 2560.503-1(i)(2)(ii)-(iii)). */
  internalLevels?: 1 | 2
  /** null: the rules allow no extension at this level. */
  extension: Extension | null
  note?: string
}

export interface ExpeditedRule extends RuleRef {
  available: boolean
  criterionEn: string
}

export interface AutoForward extends RuleRef {
  onAdverse: boolean
  onLate: boolean
  toLevelId: LevelId
}

/** Limits on which denials a level may review (ACA external review, 45 CFR 147.136(d)(1)(ii)). */
export interface ScopeLimit extends RuleRef {
  /** A move is refused when every denial reason is in this list. */
  excludedReasons: DenialReason[]
  coversEn: string
}

export const ESCALATION_IDS = [
  'deemed_exhaustion_aca',
  'deemed_exhaustion_explanation',
  'deemed_exhaustion_erisa',
  'complaint_ebsa',
  'complaint_doi',
  'complaint_cms',
  'complaint_medicaid',
  'medicare_escalate_to_alj',
  'medicare_escalate_to_council',
  'medicare_escalate_to_court',
  'ma_auto_forward_ire',
  'ma_silence_is_adverse',
  'part_d_forward_ire',
  'mco_deemed_exhaustion',
  'mco_silence_is_adverse',
] as const
export type EscalationId = (typeof ESCALATION_IDS)[number]

export interface LadderLevel extends RuleRef {
  id: LevelId
  /** i18n key, `ladder.level.<id>`; English in LEVEL_NAMES_EN. */
  nameKey: string
  stage: Stage
  decidedByEn: string
  /** null: the patient files nothing, the case moves on its own (MA IRE). */
  filingWindow: FilingWindow | null
  decisionWindows: DecisionWindow[]
  expedited: ExpeditedRule
  autoForward: AutoForward | null
  scope: ScopeLimit | null
  /** Escalations the rules allow when the reviewer misses its decision date. */
  whenLate: EscalationId[]
  /** Medicare amount-in-controversy threshold that applies to a request at this level. */
  aic?: 'alj' | 'court'
  /** Level that must come first; `waivedByEn` names the rule that lets a case skip it. */
  prerequisite?: { levelId: LevelId; waivedByEn?: string }
  /** Exists only for some plans or states (second internal level, Medicaid optional external review). */
  isOptional?: boolean
  /** Complaints run beside the ladder, not after it. */
  isComplaint?: boolean
  noteEn?: string
}

/** Why a ladder has no level in a board column, in the words an advocate would use; a move there is refused. */
export interface MissingLevel {
  /** Stable id of the refusal (`move.refused.<id>`), not a message key: users see `reasonEn`. */
  reasonKey: string
  reasonEn: string
}

export interface Ladder {
  planFamily: PlanFamily
  levels: LadderLevel[]
  citation: string
  verified: boolean
  /** Refusals for columns this ladder has no level in, by column (`any`: every such column). */
  missingLevels?: Partial<Record<Stage | 'any', MissingLevel>>
}

export interface AicThreshold {
  year: number
  alj: number
  aljVerified: boolean
  court: number
  courtVerified: boolean
  citation: string
}

export type { DayString }
