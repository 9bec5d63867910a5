import { z } from 'zod'
import { US_STATES } from '../domain/enums'
import {
  APPLICANT_QUEUE_SORTS,
  APPLICATION_STATUSES,
  DOCUMENT_LANGUAGES,
  DRUG_COVERAGE,
  DRUG_COVERAGE_RULES,
  FUND_STATUSES,
  INSURANCE_GROUPS,
  INSURANCE_TYPES,
  PROGRAM_TYPES,
  SCREENING_OUTCOMES,
  APPLICANT_QUEUE_PAGE_SIZE,
  type ApplicantQueueSort,
} from '../domain/screening'
import { dayString, hcpcsCode, icd10Code, id, money, optionalDay, optionalText, requiredText, shortText } from './fields'

/** An enum that forms may leave blank: `''` and null both mean "not known". */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message = 'error.invalid') =>
  z.union([z.enum(values, { message }), z.literal(''), z.null()], { message }).optional().transform((v) => (v ? v : null))

// Messages say what is wrong: a household counts the applicant (at least 1), and more than 50 people is a typo.
const householdSize = z
  .number({ message: 'error.number' })
  .int({ message: 'error.wholeNumber' })
  .min(1, { message: 'error.householdTooSmall' })
  .max(50, { message: 'error.householdImplausible' })

/**
 * Annual household income: never negative (enter 0 for none); above $10 million a year is taken as a
 * slip of the keyboard — no assistance program's limit comes near it (the highest, 600% of the
 * guideline for a household of 50, is about $5 million).
 */
const annualIncome = z
  .number({ message: 'error.number' })
  .nonnegative({ message: 'error.incomeNegative' })
  .max(10_000_000, { message: 'error.incomeImplausible' })
const outOfPocket = z.number({ message: 'error.number' }).nonnegative({ message: 'error.costNegative' }).max(100_000_000, { message: 'error.tooLarge' })

/** The facts of an applicant, as forms, the CSV import and the applicant file send them. */
export const applicantFactsSchema = z
  .strictObject({
    firstName: requiredText(100),
    lastName: requiredText(100),
    dateOfBirth: optionalDay,
    householdSize: householdSize.nullable().optional().default(null),
    annualIncome: annualIncome.nullable().optional().default(null),
    state: optionalEnum(US_STATES, 'error.state'),
    insuranceType: optionalEnum(INSURANCE_TYPES),
    payer: optionalText(200),
    drugCovered: z.enum(DRUG_COVERAGE).optional().default('unknown'),
    icd10Codes: z.array(icd10Code).max(12, { message: 'error.tooMany' }).optional().default([]),
    drugName: optionalText(200),
    hcpcsCode: hcpcsCode.optional().default(''),
    treatmentStart: optionalDay,
    treatmentEnd: optionalDay,
    outOfPocket: outOfPocket.nullable().optional().default(null),
    notes: optionalText(2000),
  })
  .refine((a) => !a.treatmentStart || !a.treatmentEnd || a.treatmentEnd >= a.treatmentStart, {
    message: 'error.endBeforeStart',
    path: ['treatmentEnd'],
  })
export type ApplicantFactsInput = z.input<typeof applicantFactsSchema>
export type ApplicantFactsParsed = z.output<typeof applicantFactsSchema>

export const applicantIdSchema = z.strictObject({ applicantId: id })
export const applicantCreateSchema = z.strictObject({ applicant: applicantFactsSchema, patientId: id.nullable().optional().default(null) })
export const applicantUpdateSchema = z.strictObject({ applicantId: id, applicant: applicantFactsSchema })
export const caseRefSchema = z.strictObject({ caseId: id })

export const applicantQuerySchema = z.strictObject({
  text: shortText(100).optional(),
  state: z.enum(US_STATES).nullable().optional(),
  outcome: z.enum(SCREENING_OUTCOMES).nullable().optional(),
  hasOpenApplication: z.boolean().nullable().optional(),
  sort: z.enum(APPLICANT_QUEUE_SORTS).optional().default('name'),
  limit: z.number().int().min(1).max(500).optional().default(APPLICANT_QUEUE_PAGE_SIZE),
  /** The `nextCursor` of the previous page, unchanged; its key must fit the sort. */
  after: z.strictObject({ key: z.array(z.union([z.string().max(400), z.number().int()])).min(1).max(3), id }).optional(),
}).superRefine((query, ctx) => {
  if (query.after && !cursorFits(query.sort, query.after.key)) ctx.addIssue({ code: 'custom', path: ['after'], message: 'error.queueCursor' })
})
export type ApplicantQuery = z.output<typeof applicantQuerySchema>
export type ApplicantQueryInput = z.input<typeof applicantQuerySchema>

/** The sort key's shape per sort (s = text, n = number), as applicantOutcomes.ts orders rows. */
const CURSOR_SHAPE: Record<ApplicantQueueSort, string> = { name: 'ss', eligible: 'nss', reminder: 'sss' }
function cursorFits(sort: ApplicantQueueSort, key: (string | number)[]): boolean {
  return key.map((k) => (typeof k === 'number' ? 'n' : 's')).join('') === CURSOR_SHAPE[sort]
}

/** Versioned applicant file for `npm run cli -- screen` (docs/applicant-file.md). */
export const applicantFileSchema = z.strictObject({
  format: z.literal('overturn-applicant'),
  version: z.literal(1),
  /** Screen as of this day (defaults to today), so a saved file gives the same answer later. */
  screenedOn: dayString.optional(),
  applicant: applicantFactsSchema,
})
export type ApplicantFile = z.output<typeof applicantFileSchema>

