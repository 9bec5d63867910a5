import type { CaseDetail } from '../domain/cases'
import { priorAuthSaveSchema } from '../schemas/appealSchemas'
import { channel, write } from './channel'

/** A case's prior-authorization requests. */
export const priorAuthChannels = {
  /** Add or update a prior-authorization request and its outcome. */
  'priorAuth:save': channel<typeof priorAuthSaveSchema, CaseDetail>(priorAuthSaveSchema, write('update')),
} as const
