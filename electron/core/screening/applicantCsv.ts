import { parse } from 'csv-parse/sync'
import type { ApplicantFacts, ImportRowReport } from '../../../shared/domain/screening'
import { applicantFactsSchema } from '../../../shared/schemas/screeningSchemas'
import { isFormulaLike } from '../../../shared/domain/csv'

/** CSV columns, in export order; the import accepts them in any order, `first_name` and `last_name` required. */
export const APPLICANT_CSV_COLUMNS = [
  'first_name',
  'last_name',
  'date_of_birth',
  'household_size',
  'annual_income',
  'state',
  'insurance_type',
  'payer',
  'drug_covered',
  'icd10_codes',
  'drug_name',
  'hcpcs_code',
  'treatment_start',
  'treatment_end',
  'out_of_pocket',
  'notes',
] as const
type Column = (typeof APPLICANT_CSV_COLUMNS)[number]

const FIELD_OF: Record<Column, keyof ApplicantFacts> = {
  first_name: 'firstName',
  last_name: 'lastName',
  date_of_birth: 'dateOfBirth',
  household_size: 'householdSize',
  annual_income: 'annualIncome',
  state: 'state',
  insurance_type: 'insuranceType',
  payer: 'payer',
  drug_covered: 'drugCovered',
  icd10_codes: 'icd10Codes',
  drug_name: 'drugName',
  hcpcs_code: 'hcpcsCode',
  treatment_start: 'treatmentStart',
  treatment_end: 'treatmentEnd',
  out_of_pocket: 'outOfPocket',
  notes: 'notes',
}
const COLUMN_OF = Object.fromEntries(Object.entries(FIELD_OF).map(([column, field]) => [field, column])) as Record<keyof ApplicantFacts, Column>

/** A number cell: blank is unknown; `$52,000.00` is read as 52000; anything else stays text so validation names it. */
function numberCell(value: string): number | string | null {
  const cleaned = value.replace(/[$,\s]/g, '')
  if (cleaned === '') return null
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : value
}

function toFacts(cells: Partial<Record<Column, string>>): Record<string, unknown> {
  const text = (column: Column) => cells[column] ?? ''
  return {
    firstName: text('first_name'),
    lastName: text('last_name'),
    dateOfBirth: text('date_of_birth'),
    householdSize: numberCell(text('household_size')),
    annualIncome: numberCell(text('annual_income')),
    state: text('state').toUpperCase(),
    insuranceType: text('insurance_type').toLowerCase(),
    payer: text('payer'),
    drugCovered: text('drug_covered').toLowerCase() || 'unknown',
    icd10Codes: text('icd10_codes').split(/[;\s]+/).filter(Boolean),
    drugName: text('drug_name'),
    hcpcsCode: text('hcpcs_code'),
    treatmentStart: text('treatment_start'),
    treatmentEnd: text('treatment_end'),
    outOfPocket: numberCell(text('out_of_pocket')),
    notes: text('notes'),
  }
}

export interface ParsedApplicantCsv {
  fileError: string | null
  rows: (ImportRowReport & { facts: ApplicantFacts | null })[]
}

/**
 * Reads an applicant CSV and validates every row with the same schema as the form. Returns one
 * report per row (line number, name, column → message id); nothing is written here.
 */
export function parseApplicantCsv(csv: string): ParsedApplicantCsv {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as unknown as typeof records
  } catch {
    return { fileError: 'error.csvUnreadable', rows: [] }
  }
  if (records.length === 0) return { fileError: 'error.csvEmpty', rows: [] }
  const header = records[0].record.map((h) => h.toLowerCase())
  const unknown = header.filter((h) => !(APPLICANT_CSV_COLUMNS as readonly string[]).includes(h))
  if (unknown.length > 0 || !header.includes('first_name') || !header.includes('last_name') || new Set(header).size !== header.length) {
    return { fileError: 'error.csvHeader', rows: [] }
  }
  const rows = records.slice(1).map(({ record, info }) => {
    const cells = Object.fromEntries(header.map((column, i) => [column, record[i] ?? ''])) as Partial<Record<Column, string>>
    const name = `${cells.first_name ?? ''} ${cells.last_name ?? ''}`.trim()
    if (record.length !== header.length) {
      return { line: info.lines, name, isValid: false, errors: { _row: 'error.csvColumnCount' }, facts: null }
    }
    const parsed = applicantFactsSchema.safeParse(toFacts(cells))
    if (parsed.success) return { line: info.lines, name, isValid: true, errors: {}, facts: parsed.data }
    const errors: Record<string, string> = {}
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as keyof ApplicantFacts
      const column = COLUMN_OF[field] ?? '_row'
      errors[column] ??= issue.message.startsWith('error.') ? issue.message : 'error.invalid'
    }
    return { line: info.lines, name, isValid: false, errors, facts: null }
  })
  return { fileError: null, rows }
}

/**
 * One CSV cell, RFC 4180 quoted when needed. A cell that starts with = + - @, a tab or a carriage
 * return is prefixed with an apostrophe so a spreadsheet shows it as text instead of running it
 * as a formula (OWASP "CSV injection").
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (isFormulaLike(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(rows: (string | number | null)[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** An applicant as a CSV row in APPLICANT_CSV_COLUMNS order, readable by the import. */
export function applicantCsvRow(facts: ApplicantFacts): (string | number | null)[] {
  return APPLICANT_CSV_COLUMNS.map((column) => {
    const value = facts[FIELD_OF[column]]
    if (Array.isArray(value)) return value.join(';')
    return value as string | number | null
  })
}
