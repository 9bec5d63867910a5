import type { PriorAuthEntry, PriorAuthOutcome } from '../../../shared/domain/cases'
import type { Db } from '../db/openDatabase'
import { toBool } from '../db/rowMapping'

interface PriorAuthRow {
  id: number
  requested_on: string
  requested_at: string | null
  expedited: number
  outcome: PriorAuthOutcome
  decided_on: string | null
  approved_through: string | null
  reference_number: string
}

export type PriorAuthInput = Omit<PriorAuthEntry, 'id'>

const toEntry = (row: PriorAuthRow): PriorAuthEntry => ({
  id: row.id,
  requestedOn: row.requested_on,
  requestedAt: row.requested_at,
  expedited: toBool(row.expedited),
  outcome: row.outcome,
  decidedOn: row.decided_on,
  approvedThrough: row.approved_through,
  referenceNumber: row.reference_number,
})

/** Prior-authorization requests of a case, newest first (issue 3, item 5). */
export function createPriorAuthRepository(db: Db) {
  const listStatement = db.prepare(`SELECT id, requested_on, requested_at, expedited, outcome, decided_on, approved_through,
    reference_number FROM prior_auths WHERE case_id = ? ORDER BY requested_on DESC, id DESC`)
  const insertStatement = db.prepare(`INSERT INTO prior_auths
    (case_id, requested_on, requested_at, expedited, outcome, decided_on, approved_through, reference_number, created_at, updated_at)
    VALUES (@caseId, @requestedOn, @requestedAt, @expedited, @outcome, @decidedOn, @approvedThrough, @referenceNumber, @now, @now)`)
  const updateStatement = db.prepare(`UPDATE prior_auths SET requested_on = @requestedOn, requested_at = @requestedAt,
    expedited = @expedited, outcome = @outcome, decided_on = @decidedOn, approved_through = @approvedThrough,
    reference_number = @referenceNumber, updated_at = @now WHERE id = @id AND case_id = @caseId`)
  const allStatement = db.prepare(`SELECT case_id, id, requested_on, requested_at, expedited, outcome, decided_on, approved_through,
    reference_number FROM prior_auths ORDER BY case_id, requested_on DESC, id DESC`)
  return {
    listForCase: (caseId: number): PriorAuthEntry[] => (listStatement.all(caseId) as PriorAuthRow[]).map(toEntry),
    /** Every case's requests at once, for recomputing the whole caseload. */
    byCase(): Map<number, PriorAuthEntry[]> {
      const map = new Map<number, PriorAuthEntry[]>()
      for (const row of allStatement.iterate() as IterableIterator<PriorAuthRow & { case_id: number }>) {
        map.set(row.case_id, [...(map.get(row.case_id) ?? []), toEntry(row)])
      }
      return map
    },
    /** Inserts, or updates when `id` is given; returns whether a row was written. */
    save(caseId: number, input: PriorAuthInput & { id?: number | null }, now: string): boolean {
      const params = { ...input, expedited: input.expedited ? 1 : 0, caseId, now }
      if (input.id) return updateStatement.run({ ...params, id: input.id }).changes === 1
      insertStatement.run(params)
      return true
    },
  }
}
export type PriorAuthRepository = ReturnType<typeof createPriorAuthRepository>
