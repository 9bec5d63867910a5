/**
 * CSV export (RFC 4180): fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, quote, CR or LF, with quotes doubled. A text cell that a spreadsheet would read as a formula
 * (first character = + - @, tab or CR) gets a leading apostrophe, as OWASP's CSV-injection guidance
 * advises; numbers are written as numbers, so a negative amount stays a number. Spreadsheets also
 * read the full-width signs (＝ ＋ － ＠, U+FF1D, U+FF0B, U+FF0D, U+FF20) as formulas, and skip
 * invisible characters (zero-width space, joiners, word joiner, BOM) and leading spaces before one,
 * so those count too (issue 13 item 8).
 */
export type CsvCell = string | number | boolean | null | undefined

const FORMULA_START = /^[\s\u200B-\u200D\u2060\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/

/** Whether a spreadsheet could read this text as a formula (the one test, for every CSV writer and reader). */
export const isFormulaLike = (text: string) => FORMULA_START.test(text)

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = isFormulaLike(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: a header record, then one record per row, each ending in CRLF. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('')
}
