import type { BackupInfo, RestorePreview, SessionStatus } from '../domain/session'
import { backupNameSchema, backupRestoreSchema } from '../schemas/sessionSchemas'
import { ADMINISTRATORS, admin, channel, emptyRequest, exporting, read, write } from './channel'

/** Backups: list, make, download, restore. */
export const backupsChannels = {
  'backups:list': channel<typeof emptyRequest, BackupInfo[]>(emptyRequest, read()),
  'backups:create': channel<typeof emptyRequest, BackupInfo>(emptyRequest, write('backup')),
  /**
   * A backup packed to keep elsewhere (a USB stick): the encrypted database, the key store (keys wrapped,
   * never clear) and the encrypted attachments, as one ZIP the user saves where they choose.
   */
  'backups:download': channel<typeof backupNameSchema, { fileName: string; base64: string }>(backupNameSchema, exporting({ roles: ADMINISTRATORS })),
  /** What a restore would replace, before doing it. */
  'backups:previewRestore': channel<typeof backupNameSchema, RestorePreview>(backupNameSchema, admin('view')),
  /** Restores a backup after backing up the current state, so the restore can be undone. */
  /** Restores a backup after backing up the current state, so the restore can be undone; a damaged caseload is restored from the lock screen with an administrator's passphrase (issue 13). */
  'backups:restore': channel<typeof backupRestoreSchema, SessionStatus>(backupRestoreSchema, admin('restore')),
} as const
