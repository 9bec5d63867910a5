import { parse } from 'csv-parse/sync'
import { toCsv, type CsvCell } from '../../../shared/domain/csv'
import { isDayString } from '../../../shared/domain/days'
import type { CaseDetail } from '../../../shared/domain/cases'
import { DENIAL_REASONS, PLAN_FAMILIES, STAGES, THERAPY_CATEGORIES, URGENCIES, type DenialReason } from '../../../shared/domain/enums'
import {
  CASE_CSV_FIELDS,
  MAX_CSV_ROWS,
  REQUIRED_CSV_FIELDS,
  type CaseCsvField,
  type CsvPreview,
  type CsvRowReport,
} from '../../../shared/domain/transfer'
import { caseCreateSchema, type CaseCreate } from '../../../shared/schemas/caseSchemas'
import { DENIAL_REASON_EN, PLAN_FAMILY_EN, STAGE_EN, THERAPY_EN } from '../insights/reportLabels'
import { isFormulaLike } from '../../../shared/domain/csv'

/** Headers the export writes, which the import's header matching recognises again. */
export const CASE_CSV_HEADERS: Record<CaseCsvField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  payer: 'Payer',
  planFamily: 'Plan type',
  state: 'State',
  memberId: 'Member ID',
  groupNumber: 'Group number',
  therapyCategory: 'Therapy category',
  drug: 'Drug',
  hcpcsCode: 'HCPCS code',
  icd10Codes: 'ICD-10 codes',
  stage: 'Stage',
  urgency: 'Urgency',
  openedOn: 'Opened on',
  noticeDate: 'Notice date',
  receivedDate: 'Received date',
  denialReasons: 'Denial reasons',
  amount: 'Amount',
  summary: 'Summary',
}

/** Lowercase letters and digits only, accents removed: "Plan type" = "plan_type" = "PLAN-TYPE". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** Header names spreadsheets use for each field, besides the export's own header and the field id. */
const HEADER_SYNONYMS: Record<CaseCsvField, string[]> = {
  firstName: ['first', 'firstname', 'givenname', 'fname', 'patientfirstname', 'patientfirst'],
  lastName: ['last', 'lastname', 'surname', 'familyname', 'lname', 'patientlastname', 'patientlast'],
  dateOfBirth: ['dob', 'birthdate', 'dateofbirth', 'birthday', 'patientdob'],
  payer: ['payer', 'payor', 'insurer', 'insurance', 'insurancecompany', 'carrier', 'healthplan', 'planname', 'plan'],
  planFamily: ['plantype', 'planfamily', 'typeofplan', 'coveragetype', 'insurancetype', 'plancategory', 'typeofinsurance'],
  state: ['state', 'st', 'planstate', 'coveragestate'],
  memberId: ['memberid', 'membernumber', 'memberno', 'subscriberid', 'policynumber', 'policyid'],
  groupNumber: ['groupnumber', 'group', 'groupid', 'groupno'],
  therapyCategory: ['therapycategory', 'therapy', 'therapytype', 'category', 'infusiontype'],
  drug: ['drug', 'drugname', 'medication', 'medicine', 'product'],
  hcpcsCode: ['hcpcs', 'hcpcscode', 'jcode', 'billingcode'],
  icd10Codes: ['icd10', 'icd10codes', 'icd10code', 'icd', 'diagnosis', 'diagnoses', 'diagnosiscodes', 'dx'],
  stage: ['stage', 'status', 'boardcolumn', 'column', 'appealstage', 'appealstatus'],
  urgency: ['urgency', 'priority', 'expedited'],
  openedOn: ['openedon', 'opened', 'dateopened', 'opendate', 'intakedate', 'casedate', 'startdate'],
  noticeDate: ['noticedate', 'denialdate', 'datedenied', 'denialnoticedate', 'deniedon'],
  receivedDate: ['receiveddate', 'received', 'datereceived', 'noticereceived', 'receivedon'],
  denialReasons: ['denialreasons', 'denialreason', 'reasons', 'reason', 'denialcategory'],
  amount: ['amount', 'amountdenied', 'deniedamount', 'claimamount', 'billedamount', 'dollars'],
  summary: ['summary', 'notes', 'note', 'description', 'comments', 'comment'],
}

