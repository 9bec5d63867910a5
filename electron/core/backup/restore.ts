import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase, type Db } from '../db/openDatabase'
import { AppError } from '../errors'
import { attachmentFilesOf, BACKUP_FOLDER, readManifest } from './backupService'

/** Which of the known data keys opens a backup (it may predate a rotation), or null. */
export function keyForBackup(file: string, keys: Buffer[]): Buffer | null {
  for (const key of keys) {
    try {
      openDatabase(file, key, { readonly: true }).close()
      return key
    } catch {
      // Another generation's key.
    }
  }
  return null
}

function checkBackup(db: Db, dataDir: string, fileName: string): string[] {
  if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new AppError('conflict', 'error.backupCheckFailed')
  // The audit head recorded beside the backup must still be in its trail (a cut-off tail shows).
  const manifest = readManifest(dataDir, fileName)
  if (manifest && manifest.auditHead.id > 0) {
    const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(manifest.auditHead.id) as { hash: string } | undefined
    if (row?.hash !== manifest.auditHead.hash) throw new AppError('conflict', 'error.backupAuditCut')
  }
  return attachmentFilesOf(db)
}

/**
 * Puts a backup in place of the live caseload (whose database must be closed), whole (issue 13 item 2):
 * the database, re-keyed to the current data key if it was made under an earlier one, and every
 * attachment its rows name, from the backups' mirror. Everything is checked and staged beside the
 * target first (integrity, audit head, every file present); only then are the database and the
 * attachments folder swapped in by rename. Files still under an earlier key are moved to the current
 * key by the next open (documents/rehomeAttachments).
 */
export function restoreWhole(dataDir: string, fileName: string, databaseFile: string, currentKey: Buffer | undefined, olderKeys: Buffer[] = []): { attachments: number } {
  const backupFile = join(dataDir, BACKUP_FOLDER, fileName)
  const backupKey = currentKey ? keyForBackup(backupFile, [currentKey, ...olderKeys]) : undefined
  if (currentKey && !backupKey) throw new AppError('forbidden', 'error.wrongKeyOrDamaged')
  const check = openDatabase(backupFile, backupKey ?? undefined, { readonly: true })
  let files: string[]
  try {
    files = checkBackup(check, dataDir, fileName)
  } finally {
    check.close()
  }
  const mirror = join(dataDir, BACKUP_FOLDER, 'attachments')
  // What the backup holds: its manifest's files (rows already missing then stay missing), else every row's.
  const manifest = readManifest(dataDir, fileName)
  if (manifest) files = manifest.files
  const missing = files.filter((f) => !existsSync(join(mirror, f)))
  if (missing.length > 0) throw new AppError('conflict', 'error.backupIncomplete')

  const staging = `${databaseFile}.restoring`
  copyFileSync(backupFile, staging)
  if (currentKey && backupKey && !backupKey.equals(currentKey)) {
    const db = openDatabase(staging, backupKey)
    try {
      db.pragma(`rekey="x'${currentKey.toString('hex')}'"`)
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.pragma('journal_mode = DELETE')
    } finally {
      db.close()
    }
  }
  const stagedAttachments = join(dataDir, 'attachments.restoring')
  rmSync(stagedAttachments, { recursive: true, force: true })
  for (const file of files) {
    mkdirSync(join(stagedAttachments, file, '..'), { recursive: true })
    copyFileSync(join(mirror, file), join(stagedAttachments, file))
  }
  mkdirSync(stagedAttachments, { recursive: true })

  rmSync(`${databaseFile}-wal`, { force: true })
  rmSync(`${databaseFile}-shm`, { force: true })
  renameSync(staging, databaseFile)
  const live = join(dataDir, 'attachments')
  const replaced = join(dataDir, `attachments.replaced-${Date.now()}`)
  if (existsSync(live)) renameSync(live, replaced)
  renameSync(stagedAttachments, live)
  rmSync(replaced, { recursive: true, force: true })
  return { attachments: files.length }
}
