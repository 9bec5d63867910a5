import { BOARD_PAGE_SIZE, CLOSED_CARDS_SHOWN, type BoardCard, type BoardCursor, type BoardData } from '../../../shared/domain/cases'
import { STAGES, type DenialReason, type PlanFamily, type Stage, type TherapyCategory, type Urgency } from '../../../shared/domain/enums'
import { evidenceRulesFor } from '../../../shared/rules/evidence'
import { workingLevel } from '../../../shared/rules/letters/kinds'
import type { BoardQuery } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'
import { likePattern, toBool } from '../db/rowMapping'

type Statement = ReturnType<Db['prepare']>

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
  kept_offline: number
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

export { BOARD_PAGE_SIZE, CLOSED_CARDS_SHOWN }

/** The card columns and joins, exported for the benchmark's like-for-like raw baseline. */
export const CARD_COLUMNS = `c.id, c.stage, p.first_name, p.last_name, t.category, t.drug, cv.payer, cv.plan_family,
  c.advocate_id, a.display_name AS advocate_name, c.urgency, c.stage_entered_at, c.is_demo, c.kept_offline,
  d.due_date, d.side, d.label_key, d.label_en, d.verified,
  EXISTS (SELECT 1 FROM case_deadlines o WHERE o.case_id = c.id AND o.side = 'payer' AND o.due_date < @today) AS payer_overdue,
  (SELECT dn.reasons FROM denials dn WHERE dn.case_id = c.id ORDER BY dn.notice_date DESC, dn.id DESC LIMIT 1) AS denial_reasons,
  (SELECT group_concat(e.item_id) FROM case_evidence e WHERE e.case_id = c.id AND e.status = 'received') AS received_ids,
  (SELECT group_concat(e.item_id) FROM case_evidence e WHERE e.case_id = c.id AND e.status = 'not_applicable') AS na_ids`

export const CARD_JOINS = `JOIN patients p ON p.id = c.patient_id
  JOIN coverages cv ON cv.id = c.coverage_id
  JOIN therapies t ON t.id = c.therapy_id
  LEFT JOIN advocates a ON a.id = c.advocate_id
  LEFT JOIN case_deadlines d ON d.rowid = (SELECT rowid FROM case_deadlines WHERE case_id = c.id ORDER BY due_date, due_at LIMIT 1)`

/** The board's keyset order, served by the index cases(stage, stage_entered_at DESC, id DESC) (migration 0007). */
const ORDER = 'ORDER BY c.stage_entered_at DESC, c.id DESC'

/**
 * The paged board (issue 15). Each column is read on its own through the stage index, newest in stage
 * first, LIMIT one page, so a page costs the same at 1,000 cases as at 100,000; counts come from SQL;
 * the checklist marks and the deadline are looked up only for the cards returned. Filters and the
 * search box are SQL conditions on the same statements.
 */