/**
 * Header → field for the headers we recognise. Exact names win (after normalizing); then a header
 * that contains a known name ("Patient DOB" → dateOfBirth), longest name first. Each field is
 * suggested for one column at most, and each column gets one field at most.
 */
export function suggestMapping(headers: string[]): Record<string, CaseCsvField> {
  const names = new Map<CaseCsvField, string[]>(
    CASE_CSV_FIELDS.map((field) => [field, [normalizeName(CASE_CSV_HEADERS[field]), normalizeName(field), ...HEADER_SYNONYMS[field]]]),
  )
  const result = new Map<string, CaseCsvField>()
  const taken = new Set<CaseCsvField>()
  const assign = (header: string, field: CaseCsvField) => {
    if (result.has(header) || taken.has(field)) return
    result.set(header, field)
    taken.add(field)
  }
  for (const header of headers) {
    const key = normalizeName(header)
    const field = CASE_CSV_FIELDS.find((f) => names.get(f)!.includes(key))
    if (field) assign(header, field)
  }
  const bySpecificity = [...names.entries()].flatMap(([field, list]) => list.filter((n) => n.length >= 4).map((n) => ({ field, n }))).sort((a, b) => b.n.length - a.n.length)
  for (const header of headers) {
    if (result.has(header)) continue
    const key = normalizeName(header)
    const hit = bySpecificity.find(({ field, n }) => !taken.has(field) && key.includes(n))
    if (hit) assign(header, hit.field)
  }
  return Object.fromEntries(result)
}

/** An enum read from an id or an English label, case- and punctuation-insensitively. */
function lookup<T extends string>(ids: readonly T[], labels: Partial<Record<T, string>>, aliases: Partial<Record<T, string[]>>) {
  const table = new Map<string, T>()
  for (const id of ids) {
    for (const name of [id, labels[id] ?? '', ...(aliases[id] ?? [])]) {
      const key = normalizeName(name)
      if (key && !table.has(key)) table.set(key, id)
    }
  }
  return (text: string): T | null => table.get(normalizeName(text)) ?? null
}

export const planFamilyOf = lookup(PLAN_FAMILIES, PLAN_FAMILY_EN, {
  employer_self_funded: ['Employer (self-funded)', 'Self-funded', 'Self funded employer', 'ERISA', 'ERISA self-funded'],
  employer_fully_insured: ['Employer (fully insured)', 'Fully insured', 'Fully insured employer'],
  individual_marketplace: ['Marketplace', 'ACA marketplace', 'Individual', 'Exchange', 'ACA'],
  grandfathered: ['Grandfathered'],
  medicare_part_b: ['Medicare', 'Part B', 'Original Medicare', 'Traditional Medicare', 'Medicare B'],
  medicare_advantage: ['Part C', 'Medicare Part C', 'Medicare Advantage plan', 'MA plan'],
  medicare_part_d: ['Part D', 'Medicare D'],
  medicaid_ffs: ['Medicaid', 'Medicaid FFS', 'Medicaid fee for service'],
  medicaid_managed_care: ['Medicaid MCO', 'Managed Medicaid', 'Medicaid managed care plan'],
})

export const therapyOf = lookup(THERAPY_CATEGORIES, THERAPY_EN, {
  ivig_scig: ['IVIG', 'SCIG', 'Immune globulin', 'IG'],
  tpn: ['TPN', 'Parenteral nutrition', 'Total parenteral nutrition'],
  iv_anti_infective: ['Anti-infective', 'IV antibiotics', 'Antibiotic', 'Antibiotics', 'Antifungal'],
  infused_biologic: ['Biologic', 'Biologics'],
  other_specialty_iv: ['Specialty IV', 'Other'],
  nursing: ['Home nursing', 'Infusion nursing'],
  pump_supplies: ['Pump', 'Supplies', 'Pump and supplies'],
})

