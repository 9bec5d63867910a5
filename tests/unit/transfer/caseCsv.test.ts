import fc from 'fast-check'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import { planFamilyOf, stageOf, therapyOf } from '../../../electron/core/transfer/caseCsv'
import { makeCore, sampleCase } from '../core/testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))
function core() {
  const made = makeCore()
  disposers.push(made.dispose)
  return made.core
}

const HEADER = 'First Name,Last Name,DOB,Insurance,Plan type,State,Therapy,Drug,Dx,Denial date,Reason,Amount denied,Status'
const GOOD_1 = 'Ana,Ruiz,4/2/1961,Lakeshore Blue,Employer (self-funded),IL,IVIG,Gammagard Liquid,D80.1,11/18/2026,Medical necessity,"$12,500.50",Denied – appeal due'
const BAD = 'Bo,Chen,1961-02-30,Acme Health,Medicare Part Z,ZZ,IVIG,Hizentra,80.1,2026-11-18,not_covered,12,intake'
const GOOD_2 = 'Cy,Diaz,,Humana,medicare_advantage,TX,Home TPN,Clinimix,,,,,Prior authorization'
const FILE = [HEADER, GOOD_1, BAD, GOOD_2].join('\n')

describe('caseload CSV import', () => {
  it('suggests a mapping from fuzzy header names', () => {
    const preview = core().transfer.previewCsv(FILE)
    expect(preview.headers).toHaveLength(13)
    expect(preview.sampleRows).toHaveLength(3)
    expect(preview.totalRows).toBe(3)
    expect(preview.suggestedMapping).toEqual({
      'First Name': 'firstName',
      'Last Name': 'lastName',
      DOB: 'dateOfBirth',
      Insurance: 'payer',
      'Plan type': 'planFamily',
      State: 'state',
      Therapy: 'therapyCategory',
      Drug: 'drug',
      Dx: 'icd10Codes',
      'Denial date': 'noticeDate',
      Reason: 'denialReasons',
      'Amount denied': 'amount',
      Status: 'stage',
    })
  })

  it('reads ids and English labels case-insensitively', () => {
    expect(planFamilyOf('Medicare Advantage')).toBe('medicare_advantage')
    expect(planFamilyOf('EMPLOYER (SELF-FUNDED)')).toBe('employer_self_funded')
    expect(planFamilyOf('employer plan, fully insured')).toBe('employer_fully_insured')
    expect(planFamilyOf('medicaid_managed_care')).toBe('medicaid_managed_care')
    expect(planFamilyOf('Medicare Part Z')).toBeNull()
    expect(therapyOf('ivig / scig')).toBe('ivig_scig')
    expect(stageOf('External review (IRO)')).toBe('external_review')
    expect(stageOf('denied – appeal due')).toBe('denied')
  })

  it('a file with a bad row imports nothing, and the report names the line and the mapped columns', () => {
    const c = core()
    const mapping = c.transfer.previewCsv(FILE).suggestedMapping
    const report = c.transfer.importCsv({ csv: FILE, mapping, mode: 'all_or_nothing' })
    expect(report).toMatchObject({ isRejected: true, imported: 0, totalRows: 3, validRows: 2, invalidRows: 1 })
    const bad = report.rows.find((r) => !r.isValid)!
    expect(bad.line).toBe(3)
    expect(bad.initials).toBe('B. C.')
    expect(bad.errors).toEqual({
      DOB: 'error.invalidDate',
      'Plan type': 'transfer.error.unknownPlanFamily',
      State: 'error.state',
      Dx: 'error.icd10',
    })
    expect(c.caseload.info().caseCount).toBe(0)
  })

  it('valid-rows-only imports the rest, with labels, US dates and amounts converted', () => {
    const c = core()
    const mapping = c.transfer.previewCsv(FILE).suggestedMapping
    const report = c.transfer.importCsv({ csv: FILE, mapping, mode: 'valid_rows_only' })
    expect(report).toMatchObject({ isRejected: false, imported: 2, invalidRows: 1 })
    const [ana, cy] = report.importedCaseIds.map((id) => c.cases.get(id))
    expect(ana.patient).toMatchObject({ firstName: 'Ana', dateOfBirth: '1961-04-02' })
    expect(ana.coverage).toMatchObject({ planFamily: 'employer_self_funded', state: 'IL' })
    expect(ana.stage).toBe('denied')
    expect(ana.denials[0]).toMatchObject({ noticeDate: '2026-11-18', reasons: ['not_medically_necessary'], amount: 12500.5 })
    expect(ana.deadlineReport.deadlines.length).toBeGreaterThan(0)
    expect(cy).toMatchObject({ stage: 'prior_auth', openedOn: '2026-11-25', denials: [] })
    expect(cy.therapy.category).toBe('tpn')
    expect(c.caseload.info().caseCount).toBe(2)
  })

  it('refuses a mapping without the required fields, beside the fields', () => {
    const c = core()
    const report = c.transfer.importCsv({ csv: FILE, mapping: { 'First Name': 'firstName', 'Last Name': 'firstName' }, mode: 'all_or_nothing' })
    expect(report.fileError).toBe('transfer.error.mappingIncomplete')
    expect(report.mappingErrors).toMatchObject({ firstName: 'transfer.error.fieldMappedTwice', lastName: 'transfer.error.fieldNotMapped', payer: 'transfer.error.fieldNotMapped' })
    expect(c.caseload.info().caseCount).toBe(0)
  })

  it('fast-check: arbitrary CSV text never throws and never half-imports', () => {
    const c = core()
    const mapping = c.transfer.previewCsv(FILE).suggestedMapping
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '""', ',', '\n', '\r\n', '=1+1', 'IL', '2026-11-18', '4/2/1961', 'IVIG', 'Medicare'))
    const text = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.array(cell, { maxLength: 14 }).map((cells) => cells.join(',')), { maxLength: 8 }).map((lines) => [HEADER, ...lines].join('\n')))
    fc.assert(
      fc.property(text, (csv) => {
        const before = c.caseload.info().caseCount
        c.transfer.previewCsv(csv)
        const report = c.transfer.importCsv({ csv, mapping, mode: 'all_or_nothing' })
        const after = c.caseload.info().caseCount
        // All or nothing: either every row went in, or none did.
        expect(after - before).toBe(report.imported)
        if (report.imported > 0) expect(report.invalidRows).toBe(0)
      }),
      { numRuns: 300 },
    )
  })
})

