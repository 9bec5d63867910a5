import type { BoardCard, BoardData } from '../../../shared/domain/cases'
import { STAGES, type DenialReason, type PlanFamily, type Stage, type TherapyCategory, type Urgency } from '../../../shared/domain/enums'
import { evidenceRulesFor } from '../../../shared/rules/evidence'
import { workingLevel } from '../../../shared/rules/letters/kinds'
import type { BoardQuery } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'
import { likePattern, toBool } from '../db/rowMapping'

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
  /** JSON reasons of the latest denial (as the checklist picks it), null when the case has none. */
  denial_reasons: string | null
  /** Comma-joined checklist item ids the advocate marked received / not applicable. */
  received_ids: string | null
  na_ids: string | null
}

/**
 * One query for the whole board. The nearest deadline per card comes from `case_deadlines`
 * (kept current by the deadline service) through an indexed correlated lookup.
 */
/** How many closed cases the board shows, newest first. */
export const CLOSED_CARDS_SHOWN = 200

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
          EXISTS (SELECT 1 FROM case_deadlines o WHERE o.case_id = c.id AND o.side = 'payer' AND o.due_date < @today) AS payer_overdue,
          (SELECT dn.reasons FROM denials dn WHERE dn.case_id = c.id ORDER BY dn.notice_date DESC, dn.id DESC LIMIT 1) AS denial_reasons,
          ev.received_ids, ev.na_ids
        FROM cases c
        JOIN patients p ON p.id = c.patient_id
        JOIN coverages cv ON cv.id = c.coverage_id
        JOIN therapies t ON t.id = c.therapy_id
        LEFT JOIN advocates a ON a.id = c.advocate_id
        LEFT JOIN case_deadlines d ON d.rowid = (
          SELECT rowid FROM case_deadlines WHERE case_id = c.id ORDER BY due_date, due_at LIMIT 1)
        LEFT JOIN (
          SELECT case_id,
            group_concat(CASE WHEN status = 'received' THEN item_id END) AS received_ids,
            group_concat(CASE WHEN status = 'not_applicable' THEN item_id END) AS na_ids
          FROM case_evidence WHERE status <> 'needed' GROUP BY case_id) ev ON ev.case_id = c.id
        WHERE %STAGE% ${where.length ? `AND ${where.join(' AND ')}` : ''}
        ORDER BY c.stage_entered_at DESC, c.id DESC`
      // Open work is shown whole; closed files only the most recent ones (the column says "N of total"):
      // a statewide caseload keeps years of closed cases that nobody drags (issue 8).
      const statements = [
        db.prepare(sql.replace('%STAGE%', "c.stage <> 'closed'")),
        db.prepare(`${sql.replace('%STAGE%', "c.stage = 'closed'")} LIMIT ${CLOSED_CARDS_SHOWN}`),
      ]
      const totals = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
      for (const row of totalsStatement.all() as { stage: Stage; n: number }[]) totals[row.stage] = row.n
      const progress = createEvidenceProgress()
      // Rows become cards one at a time: no second array of 50,000 rows held beside the cards (issue 8, memory).
      const cards: BoardCard[] = []
      for (const statement of statements) {
        for (const row of statement.iterate(params) as IterableIterator<CardRow>) cards.push(toCard(row, progress(row)))
      }
      return { cards, totals }
    },
  }
}

/**
 * The card's checklist progress, counted as `evidence:list` counts it: the items the rules give the
 * case (latest denial's reasons × therapy × plan family × working ladder level × urgency), minus those
 * marked not applicable, and how many of them are received. Stored marks for items the rules no
 * longer give (the case moved on) do not count. Rule sets are cached per distinct context, so a
 * 5,000-card board evaluates the rules only a few hundred times.
 */
function createEvidenceProgress() {
  const ruleIds = new Map<string, Set<string>>()
  const countIn = (ids: string | null, applicable: Set<string>) => (ids ? ids.split(',').filter((id) => applicable.has(id)).length : 0)

  return function progress(row: CardRow): BoardCard['evidence'] {
    if (row.denial_reasons === null) return null
    const key = `${row.denial_reasons}|${row.category}|${row.plan_family}|${row.stage}|${row.urgency}`
    let applicable = ruleIds.get(key)
    if (!applicable) {
      const context = { reasons: parseReasons(row.denial_reasons), therapy: row.category, family: row.plan_family, urgency: row.urgency }
      applicable = new Set(evidenceRulesFor({ ...context, levelId: workingLevel(row.plan_family, row.stage) }).map((r) => r.id))
      ruleIds.set(key, applicable)
    }
    const total = applicable.size - countIn(row.na_ids, applicable)
    return { received: countIn(row.received_ids, applicable), total }
  }
}

function parseReasons(json: string): DenialReason[] {
  try {
    const parsed: unknown = JSON.parse(json)
    return Array.isArray(parsed) ? (parsed as DenialReason[]) : []
  } catch {
    return []
  }
}

function toCard(row: CardRow, evidence: BoardCard['evidence']): BoardCard {
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
    evidence,
  }
}
export type BoardRepository = ReturnType<typeof createBoardRepository>