export const stageOf = lookup(STAGES, STAGE_EN, {
  intake: ['New'],
  prior_auth: ['Prior auth', 'PA', 'Authorization'],
  denied: ['Denial', 'Appeal due'],
  internal_appeal: ['Appeal', 'First-level appeal', 'Level 1 appeal'],
  second_level: ['Second level', 'Level 2 appeal'],
  external_review: ['External review', 'IRO'],
  hearing: ['Hearing', 'Court', 'ALJ'],
  closed: ['Done', 'Resolved'],
})

export const urgencyOf = lookup(URGENCIES, { standard: 'Standard', expedited: 'Expedited' }, {
  standard: ['Routine', 'Normal', 'No'],
  expedited: ['Urgent', 'Yes', 'Expedite'],
})

export const denialReasonOf = lookup(DENIAL_REASONS, DENIAL_REASON_EN, {
  not_medically_necessary: ['Medical necessity', 'Medically unnecessary', 'Not necessary'],
  not_covered: ['Not covered', 'Excluded', 'Exclusion'],
  experimental: ['Investigational'],
  missing_documentation: ['Missing records', 'Incomplete documentation'],
  no_prior_auth: ['No authorization', 'No PA'],
  coding_billing: ['Coding', 'Billing'],
})

/** `YYYY-MM-DD` as is; `M/D/YYYY` (US spreadsheets) rewritten; anything else left for validation to name. */
export function toDayText(raw: string): string {
  const text = raw.trim()
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text)
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`
  return text
}

/** `$12,500.50` → 12500.5; blank → null; anything else stays text so validation says "Enter a number". */
function toAmount(raw: string): number | string | null {
  const cleaned = raw.replace(/[$,\s]/g, '')
  if (cleaned === '') return null
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : raw
}

/** Our own export escapes formula-looking cells with an apostrophe (shared/domain/csv.ts); read them back unescaped. */
const unescapeCell = (cell: string) => (cell.startsWith("'") && isFormulaLike(cell.slice(1)) ? cell.slice(1) : cell)

export interface ParsedCsv {
  fileError: string | null
  headers: string[]
  rows: { line: number; cells: string[] }[]
}

/** Reads the file: headers made unique ("Notes", "Notes (2)"), blank lines skipped; never throws. */
export function readCsv(csv: string): ParsedCsv {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as unknown as typeof records
  } catch {
    return { fileError: 'transfer.error.csvUnreadable', headers: [], rows: [] }
  }
  if (records.length === 0) return { fileError: 'transfer.error.csvEmpty', headers: [], rows: [] }
  if (records.length - 1 > MAX_CSV_ROWS) return { fileError: 'transfer.error.tooManyRows', headers: [], rows: [] }
  const seen = new Map<string, number>()
  const headers = records[0].record.map((raw, index) => {
    const base = raw.trim() || `Column ${index + 1}`
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base} (${count})`
  })
  const rows = records.slice(1).map(({ record, info }) => ({ line: info.lines, cells: record.map(unescapeCell) }))
  return { fileError: null, headers, rows }
}

export function previewCsv(csv: string): CsvPreview {
  const parsed = readCsv(csv)
  return {
    fileError: parsed.fileError,
    headers: parsed.headers,
    sampleRows: parsed.rows.slice(0, 5).map((r) => parsed.headers.map((_, i) => r.cells[i] ?? '')),
    totalRows: parsed.rows.length,
    suggestedMapping: parsed.fileError ? {} : suggestMapping(parsed.headers),
  }
}

/** Mapping problems, field → message: a required field unmapped, or one field given two columns. */
export function checkMapping(headers: string[], mapping: Map<string, CaseCsvField>): { fileError: string | null; mappingErrors: Record<string, string> } {
  if ([...mapping.keys()].some((h) => !headers.includes(h))) return { fileError: 'transfer.error.mappingMismatch', mappingErrors: {} }
  const errors = new Map<string, string>()
  const counts = new Map<CaseCsvField, number>()
  for (const field of mapping.values()) counts.set(field, (counts.get(field) ?? 0) + 1)
  for (const [field, count] of counts) if (count > 1) errors.set(field, 'transfer.error.fieldMappedTwice')
  for (const field of REQUIRED_CSV_FIELDS) if (!counts.has(field)) errors.set(field, 'transfer.error.fieldNotMapped')
  return { fileError: errors.size ? 'transfer.error.mappingIncomplete' : null, mappingErrors: Object.fromEntries(errors) }
}

