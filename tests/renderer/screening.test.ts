import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildScreeningReport, screenProgram } from '../../electron/core/screening/screeningEngine'
import type { ApiResult, Channel, OverturnApi } from '../../shared/contract'
import type { Applicant, ApplicantDetail, ApplicantQueueRow, Application, ImportReport } from '../../shared/domain/screening'
import { setApi } from '../../renderer/src/api/client'
import ScreeningFplPanel from '../../renderer/src/components/screening/ScreeningFplPanel.vue'
import ScreeningImportDialog from '../../renderer/src/components/screening/ScreeningImportDialog.vue'
import ScreeningResultCard from '../../renderer/src/components/screening/ScreeningResultCard.vue'
import { useScreeningStore } from '../../renderer/src/stores/screeningStore'
import ApplicantView from '../../renderer/src/views/ApplicantView.vue'
import ScreeningQueueView from '../../renderer/src/views/ScreeningQueueView.vue'
import { applicant as facts, program, TODAY } from '../unit/screening/facts'
import { plugins } from './setup'

afterEach(() => {
  setApi(null)
  vi.restoreAllMocks()
})

/**
 * A small stand-in for the core that answers only the screening channels a test gives it and records
 * every call (like createFakeApi in fakeApi.ts, which speaks the board's channels).
 */
function screeningFakeApi(handlers: Partial<Record<Channel, (request: never) => unknown>>) {
  const calls: { channel: Channel; request: unknown }[] = []
  const api = new Proxy({} as OverturnApi, {
    get: (_target, channel: string) => async (request: unknown): Promise<ApiResult<unknown>> => {
      calls.push({ channel: channel as Channel, request })
      const handler = handlers[channel as Channel] as ((r: unknown) => unknown) | undefined
      return handler ? { ok: true, data: handler(request) } : { ok: false, error: { code: 'internal', message: 'error.internal' } }
    },
  })
  setApi(api)
  return { api, calls }
}

/** The example copay fund's rules: 400% of the poverty level, insurance must pay, immune deficiency diagnoses. */
const fund = program({ id: 1, name: 'Example: primary immunodeficiency copay fund', rules: { maxFplPercent: 400, insuranceAllowed: ['commercial', 'medicare', 'medicaid'], drugCoverage: 'must_cover', diagnosisPrefixes: ['D80', 'D81', 'D82', 'D83', 'D84'] } })
const maya = facts({ firstName: 'Maya', lastName: 'Thompson', annualIncome: 52_000 })

describe('the poverty-level panel', () => {
  it('shows the percentage with the arithmetic that produced it and its source', () => {
    const report = buildScreeningReport(maya, [fund], TODAY)
    const wrapper = mount(ScreeningFplPanel, { props: { report }, global: { plugins: plugins() } })
    expect(wrapper.get('[data-testid=fpl-percent]').text()).toBe('157.58%')
    const text = wrapper.text()
    expect(text).toContain('2026 HHS poverty guideline, 48 states and DC, household of 4')
    expect(text).toContain('$15,960.00 for the first person + 3 × $5,680.00 for each additional person = $33,000.00')
    expect(text).toContain('$52,000.00 ÷ $33,000.00 = 157.58% of the poverty level')
    expect(text).toContain(`Source: ${report.fpl!.citation}`)
  })

  it('says which facts are missing when no percentage can be computed', () => {
    const report = buildScreeningReport(facts({ householdSize: null, annualIncome: null }), [fund], TODAY)
    const wrapper = mount(ScreeningFplPanel, { props: { report }, global: { plugins: plugins() } })
    expect(wrapper.find('[data-testid=fpl-percent]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Enter household size, annual income and state to compute the percentage of the poverty level.')
  })
})

describe('a screening result', () => {
  it('explains an eligible result rule by rule, each with its outcome, rule name and reason', () => {
    const result = screenProgram(maya, fund, TODAY)
    const wrapper = mount(ScreeningResultCard, { props: { result, hasApplication: false }, global: { plugins: plugins() } })
    expect(wrapper.get('[data-testid=result-outcome]').text()).toBe('Eligible')
    expect(wrapper.text()).toContain('verify before use')
    const rules = wrapper.findAll('[data-testid=result-rule]')
    expect(rules).toHaveLength(result.rules.length)
    expect(rules.length).toBeGreaterThanOrEqual(5)
    // Every rule shows the same sentence the engine wrote for documents and the command line.
    result.rules.forEach((rule, i) => expect(rules[i].text()).toContain(rule.text))
    const income = rules.find((r) => r.text().includes('Income'))!
    expect(income.text()).toContain('Meets:')
    expect(income.text()).toContain('Income $52,000.00 is 157.58% of the poverty guideline, within the 400% limit of $132,000.00.')
    expect(wrapper.get('button').text()).toBe('Start an application to Example: primary immunodeficiency copay fund')
  })

  it('"needs information" names each missing fact and still offers to start an application', async () => {
    const result = screenProgram(facts({ householdSize: null, annualIncome: null, insuranceType: null, drugCovered: 'unknown', icd10Codes: [] }), fund, TODAY)
    expect(result.outcome).toBe('needs_information')
    const wrapper = mount(ScreeningResultCard, { props: { result, hasApplication: false }, global: { plugins: plugins() } })
    expect(wrapper.get('[data-testid=result-outcome]').text()).toBe('Needs information')
    expect(wrapper.classes()).toContain('needs_information')
    const unknown = wrapper.findAll('[data-testid=result-rule]').filter((r) => r.classes('unknown'))
    expect(unknown.length).toBe(4)
    for (const li of unknown) expect(li.text()).toContain('Unknown:')
    const text = unknown.map((li) => li.text()).join('\n')
    expect(text).toContain('Enter the applicant’s insurance to check the insurance rule.')
    expect(text).toContain('Find out whether the applicant’s insurance pays for the drug.')
    expect(text).toContain('Covers only diagnoses D80, D81, D82, D83, D84: enter the applicant’s ICD-10 codes.')
    expect(text).toContain('Enter household size, annual income and state to compare income with the 400% limit.')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('apply')?.[0]).toEqual([1])
  })
})

