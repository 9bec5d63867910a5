import type { AppealDestination } from '../domain/payers'
import { destinationIdSchema, destinationSaveSchema } from '../schemas/payerSchemas'
import { channel, emptyRequest, read, write } from './channel'

/** The organization's payer directory: where appeals go, per payer, plan family and level. */
export const payerChannels = {
  /** Every appeal destination, seeded Medicare contractors included (marked "verify" until checked). */
  'payers:list': channel<typeof emptyRequest, AppealDestination[]>(emptyRequest, read()),
  /** Add or correct a destination; letters of linked cases use it from then on. */
  'payers:save': channel<typeof destinationSaveSchema, AppealDestination[]>(destinationSaveSchema, write('update')),
  /** Remove a destination; cases linked to it keep their facts and lose only the link. */
  'payers:remove': channel<typeof destinationIdSchema, AppealDestination[]>(destinationIdSchema, write('delete')),
} as const
