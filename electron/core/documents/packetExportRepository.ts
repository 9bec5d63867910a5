import type { LetterKind, PacketExportRecord, SentMethod } from '../../../shared/domain/documents'
import { letterKindRule } from '../../../shared/rules/letters/kinds'
import type { Db } from '../db/openDatabase'

interface ExportRow {
  id: number
  case_id: number
  letter_kind: LetterKind
  level_id: string
  exported_at: string
  exported_by: number | null
  exported_by_name: string | null
  file_name: string
  zip_sha256: string | null
  docx_sha256: string
  letter_version: string
  sent_on: string | null
  sent_method: SentMethod | null
  confirmation_attachment_id: number | null
}

const toRecord = (row: ExportRow): PacketExportRecord => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.letter_kind,
  titleEn: letterKindRule(row.letter_kind).titleEn,
  levelId: row.level_id,
  exportedAt: row.exported_at,
  exportedBy: row.exported_by,
  exportedByName: row.exported_by_name,
  fileName: row.file_name,
  zipSha256: row.zip_sha256,
  docxSha256: row.docx_sha256,
  letterVersion: row.letter_version,
  sentOn: row.sent_on,
  sentMethod: row.sent_method,
  confirmationAttachmentId: row.confirmation_attachment_id,
})

const SELECT = `SELECT e.id, e.case_id, e.letter_kind, e.level_id, e.exported_at, e.exported_by, a.display_name AS exported_by_name,
  e.file_name, e.zip_sha256, e.docx_sha256, e.letter_version, e.sent_on, e.sent_method, e.confirmation_attachment_id
  FROM packet_exports e LEFT JOIN advocates a ON a.id = e.exported_by`

export interface NewPacketExport {
  caseId: number
  kind: LetterKind
  levelId: string
  exportedAt: string
  exportedBy: number | null
  fileName: string
  zipSha256: string | null
  docxSha256: string
  letterVersion: string
}

/** The `packet_exports` table (migration 0008). */
export function createPacketExportRepository(db: Db) {
  const insertStatement = db.prepare(`INSERT INTO packet_exports
    (case_id, letter_kind, level_id, exported_at, exported_by, file_name, zip_sha256, docx_sha256, letter_version)
    VALUES (@caseId, @kind, @levelId, @exportedAt, @exportedBy, @fileName, @zipSha256, @docxSha256, @letterVersion)`)
  const listStatement = db.prepare(`${SELECT} WHERE e.case_id = ? ORDER BY e.exported_at DESC, e.id DESC`)
  const getStatement = db.prepare(`${SELECT} WHERE e.id = ?`)
  const sentStatement = db.prepare(`UPDATE packet_exports SET sent_on = @sentOn, sent_method = @method, sent_recorded_at = @now,
    sent_by = @sentBy, confirmation_attachment_id = @confirmationAttachmentId WHERE id = @id`)

  return {
    insert: (input: NewPacketExport): number => Number(insertStatement.run(input).lastInsertRowid),
    list: (caseId: number): PacketExportRecord[] => (listStatement.all(caseId) as ExportRow[]).map(toRecord),
    get: (id: number): PacketExportRecord | null => {
      const row = getStatement.get(id) as ExportRow | undefined
      return row ? toRecord(row) : null
    },
    markSent: (input: { id: number; sentOn: string; method: SentMethod; now: string; sentBy: number | null; confirmationAttachmentId: number | null }) =>
      sentStatement.run(input),
  }
}

/** ERISA §104(b)(4) plan-document requests marked sent, by case: their 30-day answer date is tracked. */
export function sentPlanDocumentRequests(db: Db) {
  const rows = db.prepare(`SELECT case_id, sent_on FROM packet_exports WHERE letter_kind = 'plan_document_request' AND sent_on IS NOT NULL ORDER BY sent_on`).all() as { case_id: number; sent_on: string }[]
  const byCase = new Map<number, { kind: 'plan_documents'; sentOn: string }[]>()
  for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), { kind: 'plan_documents', sentOn: row.sent_on }])
  return byCase
}

