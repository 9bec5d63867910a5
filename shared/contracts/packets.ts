import type { PacketExportRecord, PacketFile } from '../domain/documents'
import { caseIdSchema } from '../schemas/caseSchemas'
import { packetExportSchema, packetMarkSentSchema } from '../schemas/documentSchemas'
import { CASEWORK, channel, exporting, read, write } from './channel'

/** Appeal packets: export, the case's recorded exports, sending. */
export const packetsChannels = {
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
