import type { DenialReason, PlanFamily, Stage, TherapyCategory } from '../../../shared/domain/enums'
import type { OutcomeResult } from '../../../shared/domain/insights'

/**
 * English labels for documents the core writes itself (the funder report), matching the renderer's
 * `enum.*` strings in renderer/src/i18n/en/core.ts.
 */
export const STAGE_EN: Record<Stage, string> = {
  intake: 'Intake',
  prior_auth: 'Prior authorization',
  denied: 'Denied – appeal due',
  internal_appeal: 'Internal appeal',
  second_level: 'Second-level appeal',
  external_review: 'External review (IRO)',
  complaint: 'Complaint',
  hearing: 'Hearing / court',
  closed: 'Closed',
}

export const PLAN_FAMILY_EN: Record<PlanFamily, string> = {
  employer_self_funded: 'Employer plan, self-funded (ERISA)',
  employer_fully_insured: 'Employer plan, fully insured',
  individual_marketplace: 'Individual / marketplace',
  grandfathered: 'Grandfathered plan',
  medicare_part_b: 'Medicare Part B',
  medicare_advantage: 'Medicare Advantage',
  medicare_part_d: 'Medicare Part D',
  medicaid_ffs: 'Medicaid fee-for-service',
  medicaid_managed_care: 'Medicaid managed care',
  other: 'Other',
}

export const THERAPY_EN: Record<TherapyCategory, string> = {
  ivig_scig: 'IVIG / SCIG',
  tpn: 'Home TPN',
  iv_anti_infective: 'IV anti-infective',
  infused_biologic: 'Infused biologic',
  other_specialty_iv: 'Other specialty IV',
  nursing: 'Nursing',
  pump_supplies: 'Pump / supplies',
}

export const DENIAL_REASON_EN: Record<DenialReason, string> = {
  not_medically_necessary: 'Not medically necessary',
  site_of_care: 'Site of care',
  not_covered: 'Not covered / excluded',
  experimental: 'Experimental / investigational',
  step_therapy: 'Step therapy not met',
  missing_documentation: 'Missing documentation',
  no_prior_auth: 'No prior authorization',
  off_label: 'Off-label use',
  coding_billing: 'Coding / billing',
  eligibility: 'Eligibility',
  other: 'Other',
}

export const RESULT_EN: Record<OutcomeResult, string> = {
  overturned: 'Overturned',
  partly_overturned: 'Partly overturned',
  upheld: 'Upheld',
  withdrawn: 'Withdrawn',
  dismissed: 'Dismissed',
}

/** A label for any key of a breakdown, falling back to the key itself. */
export function labelEn(table: Record<string, string>, key: string): string {
  return Object.hasOwn(table, key) ? table[key] : key
}
