import type { CaseDetail } from '../domain/cases'
import { representationSaveSchema } from '../schemas/appealSchemas'
import { channel, write } from './channel'

/** A case's appointment of representative and HIPAA authorization. */
export const representationChannels = {
  /** Set or clear the appointment of representative / HIPAA authorization on file. */
  'representation:save': channel<typeof representationSaveSchema, CaseDetail>(representationSaveSchema, write('update')),
} as const
