import {
  DECIDED_RESULTS,
  WINNING_RESULTS,
  type AdvocateLoad,
  type DateRange,
  type DueItem,
  type DueList,
  type MonthAmounts,
  type OutcomeResult,
  type RateRow,
  type StageDuration,
} from '../../../shared/domain/insights'
import { STAGES, type PlanFamily, type Stage, type TherapyCategory } from '../../../shared/domain/enums'
import type { Db } from '../db/openDatabase'

const DUE_LIST_LIMIT = 100
const PAYER_LIMIT = 20

/** Decisions in a range counted by everything the dashboard breaks them down by, in one pass. */
export interface DecisionCount {
  planFamily: PlanFamily
  level: string
  category: TherapyCategory
  payer: string
  advocateId: number | null
  result: OutcomeResult
  n: number
  atStakeCents: number
  recoveredCents: number
}

/** The rate row's count for each result. */
const COUNT_FIELD = {
  overturned: 'overturned',
  partly_overturned: 'partlyOverturned',
  upheld: 'upheld',
  withdrawn: 'withdrawn',
  dismissed: 'dismissed',
} as const satisfies Record<OutcomeResult, keyof RateRow>

/** Adds decisions into a rate row; the rate counts only decisions on the merits (shared/domain/insights.ts). */
export function tally(rows: { key: string; result: OutcomeResult; n: number }[]): RateRow[] {
  const byKey = new Map<string, RateRow>()
  const wins = new Map<string, number>()
  for (const { key, result, n } of rows) {
    const row = byKey.get(key) ?? { key, decided: 0, overturned: 0, partlyOverturned: 0, upheld: 0, withdrawn: 0, dismissed: 0, rate: null }
    row[COUNT_FIELD[result]] += n
    if (DECIDED_RESULTS.includes(result)) row.decided += n
    byKey.set(key, row)
    wins.set(key, (wins.get(key) ?? 0) + (WINNING_RESULTS.includes(result) ? n : 0))
  }
  for (const row of byKey.values()) row.rate = row.decided ? (wins.get(row.key) ?? 0) / row.decided : null
  return [...byKey.values()]
}

