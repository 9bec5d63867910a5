import type { Attachment, AttachmentFile } from '../domain/documents'
import { caseIdSchema } from '../schemas/caseSchemas'
import { attachmentIdSchema, attachmentReorderSchema, attachmentUpdateSchema, attachmentUploadSchema } from '../schemas/documentSchemas'
import { channel, FILE_BODY_BYTES, read, write } from './channel'

/** A case's attached documents (its exhibits). */
export const documentsChannels = {
  /** The case's attachments in exhibit order. */
  'documents:list': channel<typeof caseIdSchema, Attachment[]>(caseIdSchema, read()),
  /** Attach a PDF, PNG, JPEG or DOCX (≤ 25 MB, sent as base64); it becomes the last exhibit. */
  'documents:upload': channel<typeof attachmentUploadSchema, Attachment>(attachmentUploadSchema, write('create', { maxBodyBytes: FILE_BODY_BYTES })),
  /** Rename an exhibit. */
  'documents:update': channel<typeof attachmentUpdateSchema, Attachment>(attachmentUpdateSchema, write('update')),
  /** Put the case's exhibits in a new order (numbers follow). */
  'documents:reorder': channel<typeof attachmentReorderSchema, Attachment[]>(attachmentReorderSchema, write('update')),
  /** Remove an attachment and its stored file; the remaining exhibits are renumbered. */
  'documents:remove': channel<typeof attachmentIdSchema, Attachment[]>(attachmentIdSchema, write('delete')),
  /** A stored file's bytes, to preview or open it. */
  'documents:open': channel<typeof attachmentIdSchema, AttachmentFile>(attachmentIdSchema, read({ audit: 'view', auditEntity: 'attachment' })),
} as const
