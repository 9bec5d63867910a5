import { DECISION_LEVELS, type DecisionLevel, type OutcomeResult } from '../../../shared/domain/insights'
import type { Stage } from '../../../shared/domain/enums'
import type { Db } from '../db/openDatabase'

interface Move {
  case_id: number
  from_stage: Stage | null
  to_stage: Stage
  moved_at: string
  amount_cents: number | null
}

/** How closed demo cases ended, in turn: mostly wins, as the published overturn rates would suggest. */
const CLOSING_RESULTS: OutcomeResult[] = ['overturned', 'partly_overturned', 'upheld', 'overturned', 'withdrawn']

/**
 * Gives the demo caseload decisions to learn from: a level left for a higher one was upheld, and a
 * closed case ended as CLOSING_RESULTS says. Runs inside loadDemo's transaction, on demo cases only,
 * and only for cases without outcomes, so loading the demo twice adds nothing twice.
 */
export function seedDemoOutcomes(db: Db, now: string): number {
  const moves = db
    .prepare(`SELECT h.case_id, h.from_stage, h.to_stage, h.moved_at,
        (SELECT amount_cents FROM denials WHERE case_id = h.case_id ORDER BY notice_date, id LIMIT 1) AS amount_cents
      FROM case_history h JOIN cases c ON c.id = h.case_id
      WHERE c.is_demo = 1 AND NOT EXISTS (SELECT 1 FROM case_outcomes o WHERE o.case_id = c.id)
      ORDER BY h.case_id, h.moved_at, h.id`)
    .all() as Move[]
  const insert = db.prepare(`INSERT INTO case_outcomes
    (case_id, level, result, decided_on, amount_at_stake_cents, amount_recovered_cents, notes, is_final, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`)
  const isLevel = (stage: Stage | null): stage is DecisionLevel => stage !== null && (DECISION_LEVELS as readonly string[]).includes(stage)
  let closed = 0
  let added = 0
  for (const move of moves) {
    if (!isLevel(move.from_stage)) continue
    const decidedOn = move.moved_at.slice(0, 10)
    const stake = move.amount_cents
    if (move.to_stage === 'closed') {
      const result = CLOSING_RESULTS[closed++ % CLOSING_RESULTS.length]
      const recovered = stake === null ? null : result === 'overturned' ? stake : result === 'partly_overturned' ? Math.round(stake / 2) : 0
      insert.run(move.case_id, move.from_stage, result, decidedOn, stake, recovered, 1, now, now)
      added++
    } else if (move.from_stage !== 'prior_auth' && move.to_stage !== 'denied') {
      // Escalated to a higher level: the level just left was upheld.
      insert.run(move.case_id, move.from_stage, 'upheld', decidedOn, stake, 0, 0, now, now)
      added++
    }
  }
  return added
}
