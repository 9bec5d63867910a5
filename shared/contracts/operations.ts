import type { CaseOperation } from '../domain/operations'
import { operationsQuerySchema } from '../schemas/caseSchemas'
import { channel, read } from './channel'

/** The case operation log (issue 12): one log of changes, read as a case's history. */
export const operationsChannels = {
  /** The case's recorded operations (its history), or those saved after a version. */
  'operations:list': channel<typeof operationsQuerySchema, CaseOperation[]>(operationsQuerySchema, read()),
} as const
