import type { SessionStatus, SessionUser } from '../domain/session'
import { passphraseChangeSchema, userCreateSchema } from '../schemas/sessionSchemas'
import { admin, channel, EVERY_ROLE, write } from './channel'

/** Accounts. */
export const usersChannels = {
  'users:create': channel<typeof userCreateSchema, SessionUser>(userCreateSchema, admin('create')),
  'users:changePassphrase': channel<typeof passphraseChangeSchema, SessionStatus>(passphraseChangeSchema, write('security', { roles: EVERY_ROLE })),
} as const
