import type { SessionStatus, SessionUser } from '../domain/session'
import { passphraseChangeSchema, userCreateSchema, userRemoveSchema } from '../schemas/sessionSchemas'
import { admin, channel, EVERY_ROLE, write } from './channel'

/** Accounts. */
export const usersChannels = {
  'users:create': channel<typeof userCreateSchema, SessionUser>(userCreateSchema, admin('create')),
  'users:changePassphrase': channel<typeof passphraseChangeSchema, SessionStatus>(passphraseChangeSchema, write('security', { roles: EVERY_ROLE })),
  /** Removes an account; the data key is then replaced so its old copies open nothing current (issue 13). */
  'users:remove': channel<typeof userRemoveSchema, SessionStatus>(userRemoveSchema, admin('security')),
} as const
