import { existsSync } from 'node:fs'
import { createCore } from '../../electron/core/createCore'
import { buildDashboard } from '../../electron/core/insights/dashboardService'
import { BENCH_QUERIES, fillBenchCaseload } from './insightsBench'
const dir = '/tmp/overturn-bench50k'
const isNew = !existsSync(dir)
const core = createCore({ dataDir: dir, seedDemoOnFirstRun: false })
if (isNew) fillBenchCaseload(core, 50000)
for (const q of BENCH_QUERIES) core.insights.search(q, 6)
for (const q of BENCH_QUERIES) {
  const times: number[] = []
  for (let i = 0; i < 5; i++) { const s = performance.now(); core.insights.search(q, 6); times.push(performance.now() - s) }
  console.log(q.padEnd(20), times.map((t) => t.toFixed(1)).join(' '))
}
// dashboard parts
const { createDashboardRepository } = await import('../../electron/core/insights/dashboardRepository')
const repo = createDashboardRepository(core.db)
const range = { from: '2025-11-25', to: '2026-11-25' }
const time = (label: string, f: () => unknown) => { f(); const s = performance.now(); f(); console.log(label.padEnd(20), (performance.now() - s).toFixed(1)) }
time('openByStage', () => repo.openByStage())
time('dueThisWeek', () => repo.dueThisWeek('2026-11-25', '2026-12-01'))
time('overdue ours', () => repo.overdue('ours', '2026-11-25'))
time('overdue payer', () => repo.overdue('payer', '2026-11-25'))
time('decisions', () => repo.decisions(range))

time('byReason', () => repo.byReason(range))
time('stageDurations', () => repo.stageDurations(range))
time('amountsByMonth', () => repo.amountsByMonth(range))
time('closed', () => repo.closedCases(range))

time('all', () => buildDashboard(repo, range, '2026-11-25'))
console.log(core.db.prepare('select count(*) from case_outcomes').pluck().get(), core.db.prepare('select count(*) from case_history').pluck().get(), core.db.prepare('select count(*) from case_deadlines').pluck().get())
core.close()
