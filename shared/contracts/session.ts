import type { AuditEntryDto, AuditVerificationDto, BackupInfo, RestorePreview, SessionStatus, SessionUser, SetupResult } from '../domain/session'
import {
  auditQuerySchema,
  backupNameSchema,
  idleSchema,
  passphraseChangeSchema,
  recoverSchema,
  setupSchema,
  unlockSchema,
  userCreateSchema,
} from '../schemas/sessionSchemas'
import { admin, channel, emptyRequest, EVERY_ROLE, exporting, read, write } from './channel'

/**
 * Accounts, lock and unlock, the audit trail and backups (issue 6). These are answered by the app
 * session, which owns the key; every other channel needs an unlocked session and the right role.
 */
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
  'users:create': channel<typeof userCreateSchema, SessionUser>(userCreateSchema, admin('create')),
  'users:changePassphrase': channel<typeof passphraseChangeSchema, SessionStatus>(passphraseChangeSchema, write('security', { roles: EVERY_ROLE })),
  'audit:list': channel<typeof auditQuerySchema, AuditEntryDto[]>(auditQuerySchema, read()),
  'audit:verify': channel<typeof emptyRequest, AuditVerificationDto>(emptyRequest, admin('security')),
  'backups:list': channel<typeof emptyRequest, BackupInfo[]>(emptyRequest, read()),
  'backups:create': channel<typeof emptyRequest, BackupInfo>(emptyRequest, write('backup')),
  /**
   * A backup packed to keep elsewhere (a USB stick): the encrypted database, the key store (keys wrapped,
   * never clear) and the encrypted attachments, as one ZIP the user saves where they choose.
   */
  'backups:download': channel<typeof backupNameSchema, { fileName: string; base64: string }>(backupNameSchema, exporting()),
  /** What a restore would replace, before doing it. */
  'backups:previewRestore': channel<typeof backupNameSchema, RestorePreview>(backupNameSchema, read()),
  /** Restores a backup after backing up the current state, so the restore can be undone. */
  'backups:restore': channel<typeof backupNameSchema, SessionStatus>(backupNameSchema, admin('restore')),
} as const
