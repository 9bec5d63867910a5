import type { PlanFamily, UsState } from './enums'

/**
 * Financial-assistance screening: applicants, the program catalog, screening results and
 * applications (domain-rules.md §6). Plain data that crosses the IPC boundary; money in dollars,
 * days as `YYYY-MM-DD`, instants as ISO-8601 UTC.
 */

/** Verification legend of domain-rules.md: V confirmed, S secondary source, U unverified (show "verify"). */
export type Verification = 'V' | 'S' | 'U'

/**
 * What covers the applicant. The plan families of the appeal ladders, plus the kinds that matter only
 * for assistance: TRICARE and VA (federal health care programs under the Anti-Kickback Statute), FEHB
 * and no insurance at all. `commercial` is the plain choice for employer or private coverage of an
 * unknown kind: applicants rarely know whether their employer's plan is self-funded.
 */
export const INSURANCE_TYPES = [
  'commercial',
  'employer_self_funded',
  'employer_fully_insured',
  'individual_marketplace',
  'grandfathered',
  'medicare_part_b',
  'medicare_advantage',
  'medicare_part_d',
  'medicaid_ffs',
  'medicaid_managed_care',
  'tricare',
  'va',
  'fehb',
  'uninsured',
  'other',
] as const satisfies readonly (PlanFamily | 'commercial' | 'tricare' | 'va' | 'fehb' | 'uninsured')[]
export type InsuranceType = (typeof INSURANCE_TYPES)[number]

/** Groups that program rules name: a rule "excludes Medicare" covers Part B, Advantage and Part D alike. */
export const INSURANCE_GROUPS = ['commercial', 'medicare', 'medicaid', 'other_federal', 'fehb', 'uninsured', 'other'] as const
export type InsuranceGroup = (typeof INSURANCE_GROUPS)[number]

const GROUP_OF: Record<InsuranceType, InsuranceGroup> = {
  // Commercial or employer coverage when the screener does not know which kind: screening only needs the group.
  commercial: 'commercial',
  employer_self_funded: 'commercial',
  employer_fully_insured: 'commercial',
  individual_marketplace: 'commercial',
  grandfathered: 'commercial',
  medicare_part_b: 'medicare',
  medicare_advantage: 'medicare',
  medicare_part_d: 'medicare',
  medicaid_ffs: 'medicaid',
  medicaid_managed_care: 'medicaid',
  tricare: 'other_federal',
  va: 'other_federal',
  fehb: 'fehb',
  uninsured: 'uninsured',
  other: 'other',
}

export function insuranceGroupOf(type: InsuranceType): InsuranceGroup {
  return GROUP_OF[type]
}

/** A case's plan family is already an insurance type (the appeal ladders' vocabulary is a subset). */
export function insuranceTypeOfPlanFamily(family: PlanFamily): InsuranceType {
  return family
}

/** Whether the applicant's insurance pays for the drug: free-drug programs want "no", copay funds "yes". */
export const DRUG_COVERAGE = ['yes', 'no', 'unknown'] as const
export type DrugCoverage = (typeof DRUG_COVERAGE)[number]

export const PROGRAM_TYPES = [
  'manufacturer_pap',
  'manufacturer_copay',
  'disease_fund',
  'medicaid',
  'medicare_hit',
  'hospital_charity',
  'provider_program',
  'other',
] as const
export type ProgramType = (typeof PROGRAM_TYPES)[number]

export const FUND_STATUSES = ['open', 'closed', 'waitlist'] as const
export type FundStatus = (typeof FUND_STATUSES)[number]

/** What a program needs of the applicant's drug coverage (domain-rules.md §6B). */
export const DRUG_COVERAGE_RULES = ['any', 'must_cover', 'must_not_cover'] as const
export type DrugCoverageRule = (typeof DRUG_COVERAGE_RULES)[number]

export const APPLICATION_STATUSES = [
  'screened',
  'applied',
  'pre_approved',
  'documents_due',
  'approved',
  'denied',
  'waitlisted',
  'lapsed',
] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
/** Statuses after which nothing more is expected of staff. */
export const CLOSED_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['denied', 'lapsed']

export const SCREENING_OUTCOMES = ['eligible', 'needs_information', 'not_eligible'] as const
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number]

