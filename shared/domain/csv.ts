/**
 * CSV export (RFC 4180): fields separated by commas, records by CRLF, a field quoted when it holds a
 * comma, quote, CR or LF, with quotes doubled. A text cell that a spreadsheet would read as a formula
 * (first character = + - @, tab or CR) gets a leading apostrophe, as OWASP's CSV-injection guidance
 * advises; numbers are written as numbers, so a negative amount stays a number.
 */
export type CsvCell = string | number | boolean | null | undefined

const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: a header record, then one record per row, each ending in CRLF. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('')
}
