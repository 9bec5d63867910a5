import { afterEach, describe, expect, it } from 'vitest'
import { csvCell, parseApplicantCsv } from '../../../electron/core/screening/applicantCsv'
import { makeCore } from '../core/testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))
function core() {
  const made = makeCore()
  disposers.push(made.dispose)
  return made.core
}

const HEADER = 'first_name,last_name,household_size,annual_income,state,insurance_type,drug_covered,icd10_codes,drug_name,hcpcs_code'
const GOOD_1 = 'Ana,Ruiz,4,"$52,000",IL,employer_fully_insured,yes,D80.1,Gammagard Liquid,J1569'
const GOOD_2 = 'Bo,Chen,1,18000,ak,medicare_part_b,yes,D83.9;D80.1,Hizentra,J1559'
const BAD_SIZE = 'Cy,Diaz,zero,30000,TX,uninsured,no,,Privigen,'
const BAD_MANY = ',Evans,2,-5,ZZ,bogus,maybe,80.1,X,J15'

describe('applicant CSV import', () => {
  it('reports each bad row by line and column', () => {
    const parsed = parseApplicantCsv([HEADER, GOOD_1, BAD_SIZE, GOOD_2, BAD_MANY].join('\n'))
    expect(parsed.fileError).toBeNull()
    expect(parsed.rows.map((r) => [r.line, r.isValid])).toEqual([[2, true], [3, false], [4, true], [5, false]])
    expect(parsed.rows[1].errors).toEqual({ household_size: 'error.number' })
    expect(parsed.rows[3].errors).toMatchObject({ state: 'error.state', insurance_type: 'error.invalid' })
    expect(Object.keys(parsed.rows[3].errors).sort()).toEqual(['annual_income', 'drug_covered', 'first_name', 'hcpcs_code', 'icd10_codes', 'insurance_type', 'state'])
    expect(parsed.rows[0].facts).toMatchObject({ annualIncome: 52_000, householdSize: 4, icd10Codes: ['D80.1'] })
    expect(parsed.rows[2].facts).toMatchObject({ state: 'AK', icd10Codes: ['D83.9', 'D80.1'] })
  })

  it('all or nothing: a file with a bad row imports nothing; importing only the valid rows is an explicit choice', () => {
    const c = core()
    const csv = [HEADER, GOOD_1, BAD_SIZE, GOOD_2].join('\r\n')
    const rejected = c.screening.applicants.importCsv(csv, 'all_or_nothing')
    expect(rejected).toMatchObject({ isRejected: true, imported: 0, totalRows: 3, validRows: 2, invalidRows: 1 })
    expect(c.screening.applicants.list({}).rows).toHaveLength(0)
    const checked = c.screening.applicants.importCsv(csv, 'validate')
    expect(checked).toMatchObject({ isRejected: false, imported: 0 })
    expect(c.screening.applicants.list({}).rows).toHaveLength(0)
    const partial = c.screening.applicants.importCsv(csv, 'valid_rows_only')
    expect(partial).toMatchObject({ isRejected: false, imported: 2 })
    expect(c.screening.applicants.list({}).rows.map((r) => r.name)).toEqual(['Bo Chen', 'Ana Ruiz'])
  })

  it('a clean file imports whole', () => {
    const c = core()
    expect(c.screening.applicants.importCsv([HEADER, GOOD_1, GOOD_2].join('\n'), 'all_or_nothing')).toMatchObject({ imported: 2, isRejected: false })
  })

  it('refuses files that are not applicant CSVs, importing nothing', () => {
    const c = core()
    expect(c.screening.applicants.importCsv('', 'valid_rows_only')).toMatchObject({ fileError: 'error.csvEmpty', imported: 0, isRejected: true })
    expect(c.screening.applicants.importCsv('name,income\nA,1', 'valid_rows_only')).toMatchObject({ fileError: 'error.csvHeader', imported: 0 })
    expect(c.screening.applicants.importCsv('first_name,last_name\n"unterminated,x', 'valid_rows_only')).toMatchObject({ fileError: 'error.csvUnreadable', imported: 0 })
    const short = parseApplicantCsv(`${HEADER}\nAna,Ruiz,4`)
    expect(short.rows[0].errors).toEqual({ _row: 'error.csvColumnCount' })
    expect(c.screening.applicants.list({}).rows).toHaveLength(0)
  })

  it('reads quoted cells with commas and line breaks, and a byte-order mark', () => {
    const parsed = parseApplicantCsv(`\uFEFFfirst_name,last_name,notes\nAna,Ruiz,"line one\nline two, with comma"\nBo,Chen,`)
    expect(parsed.rows.map((r) => r.isValid)).toEqual([true, true])
    expect(parsed.rows[0].facts!.notes).toBe('line one\nline two, with comma')
  })

  it('export escapes cells a spreadsheet would run as formulas, and round-trips through import', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1`).replace(/"/g, '')).toMatch(/^'/)
    const c = core()
    c.screening.applicants.importCsv([HEADER, GOOD_1, 'Zed,"=cmd|x",2,1000,IL,uninsured,no,,,'].join('\n'), 'all_or_nothing')
    const { csv, fileName } = c.screening.applicants.exportCsv()
    expect(fileName).toBe('applicants-2026-11-25.csv')
    expect(csv).toContain(`'=cmd|x`)
    expect(csv.split('\r\n')[0]).toMatch(/^first_name,last_name,date_of_birth,household_size,annual_income/)
    const again = parseApplicantCsv(csv)
    expect(again.rows.every((r) => r.isValid)).toBe(true)
    expect(again.rows.find((r) => r.name.startsWith('Ana'))!.facts).toMatchObject({ annualIncome: 52_000, hcpcsCode: 'J1569' })
  })
})
