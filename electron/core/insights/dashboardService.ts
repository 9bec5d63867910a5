import { addCalendarDays } from '../../../shared/domain/days'
import { DECISION_LEVELS, type BenchmarkComparison, type DashboardData, type DateRange, type RateRow } from '../../../shared/domain/insights'
import { PUBLIC_BENCHMARKS } from '../../../shared/rules/publicBenchmarks'
import type { DashboardRepository, DecisionCount } from './dashboardRepository'
import { tally } from './dashboardRepository'

const byDecidedThenKey = (a: RateRow, b: RateRow) => b.decided - a.decided || a.key.localeCompare(b.key)

/**
 * Our rate for each public figure that has a comparable one, in the figure's own terms: the share
 * overturned (fully or partly), or the share upheld, of decisions on the merits.
 */
export function compareWithBenchmarks(decisions: DecisionCount[]): BenchmarkComparison[] {
  return PUBLIC_BENCHMARKS.filter((b) => b.compare).map((benchmark) => {
    const { planFamilies, levels } = benchmark.compare!
    const rows = decisions.filter((d) => planFamilies.includes(d.planFamily) && (levels as string[]).includes(d.level))
    const [row] = tally(rows.map((d) => ({ key: 'all', result: d.result, n: d.n })))
    if (!row || row.decided === 0) return { benchmarkId: benchmark.id, ourRate: null, ourDecided: 0 }
    const ourRate = benchmark.measure === 'upheld_share' ? row.upheld / row.decided : row.rate
    return { benchmarkId: benchmark.id, ourRate, ourDecided: row.decided }
  })
}

/** Everything the dashboard shows. Counts of open work are "now"; decisions are those in the range. */
export function buildDashboard(repo: DashboardRepository, range: DateRange, today: string): DashboardData {
  const started = performance.now()
  const decisions = repo.decisions(range)
  const rowsBy = (key: (d: DecisionCount) => string) => tally(decisions.map((d) => ({ key: key(d), result: d.result, n: d.n })))
  const [all] = rowsBy(() => 'all')
  const emptyTotals: RateRow = { key: 'all', decided: 0, overturned: 0, partlyOverturned: 0, upheld: 0, withdrawn: 0, dismissed: 0, rate: null }
  const sumCents = (pick: (d: DecisionCount) => number) => decisions.reduce((sum, d) => sum + pick(d), 0)
  const byLevel = rowsBy((d) => d.level)
  const levelOrder = (row: RateRow) => DECISION_LEVELS.indexOf(row.key as (typeof DECISION_LEVELS)[number])
  const data: Omit<DashboardData, 'tookMs'> = {
    today,
    range,
    openByStage: repo.openByStage(),
    dueThisWeek: repo.dueThisWeek(today, addCalendarDays(today, 6)),
    overdueOurs: repo.overdue('ours', today),
    overduePayer: repo.overdue('payer', today),
    totals: {
      ...(all ?? emptyTotals),
      atStake: sumCents((d) => d.atStakeCents) / 100,
      recovered: sumCents((d) => d.recoveredCents) / 100,
      closedCases: repo.closedCases(range),
    },
    byLevel: byLevel.sort((a, b) => levelOrder(a) - levelOrder(b)),
    byPayer: repo.byPayer(decisions),
    byReason: repo.byReason(range).sort(byDecidedThenKey),
    byTherapy: rowsBy((d) => d.category).sort(byDecidedThenKey),
    byPlanFamily: rowsBy((d) => d.planFamily).sort(byDecidedThenKey),
    stageDurations: repo.stageDurations(range),
    amountsByMonth: repo.amountsByMonth(range),
    advocates: repo.advocates(decisions),
    benchmarks: compareWithBenchmarks(decisions),
  }
  return { ...data, tookMs: Math.round((performance.now() - started) * 10) / 10 }
}
