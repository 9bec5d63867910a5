import type { ContactKind, ContactOutcome, DenialReason, PlanFamily, ServiceType, Stage, TherapyCategory, Urgency } from './enums'

/**
 * English names of the vocabularies, in one place: the renderer's messages (renderer/src/i18n/en/core.ts),
 * the documents the core writes (funder report) and spreadsheet import/export all use these.
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

export const URGENCY_EN: Record<Urgency, string> = { standard: 'Standard', expedited: 'Expedited' }

export const SERVICE_TYPE_EN: Record<ServiceType, string> = {
  pre_service: 'Pre-service (not yet given)',
  post_service: 'Post-service (already given)',
  concurrent: 'Ongoing course (concurrent)',
}

export const CONTACT_KIND_EN: Record<ContactKind, string> = {
  call: 'Call',
  fax: 'Fax',
  letter: 'Letter',
  portal: 'Portal message',
  email: 'Email',
  in_person: 'In person',
  peer_to_peer: 'Peer-to-peer call (prescriber and the payer’s reviewer)',
}

export const CONTACT_OUTCOME_EN: Record<ContactOutcome, string> = {
  scheduled: 'Scheduled',
  approved: 'Approved after the call',
  partly_approved: 'Partly approved',
  upheld: 'Denial upheld',
  not_held: 'Not held (no reviewer available or missed)',
}
