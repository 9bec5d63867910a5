import type { CaseOutcome } from '../domain/insights'
import { caseIdSchema } from '../schemas/caseSchemas'
import { outcomeIdSchema, outcomeRecordSchema, outcomeUpdateSchema } from '../schemas/insightSchemas'
import { channel, read, write } from './channel'

/** A case's recorded decisions. */
export const outcomesChannels = {
  /** The case's recorded decisions, oldest first. */
  'outcomes:list': channel<typeof caseIdSchema, CaseOutcome[]>(caseIdSchema, read()),
  /** Record the result of a decided level (or, with `isFinal`, how the case ended). Answers the case's list. */
  'outcomes:record': channel<typeof outcomeRecordSchema, CaseOutcome[]>(outcomeRecordSchema, write('create')),
  'outcomes:update': channel<typeof outcomeUpdateSchema, CaseOutcome[]>(outcomeUpdateSchema, write('update')),
  'outcomes:remove': channel<typeof outcomeIdSchema, CaseOutcome[]>(outcomeIdSchema, write('delete')),
} as const
