import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { PROGRAM_CATALOG_SEED } from '../../../shared/rules/programCatalogSeed'
import { applicantFactsSchema, programFactsSchema } from '../../../shared/schemas/screeningSchemas'
import { makeCore, sampleCase } from '../core/testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))
function core(options: Parameters<typeof makeCore>[0] = {}) {
  const made = makeCore(options)
  disposers.push(made.dispose)
  return made.core
}

const facts = (overrides: Record<string, unknown> = {}) =>
  applicantFactsSchema.parse({ firstName: 'Ana', lastName: 'Ruiz', householdSize: 4, annualIncome: 52_000, state: 'IL', insuranceType: 'employer_fully_insured', drugCovered: 'yes', icd10Codes: ['D80.1'], drugName: 'Gammagard Liquid', hcpcsCode: 'J1569', ...overrides })

describe('the screening module on a real caseload', () => {
  it('a new caseload has the example catalog, every entry marked unverified, and no demo applicants without the demo', () => {
    const c = core()
    const programs = c.screening.programs.list()
    expect(programs.map((p) => p.key).sort()).toEqual(PROGRAM_CATALOG_SEED.map((p) => p.key).sort())
    expect(programs.every((p) => !p.isVerified && p.notes.includes('verify'))).toBe(true)
    expect(c.screening.applicants.list({})).toEqual({ rows: [], total: 0, nextCursor: null })
  })

  it('the demo caseload gets demo applicants, some linked to patients of pending appeals', () => {
    const c = core({ seedDemoOnFirstRun: true })
    const queue = c.screening.applicants.list({}).rows
    expect(queue.length).toBeGreaterThanOrEqual(5)
    expect(queue.every((row) => row.isDemo)).toBe(true)
    const linked = queue.find((row) => row.patientId !== null)!
    const caseId = c.db.prepare('SELECT id FROM cases WHERE patient_id = ?').pluck().get(linked.patientId) as number
    const bridge = c.screening.screening.forCase(caseId)
    expect(bridge.isAppealPending).toBe(true)
    expect(bridge.applicants[0].applicant.id).toBe(linked.id)
    expect(bridge.applicants[0].eligible.length).toBeGreaterThan(0)
    // A reminder from the demo's approved grant (day 90 of 120) is in the list.
    expect(c.screening.applications.reminders().some((r) => r.kind === 'usage_check')).toBe(true)
  })

  it('creates, screens and updates an applicant; closing and reopening a fund changes the result at once', () => {
    const c = core()
    const created = c.screening.applicants.create(facts(), null)
    const pi = () => created.report.results.find((r) => r.programKey === 'example-pi-copay-fund')!
    expect(pi().outcome).toBe('eligible')
    expect(created.report.fpl).toMatchObject({ guideline: 33_000, percent: 157.58 })
    const fund = c.screening.programs.list().find((p) => p.key === 'example-pi-copay-fund')!
    c.screening.programs.setFundStatus(fund.id, 'closed')
    const closed = c.screening.applicants.get(created.applicant.id).report.results.find((r) => r.programId === fund.id)!
    expect(closed.outcome).toBe('not_eligible')
    expect(c.screening.programs.list().find((p) => p.id === fund.id)!.fundStatusChangedOn).toBe('2026-11-25')
    c.screening.programs.setFundStatus(fund.id, 'open')
    expect(c.screening.applicants.get(created.applicant.id).report.results.find((r) => r.programId === fund.id)!.outcome).toBe('eligible')
    const updated = c.screening.applicants.update(created.applicant.id, facts({ annualIncome: 140_000 }))
    expect(updated.report.results.find((r) => r.programId === fund.id)!.outcome).toBe('not_eligible')
  })

  it('staff add and edit programs; a new program gets a custom key', () => {
    const c = core()
    const program = c.screening.programs.create(programFactsSchema.parse({ name: 'County infusion fund', type: 'other', rules: { maxFplPercent: 200, states: ['IL'] } }))
    expect(program.key).toBe(`custom-${program.id}`)
    const edited = c.screening.programs.update(program.id, programFactsSchema.parse({ name: 'County infusion fund', type: 'other', fundStatus: 'waitlist', rules: { maxFplPercent: 250, states: ['IL'] } }))
    expect(edited.rules.maxFplPercent).toBe(250)
    expect(edited.fundStatus).toBe('waitlist')
    const result = c.screening.screening.run(facts()).results.find((r) => r.programId === program.id)!
    expect(result.outcome).toBe('eligible')
    expect(result.rules[0].reason).toBe('fund_waitlist')
  })

  it('applications: pre-approval starts the 30-day document clock; approval starts the usage clock', () => {
    const c = core()
    const applicant = c.screening.applicants.create(facts(), null).applicant
    const fund = c.screening.programs.list().find((p) => p.key === 'example-pi-copay-fund')!
    const app = c.screening.applications.create(applicant.id, fund.id)
    expect(app.status).toBe('screened')
    const pre = c.screening.applications.update({ applicationId: app.id, status: 'pre_approved', awardAmount: null, appliedOn: '2026-11-01', preApprovedOn: '2026-11-10', documentsDueOn: null, decidedOn: null, grantStart: null, grantEnd: null, lastPaidClaimOn: null, notes: '' })
    expect(pre.documentsDueOn).toBe('2026-12-10')
    expect(pre.reminders[0]).toMatchObject({ kind: 'documents_due', dueOn: '2026-12-10', isOverdue: false })
    const approved = c.screening.applications.update({ applicationId: app.id, status: 'approved', awardAmount: 5_000, appliedOn: '2026-11-01', preApprovedOn: '2026-11-10', documentsDueOn: '2026-12-10', decidedOn: '2026-11-20', grantStart: '2026-11-20', grantEnd: null, lastPaidClaimOn: null, notes: '' })
    expect(approved.reminders.map((r) => [r.kind, r.dueOn])).toEqual([['usage_check', '2027-02-18'], ['usage_lapse', '2027-03-20']])
    const history = c.db.prepare('SELECT from_status, to_status FROM assistance_application_history WHERE application_id = ? ORDER BY id').all(app.id)
    expect(history).toEqual([{ from_status: null, to_status: 'screened' }, { from_status: 'screened', to_status: 'pre_approved' }, { from_status: 'pre_approved', to_status: 'approved' }])
    // The applicant page gets the same history, oldest first, with each change's instant.
    const detail = c.screening.applicants.get(applicant.id)
    expect(detail.history.map((h) => [h.applicationId, h.fromStatus, h.toStatus, h.changedAt])).toEqual([
      [app.id, null, 'screened', '2026-11-25T15:00:00.000Z'],
      [app.id, 'screened', 'pre_approved', '2026-11-25T15:00:00.000Z'],
      [app.id, 'pre_approved', 'approved', '2026-11-25T15:00:00.000Z'],
    ])
  })

  it('an application to a waitlisted fund starts on the waitlist', () => {
    const c = core()
    const applicant = c.screening.applicants.create(facts(), null).applicant
    const pah = c.screening.programs.list().find((p) => p.key === 'example-pah-fund')!
    expect(c.screening.applications.create(applicant.id, pah.id).status).toBe('waitlisted')
  })

  it('bridge assistance: starting an applicant from a case copies its patient, coverage and therapy', () => {
    const c = core()
    const created = c.cases.create(sampleCase())
    const detail = c.screening.applicants.createFromCase(created.id)
    expect(detail.applicant).toMatchObject({ firstName: 'José', lastName: 'Núñez', state: 'IL', insuranceType: 'employer_fully_insured', hcpcsCode: 'J1569', icd10Codes: ['D80.1'], outOfPocket: 12_500.5 })
    const bridge = c.screening.screening.forCase(created.id)
    expect(bridge).toMatchObject({ isAppealPending: true, facesCost: true })
    expect(bridge.applicants).toHaveLength(1)
  })

  it('through the dispatcher: validation errors name the field', async () => {
    const c = core()
    const dispatch = createDispatcher(c)
    const bad = await dispatch('applicants:create', { applicant: { firstName: '', lastName: 'X', householdSize: 0 } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'applicant.firstName': 'error.required', 'applicant.householdSize': 'error.householdTooSmall' } } })
    expect(await dispatch('applicants:get', { applicantId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