export const median = (sorted: number[]): number | null => {
  if (sorted.length === 0) return null
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

interface DueRow {
  case_id: number
  first_name: string
  last_name: string
  side: 'ours' | 'payer'
  label_key: string
  label_en: string
  due_date: string
}

/** The dashboard's queries: aggregates in SQL, small merges in TypeScript. */
export function createDashboardRepository(db: Db) {
  const openByStage = db.prepare("SELECT stage, COUNT(*) AS n FROM cases WHERE stage <> 'closed' GROUP BY stage")
  const countFrom = "FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE c.stage <> 'closed' AND"
  const dueSelect = `SELECT d.case_id, p.first_name, p.last_name, d.side, d.label_key, d.label_en, d.due_date
    FROM case_deadlines d JOIN cases c ON c.id = d.case_id JOIN patients p ON p.id = c.patient_id WHERE c.stage <> 'closed' AND`
  const dueWeek = {
    count: db.prepare(`SELECT COUNT(*) ${countFrom} d.due_date BETWEEN @today AND @weekEnd`).pluck(),
    list: db.prepare(`${dueSelect} d.due_date BETWEEN @today AND @weekEnd ORDER BY d.due_date, d.case_id LIMIT ${DUE_LIST_LIMIT}`),
  }
  const overdue = {
    count: db.prepare(`SELECT COUNT(*) ${countFrom} d.side = @side AND d.due_date < @today`).pluck(),
    list: db.prepare(`${dueSelect} d.side = @side AND d.due_date < @today ORDER BY d.due_date, d.case_id LIMIT ${DUE_LIST_LIMIT}`),
  }
  const decisions = db.prepare(`SELECT cv.plan_family AS planFamily, o.level, t.category, cv.payer, c.advocate_id AS advocateId,
      o.result, COUNT(*) AS n,
      COALESCE(SUM(o.amount_at_stake_cents), 0) AS atStakeCents, COALESCE(SUM(o.amount_recovered_cents), 0) AS recoveredCents
    FROM case_outcomes o JOIN cases c ON c.id = o.case_id JOIN coverages cv ON cv.id = c.coverage_id
    JOIN therapies t ON t.id = c.therapy_id
    WHERE o.decided_on BETWEEN @from AND @to GROUP BY 1, 2, 3, 4, 5, 6`)
  // The reasons of the case's first denial (the first recorded): what the payer said before any appeal.
  const byReason = db.prepare(`SELECT r.value AS key, o.result, COUNT(*) AS n
    FROM case_outcomes o
    JOIN denials d ON d.id = (SELECT MIN(id) FROM denials WHERE case_id = o.case_id)
    JOIN json_each(d.reasons) r
    WHERE o.decided_on BETWEEN @from AND @to GROUP BY 1, 2`)
  // Completed stays (from entering a column to the next move) that ended in the range; the median is
  // read from the (stage, days) index at the middle offset.
  const stayCount = db.prepare('SELECT COUNT(*) FROM case_stage_stays WHERE stage = @stage AND ended_on BETWEEN @from AND @to').pluck()
  const stayMiddle = db
    .prepare(`SELECT days FROM case_stage_stays INDEXED BY case_stage_stays_days
      WHERE stage = @stage AND ended_on BETWEEN @from AND @to ORDER BY days LIMIT @take OFFSET @skip`)
    .pluck()
  const byMonth = db.prepare(`SELECT substr(decided_on, 1, 7) AS month, COUNT(*) AS decisions,
      COALESCE(SUM(amount_at_stake_cents), 0) AS atStakeCents, COALESCE(SUM(amount_recovered_cents), 0) AS recoveredCents
    FROM case_outcomes WHERE decided_on BETWEEN @from AND @to GROUP BY 1 ORDER BY 1`)
  const closedInRange = db.prepare("SELECT COUNT(*) FROM cases WHERE stage = 'closed' AND closed_on BETWEEN @from AND @to").pluck()
  const openByAdvocate = db.prepare("SELECT advocate_id AS advocateId, COUNT(*) AS n FROM cases WHERE stage <> 'closed' GROUP BY 1")
  const advocateNames = db.prepare('SELECT id, display_name FROM advocates')

  const toDue = (row: DueRow): DueItem => ({
    caseId: row.case_id,
    patientName: `${row.first_name} ${row.last_name}`,
    side: row.side,
    labelKey: row.label_key,
    labelEn: row.label_en,
    dueDate: row.due_date,
  })

  return {
    openByStage(): { stage: Stage; count: number }[] {
      const counts = new Map((openByStage.all() as { stage: Stage; n: number }[]).map((r) => [r.stage, r.n]))
      return STAGES.filter((s) => s !== 'closed').map((stage) => ({ stage, count: counts.get(stage) ?? 0 }))
    },
    dueThisWeek(today: string, weekEnd: string): DueList {
      return { total: dueWeek.count.get({ today, weekEnd }) as number, items: (dueWeek.list.all({ today, weekEnd }) as DueRow[]).map(toDue) }
    },
    overdue(side: 'ours' | 'payer', today: string): DueList {
      return { total: overdue.count.get({ side, today }) as number, items: (overdue.list.all({ side, today }) as DueRow[]).map(toDue) }
    },
    decisions: (range: DateRange): DecisionCount[] => decisions.all(range) as DecisionCount[],
    /** The payers with the most decisions. */
    byPayer: (decisionCounts: DecisionCount[]): RateRow[] =>
      tally(decisionCounts.map((d) => ({ key: d.payer, result: d.result, n: d.n })))
        .sort((a, b) => b.decided - a.decided || a.key.localeCompare(b.key))
        .slice(0, PAYER_LIMIT),
    byReason: (range: DateRange): RateRow[] => tally(byReason.all(range) as { key: string; result: OutcomeResult; n: number }[]),
    stageDurations(range: DateRange): StageDuration[] {
      return STAGES.filter((s) => s !== 'closed').map((stage) => {
        const count = stayCount.get({ stage, ...range }) as number
        if (count === 0) return { stage, count, medianDays: null }
        const middle = stayMiddle.all({ stage, ...range, take: count % 2 ? 1 : 2, skip: Math.floor((count - 1) / 2) }) as number[]
        const mid = median(middle)!
        return { stage, count, medianDays: Math.round(mid * 10) / 10 }
      })
    },
    amountsByMonth: (range: DateRange): MonthAmounts[] =>
      (byMonth.all(range) as { month: string; decisions: number; atStakeCents: number; recoveredCents: number }[]).map((r) => ({
        month: r.month,
        decisions: r.decisions,
        atStake: r.atStakeCents / 100,
        recovered: r.recoveredCents / 100,
      })),
    closedCases: (range: DateRange): number => closedInRange.get(range) as number,
    advocates(decisionCounts: DecisionCount[]): AdvocateLoad[] {
      const names = new Map((advocateNames.all() as { id: number; display_name: string }[]).map((a) => [a.id, a.display_name]))
      const loads = new Map<number | null, AdvocateLoad>()
      const entry = (advocateId: number | null) => {
        const existing = loads.get(advocateId)
        if (existing) return existing
        const created: AdvocateLoad = { advocateId, name: advocateId === null ? null : (names.get(advocateId) ?? null), openCases: 0, decisions: 0, wins: 0 }
        loads.set(advocateId, created)
        return created
      }
      for (const row of openByAdvocate.all() as { advocateId: number | null; n: number }[]) entry(row.advocateId).openCases = row.n
      for (const d of decisionCounts) {
        const load = entry(d.advocateId)
        load.decisions += d.n
        if (WINNING_RESULTS.includes(d.result)) load.wins += d.n
      }
      return [...loads.values()].sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'))
    },
  }
}
export type DashboardRepository = ReturnType<typeof createDashboardRepository>

