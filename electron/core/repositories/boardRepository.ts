import type { BoardCard, BoardData } from '../../../shared/domain/dto'
import { STAGES, type PlanFamily, type Stage, type TherapyCategory, type Urgency } from '../../../shared/domain/enums'
import type { BoardQuery } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'
import { likePattern, toBool } from './rowMapping'

interface CardRow {
  id: number
  stage: Stage
  first_name: string
  last_name: string
  category: TherapyCategory
  drug: string
  payer: string
  plan_family: PlanFamily
  advocate_id: number | null
  advocate_name: string | null
  urgency: Urgency
  stage_entered_at: string
  is_demo: number
  due_date: string | null
  side: 'ours' | 'payer' | null
  label_key: string | null
  label_en: string | null
  verified: number | null
  payer_overdue: number
}

/**
 * One query for the whole board. The nearest deadline per card comes from `case_deadlines`
 * (kept current by the deadline service) through an indexed correlated lookup.
 */
export function createBoardRepository(db: Db) {
  const totalsStatement = db.prepare('SELECT stage, COUNT(*) AS n FROM cases GROUP BY stage')

  return {
    load(query: BoardQuery, today: string): BoardData {
      const where: string[] = []
      const params: Record<string, unknown> = { today }
      if (query.advocateId) {
        where.push('c.advocate_id = @advocateId')
        params.advocateId = query.advocateId
      }
      if (query.planFamily) {
        where.push('cv.plan_family = @planFamily')
        params.planFamily = query.planFamily
      }
      if (query.therapyCategory) {
        where.push('t.category = @therapyCategory')
        params.therapyCategory = query.therapyCategory
      }
      if (query.urgency) {
        where.push('c.urgency = @urgency')
        params.urgency = query.urgency
      }
      const text = query.text?.trim()
      if (text) {
        where.push(`(p.first_name || ' ' || p.last_name LIKE @text ESCAPE '\\' OR t.drug LIKE @text ESCAPE '\\'
          OR cv.payer LIKE @text ESCAPE '\\' OR cv.member_id LIKE @text ESCAPE '\\')`)
        params.text = likePattern(text)
      }
      const sql = `SELECT c.id, c.stage, p.first_name, p.last_name, t.category, t.drug, cv.payer, cv.plan_family,
          c.advocate_id, a.display_name AS advocate_name, c.urgency, c.stage_entered_at, c.is_demo,
          d.due_date, d.side, d.label_key, d.label_en, d.verified,
          EXISTS (SELECT 1 FROM case_deadlines o WHERE o.case_id = c.id AND o.side = 'payer' AND o.due_date < @today) AS payer_overdue
        FROM cases c
        JOIN patients p ON p.id = c.patient_id
        JOIN coverages cv ON cv.id = c.coverage_id
        JOIN therapies t ON t.id = c.therapy_id
        LEFT JOIN advocates a ON a.id = c.advocate_id
        LEFT JOIN case_deadlines d ON d.rowid = (
          SELECT rowid FROM case_deadlines WHERE case_id = c.id ORDER BY due_date, due_at LIMIT 1)
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.stage_entered_at DESC, c.id DESC`
      const rows = db.prepare(sql).all(params) as CardRow[]
      const totals = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
      for (const row of totalsStatement.all() as { stage: Stage; n: number }[]) totals[row.stage] = row.n
      return { cards: rows.map(toCard), totals }
    },
  }
}

function toCard(row: CardRow): BoardCard {
  return {
    id: row.id,
    stage: row.stage,
    patientName: `${row.first_name} ${row.last_name}`,
    therapyCategory: row.category,
    drug: row.drug,
    payer: row.payer,
    planFamily: row.plan_family,
    advocateId: row.advocate_id,
    advocateName: row.advocate_name,
    urgency: row.urgency,
    stageEnteredAt: row.stage_entered_at,
    isDemo: toBool(row.is_demo),
    isPayerOverdue: row.payer_overdue === 1,
    nextDeadline:
      row.due_date && row.side && row.label_key && row.label_en
        ? { dueDate: row.due_date, side: row.side, labelKey: row.label_key, labelEn: row.label_en, verified: toBool(row.verified) }
        : null,
  }
}
export type BoardRepository = ReturnType<typeof createBoardRepository>
