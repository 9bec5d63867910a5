import type { CaseOutcome, CsvFile, DashboardData, DocxFile, SearchResponse } from '../domain/insights'
import { caseIdSchema } from '../schemas/caseSchemas'
import {
  csvRequestSchema,
  dateRangeSchema,
  funderReportSchema,
  outcomeIdSchema,
  outcomeRecordSchema,
  outcomeUpdateSchema,
  searchQuerySchema,
} from '../schemas/insightSchemas'
import { channel, exporting, read, write } from './channel'

/** Search everywhere, outcomes, the dashboard and reports (issue 6). */
export const insightChannels = {
  /** Full-text search over patients, cases, denials, contacts, notes and letters, grouped by kind. */
  'search:query': channel<typeof searchQuerySchema, SearchResponse>(searchQuerySchema, read()),
  /** The case's recorded decisions, oldest first. */
  'outcomes:list': channel<typeof caseIdSchema, CaseOutcome[]>(caseIdSchema, read()),
  /** Record the result of a decided level (or, with `isFinal`, how the case ended). Answers the case's list. */
  'outcomes:record': channel<typeof outcomeRecordSchema, CaseOutcome[]>(outcomeRecordSchema, write('create')),
  'outcomes:update': channel<typeof outcomeUpdateSchema, CaseOutcome[]>(outcomeUpdateSchema, write('update')),
  'outcomes:remove': channel<typeof outcomeIdSchema, CaseOutcome[]>(outcomeIdSchema, write('delete')),
  /** Everything the dashboard shows, for decisions in the date range. */
  'dashboard:load': channel<typeof dateRangeSchema, DashboardData>(dateRangeSchema, read()),
  /** A table written as CSV (RFC 4180, formula cells escaped). */
  'reports:csv': channel<typeof csvRequestSchema, CsvFile>(csvRequestSchema, exporting()),
  /** The de-identified DOCX summary for funders (no names, member IDs, dates of birth or notes). */
  'reports:funderDocx': channel<typeof funderReportSchema, DocxFile>(funderReportSchema, exporting()),
} as const
