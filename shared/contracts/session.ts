import type { AuditEntryDto, AuditVerificationDto, BackupInfo, RestorePreview, SessionStatus, SessionUser, SetupResult } from '../domain/session'
import {
  auditQuerySchema,
  backupNameSchema,
  backupRestoreSchema,
  idleSchema,
  passphraseChangeSchema,
  recoverSchema,
  setupSchema,
  unlockSchema,
  userCreateSchema,
  userRemoveSchema,
} from '../schemas/sessionSchemas'
import { channel, emptyRequest } from './channel'

/**
 * Accounts, lock and unlock, the audit trail and backups (issue 6). These are answered by the app
 * session, which owns the key; every other channel needs an unlocked session and the right role.
 */
export const sessionChannels = {
  'session:status': channel<typeof emptyRequest, SessionStatus>(emptyRequest),
  /** First run: the administrator account; answers with the recovery key, shown once. */
  'session:setup': channel<typeof setupSchema, SetupResult>(setupSchema),
  'session:unlock': channel<typeof unlockSchema, SessionStatus>(unlockSchema),
  /** Closes the database and forgets the key. */
  'session:lock': channel<typeof emptyRequest, SessionStatus>(emptyRequest),
  /** A forgotten passphrase: the recovery key unlocks and sets a new one. */
  'session:recover': channel<typeof recoverSchema, SessionStatus>(recoverSchema),
  'session:setIdle': channel<typeof idleSchema, SessionStatus>(idleSchema),
  'users:create': channel<typeof userCreateSchema, SessionUser>(userCreateSchema),
  'users:changePassphrase': channel<typeof passphraseChangeSchema, SessionStatus>(passphraseChangeSchema),
  'audit:list': channel<typeof auditQuerySchema, AuditEntryDto[]>(auditQuerySchema),
  'audit:verify': channel<typeof emptyRequest, AuditVerificationDto>(emptyRequest),
  'backups:list': channel<typeof emptyRequest, BackupInfo[]>(emptyRequest),
  'backups:create': channel<typeof emptyRequest, BackupInfo>(emptyRequest),
  /**
   * A backup packed to keep elsewhere (a USB stick): the encrypted database, the key store (keys wrapped,
   * never clear) and the encrypted attachments, as one ZIP the user saves where they choose.
   */
  'backups:download': channel<typeof backupNameSchema, { fileName: string; base64: string }>(backupNameSchema),
  /** What a restore would replace, before doing it. */
  'backups:previewRestore': channel<typeof backupNameSchema, RestorePreview>(backupNameSchema),
  /** Restores a backup after backing up the current state, so the restore can be undone. */
  'backups:restore': channel<typeof backupRestoreSchema, SessionStatus>(backupRestoreSchema),
  /** Removes an account; the data key is then replaced so its old copies open nothing current (issue 13). */
  'users:remove': channel<typeof userRemoveSchema, SessionStatus>(userRemoveSchema),
  /** A new recovery key, shown once; the old one stops working. */
  'session:rotateRecoveryKey': channel<typeof emptyRequest, { recoveryKey: string }>(emptyRequest),
} as const
