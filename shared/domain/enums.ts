/**
 * The app's vocabularies. Each list is the single source of truth for ids stored in the database,
 * validated at the IPC boundary and translated in the renderer (i18n key = `enum.<list>.<id>`).
 */

/** Board columns, left to right. A case sits in exactly one. */
export const STAGES = [
  'intake',
  'prior_auth',
  'denied',
  'internal_appeal',
  'second_level',
  'external_review',
  'complaint',
  'hearing',
  'closed',
] as const
export type Stage = (typeof STAGES)[number]

/**
 * The columns where an appeal is filed with someone: moving a case into one starts a new level with
 * its own filing day and decision clock, and asks for the representation on file (domain-rules.md §2).
 */
export const FILING_STAGES = ['internal_appeal', 'second_level', 'external_review', 'hearing'] as const satisfies readonly Stage[]
export const isFilingStage = (stage: Stage): boolean => (FILING_STAGES as readonly Stage[]).includes(stage)

/**
 * Plan families decide which appeal ladder applies (domain-rules.md §1A–1I).
 * "Grandfathered" is its own family because it has no federal external review (§1C).
 */
export const PLAN_FAMILIES = [
  'employer_self_funded',
  'employer_fully_insured',
  'individual_marketplace',
  'grandfathered',
  'medicare_part_b',
  'medicare_advantage',
  'medicare_part_d',
  'medicaid_ffs',
  'medicaid_managed_care',
  'other',
] as const
export type PlanFamily = (typeof PLAN_FAMILIES)[number]

export const THERAPY_CATEGORIES = [
  'ivig_scig',
  'tpn',
  'iv_anti_infective',
  'infused_biologic',
  'other_specialty_iv',
  'nursing',
  'pump_supplies',
] as const
export type TherapyCategory = (typeof THERAPY_CATEGORIES)[number]

export const URGENCIES = ['standard', 'expedited'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Whether the service was already given (post-service claim) or is still to come (pre-service). */
export const SERVICE_TYPES = ['pre_service', 'post_service', 'concurrent'] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

/** Denial reason categories used in home infusion (domain-rules.md §3). */
export const DENIAL_REASONS = [
  'not_medically_necessary',
  'site_of_care',
  'not_covered',
  'experimental',
  'step_therapy',
  'missing_documentation',
  'no_prior_auth',
  'off_label',
  'coding_billing',
  'eligibility',
  'other',
] as const
export type DenialReason = (typeof DENIAL_REASONS)[number]

export const CONTACT_KINDS = ['call', 'fax', 'letter', 'portal', 'email', 'in_person', 'peer_to_peer'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]

/** What came of a contact that decides something: a peer-to-peer call with the payer's reviewer. */
export const CONTACT_OUTCOMES = ['scheduled', 'approved', 'partly_approved', 'upheld', 'not_held'] as const
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number]

/** US states, DC and territories by USPS code: coverage state drives the state overlay (§1D). */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  'PR', 'GU', 'VI', 'AS', 'MP',
] as const
export type UsState = (typeof US_STATES)[number]
