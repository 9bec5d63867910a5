import type { SessionStatus, SetupResult } from '../domain/session'
import { idleSchema, recoverSchema, setupSchema, unlockSchema } from '../schemas/sessionSchemas'
import { admin, channel, emptyRequest, EVERY_ROLE, read, write } from './channel'

/** Lock, unlock, first run and recovery: answered by the app session, which owns the key. */
export const sessionChannels = {
  'session:status': channel<typeof emptyRequest, SessionStatus>(emptyRequest, read({ allowedWhileLocked: true })),
  /** First run: the administrator account; answers with the recovery key, shown once. */
  'session:setup': channel<typeof setupSchema, SetupResult>(setupSchema, write('security', { roles: EVERY_ROLE, allowedWhileLocked: true })),
  'session:unlock': channel<typeof unlockSchema, SessionStatus>(unlockSchema, write('unlock', { roles: EVERY_ROLE, allowedWhileLocked: true })),
  /** Closes the database and forgets the key. */
  'session:lock': channel<typeof emptyRequest, SessionStatus>(emptyRequest, write('lock', { roles: EVERY_ROLE, allowedWhileLocked: true })),
  /** A forgotten passphrase: the recovery key unlocks and sets a new one. */
  'session:recover': channel<typeof recoverSchema, SessionStatus>(recoverSchema, write('security', { roles: EVERY_ROLE, allowedWhileLocked: true })),
  'session:setIdle': channel<typeof idleSchema, SessionStatus>(idleSchema, admin('security')),
  /** A new recovery key, shown once; the old one stops working (issue 13). */
  'session:rotateRecoveryKey': channel<typeof emptyRequest, { recoveryKey: string }>(emptyRequest, admin('security')),
} as const
