/**
 * Moving cases in and out of Overturn (issue 6, item 5): the case bundle (docs/case-bundle.md) and
 * the spreadsheet caseload CSV. Plain-data shapes only; the core does the work.
 */

/** The bundle's format name and version: readers refuse any other. */
export const BUNDLE_FORMAT = 'overturn.bundle'
export const BUNDLE_VERSION = 1

/** Limits that keep an import from exhausting memory: the whole ZIP, and cases in one bundle. */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024
export const MAX_BUNDLE_CASES = 10_000
/** A spreadsheet caseload: the text and the number of data rows read. */
export const MAX_CSV_CHARS = 20_000_000
export const MAX_CSV_ROWS = 10_000

/** The columns a caseload CSV can be mapped to, in export order. */
export const CASE_CSV_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'payer',
  'planFamily',
  'state',
  'memberId',
  'groupNumber',
  'therapyCategory',
  'drug',
  'hcpcsCode',
  'icd10Codes',
  'stage',
  'urgency',
  'openedOn',
  'noticeDate',
  'receivedDate',
  'denialReasons',
  'amount',
  'summary',
] as const
export type CaseCsvField = (typeof CASE_CSV_FIELDS)[number]

/** Fields a mapping must include: a case cannot be created without them. */
export const REQUIRED_CSV_FIELDS: readonly CaseCsvField[] = ['firstName', 'lastName', 'payer', 'planFamily', 'state', 'therapyCategory', 'drug']

/** A file offered for download: its suggested name and its bytes as base64. */
export interface BundleFile {
  fileName: string
  base64: string
}

export interface CsvFile {
  fileName: string
  content: string
}

/** One case of a bundle as checked on import. Initials only: the report names no patient. */
export interface BundleCaseReport {
  /** 0-based position in `bundle.json`'s `cases`. */
  index: number
  initials: string
  isValid: boolean
  /** Field path inside the case entry (`case.patient.lastName`, `attachments.0.sha256`) → message key or sentence. */
  errors: Record<string, string>
}

export type BundleImportMode = 'validate' | 'import'

export interface BundleImportReport {
  mode: BundleImportMode
  /** Why the whole file was refused before its cases were read (not a ZIP, unknown format, too large…). */
  fileError: string | null
  /** Values for the file error's message (the bundle's version, the case limit). */
  fileErrorParams?: Record<string, string | number>
  totalCases: number
  validCases: number
  invalidCases: number
  attachmentCount: number
  /** Any problem rejects the whole bundle: nothing is written. */
  isRejected: boolean
  cases: BundleCaseReport[]
  /** With `import` and no problem: the new cases' ids, in bundle order. */
  importedCaseIds: number[]
}

/** The first look at a spreadsheet: its columns, a few rows, and the columns we recognised. */
export interface CsvPreview {
  fileError: string | null
  headers: string[]
  /** The first five data rows, cells in header order. */
  sampleRows: string[][]
  totalRows: number
  /** Header → field, for the headers whose name we recognised; others are left unmapped. */
  suggestedMapping: Record<string, CaseCsvField>
}

export type CsvImportMode = 'validate' | 'all_or_nothing' | 'valid_rows_only'

export interface CsvRowReport {
  /** Line number in the file (the header is line 1). */
  line: number
  initials: string
  isValid: boolean
  /** Mapped column header (or `_row`) → message key. */
  errors: Record<string, string>
}

export interface CsvImportReport {
  mode: CsvImportMode
  /** The mapping or the file itself is unusable; nothing was read row by row. */
  fileError: string | null
  /** Field → message, for mapping problems shown beside the mapping table. */
  mappingErrors: Record<string, string>
  totalRows: number
  validRows: number
  invalidRows: number
  imported: number
  isRejected: boolean
  rows: CsvRowReport[]
  importedCaseIds: number[]
}
