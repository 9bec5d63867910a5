import type { ComputedDeadline } from '../../../shared/domain/deadlines'
import type { Db } from '../db/openDatabase'

/** Stores the engine's output per case so lists and the board read dates without recomputing. */
export function createDeadlineRepository(db: Db) {
  const clearStatement = db.prepare('DELETE FROM case_deadlines WHERE case_id = ?')
  const insertStatement = db.prepare(`INSERT INTO case_deadlines
    (case_id, key, side, label_key, label_en, due_date, due_at, rule_id, citation, verified)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const clearAllStatement = db.prepare('DELETE FROM case_deadlines')
  return {
    /** Empties the store before a whole-caseload recompute; call inside its transaction. */
    clearAll: (): void => void clearAllStatement.run(),
    /** Replaces a case's stored deadlines; call inside a transaction. */
    replace(caseId: number, deadlines: ComputedDeadline[]): void {
      clearStatement.run(caseId)
      for (const d of deadlines) {
        insertStatement.run(caseId, d.key, d.side, d.labelKey, d.labelEn, d.dueDate, d.dueAt, d.ruleId, d.citation, d.verified ? 1 : 0)
      }
    },
  }
}
export type DeadlineRepository = ReturnType<typeof createDeadlineRepository>
