import type { DayString } from './days'
import type { DenialReason, PlanFamily, ServiceType, Stage, TherapyCategory, Urgency } from './enums'

/** Everything the deadline engine needs to know about a case; plain data, no ids or names. */
export interface CaseFacts {
  planFamily: PlanFamily
  /** Coverage state (USPS code) for state overlays; null when unknown. */
  state: string | null
  urgency: Urgency
  serviceType: ServiceType
  stage: Stage
  /** The ladder level the case is at (`LevelId`); null lets the engine take the stage's level. */
  levelId: string | null
  /** Employer plans: how many internal levels the plan mandates (29 CFR 2560.503-1(c)(3)); unknown → 1 with a warning. */
  internalLevels?: 1 | 2
  therapyCategory: TherapyCategory
  /** The request is for a drug (MA Part B drug clocks; CMS-0057-F excludes drugs). */
  isDrug?: boolean
  /** The latest adverse notice: it starts the filing window of the current level. */
  denial: {
    noticeDate: DayString
    receivedDate: DayString | null
    statedDeadline: DayString | null
    reasons: DenialReason[]
  } | null
  /** The day the appeal at the current level was filed (Medicare: received by the contractor). */
  appealFiledOn: DayString | null
  /** The instant it was filed (ISO-8601), for hour-based clocks. */
  appealFiledAt: string | null
  priorAuth?: { requestedOn: DayString; requestedAt: string | null; expedited: boolean } | null
  /** Medicaid MCO fair hearing: the day the MCO appeal was filed (42 CFR 431.244(f)(1)(ii)). */
  previousAppealFiledOn?: DayString | null
  /** The payer sent a written extension notice for its current decision. */
  payerExtended?: boolean
  /** Amount in controversy in dollars, for the Medicare ALJ and court thresholds. */
  amountInControversy?: number | null
  /** ACA plan families: false when nobody has confirmed the plan is not grandfathered (45 CFR 147.140(a)(2)). */
  isGrandfatheredStatusKnown?: boolean
  /** IANA zone used to turn an hour-based due instant into a day; default 'UTC'. */
  timeZone?: string
  /**
   * An ongoing home therapy is being reduced or stopped: the first day it would no longer be covered
   * (the day after the current authorization ends). Drives the continuation-of-benefits deadline
   * (42 CFR 438.420, 431.230-431.231; 29 CFR 2560.503-1(f)(2)(ii)). Null when unknown.
   */
  actionEffectiveDate?: DayString | null
  /** Written requests the plan must answer by a deadline: ERISA §104(b)(4) plan documents (30 days). */
  documentRequests?: { kind: 'plan_documents'; sentOn: DayString }[]
}

export type DeadlineFlag =
  | 'notice_shorter_than_law'
  | 'notice_longer_than_law'
  | 'notice_within_state_range'
  | 'state_may_set_shorter'
  | 'from_notice_only'
  | 'received_date_assumed'
  | 'time_of_filing_unknown'
  | 'extension_applied'
  | 'extension_not_allowed'
  | 'state_rule'
  | 'overdue'
  /** A recorded receipt later than the presumed one moved the deadline (42 CFR 422.582(b), 405.962(a)(1)…). */
  | 'receipt_later_than_presumed'
  /** The cautious date (from the notice date) passed, but the legal window (from receipt) is still open. */
  | 'within_legal_window'
  /** Keep-therapy-going deadline: shown first while a home therapy is being reduced or stopped. */
  | 'continuation_of_benefits'

/** One date the case must meet (ours) or the payer must meet (payer), with its reasoning. */
export interface ComputedDeadline {
  key: string
  side: 'ours' | 'payer'
  labelKey: string
  labelEn: string
  dueDate: DayString
  /** ISO instant for hour-based clocks when the start instant is known. */
  dueAt: string | null
  ruleId: string
  citation: string
  verified: boolean
  flags: DeadlineFlag[]
  explanation: { inputs: Record<string, string>; steps: string[] }
  /** The safe planning date counted from the notice date, when the legal date (from receipt) is later. */
  cautiousDate?: DayString
}

export interface DeadlineReport {
  deadlines: ComputedDeadline[]
  nextStep: { levelId: string; stage: Stage; labelEn: string } | null
  /** Set when a filed request passed its decision date; `since` is the first day past due. */
  payerOverdue: { since: DayString; escalations: string[] } | null
  warnings: string[]
}

/** Whether a board move follows the ladder. When allowed, `reasonEn` (if any) is a caution to show. */
export interface MoveCheck {
  allowed: boolean
  /**
   * A stable id of the refusal or caution (`move.refused.grandfathered_no_external_review`), for code
   * and tests to tell them apart; not a message key: the sentence users see is `reasonEn`.
   */
  reasonKey?: string
  reasonEn?: string
  /** A filing day already recorded ("Mark sent") that the move keeps: the dialog pre-fills it. */
  filedOn?: string | null
}