/** The facts screening needs. Unknown facts are null: the engine answers "needs information", never guesses. */
export interface ApplicantFacts {
  firstName: string
  lastName: string
  dateOfBirth: string | null
  householdSize: number | null
  /** Annual household income in dollars. */
  annualIncome: number | null
  state: UsState | null
  insuranceType: InsuranceType | null
  payer: string
  drugCovered: DrugCoverage
  icd10Codes: string[]
  drugName: string
  hcpcsCode: string
  treatmentStart: string | null
  treatmentEnd: string | null
  /** Expected out-of-pocket cost for the treatment, in dollars. */
  outOfPocket: number | null
  notes: string
}

export interface Applicant extends ApplicantFacts {
  id: number
  patientId: number | null
  isDemo: boolean
  createdAt: string
  updatedAt: string
}

export interface ProgramRules {
  /** Highest household income allowed, as % of the HHS poverty guideline; null = no income test. */
  maxFplPercent: number | null
  /** Guideline year the program uses; null = the newest in effect on the screening day. */
  guidelineYear: number | null
  /** Insurance groups allowed; empty = any. */
  insuranceAllowed: InsuranceGroup[]
  insuranceExcluded: InsuranceGroup[]
  drugCoverage: DrugCoverageRule
  /** ICD-10-CM prefixes (D80, G61.8); empty = any diagnosis. */
  diagnosisPrefixes: string[]
  /** HCPCS codes or drug names; empty = any drug. */
  drugs: string[]
  /** States served; empty = nationwide. */
  states: UsState[]
}

export interface ProgramFacts {
  name: string
  sponsor: string
  type: ProgramType
  fundStatus: FundStatus
  rules: ProgramRules
  maxAward: number | null
  grantPeriodMonths: number | null
  /** Usage rule: a paid claim at least every N days or the grant lapses. */
  usageDays: number | null
  /** Remind staff this many days into the usage window (day 90 of a 120-day rule). */
  usageReminderDays: number | null
  documentsRequired: string[]
  /** Days after pre-approval within which documents must arrive. */
  documentsDueDays: number | null
  website: string
  phone: string
  notes: string
  /** Where the rules came from. */
  source: string
  /** False until staff have checked the rules with the program itself. */
  isVerified: boolean
}

export interface Program extends ProgramFacts {
  id: number
  /** Stable key: the seed's id, or `custom-<id>` for programs staff add. */
  key: string
  fundStatusChangedOn: string | null
  createdAt: string
  updatedAt: string
}

export type RuleId = 'fund_status' | 'state' | 'insurance' | 'drug_coverage' | 'diagnosis' | 'drug' | 'income'
export type RuleOutcome = 'pass' | 'fail' | 'unknown' | 'note'

export interface RuleResult {
  rule: RuleId
  outcome: RuleOutcome
  /** Message id under `screening.reason`, and its parameters (already formatted). */
  reason: string
  params: Record<string, string>
  /** The same reason as an English sentence, for the command line and documents. */
  text: string
  citation: string | null
  verification: Verification | null
}

/** A household income against a poverty guideline, with every number needed to show the arithmetic. */
export interface FplComputation {
  year: number
  region: PovertyRegion
  householdSize: number
  firstPerson: number
  perAdditionalPerson: number
  guideline: number
  annualIncome: number
  /** income ÷ guideline × 100, rounded to two decimals. */
  percent: number
  citation: string
  verification: Verification
}

export type PovertyRegion = 'contiguous' | 'alaska' | 'hawaii'

export interface ScreeningResult {
  programId: number
  programKey: string
  programName: string
  programType: ProgramType
  fundStatus: FundStatus
  outcome: ScreeningOutcome
  rules: RuleResult[]
  /** The income limit in dollars for this household, when the program has one and the facts allow. */
  incomeLimit: number | null
  isProgramVerified: boolean
}

export interface ScreeningReport {
  screenedOn: string
  fpl: FplComputation | null
  /** Why no FPL could be computed (missing facts, territory), as a reason id; null when computed. */
  fplMissing: string | null
  results: ScreeningResult[]
  counts: Record<ScreeningOutcome, number>
}

