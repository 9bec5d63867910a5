import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/createCore'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { loadMigrations, migrate } from '../../../electron/core/db/migrate'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { createApplicantOutcomes } from '../../../electron/core/screening/applicantOutcomes'
import { createApplicantRepository } from '../../../electron/core/screening/applicantRepository'
import { createApplicationRepository } from '../../../electron/core/screening/applicationRepository'
import { createProgramRepository } from '../../../electron/core/screening/programRepository'
import { buildScreeningReport } from '../../../electron/core/screening/screeningEngine'
import { seededRandom } from '../../../electron/core/demo/demoFacts'
import { APPLICANT_QUEUE_SORTS, INSURANCE_TYPES, type ApplicantFacts, type ApplicantQueueRow, type ApplicantQueueSort } from '../../../shared/domain/screening'
import { applicantFactsSchema, type ApplicantQueryInput } from '../../../shared/schemas/screeningSchemas'
import { FIXED_NOW, makeCore, makeTempDir } from '../core/testCore'

/**
 * Issue 15: the queue reads stored screening outcomes (migration 0014). Whatever is written — an
 * applicant, an application, a program, a CSV import — no outcome marked current may differ from a
 * fresh screening, and the queue pages through every match exactly once, in order.
 */
const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))
function core() {
  const made = makeCore()
  disposers.push(made.dispose)
  return made.core
}
type Core = ReturnType<typeof core>
const TODAY = FIXED_NOW.toISOString().slice(0, 10)

const STATES = ['IL', 'CA', 'TX', 'AK', 'HI', 'NY', 'PR', null] as const
const LAST = ['Ruiz', 'Chen', 'Okafor', 'Nguyen', 'Smith', 'Ma', 'Delgado', 'Ahmed', 'Kowalski', 'Brown']
const FIRST = ['Ana', 'Bo', 'Chidi', 'Dana', 'Eli', 'Fatima', 'Gus', 'Hana']
const DRUGS = [['Gammagard Liquid', 'J1569'], ['Humira', ''], ['', 'J0129'], ['Ocrevus', 'J2350'], ['', '']] as const

/** A random applicant over the facts the rules read, some left unknown. */
function randomFacts(random: ReturnType<typeof seededRandom>): ApplicantFacts {
  const [drugName, hcpcsCode] = random.pick([...DRUGS])
  const householdSize = random.next() < 0.15 ? null : random.int(1, 7)
  return applicantFactsSchema.parse({
    firstName: random.pick(FIRST),
    lastName: random.pick(LAST),
    householdSize,
    annualIncome: householdSize === null ? null : random.int(0, 180) * 1_000,
    state: random.pick([...STATES]),
    insuranceType: random.next() < 0.1 ? null : random.pick([...INSURANCE_TYPES]),
    drugCovered: random.pick(['yes', 'no', 'unknown']),
    icd10Codes: random.next() < 0.2 ? [] : [random.pick(['D80.1', 'G35', 'M05.79', 'C50.911', 'E84.0'])],
    drugName,
    hcpcsCode,
    payer: random.pick(['Lakeshore Blue', 'Medicare', 'Acme Health', '']),
  })
}

/** The queue row a fresh screening gives, from the applicant's page (its report and its applications' reminders). */
function fresh(c: Core, id: number) {
  const detail = c.screening.applicants.get(id)
  const report = buildScreeningReport(detail.applicant, c.screening.programs.list(), TODAY)
  const open = detail.applications.filter((a) => a.status !== 'denied' && a.status !== 'lapsed')
  const due = open.flatMap((a) => a.reminders.map((r) => r.dueOn)).sort()
  const { counts } = report
  return {
    counts,
    bestOutcome: counts.eligible > 0 ? 'eligible' : counts.needs_information > 0 ? 'needs_information' : 'not_eligible',
    fplPercent: report.fpl?.percent ?? null,
    openApplications: open.length,
    nextReminderOn: due[0] ?? null,
  }
}

interface StoredRow {
  applicant_id: number
  epoch: number
  best_outcome: string
  eligible: number
  needs_information: number
  not_eligible: number
  fpl_percent: number | null
  open_applications: number
  next_reminder_on: string | null
}