const percent = z.number({ message: 'error.number' }).int({ message: 'error.wholeNumber' }).min(1, { message: 'error.percent' }).max(1000, { message: 'error.percent' })
const dayCount = z.number({ message: 'error.number' }).int({ message: 'error.wholeNumber' }).min(1, { message: 'error.dayCount' }).max(3650, { message: 'error.dayCount' })

/** ICD-10 prefix: a letter, a digit, then up to five more (D80, G61.8, M05.7). */
const icd10Prefix = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => /^[A-Z]\d[0-9A-Z.]{0,6}$/.test(v), { message: 'error.icd10Prefix' })

export const programRulesSchema = z.strictObject({
  maxFplPercent: percent.nullable().optional().default(null),
  guidelineYear: z.number().int().min(2000).max(2100).nullable().optional().default(null),
  insuranceAllowed: z.array(z.enum(INSURANCE_GROUPS)).max(INSURANCE_GROUPS.length).optional().default([]),
  insuranceExcluded: z.array(z.enum(INSURANCE_GROUPS)).max(INSURANCE_GROUPS.length).optional().default([]),
  drugCoverage: z.enum(DRUG_COVERAGE_RULES).optional().default('any'),
  diagnosisPrefixes: z.array(icd10Prefix).max(60, { message: 'error.tooMany' }).optional().default([]),
  drugs: z.array(requiredText(100)).max(60, { message: 'error.tooMany' }).optional().default([]),
  states: z.array(z.enum(US_STATES)).max(US_STATES.length).optional().default([]),
})

export const programFactsSchema = z
  .strictObject({
    name: requiredText(200),
    sponsor: optionalText(200),
    type: z.enum(PROGRAM_TYPES, { message: 'error.required' }),
    fundStatus: z.enum(FUND_STATUSES).optional().default('open'),
    rules: programRulesSchema,
    maxAward: money.nullable().optional().default(null),
    grantPeriodMonths: z.number().int({ message: 'error.wholeNumber' }).min(1, { message: 'error.months' }).max(120, { message: 'error.months' }).nullable().optional().default(null),
    usageDays: dayCount.nullable().optional().default(null),
    usageReminderDays: dayCount.nullable().optional().default(null),
    documentsRequired: z.array(requiredText(200)).max(30, { message: 'error.tooMany' }).optional().default([]),
    documentsDueDays: dayCount.nullable().optional().default(null),
    website: optionalText(300),
    phone: optionalText(40),
    notes: optionalText(2000),
    source: optionalText(500),
    isVerified: z.boolean().optional().default(false),
  })
  .refine((p) => p.usageReminderDays === null || (p.usageDays !== null && p.usageReminderDays < p.usageDays), {
    message: 'error.reminderAfterLapse',
    path: ['usageReminderDays'],
  })
export type ProgramFactsInput = z.input<typeof programFactsSchema>
export type ProgramFactsParsed = z.output<typeof programFactsSchema>

export const programCreateSchema = z.strictObject({ program: programFactsSchema })
export const programUpdateSchema = z.strictObject({ programId: id, program: programFactsSchema })
export const programFundStatusSchema = z.strictObject({ programId: id, fundStatus: z.enum(FUND_STATUSES) })

export const applicationCreateSchema = z.strictObject({ applicantId: id, programId: id })
export const applicationUpdateSchema = z
  .strictObject({
    applicationId: id,
    status: z.enum(APPLICATION_STATUSES),
    awardAmount: money.nullable().optional().default(null),
    appliedOn: optionalDay,
    preApprovedOn: optionalDay,
    /** Left blank, it is computed from the program's document deadline after pre-approval. */
    documentsDueOn: optionalDay,
    decidedOn: optionalDay,
    grantStart: optionalDay,
    grantEnd: optionalDay,
    lastPaidClaimOn: optionalDay,
    notes: optionalText(2000),
  })
  .refine((a) => !a.grantStart || !a.grantEnd || a.grantEnd >= a.grantStart, { message: 'error.endBeforeStart', path: ['grantEnd'] })
export type ApplicationUpdateInput = z.input<typeof applicationUpdateSchema>
export type ApplicationUpdate = z.output<typeof applicationUpdateSchema>

/** A CSV file as text; the bridge caps bodies at 1 MB, so stay below it. */
export const applicantImportSchema = z.strictObject({
  csv: z.string().max(900_000, { message: 'error.fileTooLarge' }),
  mode: z.enum(['validate', 'all_or_nothing', 'valid_rows_only']),
})

export const screeningRunSchema = z.strictObject({ applicant: applicantFactsSchema, screenedOn: dayString.optional() })
export const documentExportSchema = z
  .strictObject({
    applicantId: id,
    kind: z.enum(['summary', 'cover_letter']),
    /** The program a cover letter is addressed to (the applicant's application to it, if any, adds its dates). */
    programId: id.nullable().optional().default(null),
    /** The language of the patient's copy of the summary; letters to programs are in English. */
    language: z.enum(DOCUMENT_LANGUAGES).optional().default('en'),
  })
  .refine((d) => d.kind !== 'cover_letter' || d.programId !== null, { message: 'error.required', path: ['programId'] })

/** The screener's title under their name on screening documents ("Financial Assistance Coordinator"). */
export const signerTitleSchema = z.strictObject({ title: shortText(120) })
