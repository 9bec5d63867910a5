import type { Representation, RepresentationKind } from '../../../shared/domain/cases'
import type { Db } from '../db/openDatabase'

interface RepresentationRow {
  kind: RepresentationKind
  representative: string
  signed_on: string
  expires_on: string | null
}

/** The appointment of representative or HIPAA authorization on file for a case (issue 3, item 6). */
export function createRepresentationRepository(db: Db) {
  const getStatement = db.prepare('SELECT kind, representative, signed_on, expires_on FROM representations WHERE case_id = ?')
  const upsertStatement = db.prepare(`INSERT INTO representations (case_id, kind, representative, signed_on, expires_on, updated_at)
    VALUES (@caseId, @kind, @representative, @signedOn, @expiresOn, @now)
    ON CONFLICT(case_id) DO UPDATE SET kind = excluded.kind, representative = excluded.representative,
      signed_on = excluded.signed_on, expires_on = excluded.expires_on, updated_at = excluded.updated_at`)
  const deleteStatement = db.prepare('DELETE FROM representations WHERE case_id = ?')
  const allStatement = db.prepare('SELECT case_id, kind, representative, signed_on, expires_on FROM representations')
  return {
    /** Every case's representation at once, for recomputing the whole caseload. */
    byCase(): Map<number, Representation> {
      const map = new Map<number, Representation>()
      for (const row of allStatement.iterate() as IterableIterator<RepresentationRow & { case_id: number }>) {
        map.set(row.case_id, { kind: row.kind, representative: row.representative, signedOn: row.signed_on, expiresOn: row.expires_on })
      }
      return map
    },
    get(caseId: number): Representation | null {
      const row = getStatement.get(caseId) as RepresentationRow | undefined
      return row ? { kind: row.kind, representative: row.representative, signedOn: row.signed_on, expiresOn: row.expires_on } : null
    },
    save(caseId: number, value: Representation | null, now: string): void {
      if (value) upsertStatement.run({ caseId, ...value, now })
      else deleteStatement.run(caseId)
    },
  }
}
export type RepresentationRepository = ReturnType<typeof createRepresentationRepository>