/** Every stored outcome that claims to be current equals a fresh screening; answers how many were current. */
function expectCurrentOutcomesFresh(c: Core): number {
  const epoch = c.db.prepare('SELECT epoch FROM screening_state').pluck().get() as number
  const rows = c.db.prepare('SELECT * FROM applicant_outcomes WHERE epoch = ?').all(epoch) as StoredRow[]
  for (const row of rows) {
    const want = fresh(c, row.applicant_id)
    expect({
      counts: { eligible: row.eligible, needs_information: row.needs_information, not_eligible: row.not_eligible },
      bestOutcome: row.best_outcome,
      fplPercent: row.fpl_percent,
      openApplications: row.open_applications,
      nextReminderOn: row.next_reminder_on,
    }, `applicant ${row.applicant_id}`).toEqual(want)
  }
  return rows.length
}

/** Every page of the queue, following the cursor. */
function allPages(c: Core, query: ApplicantQueryInput): { rows: ApplicantQueueRow[]; totals: number[]; pages: number } {
  const rows: ApplicantQueueRow[] = []
  const totals: number[] = []
  let page = c.screening.applicants.list(query)
  let pages = 1
  for (;;) {
    rows.push(...page.rows)
    totals.push(page.total)
    if (!page.nextCursor) break
    page = c.screening.applicants.list({ ...query, after: page.nextCursor })
    pages++
  }
  return { rows, totals, pages }
}

/** The queue row read through the queue, checked against a fresh screening. */
function expectQueueFresh(c: Core) {
  const { rows } = allPages(c, { limit: 500 })
  const count = c.db.prepare('SELECT count(*) FROM applicants').pluck().get()
  expect(rows).toHaveLength(count as number)
  for (const row of rows) {
    const want = fresh(c, row.id)
    expect({ counts: row.counts, bestOutcome: row.bestOutcome, fplPercent: row.fplPercent, openApplications: row.openApplications, nextReminderOn: row.nextReminder?.dueOn ?? null }, `queue row ${row.id}`).toEqual(want)
  }
}

