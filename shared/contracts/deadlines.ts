import { z } from 'zod'
import type { Agenda, IcsFile } from '../domain/agenda'
import { id } from '../schemas/fields'
import { channel, emptyRequest, exporting, read } from './channel'

const agendaSchema = z.strictObject({
  /** Days ahead counted as "due soon" (default 14). */
  soonDays: z.number().int().min(1).max(90).optional().default(14),
  /** Days ahead the calendar needs (default 62). */
  horizonDays: z.number().int().min(1).max(400).optional().default(62),
})
const icsSchema = z.strictObject({ caseId: id.nullable().optional().default(null) })

/** Deadlines across open cases: the agenda, reminder counts, calendar files. */
export const deadlinesChannels = {
  /** Overdue, due-soon and later deadlines across open cases. */
  'deadlines:agenda': channel<typeof agendaSchema, Agenda>(agendaSchema, read()),
  /** Just the counts for the reminder banner: overdue, and due within 3 days (cheap at any caseload size). */
  'deadlines:counts': channel<typeof emptyRequest, { overdue: number; dueWithin3Days: number }>(emptyRequest, read()),
  /** An iCalendar file of one case's deadlines, or of the whole caseload's. */
  'deadlines:ics': channel<typeof icsSchema, IcsFile>(icsSchema, exporting()),
} as const
