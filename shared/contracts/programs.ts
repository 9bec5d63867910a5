import type { Program } from '../domain/screening'
import { programCreateSchema, programFundStatusSchema, programUpdateSchema } from '../schemas/screeningSchemas'
import { channel, emptyRequest, read, SCREENING_WORK, write } from './channel'

/** The assistance program catalog. */
export const programsChannels = {
  /** The program catalog, by name. */
  'programs:list': channel<typeof emptyRequest, Program[]>(emptyRequest, read()),
  'programs:create': channel<typeof programCreateSchema, Program>(programCreateSchema, write('create', { roles: SCREENING_WORK })),
  'programs:update': channel<typeof programUpdateSchema, Program>(programUpdateSchema, write('update', { roles: SCREENING_WORK })),
  /** Close, reopen or waitlist a program's fund. */
  'programs:setFundStatus': channel<typeof programFundStatusSchema, Program>(programFundStatusSchema, write('update', { roles: SCREENING_WORK })),
} as const
