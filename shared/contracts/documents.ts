import type { Attachment, AttachmentFile, EvidenceChecklist, LetterDraft, LetterOption, Organization, PacketExportRecord, PacketFile } from '../domain/documents'
import { caseIdSchema } from '../schemas/caseSchemas'
import {
  attachmentIdSchema,
  attachmentReorderSchema,
  attachmentUpdateSchema,
  attachmentUploadSchema,
  evidenceSetSchema,
  letterRefSchema,
  letterSaveSchema,
  organizationSchema,
  packetExportSchema,
  packetMarkSentSchema,
} from '../schemas/documentSchemas'
import { CASEWORK, channel, emptyRequest, exporting, FILE_BODY_BYTES, read, write } from './channel'

/** Evidence checklists, attached documents, letters, the organization and packet export. */
export const documentChannels = {
  /** The case's checklist, generated from its denial reasons × therapy × ladder level, with progress. */
  'evidence:list': channel<typeof caseIdSchema, EvidenceChecklist>(caseIdSchema, read()),
  /** Mark a checklist item needed, received or not applicable. */
  'evidence:set': channel<typeof evidenceSetSchema, EvidenceChecklist>(evidenceSetSchema, write('update')),
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
  /** The letters the case's ladder offers. */
  'letters:list': channel<typeof caseIdSchema, LetterOption[]>(caseIdSchema, read()),
  /** A letter filled with the case's facts (or the advocate's saved edit) and its missing facts. */
  'letters:get': channel<typeof letterRefSchema, LetterDraft>(letterRefSchema, read()),
  /** Save the advocate's edited text as this case's version of the letter. */
  'letters:save': channel<typeof letterSaveSchema, LetterDraft>(letterSaveSchema, write('update')),
  /** Drop the edited version and go back to the template filled with current facts. */
  'letters:reset': channel<typeof letterRefSchema, LetterDraft>(letterRefSchema, write('delete')),
  /** The organization that signs letters (letterhead, address, signer). */
  'organization:get': channel<typeof emptyRequest, Organization>(emptyRequest, read()),
  'organization:save': channel<typeof organizationSchema, Organization>(organizationSchema, write('update')),
  /**
   * Build the packet for a case and letter kind and answer with the file: a ZIP holding the .docx
   * (fax cover sheet, cover letter, letter, exhibit index, slip sheets) and `exhibits/Exhibit-NN-<label>.<ext>`
   * for packet letters, a plain .docx for letter-only drafts. Every export is recorded on the case. While placeholders
   * remain and `acceptPlaceholders` is false it is refused with `conflict`
   * (`documents.error.placeholdersRemain`); the error's `fields` list the missing facts in order,
   * as `missing.0`, `missing.1`, … → the fact's label (labels name facts, never patient data).
   */
  'packets:export': channel<typeof packetExportSchema, PacketFile>(packetExportSchema, exporting({ roles: CASEWORK })),
  /** The case's recorded exports, newest first (who, when, hashes, letter version, sent or not). */
  'packets:exports': channel<typeof caseIdSchema, PacketExportRecord[]>(caseIdSchema, read()),
  /**
   * Record that an export went to the payer (day, method, optional confirmation attachment). For an
   * appeal or review request this sets the case's appeal filing day to `sentOn`, in the same
   * transaction, so the payer's decision clock starts. Answers with the case's exports.
   */
  'packets:markSent': channel<typeof packetMarkSentSchema, PacketExportRecord[]>(packetMarkSentSchema, write('update')),
} as const
