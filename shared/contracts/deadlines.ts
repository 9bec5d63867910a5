import { z } from 'zod'
import type { Agenda, IcsFile } from '../domain/agenda'
import type { MoveCheck } from '../domain/deadlines'
import type { CaseDetail } from '../domain/cases'
import { appealUpdateSchema, moveCheckSchema, priorAuthSaveSchema, representationSaveSchema } from '../schemas/appealSchemas'
import { id } from '../schemas/fields'
import { channel, emptyRequest, exporting, read, write } from './channel'

const agendaSchema = z.strictObject({
  /** Days ahead counted as "due soon" (default 14). */
  soonDays: z.number().int().min(1).max(90).optional().default(14),
  /** Days ahead the calendar needs (default 62). */
  horizonDays: z.number().int().min(1).max(400).optional().default(62),
})
const icsSchema = z.strictObject({ caseId: id.nullable().optional().default(null) })

/** Deadlines, appeal filing facts, prior authorization, representation and reminders (issue 3). */
export const deadlineChannels = {
  /** Whether a move follows the ladder, before making it (a refusal or a caution to show). */
  'cases:checkMove': channel<typeof moveCheckSchema, MoveCheck>(moveCheckSchema, read()),
  /** Record when the current level was filed, internal levels, payer extension. */
  'cases:updateAppeal': channel<typeof appealUpdateSchema, CaseDetail>(appealUpdateSchema, write('update')),
  /** Add or update a prior-authorization request and its outcome. */
  'priorAuth:save': channel<typeof priorAuthSaveSchema, CaseDetail>(priorAuthSaveSchema, write('update')),
  /** Set or clear the appointment of representative / HIPAA authorization on file. */
  'representation:save': channel<typeof representationSaveSchema, CaseDetail>(representationSaveSchema, write('update')),
  /** Overdue, due-soon and later deadlines across open cases. */
  'deadlines:agenda': channel<typeof agendaSchema, Agenda>(agendaSchema, read()),
  /** Just the counts for the reminder banner: overdue, and due within 3 days (cheap at any caseload size). */
  'deadlines:counts': channel<typeof emptyRequest, { overdue: number; dueWithin3Days: number }>(emptyRequest, read()),
  /** An iCalendar file of one case's deadlines, or of the whole caseload's. */
  'deadlines:ics': channel<typeof icsSchema, IcsFile>(icsSchema, exporting()),
} as const
