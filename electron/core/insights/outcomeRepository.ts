import type { CaseOutcome, DecisionLevel, OutcomeResult } from '../../../shared/domain/insights'
import type { OutcomeRecord } from '../../../shared/schemas/insightSchemas'
import type { Db } from '../db/openDatabase'
import { centsToDollars, dollarsToCents, toBool } from '../db/rowMapping'

interface OutcomeRow {
  id: number
  case_id: number
  level: DecisionLevel
  result: OutcomeResult
  decided_on: string
  amount_at_stake_cents: number | null
  amount_recovered_cents: number | null
  notes: string
  is_final: number
  created_at: string
}

const toOutcome = (row: OutcomeRow): CaseOutcome => ({
  id: row.id,
  caseId: row.case_id,
  level: row.level,
  result: row.result,
  decidedOn: row.decided_on,
  amountAtStake: centsToDollars(row.amount_at_stake_cents),
  amountRecovered: centsToDollars(row.amount_recovered_cents),
  notes: row.notes,
  isFinal: toBool(row.is_final),
  createdAt: row.created_at,
})

type OutcomeFields = Omit<OutcomeRecord, 'caseId'>

const params = (fields: OutcomeFields) => ({
  level: fields.level,
  result: fields.result,
  decidedOn: fields.decidedOn,
  atStake: dollarsToCents(fields.amountAtStake),
  recovered: dollarsToCents(fields.amountRecovered),
  notes: fields.notes,
  isFinal: fields.isFinal ? 1 : 0,
})

/** Decisions recorded per case: one row per decided level, one of them possibly final. */
export function createOutcomeRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO case_outcomes
    (case_id, level, result, decided_on, amount_at_stake_cents, amount_recovered_cents, notes, is_final, created_at, updated_at)
    VALUES (@caseId, @level, @result, @decidedOn, @atStake, @recovered, @notes, @isFinal, @now, @now)`)
  const update = db.prepare(`UPDATE case_outcomes SET level = @level, result = @result, decided_on = @decidedOn,
    amount_at_stake_cents = @atStake, amount_recovered_cents = @recovered, notes = @notes, is_final = @isFinal, updated_at = @now
    WHERE id = @id`)
  const clearFinal = db.prepare('UPDATE case_outcomes SET is_final = 0 WHERE case_id = ? AND id <> ? AND is_final = 1')
  const selectForCase = db.prepare('SELECT * FROM case_outcomes WHERE case_id = ? ORDER BY decided_on, id')
  const selectOne = db.prepare('SELECT * FROM case_outcomes WHERE id = ?')
  const remove = db.prepare('DELETE FROM case_outcomes WHERE id = ?')

  return {
    listForCase: (caseId: number): CaseOutcome[] => (selectForCase.all(caseId) as OutcomeRow[]).map(toOutcome),
    get: (id: number): CaseOutcome | null => {
      const row = selectOne.get(id) as OutcomeRow | undefined
      return row ? toOutcome(row) : null
    },
    /** Inserts a decision; a final one replaces the case's previous final outcome. Call in a transaction. */
    insert(caseId: number, fields: OutcomeFields, now: string): number {
      const id = Number(insert.run({ ...params(fields), caseId, now }).lastInsertRowid)
      if (fields.isFinal) clearFinal.run(caseId, id)
      return id
    },
    update(id: number, caseId: number, fields: OutcomeFields, now: string): void {
      update.run({ ...params(fields), id, now })
      if (fields.isFinal) clearFinal.run(caseId, id)
    },
    remove: (id: number): void => void remove.run(id),
  }
}
export type OutcomeRepository = ReturnType<typeof createOutcomeRepository>