/** Where a case-schema issue lands: the CSV field its path belongs to. */
function fieldOfPath(path: PropertyKey[]): CaseCsvField | null {
  const [head, sub] = path.map(String)
  if (head === 'patient' || head === 'coverage') return (CASE_CSV_FIELDS as readonly string[]).includes(sub) ? (sub as CaseCsvField) : null
  if (head === 'therapy') return sub === 'category' ? 'therapyCategory' : (CASE_CSV_FIELDS as readonly string[]).includes(sub) ? (sub as CaseCsvField) : null
  if (head === 'denial') return sub === 'reasons' ? 'denialReasons' : (CASE_CSV_FIELDS as readonly string[]).includes(sub) ? (sub as CaseCsvField) : null
  return (CASE_CSV_FIELDS as readonly string[]).includes(head) ? (head as CaseCsvField) : null
}

const messageKey = (message: string) => (message.startsWith('error.') || message.startsWith('transfer.') ? message : 'error.invalid')

/** "José Núñez" → "J. N.": reports name rows without spelling out the patient. */
export function initialsOf(firstName: unknown, lastName: unknown): string {
  const initial = (name: unknown) => (typeof name === 'string' && name.trim() ? `${Array.from(name.trim())[0].toUpperCase()}.` : '')
  return [initial(firstName), initial(lastName)].filter(Boolean).join(' ') || '?'
}

/**
 * One row as a new case, validated with the same schema as the intake form. Labels and ids are both
 * accepted for plan type, therapy, stage, urgency and reasons; dates as `YYYY-MM-DD` or `M/D/YYYY`.
 * Defaults: opened today when no date is given; stage `denied` when a notice date is given, else
 * `intake`; reason `other` when a notice has none. Errors are keyed by the mapped column header.
 */
export function rowToCase(
  cells: string[],
  headers: string[],
  mapping: Map<string, CaseCsvField>,
  today: string,
): { initials: string; input: CaseCreate | null; errors: Record<string, string> } {
  const columnOf = new Map<CaseCsvField, string>()
  const value = new Map<CaseCsvField, string>()
  headers.forEach((header, i) => {
    const field = mapping.get(header)
    if (!field) return
    columnOf.set(field, header)
    value.set(field, (cells[i] ?? '').trim())
  })
  const get = (field: CaseCsvField) => value.get(field) ?? ''
  const errors = new Map<string, string>()
  const fail = (field: CaseCsvField, message: string) => {
    const column = columnOf.get(field) ?? '_row'
    if (!errors.has(column)) errors.set(column, message)
  }
  const initials = initialsOf(get('firstName'), get('lastName'))

  const enumCell = <T extends string>(field: CaseCsvField, read: (text: string) => T | null, unknownKey: string): T | string => {
    const text = get(field)
    if (!text) return ''
    const found = read(text)
    if (!found) fail(field, unknownKey)
    return found ?? text
  }
  const planFamily = enumCell('planFamily', planFamilyOf, 'transfer.error.unknownPlanFamily')
  const category = enumCell('therapyCategory', therapyOf, 'transfer.error.unknownTherapy')
  const stageText = enumCell('stage', stageOf, 'transfer.error.unknownStage')
  const urgencyText = enumCell('urgency', urgencyOf, 'transfer.error.unknownUrgency')
  const reasonTexts = get('denialReasons').split(/[;,|]/).map((r) => r.trim()).filter(Boolean)
  const reasons: DenialReason[] = []
  for (const text of reasonTexts) {
    const reason = denialReasonOf(text)
    if (reason) {
      if (!reasons.includes(reason)) reasons.push(reason)
    } else fail('denialReasons', 'transfer.error.unknownReason')
  }

  const noticeDate = toDayText(get('noticeDate'))
  const hasDenialFacts = !!(get('receivedDate') || reasonTexts.length || get('amount'))
  if (!noticeDate && hasDenialFacts) {
    const at = (['receivedDate', 'denialReasons', 'amount'] as const).find((f) => get(f)) ?? 'noticeDate'
    fail(columnOf.has('noticeDate') ? 'noticeDate' : at, 'transfer.error.noticeDateRequired')
  }
  const openedOn = toDayText(get('openedOn')) || today
  const candidate = {
    patient: { firstName: get('firstName'), lastName: get('lastName'), dateOfBirth: toDayText(get('dateOfBirth')) },
    coverage: { payer: get('payer'), planFamily, memberId: get('memberId'), groupNumber: get('groupNumber'), state: get('state').toUpperCase() },
    therapy: { category, drug: get('drug'), hcpcsCode: get('hcpcsCode'), icd10Codes: get('icd10Codes').split(/[,;\s]+/).filter(Boolean) },
    stage: stageText || (noticeDate ? 'denied' : 'intake'),
    urgency: urgencyText || 'standard',
    openedOn,
    summary: get('summary'),
    denial: noticeDate
      ? { noticeDate, receivedDate: toDayText(get('receivedDate')), reasons: reasons.length ? reasons : ['other'], amount: toAmount(get('amount')) }
      : null,
  }
  if (candidate.patient.dateOfBirth && isDayString(candidate.patient.dateOfBirth) && candidate.patient.dateOfBirth > today) fail('dateOfBirth', 'transfer.error.futureDate')
  const parsed = caseCreateSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path)
      if (field) fail(field, messageKey(issue.message))
      else if (!errors.has('_row')) errors.set('_row', messageKey(issue.message))
    }
  }
  if (errors.size > 0 || !parsed.success) return { initials, input: null, errors: Object.fromEntries(errors) }
  return { initials, input: parsed.data, errors: {} }
}

