import { z } from 'zod'
import { STAGES } from '../domain/enums'
import { dayString, id, optionalDay, optionalText } from './fields'

/** An instant as ISO-8601 with a zone (hour-based clocks start from it). */
const optionalInstant = z
  .union([z.iso.datetime({ offset: true, message: 'error.invalidDateTime' }), z.literal(''), z.null()])
  .optional()
  .transform((v) => (v ? new Date(v).toISOString() : null))

/** What the advocate records when a level is filed (issue 3). */
export const appealUpdateSchema = z.strictObject({
    caseId: id,
    appealFiledOn: optionalDay,
    appealFiledAt: optionalInstant,
    internalLevels: z.union([z.literal(1), z.literal(2), z.null()]).optional().default(null),
    payerExtended: z.boolean().optional().default(false),
    previousAppealFiledOn: optionalDay,
})
export type AppealUpdate = z.output<typeof appealUpdateSchema>

export const PRIOR_AUTH_OUTCOMES = ['pending', 'approved', 'partly_approved', 'more_info', 'denied'] as const

export const priorAuthSaveSchema = z
  .strictObject({
    caseId: id,
    id: id.nullable().optional().default(null),
    requestedOn: dayString,
    requestedAt: optionalInstant,
    expedited: z.boolean().default(false),
    outcome: z.enum(PRIOR_AUTH_OUTCOMES).default('pending'),
    decidedOn: optionalDay,
    approvedThrough: optionalDay,
    referenceNumber: optionalText(80),
  })
  .refine((v) => !v.decidedOn || v.decidedOn >= v.requestedOn, { path: ['decidedOn'], message: 'error.decidedBeforeRequested' })
  .refine((v) => v.outcome !== 'partly_approved' || !!v.approvedThrough, { path: ['approvedThrough'], message: 'error.required' })
export type PriorAuthSave = z.output<typeof priorAuthSaveSchema>

export const REPRESENTATION_KINDS = ['cms_1696', 'hipaa_authorization', 'plan_form', 'other'] as const

export const representationSaveSchema = z.strictObject({
  caseId: id,
  representation: z
    .strictObject({
      kind: z.enum(REPRESENTATION_KINDS),
      representative: optionalText(200),
      signedOn: dayString,
      expiresOn: optionalDay,
    })
    .refine((v) => !v.expiresOn || v.expiresOn > v.signedOn, { path: ['expiresOn'], message: 'error.expiresBeforeSigned' })
    .nullable(),
})
export type RepresentationSave = z.output<typeof representationSaveSchema>

export const moveCheckSchema = z.strictObject({ caseId: id, toStage: z.enum(STAGES) })
