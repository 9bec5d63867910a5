import type { PlanFamily, Stage } from '../domain/enums'
import { ACA_LADDERS } from './ladders/aca'
import { MEDICAID_AND_OTHER_LADDERS } from './ladders/medicaid'
import { AIC_THRESHOLDS, MEDICARE_LADDERS } from './ladders/medicare'
import type { AicThreshold, EscalationId, Ladder, LadderLevel, LevelId, RuleRef } from './ladders/types'

export * from './ladders/types'
export { AIC_THRESHOLDS }

/** One appeal ladder per plan family (domain-rules.md §1A–1K). */
export const LADDERS: Record<PlanFamily, Ladder> = {
  ...ACA_LADDERS,
  ...MEDICARE_LADDERS,
  ...MEDICAID_AND_OTHER_LADDERS,
}

/** English level names as users know them, for the i18n catalogue (`ladder.level.<id>`). */
export const LEVEL_NAMES_EN = {
  internal_1: 'Internal appeal',
  internal_2: 'Second-level internal appeal',
  external_review: 'External review',
  redetermination: 'Redetermination',
  qic_reconsideration: 'Reconsideration by the QIC',
  plan_reconsideration: 'Plan reconsideration',
  ire: 'Independent Review Entity (IRE) review',
  alj: 'ALJ hearing',
  council: 'Medicare Appeals Council review',
  federal_court: 'Federal court',
  plan_appeal: 'Plan appeal',
  fair_hearing: 'State fair hearing',
  state_external_review: 'State external medical review',
  complaint_doi: 'Complaint to the Department of Insurance',
  complaint_ebsa: 'Complaint to the Department of Labor (EBSA)',
  complaint_cms: 'Complaint to Medicare (1-800-MEDICARE)',
  complaint_medicaid: 'Complaint to the state Medicaid agency',
  hearing_or_court: 'Hearing or court',
} satisfies Record<LevelId, string>

/** The filing step at each level as a to-do reads ("File ALJ hearing request"), for `deadline.file.<id>`. */
export const FILE_LABELS_EN = {
  internal_1: 'File internal appeal',
  internal_2: 'File second-level internal appeal',
  external_review: 'File external review request',
  redetermination: 'File redetermination request',
  qic_reconsideration: 'File reconsideration request with the QIC',
  plan_reconsideration: 'File reconsideration request with the plan',
  ire: 'File IRE reconsideration request',
  alj: 'File ALJ hearing request',
  council: 'File Medicare Appeals Council request',
  federal_court: 'File federal court action',
  plan_appeal: 'File plan appeal',
  fair_hearing: 'Request the state fair hearing',
  state_external_review: 'Request state external medical review',
  complaint_doi: 'File complaint with the Department of Insurance',
  complaint_ebsa: 'File complaint with the Department of Labor (EBSA)',
  complaint_cms: 'File complaint with Medicare',
  complaint_medicaid: 'File complaint with the state Medicaid agency',
  hearing_or_court: 'Request a hearing or file in court',
} satisfies Record<LevelId, string>

/** What each payer-overdue escalation means and where it comes from (domain-rules.md §1A, §1E–1I, §1K, §7). */
export const ESCALATIONS: Record<EscalationId, RuleRef & { labelEn: string }> = {
  deemed_exhaustion_aca: { labelEn: 'Deemed exhaustion: go straight to external review or court', ruleId: 'aca.deemed_exhaustion', citation: '45 CFR 147.136(b)(2)(ii)(F); 29 CFR 2590.715-2719(b)(2)(ii)(F)', verified: true },
  deemed_exhaustion_explanation: { labelEn: 'Ask the plan to explain the violation (answer due within 10 days)', ruleId: 'aca.deemed_exhaustion.explanation', citation: '45 CFR 147.136(b)(2)(ii)(F)(2)', verified: false },
  deemed_exhaustion_erisa: { labelEn: 'Claim deemed exhausted under ERISA: civil action possible', ruleId: 'erisa.deemed_exhausted', citation: '29 CFR 2560.503-1(l)', verified: false },
  complaint_ebsa: { labelEn: 'Complaint to the Department of Labor (EBSA)', ruleId: 'complaint.ebsa', citation: 'askebsa.dol.gov/WebIntake', verified: true },
  complaint_doi: { labelEn: 'Complaint to the state Department of Insurance', ruleId: 'complaint.doi', citation: 'eapps.naic.org/cis/fileComplaintMap', verified: true },
  complaint_cms: { labelEn: 'Complaint to Medicare (1-800-MEDICARE)', ruleId: 'complaint.medicare', citation: 'CMS Complaint Tracking Module', verified: false },
  complaint_medicaid: { labelEn: 'Complaint to the state Medicaid agency or ombudsman', ruleId: 'complaint.medicaid', citation: 'State Medicaid agency or managed-care ombudsman', verified: false },
  medicare_escalate_to_alj: { labelEn: 'Escalate to an ALJ (the QIC missed its deadline)', ruleId: 'medicare.escalation.qic', citation: '42 CFR 405.970', verified: true },
  medicare_escalate_to_council: { labelEn: 'Escalate to the Medicare Appeals Council (the ALJ missed its deadline)', ruleId: 'medicare.escalation.alj', citation: '42 CFR 405.1016', verified: true },
  medicare_escalate_to_court: { labelEn: 'Escalate to federal court (the Council missed its deadline)', ruleId: 'medicare.escalation.council', citation: '42 CFR 405.1100, 405.1132', verified: true },
  ma_auto_forward_ire: { labelEn: 'The plan must forward the case to the IRE automatically', ruleId: 'medicare.ma.auto_forward', citation: '42 CFR 422.590, 422.592', verified: true },
  ma_silence_is_adverse: { labelEn: 'No timely decision counts as a denial: appeal it', ruleId: 'medicare.ma.silence', citation: '42 CFR 422.568(f)', verified: false },
  part_d_forward_ire: { labelEn: 'The sponsor must forward the case to the IRE', ruleId: 'medicare.part_d.forward_when_late', citation: '42 CFR 423.590(c), (e)', verified: false },
  mco_deemed_exhaustion: { labelEn: 'Deemed exhaustion: request the state fair hearing now', ruleId: 'medicaid.mco.deemed_exhaustion', citation: '42 CFR 438.408(c)(3)', verified: true },
  mco_silence_is_adverse: { labelEn: 'A missed authorization deadline is a denial on that date: appeal it', ruleId: 'medicaid.mco.silence', citation: '42 CFR 438.404(c)(5)', verified: true },
}

/** The level a ladder places in a board column: the first non-complaint, non-optional one, else any. */
export function ladderLevelForStage(planFamily: PlanFamily, stage: Stage): LadderLevel | null {
  const levels = LADDERS[planFamily].levels.filter((l) => l.stage === stage)
  return levels.find((l) => !l.isOptional) ?? levels[0] ?? null
}

export function findLevel(planFamily: PlanFamily, levelId: string): LadderLevel | null {
  return LADDERS[planFamily].levels.find((l) => l.id === levelId) ?? null
}

/** AIC threshold row for the year a request is filed, or null when the table has no row for it. */
export function aicFor(year: number): AicThreshold | null {
  return AIC_THRESHOLDS.find((row) => row.year === year) ?? null
}
