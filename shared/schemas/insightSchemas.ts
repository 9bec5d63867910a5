import { z } from 'zod'
import { addCalendarDays } from '../domain/days'
import { DECISION_LEVELS, OUTCOME_RESULTS } from '../domain/insights'
import { dayString, id, money, optionalText } from './fields'

/** Any typed text: the core quotes every token, so nothing typed can be a query syntax error. */
export const searchQuerySchema = z.strictObject({
  text: z.string().max(200, { message: 'error.tooLong' }),
  /** Hits per kind (default 6). */
  limitPerKind: z.number().int().min(1).max(50).optional().default(6),
})
export type SearchQuery = z.output<typeof searchQuerySchema>

const outcomeFields = {
  level: z.enum(DECISION_LEVELS, { message: 'error.required' }),
  result: z.enum(OUTCOME_RESULTS, { message: 'error.required' }),
  decidedOn: dayString,
  amountAtStake: money.nullable().optional().default(null),
  amountRecovered: money.nullable().optional().default(null),
  notes: optionalText(2000),
  /** This outcome says how the case ended (asked when the case is closed). */
  isFinal: z.boolean().optional().default(false),
}

export const outcomeRecordSchema = z.strictObject({ caseId: id, ...outcomeFields })
export type OutcomeRecord = z.output<typeof outcomeRecordSchema>
export type OutcomeRecordInput = z.input<typeof outcomeRecordSchema>

export const outcomeUpdateSchema = z.strictObject({ id, ...outcomeFields })
export type OutcomeUpdate = z.output<typeof outcomeUpdateSchema>

export const outcomeIdSchema = z.strictObject({ id })

/** A date range; both ends optional (default: the twelve months up to today). */
export const dateRangeSchema = z
  .strictObject({ from: dayString.optional(), to: dayString.optional() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: 'dashboard.error.rangeReversed', path: ['to'] })
export type DateRangeInput = z.output<typeof dateRangeSchema>

/** Resolves an optional range against today. */
export function resolveRange(range: DateRangeInput, today: string): { from: string; to: string } {
  const to = range.to ?? today
  return { from: range.from ?? addCalendarDays(to, -364), to }
}

const csvCell = z.union([z.string().max(5000), z.number(), z.null()])

/** A table as the user sees it (translated headers and labels), to be written as CSV by the core. */
export const csvRequestSchema = z.strictObject({
  /** Becomes part of the file name; letters, digits, dashes only. */
  name: z.string().regex(/^[a-z0-9-]{1,60}$/i, { message: 'error.invalid' }),
  header: z.array(z.string().max(200)).min(1).max(50),
  rows: z.array(z.array(csvCell).max(50)).max(200_000),
})
export type CsvRequest = z.output<typeof csvRequestSchema>

export const funderReportSchema = z.strictObject({
  from: dayString.optional(),
  to: dayString.optional(),
})