describe('the CSV import dialog', () => {
  const report: ImportReport = {
    mode: 'all_or_nothing',
    totalRows: 3,
    validRows: 2,
    invalidRows: 1,
    imported: 0,
    isRejected: true,
    fileError: null,
    rows: [
      { line: 2, name: 'Rosa Quintero', isValid: true, errors: {} },
      { line: 3, name: 'Bad Row', isValid: false, errors: { household_size: 'error.number', state: 'error.state' } },
      { line: 4, name: 'Ken Sato', isValid: true, errors: {} },
    ],
  }

  it('rejects the file whole and lists the bad row with its line and each bad column', async () => {
    const fake = screeningFakeApi({ 'applicants:import': () => report })
    const wrapper = mount(ScreeningImportDialog, { props: { open: false, importCsv: (csv: string, mode: ImportReport['mode']) => useScreeningStore().importCsv(csv, mode) }, global: { plugins: plugins() }, attachTo: document.body })
    await wrapper.setProps({ open: true })
    const csv = 'first_name,last_name,household_size,state\nRosa,Quintero,3,TX\nBad,Row,zero,ZZ\nKen,Sato,1,HI\n'
    const input = wrapper.get('#import-file')
    Object.defineProperty(input.element, 'files', { value: [new File([csv], 'applicants.csv', { type: 'text/csv' })] })
    await input.trigger('change')
    await flushPromises()
    await wrapper.get('button').trigger('click')
    await flushPromises()

    expect(fake.calls).toEqual([{ channel: 'applicants:import', request: { csv, mode: 'all_or_nothing' } }])
    expect(wrapper.get('[data-testid=import-rejected]').text()).toBe('The file was rejected: 1 of 3 rows have problems. Nothing was imported.')
    const bad = wrapper.findAll('[data-testid=import-bad-row]')
    expect(bad).toHaveLength(1)
    const cells = bad[0].findAll('td').map((td) => td.text())
    expect(cells[0]).toBe('3')
    expect(cells[1]).toBe('Bad Row')
    expect(bad[0].findAll('.problem').map((p) => p.text())).toEqual(['household_size: Enter a number.', 'state: Choose a state.'])
    expect(wrapper.get('[data-testid=import-valid-only]').text()).toBe('Import the 2 valid rows only')
    wrapper.unmount()
  })
})

describe('the applicant page', () => {
  const person: Applicant = { ...maya, id: 7, patientId: null, isDemo: false, createdAt: '2026-11-01T12:00:00.000Z', updatedAt: '2026-11-01T12:00:00.000Z' }
  const application: Application = {
    id: 3, applicantId: 7, programId: 1, programName: fund.name, status: 'pre_approved', awardAmount: null, appliedOn: '2026-11-03', preApprovedOn: '2026-11-10',
    documentsDueOn: '2026-12-10', decidedOn: null, grantStart: null, grantEnd: null, lastPaidClaimOn: null, notes: '', createdAt: '2026-11-02T12:00:00.000Z', updatedAt: '2026-11-10T12:00:00.000Z', reminders: [],
  }
  const detail: ApplicantDetail = {
    applicant: person,
    report: buildScreeningReport(maya, [fund], TODAY),
    applications: [application],
    history: [
      { id: 1, applicationId: 3, fromStatus: null, toStatus: 'screened', changedAt: '2026-11-02T12:00:00.000Z' },
      { id: 2, applicationId: 3, fromStatus: 'screened', toStatus: 'applied', changedAt: '2026-11-03T12:00:00.000Z' },
      { id: 3, applicationId: 3, fromStatus: 'applied', toStatus: 'pre_approved', changedAt: '2026-11-10T12:00:00.000Z' },
    ],
  }

  it('shows each application’s status history as a timeline: date, from → to, and a note', async () => {
    screeningFakeApi({ 'applicants:get': () => detail })
    const wrapper = mount(ApplicantView, { props: { applicantId: 7 }, global: { plugins: plugins() } })
    await flushPromises()
    const timeline = wrapper.get('[data-testid=application-history]')
    expect(timeline.attributes('aria-label')).toBe('Status history of the application to Example: primary immunodeficiency copay fund')
    const entries = timeline.findAll('[data-testid=application-history-entry]')
    expect(entries).toHaveLength(3)
    const squash = (s: string) => s.replace(/\s+/g, ' ')
    expect(entries[0].get('time').attributes('datetime')).toBe('2026-11-02T12:00:00.000Z')
    expect(entries[0].get('time').text()).toMatch(/Nov 2, 2026/)
    expect(squash(entries[0].get('.change').text())).toBe('New → to Screened')
    expect(entries[0].get('.note').text()).toBe('Application started.')
    expect(squash(entries[2].get('.change').text())).toBe('Applied → to Pre-approved')
    expect(entries[2].get('.note').text()).toBe('Pre-approved: the program’s document deadline runs.')
    wrapper.unmount()
  })

  it('asks the core for a cover letter on one channel and saves the file it answers', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:letter')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const fake = screeningFakeApi({
      'applicants:get': () => detail,
      'screening:document': () => ({ fileName: 'cover-letter-Thompson-test-program-2026-11-25.docx', base64: btoa('PK docx bytes') }),
    })
    const wrapper = mount(ApplicantView, { props: { applicantId: 7 }, global: { plugins: plugins() } })
    await flushPromises()
    await wrapper.get('[data-testid=applications] button.button-link').trigger('click')
    await flushPromises()
    expect(fake.calls.filter((c) => c.channel === 'screening:document')).toEqual([{ channel: 'screening:document', request: { applicantId: 7, kind: 'cover_letter', programId: 1, language: 'en' } }])
    expect(createObjectURL).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid=document-status]').text()).toBe('Saved cover-letter-Thompson-test-program-2026-11-25.docx.')
    wrapper.unmount()
  })
})

