import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, DATABASE_FILE } from '../../../electron/core/createCore'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { median, tally } from '../../../electron/core/insights/dashboardRepository'
import { PUBLIC_BENCHMARKS } from '../../../shared/rules/publicBenchmarks'
import { FIXED_NOW, makeCore, makeTempDir, sampleCase } from '../core/testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))

function fresh() {
  const made = makeCore()
  disposers.push(made.dispose)
  return made.core
}

describe('outcomes', () => {
  it('records, updates and removes decisions; one final outcome per case', () => {
    const core = fresh()
    const c = core.cases.create(sampleCase())
    const first = core.insights.recordOutcome({ caseId: c.id, level: 'internal_appeal', result: 'upheld', decidedOn: '2026-11-22', amountAtStake: 12500.5, amountRecovered: 0, notes: '', isFinal: false })
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ level: 'internal_appeal', result: 'upheld', amountAtStake: 12500.5, isFinal: false })
    core.insights.recordOutcome({ caseId: c.id, level: 'external_review', result: 'overturned', decidedOn: '2026-11-24', amountAtStake: 12500.5, amountRecovered: 12500.5, notes: 'IRO reversed', isFinal: true })
    let list = core.insights.recordOutcome({ caseId: c.id, level: 'external_review', result: 'partly_overturned', decidedOn: '2026-11-25', amountAtStake: 1, amountRecovered: 1, notes: '', isFinal: true })
    expect(list.filter((o) => o.isFinal)).toHaveLength(1)
    list = core.insights.updateOutcome({ id: list[1].id, level: 'external_review', result: 'overturned', decidedOn: '2026-11-24', amountAtStake: 100, amountRecovered: 90, notes: 'x', isFinal: true })
    expect(list.filter((o) => o.isFinal).map((o) => o.id)).toEqual([list[1].id])
    expect(core.insights.removeOutcome(list[2].id)).toHaveLength(2)
  })

  it('refuses a decision dated in the future, an unknown case and a bad result at the boundary', async () => {
    const core = fresh()
    const dispatch = createDispatcher(core)
    const c = core.cases.create(sampleCase())
    const base = { caseId: c.id, level: 'internal_appeal', result: 'overturned', decidedOn: '2026-11-26' }
    expect(await dispatch('outcomes:record', base)).toMatchObject({ ok: false, error: { code: 'validation', fields: { decidedOn: 'outcomes.error.futureDate' } } })
    expect(await dispatch('outcomes:record', { ...base, decidedOn: '2026-11-25', caseId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch('outcomes:record', { ...base, result: 'won' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch('outcomes:record', { ...base, decidedOn: '2026-11-25' })).toMatchObject({ ok: true })
  })
})

describe('dashboard', () => {
  it('tallies rates on the merits and takes medians', () => {
    const [row] = tally([
      { key: 'a', result: 'overturned', n: 3 },
      { key: 'a', result: 'partly_overturned', n: 1 },
      { key: 'a', result: 'upheld', n: 4 },
      { key: 'a', result: 'withdrawn', n: 5 },
    ])
    expect(row).toMatchObject({ decided: 8, withdrawn: 5, rate: 0.5 })
    expect(median([1, 2, 3, 10])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('moves when a win is recorded, filters by date range, and compares with public figures', () => {
    const core = fresh()
    const c = core.cases.create(sampleCase())
    const before = core.insights.dashboard({})
    expect(before.totals.overturned).toBe(0)
    expect(before.openByStage.find((s) => s.stage === 'denied')?.count).toBe(1)
    core.insights.recordOutcome({ caseId: c.id, level: 'internal_appeal', result: 'overturned', decidedOn: '2026-11-25', amountAtStake: 12500, amountRecovered: 12000, notes: '', isFinal: false })
    const after = core.insights.dashboard({})
    expect(after.totals).toMatchObject({ overturned: 1, decided: 1, rate: 1, atStake: 12500, recovered: 12000 })
    expect(after.byLevel).toEqual([expect.objectContaining({ key: 'internal_appeal', overturned: 1 })])
    expect(after.byPayer[0]).toMatchObject({ key: 'Lakeshore Blue Group Plan', overturned: 1 })
    expect(after.byReason[0]).toMatchObject({ key: 'not_medically_necessary', overturned: 1 })
    expect(after.byTherapy[0]).toMatchObject({ key: 'ivig_scig' })
    expect(after.byPlanFamily[0]).toMatchObject({ key: 'employer_fully_insured' })
    expect(after.amountsByMonth).toEqual([{ month: '2026-11', decisions: 1, atStake: 12500, recovered: 12000 }])
    expect(core.insights.dashboard({ from: '2025-01-01', to: '2026-10-31' }).totals.decided).toBe(0)
    expect(after.benchmarks.map((b) => b.benchmarkId)).toEqual(PUBLIC_BENCHMARKS.filter((b) => b.compare).map((b) => b.id))
  })

  it('counts due-this-week, both kinds of overdue, stage medians and advocates on the demo caseload', () => {
    const core = fresh()
    core.caseload.loadDemo()
    const data = core.insights.dashboard({})
    expect(data.openByStage.reduce((s, r) => s + r.count, 0)).toBe(35)
    expect(data.dueThisWeek.total).toBeGreaterThan(0)
    expect(data.dueThisWeek.items.every((i) => i.dueDate >= data.today && i.dueDate <= '2026-12-01')).toBe(true)
    expect(data.overdueOurs.items.every((i) => i.side === 'ours' && i.dueDate < data.today)).toBe(true)
    expect(data.overduePayer.items.every((i) => i.side === 'payer' && i.dueDate < data.today)).toBe(true)
    expect(data.overduePayer.total).toBeGreaterThan(0)
    // Demo outcomes: 5 closed cases, and the levels left for higher ones.
    expect(data.totals.closedCases).toBe(5)
    expect(data.totals.decided).toBeGreaterThan(5)
    expect(data.totals.overturned).toBeGreaterThan(0)
    const internal = data.stageDurations.find((s) => s.stage === 'internal_appeal')!
    expect(internal.count).toBeGreaterThan(0)
    expect(internal.medianDays).toBeGreaterThan(0)
    expect(data.advocates.reduce((s, a) => s + a.openCases, 0)).toBe(35)
    // Loading the demo again seeds only the new demo cases, never the same case twice.
    const outcomes = core.db.prepare('SELECT COUNT(*) FROM case_outcomes').pluck().get() as number
    core.caseload.loadDemo()
    expect(core.db.prepare('SELECT COUNT(*) FROM case_outcomes').pluck().get()).toBe(outcomes * 2)
  })
})

describe('migration 0005', () => {
  it('indexes the rows of an older caseload when it upgrades', () => {
    const temp = makeTempDir()
    disposers.push(temp.cleanup)
    copyFileSync(join(import.meta.dirname, '../../fixtures/caseload-v1.db'), join(temp.dir, DATABASE_FILE))
    const core = createCore({ dataDir: temp.dir, now: () => FIXED_NOW, seedDemoOnFirstRun: false })
    disposers.unshift(() => core.close())
    const patients = core.db.prepare('SELECT COUNT(*) FROM patients').pluck().get() as number
    expect(patients).toBeGreaterThan(0)
    expect(core.db.prepare("SELECT COUNT(*) FROM search_docs WHERE kind = 'patient'").pluck().get()).toBe(patients)
    const someone = core.db.prepare('SELECT first_name, last_name FROM patients LIMIT 1').get() as { first_name: string; last_name: string }
    const response = core.insights.search(`${someone.first_name} ${someone.last_name}`, 6)
    expect(response.groups.find((g) => g.kind === 'patient')?.hits[0].patientName).toBe(`${someone.first_name} ${someone.last_name}`)
  })
})