describe('stored screening outcomes stay equal to a fresh screening', () => {
  it('after applicant, application, program and import writes, in random order', () => {
    const c = core()
    const random = seededRandom(15)
    const ids: number[] = []
    for (let i = 0; i < 40; i++) ids.push(c.screening.applicants.create(randomFacts(random), null).applicant.id)
    expect(expectCurrentOutcomesFresh(c)).toBe(40)
    const programIds = c.screening.programs.list().map((p) => p.id)

    for (let step = 0; step < 60; step++) {
      const kind = random.pick(['create', 'update', 'apply', 'advance', 'fund', 'rules', 'newProgram', 'import'] as const)
      // The applicants a write of one applicant touched: their outcome must be current after it.
      let touched: number[] = []
      if (kind === 'create') ids.push(c.screening.applicants.create(randomFacts(random), null).applicant.id)
      else if (kind === 'update') {
        touched = [random.pick(ids)]
        c.screening.applicants.update(touched[0], randomFacts(random))
      } else if (kind === 'apply') touched = [c.screening.applications.create(random.pick(ids), random.pick(programIds)).applicantId]
      else if (kind === 'advance') {
        const apps = c.db.prepare('SELECT id, applicant_id FROM assistance_applications ORDER BY id').all() as { id: number; applicant_id: number }[]
        if (apps.length === 0) continue
        const app = random.pick(apps)
        const appId = app.id
        touched = [app.applicant_id]
        const status = random.pick(['pre_approved', 'approved', 'denied', 'applied'] as const)
        const day = `2026-${String(random.int(1, 11)).padStart(2, '0')}-${String(random.int(10, 28))}`
        c.screening.applications.update({ applicationId: appId, status, awardAmount: null, appliedOn: null, preApprovedOn: status === 'pre_approved' ? day : null, documentsDueOn: null, decidedOn: status === 'approved' ? day : null, grantStart: status === 'approved' ? day : null, grantEnd: status === 'approved' && random.next() < 0.5 ? '2027-06-30' : null, lastPaidClaimOn: null, notes: '' })
      } else if (kind === 'fund') {
        const program = random.pick(c.screening.programs.list())
        c.screening.programs.setFundStatus(program.id, random.pick(['open', 'closed', 'waitlist'] as const))
      } else if (kind === 'rules') {
        const { id, key: _key, fundStatusChangedOn: _changed, createdAt: _created, updatedAt: _updated, ...facts } = random.pick(c.screening.programs.list())
        c.screening.programs.update(id, { ...facts, usageDays: random.pick([null, 120]), usageReminderDays: null, rules: { ...facts.rules, maxFplPercent: random.pick([null, 250, 400, 600]), states: random.pick([[], ['IL', 'CA'], ['TX']]) } })
      } else if (kind === 'newProgram') {
        const { id: _id, key: _key, fundStatusChangedOn: _changed, createdAt: _created, updatedAt: _updated, ...facts } = random.pick(c.screening.programs.list())
        programIds.push(c.screening.programs.create({ ...facts, name: `Fund ${step}` }).id)
      } else {
        const rows = Array.from({ length: 5 }, () => randomFacts(random)).map((f) => `${f.firstName},${f.lastName},${f.householdSize ?? ''},${f.householdSize === null ? '' : f.annualIncome},${f.state ?? ''},${f.insuranceType ?? ''},${f.icd10Codes.join(';')}`)
        const report = c.screening.applicants.importCsv(['first_name,last_name,household_size,annual_income,state,insurance_type,icd10_codes', ...rows].join('\n'), 'all_or_nothing')
        expect(report.imported).toBe(5)
        touched = c.db.prepare('SELECT id FROM applicants ORDER BY id DESC LIMIT 5').pluck().all() as number[]
        ids.push(...touched)
      }
      if (kind === 'create') touched = [ids.at(-1)!]
      // Whatever the write, no outcome marked current is wrong; a program change leaves them all stale, none wrong.
      expectCurrentOutcomesFresh(c)
      const epoch = c.db.prepare('SELECT epoch FROM screening_state').pluck().get()
      for (const id of touched) expect(c.db.prepare('SELECT epoch FROM applicant_outcomes WHERE applicant_id = ?').pluck().get(id), `${kind} of ${id} stored its outcome`).toBe(epoch)
      if (step % 15 === 14) expectQueueFresh(c)
    }
    // One approved grant with an end date, so the reminder list below has something to miss.
    const grant = c.screening.applications.create(ids[0], programIds[0])
    c.screening.applications.update({ applicationId: grant.id, status: 'approved', awardAmount: null, appliedOn: null, preApprovedOn: null, documentsDueOn: null, decidedOn: '2026-10-01', grantStart: '2026-10-01', grantEnd: '2027-03-31', lastPaidClaimOn: null, notes: '' })
    expectQueueFresh(c)
    expect(expectCurrentOutcomesFresh(c)).toBe(ids.length)
    // The reminder list beside the queue reads only applications that can have reminders: none is missed.
    const key = (r: { dueOn: string; applicationId: number; kind: string }) => `${r.dueOn} ${r.applicationId} ${r.kind}`
    const want = ids.flatMap((id) => c.screening.applicants.get(id).applications.filter((a) => a.status !== 'denied' && a.status !== 'lapsed').flatMap((a) => a.reminders.map((r) => ({ ...r, applicationId: a.id }))))
    expect(want.length).toBeGreaterThan(0)
    expect(c.screening.applications.reminders().map(key).sort()).toEqual(want.map(key).sort())
  })

  it('a program change marks every outcome stale at once and re-screens a few thousand before it answers', () => {
    const c = core()
    const random = seededRandom(3)
    for (let i = 0; i < 30; i++) c.screening.applicants.create(randomFacts(random), null)
    const program = c.screening.programs.list()[0]
    // Through the module: all 30 are current again when the call returns.
    c.screening.programs.setFundStatus(program.id, program.fundStatus === 'closed' ? 'open' : 'closed')
    expect(expectCurrentOutcomesFresh(c)).toBe(30)
    // Around it (a script): all stale at once, none wrong; the queue re-screens them before it answers.
    c.db.prepare("UPDATE assistance_programs SET fund_status = 'closed' WHERE id = ?").run(program.id)
    expect(expectCurrentOutcomesFresh(c)).toBe(0)
    expectQueueFresh(c)
  })

  it('beyond the budget, the rest is re-screened in background batches', async () => {
    const c = core()
    const random = seededRandom(6)
    for (let i = 0; i < 30; i++) c.screening.applicants.create(randomFacts(random), null)
    c.db.prepare('UPDATE screening_state SET epoch = epoch + 1').run()
    const programs = createProgramRepository(c.db)
    const outcomes = createApplicantOutcomes({ db: c.db, applicants: createApplicantRepository(c.db), applications: createApplicationRepository(c.db), catalog: () => programs.list() })
    outcomes.settle(() => TODAY, 10)
    expect(expectCurrentOutcomesFresh(c)).toBe(10)
    for (let i = 0; i < 50 && expectCurrentOutcomesFresh(c) < 30; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(expectCurrentOutcomesFresh(c)).toBe(30)
  })

  it('a new poverty-guideline year or engine (a new basis) re-screens everything before the queue answers', () => {
    const c = core()
    const random = seededRandom(4)
    for (let i = 0; i < 10; i++) c.screening.applicants.create(randomFacts(random), null)
    c.db.prepare("UPDATE screening_state SET basis = 'an older engine'").run()
    c.db.prepare('UPDATE applicant_outcomes SET eligible = 99').run()
    expectQueueFresh(c)
    expect(c.db.prepare('SELECT count(*) FROM applicant_outcomes WHERE eligible = 99').pluck().get()).toBe(0)
  })

  it('a write that bypasses the module (raw SQL) leaves the outcome stale, never wrong', () => {
    const c = core()
    const id = c.screening.applicants.create(randomFacts(seededRandom(5)), null).applicant.id
    c.db.prepare("UPDATE applicants SET state = 'PR', household_size = 2, annual_income_cents = 100 WHERE id = ?").run(id)
    expect(expectCurrentOutcomesFresh(c)).toBe(0)
    expectQueueFresh(c)
  })
})

describe('the migration back-fills applicants saved before it', () => {
  it('gives every existing applicant a stale outcome, screened at first open', () => {
    const temp = makeTempDir()
    disposers.push(temp.cleanup)
    const file = join(temp.dir, 'overturn.db')
    const db = openDatabase(file)
    const migrations = loadMigrations()
    const before = migrations.findIndex((m) => m.name === 'issue15_applicant_outcomes')
    migrate(db, migrations.slice(0, before))
    const now = FIXED_NOW.toISOString()
    const insert = db.prepare(`INSERT INTO applicants (first_name, last_name, household_size, annual_income_cents, state, insurance_type, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    for (let i = 0; i < 12; i++) insert.run(`P${i}`, 'Old', 1 + (i % 4), i * 1_000_000, 'IL', 'medicare_part_b', now, now)
    migrate(db, migrations)
    expect(db.prepare('SELECT count(*) FROM applicant_outcomes WHERE epoch = 0').pluck().get()).toBe(12)
    db.close()
    const c = createCore({ dataDir: temp.dir, now: () => FIXED_NOW, seedDemoOnFirstRun: false })
    disposers.unshift(() => c.close())
    expectQueueFresh(c as unknown as Core)
    expect(expectCurrentOutcomesFresh(c as unknown as Core)).toBe(12)
  })
})

describe('the paged queue', () => {
  /** 230 applicants with varied names, results and applications. */
  function filled(): Core {
    const c = core()
    const random = seededRandom(150)
    const programIds = c.screening.programs.list().map((p) => p.id)
    // Only two funds open, so every best result occurs: eligible, needs information and not eligible.
    for (const p of c.screening.programs.list()) if (!['example-pi-copay-fund', 'example-cidp-fund'].includes(p.key)) c.screening.programs.setFundStatus(p.id, 'closed')
    for (let i = 0; i < 230; i++) {
      const id = c.screening.applicants.create(randomFacts(random), null).applicant.id
      if (random.next() < 0.3) {
        const app = c.screening.applications.create(id, random.pick(programIds))
        if (random.next() < 0.5) c.screening.applications.update({ applicationId: app.id, status: 'approved', awardAmount: null, appliedOn: null, preApprovedOn: null, documentsDueOn: null, decidedOn: '2026-10-01', grantStart: '2026-10-01', grantEnd: `2027-0${random.int(1, 9)}-15`, lastPaidClaimOn: null, notes: '' })
        if (random.next() < 0.2) c.screening.applications.update({ applicationId: app.id, status: 'denied', awardAmount: null, appliedOn: null, preApprovedOn: null, documentsDueOn: null, decidedOn: '2026-10-01', grantStart: null, grantEnd: null, lastPaidClaimOn: null, notes: '' })
      }
    }
    return c
  }

  const sortKey: Record<ApplicantQueueSort, (r: ApplicantQueueRow) => (string | number)[]> = {
    name: (r) => [r.name.split(' ').slice(1).join(' '), r.name.split(' ')[0], r.id],
    eligible: (r) => [-r.counts.eligible, r.name.split(' ').slice(1).join(' '), r.name.split(' ')[0], r.id],
    reminder: (r) => [r.nextReminder?.dueOn ?? '9999-12-31', r.name.split(' ').slice(1).join(' '), r.name.split(' ')[0], r.id],
  }
  const compare = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1
    return 0
  }

  it('returns every matching applicant exactly once, in order, whatever the sort, filter and page size', () => {
    const c = filled()
    const everyone = allPages(c, { limit: 500 }).rows
    expect(everyone).toHaveLength(230)
    const filters: ApplicantQueryInput[] = [{}, { outcome: 'eligible' }, { outcome: 'needs_information' }, { outcome: 'not_eligible' }, { state: 'IL' }, { hasOpenApplication: true }, { hasOpenApplication: false }, { text: 'ma' }, { text: 'J1569', outcome: 'eligible' }, { text: 'nobody like this' }]
    const matches = (row: ApplicantQueueRow, f: ApplicantQueryInput) => {
      const a = c.screening.applicants.get(row.id).applicant
      const text = f.text?.toLowerCase()
      return (!text || `${a.firstName} ${a.lastName}`.toLowerCase().includes(text) || a.drugName.toLowerCase().includes(text) || a.payer.toLowerCase().includes(text)) &&
        (!f.state || a.state === f.state) && (!f.outcome || row.bestOutcome === f.outcome) && (f.hasOpenApplication == null || (row.openApplications > 0) === f.hasOpenApplication)
    }
    for (const sort of APPLICANT_QUEUE_SORTS) {
      for (const filter of filters) {
        const want = everyone.filter((r) => matches(r, filter)).map((r) => r.id).sort((a, b) => a - b)
        const { rows, totals, pages } = allPages(c, { ...filter, sort, limit: 17 })
        const got = rows.map((r) => r.id)
        expect(new Set(got).size, `${sort} ${JSON.stringify(filter)} repeats a row`).toBe(got.length)
        expect([...got].sort((a, b) => a - b), `${sort} ${JSON.stringify(filter)}`).toEqual(want)
        expect(totals.every((t) => t === want.length)).toBe(true)
        expect(pages).toBe(Math.max(1, Math.ceil(want.length / 17)))
        for (let i = 1; i < rows.length; i++) expect(compare(sortKey[sort](rows[i - 1]), sortKey[sort](rows[i])), `${sort} order at ${i}`).toBeLessThan(0)
      }
    }
    // The filters are not vacuous on this caseload.
    for (const outcome of ['eligible', 'needs_information', 'not_eligible'] as const) expect(everyone.some((r) => r.bestOutcome === outcome), outcome).toBe(true)
    expect(everyone.some((r) => r.nextReminder !== null)).toBe(true)
  })

  it('a row added or removed between pages is neither repeated nor skips another', () => {
    const c = filled()
    const first = c.screening.applicants.list({ limit: 50 })
    const shown = new Set(first.rows.map((r) => r.id))
    // 'Aaron Aardvark' sorts before every row shown; a row after the cursor is updated meanwhile.
    c.screening.applicants.create(applicantFactsSchema.parse({ firstName: 'Aaron', lastName: 'Aardvark' }), null)
    const rest = allPages(c, { limit: 50, after: first.nextCursor! }).rows
    expect(rest.some((r) => shown.has(r.id))).toBe(false)
    expect(shown.size + rest.length).toBe(230)
  })

  it('bad paging input is refused with a clear message', async () => {
    const dispatch = createDispatcher(core())
    expect(await dispatch('applicants:list', { sort: 'eligible', after: { key: ['Ruiz', 'Ana'], id: 3 } })).toMatchObject({ ok: false, error: { code: 'validation', fields: { after: 'error.queueCursor' } } })
    expect(await dispatch('applicants:list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch('applicants:list', { sort: 'age' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await dispatch('applicants:list', {})).toMatchObject({ ok: true, data: { rows: [], total: 0, nextCursor: null } })
  })
})
