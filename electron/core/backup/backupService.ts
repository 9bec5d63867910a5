import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../../shared/domain/session'
import { openDatabase, type Db } from '../db/openDatabase'
import { AppError } from '../errors'

export const BACKUP_FOLDER = 'backups'
const NAME = /^overturn-(\d{8}T\d{6}Z)-([a-z-]+)\.db$/

/** Reasons a backup is made; automatic ones rotate, the others are kept until removed by hand. */
export type BackupReason = 'auto' | 'manual' | 'before-migration' | 'before-restore' | 'before-empty-caseload'

const stampOf = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
const dateOfStamp = (stamp: string) => `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`

export function listBackups(dataDir: string): BackupInfo[] {
  const folder = join(dataDir, BACKUP_FOLDER)
  if (!existsSync(folder)) return []
  return readdirSync(folder)
    .map((fileName) => ({ fileName, match: NAME.exec(fileName) }))
    .filter((f): f is { fileName: string; match: RegExpExecArray } => f.match !== null)
    .map(({ fileName, match }) => ({ fileName, reason: match[2], createdAt: dateOfStamp(match[1]), sizeBytes: statSync(join(folder, fileName)).size }))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))
}

/**
 * Makes a consistent copy with VACUUM INTO (it keeps the encryption, unlike the backup API:
 * anchors-ecosystem-security F9), opens the copy with the same key and runs integrity_check, and only
 * then renames it into place: a backup that is listed is a backup that opens. Attachments are stored by
 * content hash, so the backups folder keeps one shared mirror of them.
 */
export function createBackup(db: Db, options: { dataDir: string; key?: Buffer; reason: BackupReason; now: Date; check?: 'integrity_check' | 'quick_check' }): BackupInfo {
  const folder = join(options.dataDir, BACKUP_FOLDER)
  mkdirSync(folder, { recursive: true })
  const fileName = `overturn-${stampOf(options.now)}-${options.reason}.db`
  const partial = join(folder, `${fileName}.partial`)
  rmSync(partial, { force: true })
  db.prepare('VACUUM INTO ?').run(partial)
  const copy = openDatabase(partial, options.key, { readonly: true })
  try {
    const check = copy.pragma(options.check ?? 'integrity_check', { simple: true })
    if (check !== 'ok') throw new AppError('internal', 'error.backupCheckFailed')
  } finally {
    copy.close()
  }
  renameSync(partial, join(folder, fileName))
  const attachments = join(options.dataDir, 'attachments')
  if (existsSync(attachments)) cpSync(attachments, join(folder, 'attachments'), { recursive: true, force: false, errorOnExist: false })
  return listBackups(options.dataDir).find((b) => b.fileName === fileName)!
}

/**
 * Rotation of automatic backups: every one from the last day, then the newest of each day for 7 days,
 * then the newest of each week for 4 weeks. Manual and safety backups are never removed here.
 */
export function rotateBackups(dataDir: string, now: Date): string[] {
  const day = (iso: string) => iso.slice(0, 10)
  const week = (iso: string) => Math.floor(Date.parse(iso) / (7 * 86_400_000))
  const keep = new Set<string>()
  const seenDays = new Set<string>()
  const seenWeeks = new Set<number>()
  const removed: string[] = []
  for (const backup of listBackups(dataDir).filter((b) => b.reason === 'auto')) {
    const age = now.getTime() - Date.parse(backup.createdAt)
    if (age < 86_400_000) keep.add(backup.fileName)
    else if (age < 8 * 86_400_000 && !seenDays.has(day(backup.createdAt))) {
      seenDays.add(day(backup.createdAt))
      keep.add(backup.fileName)
    } else if (age < 36 * 86_400_000 && !seenWeeks.has(week(backup.createdAt))) {
      seenWeeks.add(week(backup.createdAt))
      keep.add(backup.fileName)
    }
    if (!keep.has(backup.fileName)) {
      rmSync(join(dataDir, BACKUP_FOLDER, backup.fileName), { force: true })
      removed.push(backup.fileName)
    }
  }
  return removed
}

/** Case count and schema version of a backup, to show what a restore would bring back. */
export function describeDatabase(file: string, key?: Buffer): { caseCount: number; schemaVersion: number } {
  const db = openDatabase(file, key, { readonly: true })
  try {
    return {
      caseCount: (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n,
      schemaVersion: (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v,
    }
  } finally {
    db.close()
  }
}
