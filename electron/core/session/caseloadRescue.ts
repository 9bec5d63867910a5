import { renameSync } from 'node:fs'
import { join } from 'node:path'
import type { SessionStatus, SessionUser } from '../../../shared/domain/session'
import type { AuditAction } from '../audit/auditLog'
import { listBackups } from '../backup/backupService'
import { restoreWhole } from '../backup/restore'
import { DATABASE_FILE } from '../createCore'
import { NewerDatabaseError } from '../db/migrate'
import { AppError } from '../errors'
import { previousKeysOf } from '../security/keyStore'
import type { KeyCustody } from './keyCustody'

/** What the rescue needs from the session: the key holder, and opening and auditing the core. */
export interface RescueHost {
  dataDir: string
  custody: KeyCustody
  /** Opens the core on the caseload with the key custody now holds. */
  openCore(key: Buffer, olderKeys: Buffer[]): void
  audit(action: AuditAction, fields?: { detail?: string }): void
  /** Records the trail's head in the key store; `resetOthers` restarts every account's anchor. */
  anchor(resetOthers?: boolean): void
  status(): SessionStatus
}

/**
 * The damaged-caseload rescue (issue 13 item 5, issue 11 item 2): when the right passphrase opens the
 * key but the database will not open, the lock screen offers only the backups, and only an
 * administrator's passphrase restores one. The damaged file is set aside, never deleted. A caseload
 * written by a newer Overturn is not damaged: that error passes through and nothing is offered.
 */
export function createCaseloadRescue(host: RescueHost) {
  const { dataDir, custody } = host
  let damaged = false

  return {
    isDamaged: () => damaged,

    /** The lock screen's state while damaged: the backups and who may restore one. */
    status(): SessionStatus {
      const administrators = custody
        .store()
        .users.filter((u) => u.role === 'administrator')
        .map((u): SessionUser => ({ id: u.id, displayName: u.displayName, role: u.role }))
      return { state: 'damaged', message: 'The caseload failed its integrity check or cannot be read. An administrator can restore the most recent backup that opens.', backups: listBackups(dataDir), administrators }
    },

    /** The right key could not open the database. Error types decide, not message text. */
    openFailed(error: unknown): void {
      if (error instanceof NewerDatabaseError) throw error
      damaged = true
    },

    /** A recovery-key unlock opened the caseload: nothing is damaged any more. */
    clear(): void {
      damaged = false
    },

    /** While damaged, restoring is the one call the lock screen may make (its policy is checked here instead). */
    admits: (channel: string) => damaged && channel === 'backups:restore',

    /** Restores `fileName` over the damaged caseload with an administrator's passphrase, then opens it. */
    restore(fileName: string, admin?: { userId: string; passphrase: string }): SessionStatus {
      if (!admin) throw new AppError('forbidden', 'error.adminPassphraseNeeded')
      const opened = custody.confirm(admin.userId, admin.passphrase, 'administrator')
      const databaseFile = join(dataDir, DATABASE_FILE)
      const older = previousKeysOf(custody.store(), opened.dataKey)
      // The damaged file is set aside (never deleted), then the backup goes in.
      renameSync(databaseFile, `${databaseFile}.damaged-${Date.now()}`)
      restoreWhole(dataDir, fileName, databaseFile, opened.dataKey, older)
      custody.hold({ dataKey: opened.dataKey, user: opened.user, privates: opened.privates })
      host.openCore(opened.dataKey, older)
      damaged = false
      host.audit('restore', { detail: `restored ${fileName} over a damaged caseload` })
      host.anchor(true)
      return host.status()
    },
  }
}
