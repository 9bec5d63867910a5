import { z } from 'zod'
import {
  CONTACT_KINDS,
  CONTACT_OUTCOMES,
  DENIAL_REASONS,
  PLAN_FAMILIES,
  SERVICE_TYPES,
  STAGES,
  THERAPY_CATEGORIES,
  URGENCIES,
  US_STATES,
} from '../domain/enums'
import { dateOfBirth, dayString, hcpcsCode, icd10Code, id, money, npi, optionalDay, optionalText, requiredText, shortText } from './fields'

export const patientInputSchema = z.strictObject({
  firstName: requiredText(100),
  lastName: requiredText(100),
  dateOfBirth,
  phone: optionalText(40),
  preferredLanguage: optionalText(40),
})

export const coverageInputSchema = z.strictObject({
  payer: requiredText(200),
  planFamily: z.enum(PLAN_FAMILIES, { message: 'error.required' }),
  memberId: optionalText(60),
  groupNumber: optionalText(60),
  state: z.enum(US_STATES, { message: 'error.state' }),
})

export const therapyInputSchema = z.strictObject({
  category: z.enum(THERAPY_CATEGORIES, { message: 'error.required' }),
  drug: requiredText(200),
  hcpcsCode: hcpcsCode.optional().default(''),
  icd10Codes: z.array(icd10Code).max(12).default([]),
  prescriber: optionalText(200),
  prescriberNpi: npi,
  prescriberPhone: optionalText(40),
  prescriberFax: optionalText(40),
  infusionProvider: optionalText(200),
})

export const denialInputSchema = z
  .strictObject({
    noticeDate: dayString,
    receivedDate: optionalDay,
    reasons: z.array(z.enum(DENIAL_REASONS)).min(1, { message: 'error.reasonRequired' }).max(DENIAL_REASONS.length),
    priorAuthNumber: optionalText(60),
    claimNumber: optionalText(60),
    amount: money.nullable().optional().default(null),
    statedDeadline: optionalDay,
  })
  .refine((d) => !d.receivedDate || d.receivedDate >= d.noticeDate, {
    message: 'error.receivedBeforeNotice',
    path: ['receivedDate'],
  })

export type DenialInput = z.output<typeof denialInputSchema>

/** A new case: the patient, their coverage and therapy, and (if already denied) the denial. */
export const caseCreateSchema = z.strictObject({
  patient: patientInputSchema,
  coverage: coverageInputSchema,
  therapy: therapyInputSchema,
  stage: z.enum(STAGES).default('intake'),
  urgency: z.enum(URGENCIES).default('standard'),
  serviceType: z.enum(SERVICE_TYPES).default('pre_service'),
  advocateId: id.nullable().optional().default(null),
  openedOn: dayString,
  summary: optionalText(2000),
  /** Where this case's appeals go, from the payer directory (Settings). */
  payerDestinationId: id.nullable().optional().default(null),
  denial: denialInputSchema.nullable().optional().default(null),
})
export type CaseCreateInput = z.input<typeof caseCreateSchema>
type CaseCreateParsed = z.output<typeof caseCreateSchema>
type PrescriberContact = 'prescriberNpi' | 'prescriberPhone' | 'prescriberFax'
/**
 * A new case as the core takes it. Facts added by issue 12 (prescriber contact, payer destination)
 * are optional here so the demo, CSV and bundle paths that predate them still build cases.
 */
export type CaseCreate = Omit<CaseCreateParsed, 'therapy' | 'payerDestinationId'> & {
  therapy: Omit<CaseCreateParsed['therapy'], PrescriberContact> & Partial<Pick<CaseCreateParsed['therapy'], PrescriberContact>>
  payerDestinationId?: number | null
}

/** The version the form was opened at: a save made from an older one is checked against the log. */
const expectedVersion = z.number().int().positive()

/**
 * Every fact of a case after creation, with the intake's validation (issue 12, item 1). The stage
 * changes by moving the card; denial notices by their own channels.
 */
export const caseUpdateSchema = caseCreateSchema.omit({ denial: true, stage: true }).extend({ caseId: id, expectedVersion })
export type CaseUpdateInput = z.input<typeof caseUpdateSchema>
export type CaseUpdate = z.output<typeof caseUpdateSchema>

export const denialAddSchema = z.strictObject({ caseId: id, expectedVersion, denial: denialInputSchema })
export const denialUpdateSchema = z.strictObject({ caseId: id, expectedVersion, denialId: id, denial: denialInputSchema })
export const denialRemoveSchema = z.strictObject({ caseId: id, expectedVersion, denialId: id })
export type DenialAdd = z.output<typeof denialAddSchema>
export type DenialUpdate = z.output<typeof denialUpdateSchema>
export type DenialRemove = z.output<typeof denialRemoveSchema>

/** A case's operations, newest first; with `sinceVersion`, only those saved after it (oldest first). */
export const operationsQuerySchema = z.strictObject({ caseId: id, sinceVersion: z.number().int().nonnegative().optional() })

export const caseMoveSchema = z.strictObject({
  caseId: id,
  toStage: z.enum(STAGES),
  /** Why the advocate moved the case against the ladder (deemed exhaustion, a letter that says otherwise…). */
  overrideReason: shortText(500).optional(),
  note: shortText(500).optional(),
  /** Moving up a level: the notice of the decision just received, which starts the next level's window. */
  decisionNotice: z
    .strictObject({ noticeDate: dayString, receivedDate: optionalDay })
    .refine((d) => !d.receivedDate || d.receivedDate >= d.noticeDate, { message: 'error.receivedBeforeNotice', path: ['receivedDate'] })
    .optional(),
  /** The day the appeal at the new level was filed, which starts the payer's clock. */
  filedOn: optionalDay,
})
export type CaseMove = z.output<typeof caseMoveSchema>

export const boardQuerySchema = z.strictObject({
  advocateId: id.nullable().optional(),
  planFamily: z.enum(PLAN_FAMILIES).nullable().optional(),
  therapyCategory: z.enum(THERAPY_CATEGORIES).nullable().optional(),
  urgency: z.enum(URGENCIES).nullable().optional(),
  text: shortText(200).optional(),
  /** One column only (loading more as it scrolls); without it, the first page of every column. */
  stage: z.enum(STAGES).optional(),
  /** Keyset cursor: the last card already shown in that column (issue 15, paged board). */
  after: z.strictObject({ enteredAt: z.string().max(40), id }).optional(),
  /** Cards per column; the first screenful by default. */
  limit: z.number().int().min(1).max(500).optional(),
})
export type BoardQuery = z.output<typeof boardQuerySchema>

/** One contact-log entry's fields: as logged on a case, and as a case bundle carries it (caseFileParts.ts). */
export const contactEntryFields = {
  kind: z.enum(CONTACT_KINDS),
  occurredOn: dayString,
  withWhom: requiredText(200),
  referenceNumber: optionalText(80),
  requested: optionalText(2000),
  submitted: optionalText(2000),
  submittedOn: optionalDay,
  followUpOn: optionalDay,
  outcome: z.enum(CONTACT_OUTCOMES).nullable().optional(),
}

export const contactCreateSchema = z.strictObject({ caseId: id, ...contactEntryFields })
export type ContactCreate = z.output<typeof contactCreateSchema>

export const caseIdSchema = z.strictObject({ caseId: id })