export interface Application {
  id: number
  applicantId: number
  programId: number
  programName: string
  status: ApplicationStatus
  awardAmount: number | null
  appliedOn: string | null
  preApprovedOn: string | null
  documentsDueOn: string | null
  decidedOn: string | null
  grantStart: string | null
  grantEnd: string | null
  lastPaidClaimOn: string | null
  notes: string
  createdAt: string
  updatedAt: string
  reminders: Reminder[]
}

export type ReminderKind = 'documents_due' | 'usage_check' | 'usage_lapse' | 'grant_end'

export interface Reminder {
  kind: ReminderKind
  dueOn: string
  /** Message id under `screening.reminder` and its parameters; `text` in English. */
  reason: string
  params: Record<string, string>
  text: string
  isOverdue: boolean
}

/** One status change of an application; the first entry (the application starting) has no `fromStatus`. */
export interface ApplicationStatusChange {
  id: number
  applicationId: number
  fromStatus: ApplicationStatus | null
  toStatus: ApplicationStatus
  /** ISO-8601 UTC instant. */
  changedAt: string
}

export interface ApplicantDetail {
  applicant: Applicant
  report: ScreeningReport
  applications: Application[]
  /** Every status change of the applicant's applications, oldest first. */
  history: ApplicationStatusChange[]
}

export interface ApplicantQueueRow {
  id: number
  name: string
  state: UsState | null
  insuranceType: InsuranceType | null
  drugName: string
  fplPercent: number | null
  counts: Record<ScreeningOutcome, number>
  /** Eligible somewhere, else needs information somewhere, else not eligible (what the outcome filter matches). */
  bestOutcome: ScreeningOutcome
  openApplications: number
  nextReminder: Reminder | null
  isDemo: boolean
  patientId: number | null
  updatedAt: string
}

/** How the queue is ordered: by name, most eligible programs first, or soonest reminder first (then by name). */
export const APPLICANT_QUEUE_SORTS = ['name', 'eligible', 'reminder'] as const
export type ApplicantQueueSort = (typeof APPLICANT_QUEUE_SORTS)[number]
/** Rows per queue page: a screenful and some; "Load more" asks for the next. */
export const APPLICANT_QUEUE_PAGE_SIZE = 50

/** Where the next page starts: the sort key of the last row shown (keyset paging, so no row is skipped or repeated). */
export interface ApplicantQueueCursor {
  key: (string | number)[]
  id: number
}

/** One page of the screening queue with the number of applicants that match the filters. */
export interface ApplicantQueuePage {
  rows: ApplicantQueueRow[]
  total: number
  nextCursor: ApplicantQueueCursor | null
}

export interface ImportRowReport {
  /** Line number in the file (the header is line 1). */
  line: number
  name: string
  isValid: boolean
  /** Column → message id (`error.*`). */
  errors: Record<string, string>
}

export type ImportMode = 'validate' | 'all_or_nothing' | 'valid_rows_only'

export interface ImportReport {
  mode: ImportMode
  totalRows: number
  validRows: number
  invalidRows: number
  imported: number
  /** True when an all-or-nothing import found bad rows and therefore imported nothing. */
  isRejected: boolean
  /** A problem with the file as a whole (no header, unknown columns, not CSV). */
  fileError: string | null
  rows: ImportRowReport[]
}

export interface BridgeAssistance {
  caseId: number
  patientId: number
  /** The appeal is still open and the patient faces a bill while it runs. */
  facesCost: boolean
  isAppealPending: boolean
  applicants: { applicant: Applicant; counts: Record<ScreeningOutcome, number>; eligible: { programName: string; programId: number }[]; applications: Application[] }[]
}

export type DocumentKind = 'summary' | 'cover_letter'

/** Languages a patient's copy of the screening summary can be written in. */
export const DOCUMENT_LANGUAGES = ['en', 'es'] as const
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number]

/** A built .docx, ready to save. */
export interface ScreeningDocument {
  fileName: string
  /** The .docx bytes as base64. */
  base64: string
}

/** A reminder in the queue's list, with whose application it is. */
export interface ReminderRow extends Reminder {
  applicantId: number
  applicationId: number
  applicantName: string
}
