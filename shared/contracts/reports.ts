import type { DocxFile } from '../domain/insights'
import type { CsvFile } from '../domain/transfer'
import { csvRequestSchema, funderReportSchema } from '../schemas/insightSchemas'
import { channel, exporting } from './channel'

/** Reports: CSV tables and the de-identified funder summary. */
export const reportsChannels = {
  /** A table written as CSV (RFC 4180, formula cells escaped). */
  'reports:csv': channel<typeof csvRequestSchema, CsvFile>(csvRequestSchema, exporting()),
  /** The de-identified DOCX summary for funders (no names, member IDs, dates of birth or notes). */
  'reports:funderDocx': channel<typeof funderReportSchema, DocxFile>(funderReportSchema, exporting()),
} as const
