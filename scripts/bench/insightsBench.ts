/**
 * Benchmarks for issue 6: search p50/p95 over a set of typical queries and the dashboard's median
 * load time, on caseloads built by the demo generator. Targets at 50,000 cases: search p95 < 30 ms,
 * dashboard < 300 ms. `npm run bench` calls `runInsightsBench`; run alone with
 * `npx tsx scripts/bench/insightsBench.ts [count …]`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { addCalendarDays, localDayOf } from '../../shared/domain/days'
import { createCore, type Core } from '../../electron/core/createCore'
import { generateCaseload } from '../../electron/core/demo/demoCaseload'
import { ADVOCATE_NAMES } from '../../electron/core/demo/demoFacts'
import { seedDemoOutcomes } from '../../electron/core/insights/demoOutcomes'
import { createCaseRepository } from '../../electron/core/cases/caseRepository'
import { createContactRepository } from '../../electron/core/cases/contactRepository'

export const SEARCH_TARGET_P95_MS = 30
export const DASHBOARD_TARGET_MS = 300

/** What advocates type: whole names, accentless and misspelled names, prefixes, IDs, drugs, payers, notes. */
export const BENCH_QUERIES = [
  'jose nunez',
  'José Núñez',
  'mei nunes',
  'lusia lefevre',
  'jos nun',
  'lindqvst',
  'garcia',
  'gammagard',
  'privigen cidp',
  'evergreen',
  'lakeshore blue',
  'DEMO0012345',
  'PA-4821',
  'member services',
  'claim file',
  'o brien',
  'washington tpn',
  'daptomycin',
  'dr park',
  'zzzz',
]

export interface InsightsBenchResult {
  cases: number
  fillSeconds: number
  searchP50Ms: number
  searchP95Ms: number
  searchMaxMs: number
  dashboardMedianMs: number
  dashboardMaxMs: number
  meetsTargets: boolean
}

/**
 * Fills a core with `count` generated cases (history, contacts, deadlines, outcomes) in one
 * transaction, as the demo loader does.
 */
export function fillBenchCaseload(core: Core, count: number, seed = 20261125): void {
  const today = localDayOf(core.now())
  const cases = createCaseRepository(core.db)
  const contacts = createContactRepository(core.db)
  core.db.transaction(() => {
    const existing = core.advocates.list().map((a) => a.id)
    const advocateIds = existing.length ? existing : ADVOCATE_NAMES.map((name) => core.advocates.create(name, 'advocate', core.now().toISOString()))
    for (const demo of generateCaseload({ today, count, seed, advocateIds })) {
      const firstStage = demo.path[0]?.stage ?? demo.input.stage
      const openedAt = `${demo.input.openedOn}T15:00:00.000Z`
      const id = cases.insert({ ...demo.input, stage: firstStage }, { isDemo: true, now: openedAt, movedBy: demo.input.advocateId })
      let from = firstStage
      for (const step of [...demo.path.slice(1), { stage: demo.input.stage, daysAgo: 1 }]) {
        if (step.stage === from) continue
        cases.move(id, from, step.stage, { now: `${addCalendarDays(today, -step.daysAgo)}T16:00:00.000Z`, today, movedBy: demo.input.advocateId, overrideReason: '', note: '' })
        from = step.stage
      }
      for (const contact of demo.contacts) contacts.add({ ...contact, caseId: id }, demo.input.advocateId, openedAt)
      if (demo.filedDaysAgo !== null) {
        cases.setAppeal(id, { appealFiledOn: addCalendarDays(today, -demo.filedDaysAgo), appealFiledAt: null, internalLevels: null, payerExtended: false, previousAppealFiledOn: null }, openedAt)
      }
      core.deadlines.refresh(id, today)
    }
    seedDemoOutcomes(core.db, core.now().toISOString())
  })()
  core.db.pragma('optimize')
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
const round = (ms: number) => Math.round(ms * 100) / 100

/** Measures search (every query `rounds` times, after one warm-up pass) and the dashboard (median of `dashboardRuns`). */
export function benchInsights(core: Core, options: { queries?: string[]; rounds?: number; dashboardRuns?: number } = {}) {
  const queries = options.queries ?? BENCH_QUERIES
  for (const q of queries) core.insights.search(q, 6)
  const searchTimes: number[] = []
  for (let round = 0; round < (options.rounds ?? 10); round++) {
    for (const q of queries) {
      const started = performance.now()
      core.insights.search(q, 6)
      searchTimes.push(performance.now() - started)
    }
  }
  core.insights.dashboard({})
  const dashboardTimes: number[] = []
  for (let i = 0; i < (options.dashboardRuns ?? 7); i++) {
    const started = performance.now()
    core.insights.dashboard({})
    dashboardTimes.push(performance.now() - started)
  }
  searchTimes.sort((a, b) => a - b)
  dashboardTimes.sort((a, b) => a - b)
  return {
    searchP50Ms: round(percentile(searchTimes, 50)),
    searchP95Ms: round(percentile(searchTimes, 95)),
    searchMaxMs: round(searchTimes.at(-1)!),
    dashboardMedianMs: round(percentile(dashboardTimes, 50)),
    dashboardMaxMs: round(dashboardTimes.at(-1)!),
  }
}

/** One fresh core per size, filled, measured and removed. */
export function runInsightsBench(sizes: number[] = [1_000, 50_000]): InsightsBenchResult[] {
  return sizes.map((count) => {
    const dir = mkdtempSync(join(tmpdir(), 'overturn-bench-insights-'))
    const core = createCore({ dataDir: dir, seedDemoOnFirstRun: false })
    try {
      const started = performance.now()
      fillBenchCaseload(core, count)
      const fillSeconds = Math.round((performance.now() - started) / 100) / 10
      const measured = benchInsights(core)
      return {
        cases: count,
        fillSeconds,
        ...measured,
        meetsTargets: count < 50_000 || (measured.searchP95Ms < SEARCH_TARGET_P95_MS && measured.dashboardMedianMs < DASHBOARD_TARGET_MS),
      }
    } finally {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0)
  const results = runInsightsBench(sizes.length ? sizes : undefined)
  console.table(results)
  if (results.some((r) => !r.meetsTargets)) process.exitCode = 1
}