describe('the screening queue', () => {
  const row = (id: number): ApplicantQueueRow => ({
    id, name: `Person ${String(id).padStart(3, '0')}`, state: 'IL', insuranceType: 'medicare_part_b', drugName: '', fplPercent: 150,
    counts: { eligible: 1, needs_information: 0, not_eligible: 2 }, bestOutcome: 'eligible', openApplications: 0, nextReminder: null, isDemo: false, patientId: null, updatedAt: '2026-11-01T00:00:00Z',
  })

  it('shows the first page with the total, and "Load more" appends the next page from the cursor and moves focus to it', async () => {
    const { calls } = screeningFakeApi({
      'applicants:list': ((request: { after?: { id: number } }) =>
        request.after
          ? { rows: [row(51), row(52)], total: 52, nextCursor: null }
          : { rows: Array.from({ length: 50 }, (_, i) => row(i + 1)), total: 52, nextCursor: { key: ['Person 050', 'Person'], id: 50 } }) as never,
      'applications:reminders': (() => []) as never,
    })
    const wrapper = mount(ScreeningQueueView, { global: { plugins: plugins() }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.findAll('[data-testid=queue-row]')).toHaveLength(50)
    expect(wrapper.get('[data-testid=queue-count]').text()).toBe('Showing 50 of 52 applicants')
    const more = wrapper.get('[data-testid=queue-more]')
    expect(more.element.tagName).toBe('BUTTON')
    expect(more.text()).toBe('Load more applicants')
    await more.trigger('click')
    await flushPromises()
    const lists = calls.filter((c) => c.channel === 'applicants:list')
    expect(lists.at(-1)!.request).toMatchObject({ sort: 'name', after: { key: ['Person 050', 'Person'], id: 50 } })
    expect(wrapper.findAll('[data-testid=queue-row]')).toHaveLength(52)
    expect(wrapper.get('[data-testid=queue-count]').text()).toBe('Showing 52 of 52 applicants')
    // Everything is shown: no button; focus went to the first new row.
    expect(wrapper.find('[data-testid=queue-more]').exists()).toBe(false)
    expect(document.activeElement?.textContent).toBe('Person 051')
    wrapper.unmount()
  })

  it('a new sort asks for the first page again, and a page that arrives after the filters changed is dropped', async () => {
    let answerMore: (() => void) | null = null
    const { calls } = screeningFakeApi({
      'applicants:list': ((request: { after?: unknown; sort: string }) =>
        request.after ? new Promise((resolve) => (answerMore = () => resolve({ rows: [row(99)], total: 3, nextCursor: null }))) : { rows: [row(1), row(2)], total: 3, nextCursor: { key: ['x', 'y'], id: 2 } }) as never,
      'applications:reminders': (() => []) as never,
    })
    const wrapper = mount(ScreeningQueueView, { global: { plugins: plugins() } })
    const store = useScreeningStore()
    await flushPromises()
    const pending = store.loadMoreQueue()
    await wrapper.get('[data-testid=queue-sort]').setValue('eligible')
    await store.loadQueue()
    answerMore!()
    await pending
    await flushPromises()
    expect(store.queue.map((r) => r.id)).toEqual([1, 2])
    expect(calls.filter((c) => c.channel === 'applicants:list' && !(c.request as { after?: unknown }).after).at(-1)!.request).toMatchObject({ sort: 'eligible' })
    wrapper.unmount()
  })
})
