import type { Application, ReminderRow } from '../domain/screening'
import { applicationCreateSchema, applicationUpdateSchema } from '../schemas/screeningSchemas'
import { channel, emptyRequest, read, SCREENING_WORK, write } from './channel'

/** Applications to assistance programs and their reminders. */
export const applicationsChannels = {
  /** Start an application (status `screened`, or `waitlisted` for a waitlisted fund). */
  'applications:create': channel<typeof applicationCreateSchema, Application>(applicationCreateSchema, write('create', { roles: SCREENING_WORK })),
  /** Change status, award and dates; pre-approval fills the documents-due day from the program's rule. */
  'applications:update': channel<typeof applicationUpdateSchema, Application>(applicationUpdateSchema, write('update', { roles: SCREENING_WORK })),
  /** Every open application's reminders (documents due, usage clocks, grant ends), soonest first. */
  'applications:reminders': channel<typeof emptyRequest, ReminderRow[]>(emptyRequest, read()),
} as const
