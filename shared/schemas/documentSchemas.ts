import { z } from 'zod'
import { EVIDENCE_STATUSES, LETTER_KINDS, MAX_ATTACHMENT_BYTES, SENT_METHODS } from '../domain/documents'
import { dayString, id, optionalText, requiredText, shortText } from './fields'

/** Base64 of a file no larger than MAX_ATTACHMENT_BYTES; the core checks the decoded size again. */
const base64File = z
  .string()
  .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4, { message: 'documents.error.fileTooLarge' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'error.invalid' })

export const attachmentUploadSchema = z.strictObject({
  caseId: id,
  /** The name on the advocate's disk, kept for the exhibit index; never used as a path. */
  fileName: requiredText(255),
  label: optionalText(200),
  base64: base64File.min(1, { message: 'error.required' }),
  /** The checklist item this document satisfies, ticked when it is stored. */
  evidenceItemId: shortText(80).optional(),
})
export type AttachmentUpload = z.output<typeof attachmentUploadSchema>

export const attachmentIdSchema = z.strictObject({ attachmentId: id })

export const attachmentUpdateSchema = z.strictObject({ attachmentId: id, label: requiredText(200) })

export const attachmentReorderSchema = z.strictObject({
  caseId: id,
  /** Every attachment of the case, in the new exhibit order. */
  attachmentIds: z.array(id).max(500),
})

export const evidenceSetSchema = z.strictObject({
  caseId: id,
  itemId: requiredText(80),
  status: z.enum(EVIDENCE_STATUSES),
})

export const letterKindSchema = z.enum(LETTER_KINDS)

export const letterRefSchema = z.strictObject({ caseId: id, kind: letterKindSchema })

export const letterSaveSchema = z.strictObject({
  caseId: id,
  kind: letterKindSchema,
  body: z.string().max(60_000, { message: 'error.tooLong' }).refine((b) => b.trim().length > 0, { message: 'error.required' }),
})

export const organizationSchema = z.strictObject({
  name: optionalText(200),
  letterhead: optionalText(300),
  addressLines: z.array(shortText(200)).max(5).default([]),
  phone: optionalText(40),
  fax: optionalText(40),
  email: z.union([z.literal(''), z.email({ message: 'documents.error.email' }).max(200)]).optional().default(''),
  signerName: optionalText(200),
  signerTitle: optionalText(200),
})
export type OrganizationInput = z.input<typeof organizationSchema>

export const packetExportSchema = z.strictObject({
  caseId: id,
  kind: letterKindSchema,
  /** The advocate confirmed exporting with placeholders still in the text. */
  acceptPlaceholders: z.boolean().default(false),
})
export type PacketExport = z.output<typeof packetExportSchema>

export const packetMarkSentSchema = z.strictObject({
  exportId: id,
  sentOn: dayString,
  method: z.enum(SENT_METHODS),
  /** The fax confirmation (or mail receipt), already attached to the case. */
  confirmationAttachmentId: id.optional(),
})
export type PacketMarkSent = z.output<typeof packetMarkSentSchema>
