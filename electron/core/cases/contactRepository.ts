import type { ContactEntry } from '../../../shared/domain/cases'
import type { ContactKind, ContactOutcome } from '../../../shared/domain/enums'
import type { ContactCreate } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'

interface ContactRow {
  id: number
  kind: ContactKind
  occurred_on: string
  with_whom: string
  reference_number: string
  requested: string
  submitted: string
  submitted_on: string | null
  follow_up_on: string | null
  outcome: ContactOutcome | null
  created_at: string
}

const toContact = (row: ContactRow): ContactEntry => ({
  id: row.id,
  kind: row.kind,
  occurredOn: row.occurred_on,
  withWhom: row.with_whom,
  referenceNumber: row.reference_number,
  requested: row.requested,
  submitted: row.submitted,
  submittedOn: row.submitted_on,
  followUpOn: row.follow_up_on,
  outcome: row.outcome,
  createdAt: row.created_at,
})

const COLUMNS = 'id, kind, occurred_on, with_whom, reference_number, requested, submitted, submitted_on, follow_up_on, outcome, created_at'

export function createContactRepository(db: Db) {
  const insertStatement = db.prepare(`INSERT INTO contacts
    (case_id, kind, occurred_on, with_whom, reference_number, requested, submitted, submitted_on, follow_up_on, outcome, advocate_id, created_at)
    VALUES (@caseId, @kind, @occurredOn, @withWhom, @referenceNumber, @requested, @submitted, @submittedOn, @followUpOn, @outcome, @advocateId, @createdAt)`)
  const getStatement = db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE id = ?`)
  const listStatement = db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE case_id = ? ORDER BY occurred_on DESC, id DESC`)
  return {
    add(input: ContactCreate, advocateId: number | null, createdAt: string): ContactEntry {
      const id = insertStatement.run({ ...input, outcome: input.outcome ?? null, advocateId, createdAt }).lastInsertRowid
      return toContact(getStatement.get(id) as ContactRow)
    },
    listForCase: (caseId: number): ContactEntry[] => (listStatement.all(caseId) as ContactRow[]).map(toContact),
  }
}
export type ContactRepository = ReturnType<typeof createContactRepository>