describe('caseload CSV export', () => {
  it('escapes formula cells and reads back through the import', () => {
    const c = core()
    c.cases.create(sampleCase({ patient: { firstName: '=HYPERLINK("http://x")', lastName: '+Evil', dateOfBirth: null, phone: '', preferredLanguage: '' }, summary: '@SUM(A1)' }))
    c.cases.create(sampleCase())
    const file = c.transfer.exportCsv()
    expect(file.fileName).toMatch(/\.csv$/)
    const rows = parse(file.content) as string[][]
    expect(rows).toHaveLength(3)
    expect(rows[1][0]).toBe(`'=HYPERLINK("http://x")`)
    expect(rows[1][1]).toBe(`'+Evil`)
    expect(rows[1][rows[0].indexOf('Summary')]).toBe(`'@SUM(A1)`)
    expect(rows[2][rows[0].indexOf('Plan type')]).toBe('Employer plan, fully insured')

    const target = core()
    const mapping = target.transfer.previewCsv(file.content).suggestedMapping
    expect(Object.values(mapping)).toHaveLength(20)
    const report = target.transfer.importCsv({ csv: file.content, mapping, mode: 'all_or_nothing' })
    expect(report).toMatchObject({ imported: 2, invalidRows: 0 })
    const first = target.cases.get(report.importedCaseIds[0])
    expect(first.patient.firstName).toBe('=HYPERLINK("http://x")')
    expect(first.summary).toBe('@SUM(A1)')
    expect(first.coverage.planFamily).toBe('employer_fully_insured')
    expect(first.denials[0]).toMatchObject({ noticeDate: '2026-11-18', amount: 12500.5 })
  })
})
