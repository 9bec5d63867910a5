import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/createCore'
import { insertBulkCaseload } from '../../../scripts/bench/bulkCaseload'
import { runBench } from '../../../scripts/bench/runBench'

const TODAY = '2026-11-25'

function searchRows(count: number, deferSearchIndex: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'overturn-bulk-'))
  const core = createCore({ dataDir, seedDemoOnFirstRun: false })
  try {
    insertBulkCaseload(core.db, { today: TODAY, count, seed: 7, deferSearchIndex })
    const hasIndex = core.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_docs'").get()
    const docs = hasIndex ? core.db.prepare('SELECT kind, ref_id, ref_sub, case_id, patient_id, title, body FROM search_docs ORDER BY kind, ref_id, ref_sub').all() : []
    const triggers = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()
    const counts = core.db.prepare("SELECT COUNT(*) AS cases, SUM(stage = 'closed') AS closed FROM cases").get() as { cases: number; closed: number }
    // Every applicant's queue outcome is stored and current, as the app leaves it (migration 0014).
    const outcomes = core.db.prepare('SELECT (SELECT COUNT(*) FROM applicants) AS applicants, COUNT(*) AS stored, SUM(epoch = (SELECT epoch FROM screening_state)) AS current FROM applicant_outcomes').get()
    return { docs, triggers, counts, outcomes }
  } finally {
    core.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

describe('bulk caseload generator', () => {
  it('writes the requested cases, about half closed, and the same search index as the row-by-row triggers', () => {
    const deferred = searchRows(300, true)
    const direct = searchRows(300, false)
    expect(deferred.counts.cases).toBe(300)
    expect(deferred.counts.closed).toBeGreaterThan(100)
    expect(deferred.counts.closed).toBeLessThan(200)
    expect(deferred.triggers).toEqual(direct.triggers)
    expect(deferred.docs).toEqual(direct.docs)
    expect(deferred.outcomes).toEqual({ applicants: 60, stored: 60, current: 60 })
  })
})

// The CI smoke check: the quick path on 1,000 cases must produce a number for every figure.
// Timings are never asserted: they depend on the machine and on whatever else runs on it.
describe('npm run bench -- --quick', () => {
  const hasBrowser = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') && existsSync('out/renderer/index.html')
  it('measures every figure on 1,000 cases without an error', { timeout: 300_000 }, async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'overturn-cache-'))
    const report = await runBench({ sizes: [1000], quick: true, browser: hasBrowser, log: () => {}, cacheDir }).finally(() => rmSync(cacheDir, { recursive: true, force: true }))
    const errors = report.rows.filter((r) => r.status === 'error')
    expect(errors.map((r) => `${r.figure}: ${r.note}`)).toEqual([])
    const figures = report.rows.map((r) => r.figure)
    for (const expected of [
      'open: existing database', 'unlock → board (core)', 'integrity check (worker', 'board: first page, core', 'board: next page', 'board: first page through the bridge',
      'recompute deadlines', 'applicant queue: first page of', 'encrypted backup (worker)', 'request latency during an automatic backup', 'core process memory',
    ]) {
      expect(figures.some((f) => f.startsWith(expected)), expected).toBe(true)
    }
    if (hasBrowser) for (const expected of ['board painted in Chromium', 'unlock → board painted', 'renderer heap']) expect(figures.some((f) => f.startsWith(expected)), expected).toBe(true)
    for (const row of report.rows.filter((r) => r.status === 'ok')) {
      expect(Number.isFinite(row.app!.median), row.figure).toBe(true)
    }
    expect(report.caseloads[0]).toMatchObject({ size: 1000, cases: 1000 })
  })
})
