import { z } from 'zod'
import type { AttachmentKind } from '../domain/documents'
import { contactEntryFields } from './caseSchemas'
import { optionalText, requiredText } from './fields'

/**
 * Optional parts of a version-1 case file that only a case bundle carries (docs/case-bundle.md):
 * the contact log and the attachment index. Neither has ids: ids belong to the machine that made them.
 */

const instant = z.iso.datetime({ offset: true }).optional()

/** One contact-log entry as it travels; `createdAt` keeps when it was first written down. */
export const caseFileContactSchema = z.strictObject({ ...contactEntryFields, createdAt: instant })
export type CaseFileContact = z.output<typeof caseFileContactSchema>

/** Attachment types the store accepts, with the extension and MIME type it files them under. */
export const ATTACHMENT_FILE_TYPES: Record<AttachmentKind, { ext: string; mime: string }> = {
  pdf: { ext: '.pdf', mime: 'application/pdf' },
  png: { ext: '.png', mime: 'image/png' },
  jpeg: { ext: '.jpg', mime: 'image/jpeg' },
  docx: { ext: '.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
}
const MIMES = Object.values(ATTACHMENT_FILE_TYPES).map((t) => t.mime) as [string, ...string[]]
const extensionOf = (mime: string) => Object.values(ATTACHMENT_FILE_TYPES).find((t) => t.mime === mime)?.ext ?? ''

/**
 * One attachment: where its bytes are inside the bundle (`attachments/<sha256><ext>`, nothing else,
 * so an entry can never name a path outside the bundle's folder) and the sha256 they must have.
 */
export const caseFileAttachmentSchema = z
  .strictObject({
    label: optionalText(200),
    /** The name on the advocate's disk, kept for the exhibit index; never used as a path. */
    fileName: requiredText(255),
    mime: z.enum(MIMES, { message: 'transfer.error.attachmentType' }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'transfer.error.sha256Format' }),
    exhibitNumber: z.number().int().positive().max(10_000),
    path: z.string().max(100),
    addedAt: instant,
  })
  .refine((a) => a.path === `attachments/${a.sha256}${extensionOf(a.mime)}`, {
    message: 'transfer.error.attachmentPath',
    path: ['path'],
  })
export type CaseFileAttachment = z.output<typeof caseFileAttachmentSchema>