/** Validates every row; writes nothing. */
export function validateRows(parsed: ParsedCsv, mapping: Map<string, CaseCsvField>, today: string): (CsvRowReport & { input: CaseCreate | null })[] {
  return parsed.rows.map(({ line, cells }) => {
    if (cells.length !== parsed.headers.length) {
      return { line, initials: initialsOf(cells[0], cells[1]), isValid: false, errors: { _row: 'transfer.error.csvColumnCount' }, input: null }
    }
    const result = rowToCase(cells, parsed.headers, mapping, today)
    return { line, initials: result.initials, isValid: result.input !== null, errors: result.errors, input: result.input }
  })
}

/** What a CSV row shows of a case (a stored case's core is enough). */
export type CsvCase = Pick<CaseDetail, 'patient' | 'coverage' | 'therapy' | 'stage' | 'urgency' | 'openedOn' | 'denials' | 'summary'>

/** A case as a CSV row in CASE_CSV_FIELDS order: English labels, the latest notice's facts. */
export function caseCsvRow(detail: CsvCase): CsvCell[] {
  const latest = detail.denials[0] ?? null
  const cell: Record<CaseCsvField, CsvCell> = {
    firstName: detail.patient.firstName,
    lastName: detail.patient.lastName,
    dateOfBirth: detail.patient.dateOfBirth,
    payer: detail.coverage.payer,
    planFamily: PLAN_FAMILY_EN[detail.coverage.planFamily],
    state: detail.coverage.state,
    memberId: detail.coverage.memberId,
    groupNumber: detail.coverage.groupNumber,
    therapyCategory: THERAPY_EN[detail.therapy.category],
    drug: detail.therapy.drug,
    hcpcsCode: detail.therapy.hcpcsCode,
    icd10Codes: detail.therapy.icd10Codes.join('; '),
    stage: STAGE_EN[detail.stage],
    urgency: detail.urgency === 'expedited' ? 'Expedited' : 'Standard',
    openedOn: detail.openedOn,
    noticeDate: latest?.noticeDate ?? '',
    receivedDate: latest?.receivedDate ?? '',
    denialReasons: latest ? latest.reasons.map((r) => DENIAL_REASON_EN[r]).join('; ') : '',
    amount: latest?.amount ?? null,
    summary: detail.summary,
  }
  return CASE_CSV_FIELDS.map((field) => cell[field])
}

export function caseloadCsv(details: CsvCase[]): string {
  return toCsv(
    CASE_CSV_FIELDS.map((f) => CASE_CSV_HEADERS[f]),
    details.map(caseCsvRow),
  )
}
