import type { Attachment, AttachmentKind, EvidenceStatus, LetterKind } from '../../../shared/domain/documents'
import type { Db } from '../db/openDatabase'

interface AttachmentRow {
  id: number
  case_id: number
  label: string
  original_name: string
  stored_name: string
  kind: AttachmentKind
  mime: string
  size_bytes: number
  sha256: string
  added_at: string
  exhibit_number: number
}

export type AttachmentRecord = Attachment & { storedName: string }

const toAttachment = (row: AttachmentRow): AttachmentRecord => ({
  id: row.id,
  caseId: row.case_id,
  label: row.label,
  originalName: row.original_name,
  storedName: row.stored_name,
  kind: row.kind,
  mime: row.mime,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  addedAt: row.added_at,
  exhibitNumber: row.exhibit_number,
})

/** The public DTO: the stored file name stays inside the core. */
export const publicAttachment = ({ storedName: _storedName, ...attachment }: AttachmentRecord): Attachment => attachment

const COLUMNS = 'id, case_id, label, original_name, stored_name, kind, mime, size_bytes, sha256, added_at, exhibit_number'

/** Attachments of a case, in exhibit order. */
export function createAttachmentRepository(db: Db) {
  const insertStatement = db.prepare(`INSERT INTO attachments
    (case_id, label, original_name, stored_name, kind, mime, size_bytes, sha256, added_at, exhibit_number)
    VALUES (@caseId, @label, @originalName, @storedName, @kind, @mime, @sizeBytes, @sha256, @addedAt,
      (SELECT COALESCE(MAX(exhibit_number), 0) + 1 FROM attachments WHERE case_id = @caseId))`)
  const getStatement = db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE id = ?`)
  const listStatement = db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE case_id = ? ORDER BY exhibit_number, id`)
  const byHashStatement = db.prepare(`SELECT ${COLUMNS} FROM attachments WHERE case_id = ? AND sha256 = ?`)
  const numberStatement = db.prepare('UPDATE attachments SET exhibit_number = ? WHERE id = ? AND case_id = ?')
  const labelStatement = db.prepare('UPDATE attachments SET label = ? WHERE id = ?')
  const deleteStatement = db.prepare('DELETE FROM attachments WHERE id = ?')

  const list = (caseId: number) => (listStatement.all(caseId) as AttachmentRow[]).map(toAttachment)
  const renumber = (caseId: number, ids: number[]) => ids.forEach((id, index) => numberStatement.run(index + 1, id, caseId))

  return {
    list,
    get: (id: number): AttachmentRecord | null => {
      const row = getStatement.get(id) as AttachmentRow | undefined
      return row ? toAttachment(row) : null
    },
    findByHash: (caseId: number, sha256: string): AttachmentRecord | null => {
      const row = byHashStatement.get(caseId, sha256) as AttachmentRow | undefined
      return row ? toAttachment(row) : null
    },
    insert(input: Omit<AttachmentRecord, 'id' | 'exhibitNumber'>): number {
      return Number(insertStatement.run(input).lastInsertRowid)
    },
    setLabel: (id: number, label: string) => void labelStatement.run(label, id),
    /** Sets exhibit numbers 1..n in the given order; call inside a transaction. */
    renumber,
    /** Deletes one attachment and closes the gap in the numbering; call inside a transaction. */
    remove(record: AttachmentRecord) {
      deleteStatement.run(record.id)
      renumber(record.caseId, list(record.caseId).map((a) => a.id))
    },
  }
}
export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>

interface EvidenceRow {
  item_id: string
  status: EvidenceStatus
  attachment_id: number | null
}

/** Evidence items the advocate has touched; untouched items are "needed". */
export function createEvidenceRepository(db: Db) {
  const listStatement = db.prepare('SELECT item_id, status, attachment_id FROM case_evidence WHERE case_id = ?')
  const upsertStatement = db.prepare(`INSERT INTO case_evidence (case_id, item_id, status, attachment_id, updated_at)
    VALUES (@caseId, @itemId, @status, @attachmentId, @updatedAt)
    ON CONFLICT(case_id, item_id) DO UPDATE SET status = excluded.status, attachment_id = excluded.attachment_id, updated_at = excluded.updated_at`)
  return {
    stateFor(caseId: number): Map<string, { status: EvidenceStatus; attachmentId: number | null }> {
      const rows = listStatement.all(caseId) as EvidenceRow[]
      return new Map(rows.map((r) => [r.item_id, { status: r.status, attachmentId: r.attachment_id }]))
    },
    set(input: { caseId: number; itemId: string; status: EvidenceStatus; attachmentId: number | null; updatedAt: string }) {
      upsertStatement.run(input)
    },
  }
}
export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>

interface LetterRow {
  kind: LetterKind
  body: string
  updated_at: string
}

/** The advocate's edited letters, one version per case and kind. */
export function createLetterRepository(db: Db) {
  const getStatement = db.prepare('SELECT kind, body, updated_at FROM letter_versions WHERE case_id = ? AND kind = ?')
  const kindsStatement = db.prepare('SELECT kind FROM letter_versions WHERE case_id = ?')
  const upsertStatement = db.prepare(`INSERT INTO letter_versions (case_id, kind, body, updated_at) VALUES (?, ?, ?, ?)
    ON CONFLICT(case_id, kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`)
  const deleteStatement = db.prepare('DELETE FROM letter_versions WHERE case_id = ? AND kind = ?')
  return {
    get(caseId: number, kind: LetterKind): { body: string; updatedAt: string } | null {
      const row = getStatement.get(caseId, kind) as LetterRow | undefined
      return row ? { body: row.body, updatedAt: row.updated_at } : null
    },
    editedKinds: (caseId: number): LetterKind[] => (kindsStatement.all(caseId) as { kind: LetterKind }[]).map((r) => r.kind),
    save: (caseId: number, kind: LetterKind, body: string, updatedAt: string) => void upsertStatement.run(caseId, kind, body, updatedAt),
    remove: (caseId: number, kind: LetterKind) => void deleteStatement.run(caseId, kind),
  }
}
export type LetterRepository = ReturnType<typeof createLetterRepository>
