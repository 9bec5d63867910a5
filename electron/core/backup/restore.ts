import { copyFileSync, renameSync, rmSync } from 'node:fs'
import { openDatabase } from '../db/openDatabase'

/**
 * Puts a backup in place of the live database (which must be closed): checked first, copied beside the
 * target, the WAL and shared-memory files of the old database removed, then renamed over it.
 */
export function restoreBackup(_dataDir: string, backupFile: string, databaseFile: string, key?: Buffer): void {
  const check = openDatabase(backupFile, key, { readonly: true })
  try {
    if (check.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('backup failed its integrity check')
  } finally {
    check.close()
  }
  const staging = `${databaseFile}.restoring`
  copyFileSync(backupFile, staging)
  rmSync(`${databaseFile}-wal`, { force: true })
  rmSync(`${databaseFile}-shm`, { force: true })
  renameSync(staging, databaseFile)

}