export function createBoardRepository(db: Db) {
  const totalsStatement = db.prepare('SELECT stage, COUNT(*) AS n FROM cases GROUP BY stage')
  const statements = new Map<string, Statement>()
  const prepared = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) statements.set(sql, (statement = db.prepare(sql)))
    return statement
  }

  function filtersOf(query: BoardQuery) {
    const where: string[] = []
    const params: Record<string, unknown> = {}
    const joins = new Set<string>()
    if (query.advocateId) {
      where.push('c.advocate_id = @advocateId')
      params.advocateId = query.advocateId
    }
    if (query.planFamily) {
      where.push('cv.plan_family = @planFamily')
      params.planFamily = query.planFamily
      joins.add('JOIN coverages cv ON cv.id = c.coverage_id')
    }
    if (query.therapyCategory) {
      where.push('t.category = @therapyCategory')
      params.therapyCategory = query.therapyCategory
      joins.add('JOIN therapies t ON t.id = c.therapy_id')
    }
    if (query.urgency) {
      where.push('c.urgency = @urgency')
      params.urgency = query.urgency
    }
    const text = query.text?.trim()
    if (text) {
      // Each table is scanned once for the text and the cases matched by id: no row-by-row joins of
      // every case to its patient, coverage and therapy just to test the text (issue 15).
      where.push(`(c.patient_id IN (SELECT id FROM patients WHERE first_name || ' ' || last_name LIKE @text ESCAPE '\\')
        OR c.coverage_id IN (SELECT id FROM coverages WHERE payer LIKE @text ESCAPE '\\' OR member_id LIKE @text ESCAPE '\\')
        OR c.therapy_id IN (SELECT id FROM therapies WHERE drug LIKE @text ESCAPE '\\'))`)
      params.text = likePattern(text)
    }
    return { where, params, countJoins: [...joins].join(' ') }
  }

  /** Cases per column matching the filters: from the stage index alone when nothing is filtered. */
  function countsOf(query: BoardQuery, filters: ReturnType<typeof filtersOf>, totals: Record<Stage, number>, stages: readonly Stage[]) {
    const counts: Partial<Record<Stage, number>> = {}
    if (filters.where.length === 0) {
      for (const stage of stages) counts[stage] = totals[stage]
      return counts
    }
    for (const stage of stages) counts[stage] = 0
    const sql = `SELECT c.stage, COUNT(*) AS n FROM cases c ${filters.countJoins} WHERE ${filters.where.join(' AND ')}${query.stage ? ' AND c.stage = @stage' : ''} GROUP BY c.stage`
    for (const row of prepared(sql).all({ ...filters.params, stage: query.stage }) as { stage: Stage; n: number }[]) {
      if (row.stage in counts) counts[row.stage] = row.n
    }
    return counts
  }

  /** The oldest closed card still shown: closed files are bounded to the newest CLOSED_CARDS_SHOWN. */
  function closedFloor(filters: ReturnType<typeof filtersOf>): BoardCursor | null {
    const sql = `SELECT c.stage_entered_at AS enteredAt, c.id FROM cases c ${filters.countJoins}
      WHERE c.stage = 'closed'${filters.where.length ? ` AND ${filters.where.join(' AND ')}` : ''} ${ORDER} LIMIT 1 OFFSET ${CLOSED_CARDS_SHOWN - 1}`
    return (prepared(sql).get(filters.params) as BoardCursor | undefined) ?? null
  }

  /** One page of one column: `limit` cards after the cursor, and the cursor of the page after it. */
  function page(stage: Stage, filters: ReturnType<typeof filtersOf>, limit: number, after: BoardCursor | undefined, today: string, cards: BoardCard[], progress: ReturnType<typeof createEvidenceProgress>) {
    const where = ['c.stage = @stage', ...filters.where]
    const params: Record<string, unknown> = { ...filters.params, stage, today, limit: limit + 1 }
    if (after) {
      where.push('(c.stage_entered_at, c.id) < (@afterAt, @afterId)')
      params.afterAt = after.enteredAt
      params.afterId = after.id
    }
    if (stage === 'closed') {
      const floor = closedFloor(filters)
      if (floor) {
        where.push('(c.stage_entered_at, c.id) >= (@floorAt, @floorId)')
        params.floorAt = floor.enteredAt
        params.floorId = floor.id
      }
    }
    const sql = `SELECT ${CARD_COLUMNS} FROM cases c ${CARD_JOINS} WHERE ${where.join(' AND ')} ${ORDER} LIMIT @limit`
    let shown = 0
    let last: CardRow | null = null
    for (const row of prepared(sql).iterate(params) as IterableIterator<CardRow>) {
      if (shown === limit) return { enteredAt: last!.stage_entered_at, id: last!.id }
      cards.push(toCard(row, progress(row)))
      last = row
      shown++
    }
    return null
  }

  return {
    load(query: BoardQuery, today: string): BoardData {
      let filters = filtersOf(query)
      const stages = query.stage ? [query.stage] : STAGES
      if (query.stage && query.after) {
        // A column's next page: its cards only (see BoardData.totals).
        const progress = createEvidenceProgress()
        const cards: BoardCard[] = []
        const next = { [query.stage]: page(query.stage, filters, query.limit ?? BOARD_PAGE_SIZE, query.after, today, cards, progress) }
        return { cards, totals: null, counts: {}, next }
      }
      const totals = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
      for (const row of totalsStatement.all() as { stage: Stage; n: number }[]) totals[row.stage] = row.n
      let counts: Partial<Record<Stage, number>> | null = null
      if (query.text?.trim()) {
        // Search box: the matching cases are found once (one pass over the tables), then counted and
        // paged by id, instead of testing the text again in every column's statement.
        const matches = prepared(`SELECT c.id, c.stage FROM cases c ${filters.countJoins} WHERE ${filters.where.join(' AND ')}`).all(filters.params) as { id: number; stage: Stage }[]
        counts = Object.fromEntries(stages.map((s) => [s, 0]))
        const ids: number[] = []
        for (const match of matches) {
          if (!(match.stage in counts)) continue
          counts[match.stage]!++
          ids.push(match.id)
        }
        filters = { where: ['c.id IN (SELECT value FROM json_each(@ids))'], params: { ids: JSON.stringify(ids) }, countJoins: '' }
      }
      const limit = query.limit ?? BOARD_PAGE_SIZE
      const progress = createEvidenceProgress()
      const cards: BoardCard[] = []
      const next: BoardData['next'] = {}
      for (const stage of stages) next[stage] = page(stage, filters, limit, query.stage ? query.after : undefined, today, cards, progress)
      return { cards, totals, counts: counts ?? countsOf(query, filters, totals, stages), next }
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
    isKeptOffline: row.kept_offline === 1,
    nextDeadline:
      row.due_date && row.side && row.label_key && row.label_en
        ? { dueDate: row.due_date, side: row.side, labelKey: row.label_key, labelEn: row.label_en, verified: toBool(row.verified) }
        : null,
    evidence,
  }
}
export type BoardRepository = ReturnType<typeof createBoardRepository>
