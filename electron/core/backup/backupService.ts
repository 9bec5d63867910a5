import { closeSync, copyFileSync, existsSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupInfo } from '../../../shared/domain/session'
import { openDatabase, type Db } from '../db/openDatabase'
import { AppError } from '../errors'
import { syncFile, syncFolder, writeFileDurably } from '../security/durableFile'

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

/** What a backup refers to beside its database, written next to it as `<backup>.json` (no patient data). */
export interface BackupManifest {
  /** `<caseId>/<storedName>` of every attachment the backup's rows name (kept in backups/attachments). */
  files: string[]
  /** Rows whose file was already missing when the backup was made (they come back as missing). */
  missing?: string[]
  /** The audit trail's head when the backup was made: a backup whose trail was cut short shows against it. */
  auditHead: { id: number; hash: string }
}

export const manifestPath = (dataDir: string, fileName: string) => join(dataDir, BACKUP_FOLDER, `${fileName}.json`)

export function readManifest(dataDir: string, fileName: string): BackupManifest | null {
  try {
    return JSON.parse(readFileSync(manifestPath(dataDir, fileName), 'utf8')) as BackupManifest
  } catch {
    return null
  }
}

/** Attachment rows of a database, as `<caseId>/<storedName>`. */
export function attachmentFilesOf(db: Db): string[] {
  return (db.prepare('SELECT case_id AS caseId, stored_name AS storedName FROM attachments').all() as { caseId: number; storedName: string }[]).map((r) => `${r.caseId}/${r.storedName}`)
}

/** Bytes in a file, 0 when it does not exist. */
const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0)

/**
 * Copies the database to `target` as one consistent snapshot, still encrypted, without rebuilding it
 * (issue 15 item 5: VACUUM INTO re-encrypts and re-inserts every row, ≈ 3 s of a 100,000-case backup;
 * copying the file's bytes takes ≈ 0.3 s). How it stays consistent with writers running:
 * a TRUNCATE checkpoint moves every committed change into the database file and empties the WAL; a
 * read transaction begun on an empty WAL reads the file itself and holds SQLite's read lock 0, which
 * forbids any checkpoint from writing to the file until it ends (SQLite WAL format, "reader 0"). New
 * commits meanwhile go to the WAL only, so the file copied under that lock is exactly the snapshot.
 * If a writer slipped in between the checkpoint and the read, the WAL is not empty: try again, and
 * after three tries fall back to VACUUM INTO (a snapshot too, only slower). The backup API is no
 * option: it fails on encrypted databases (STACK.md).
 */
function copySnapshot(db: Db, target: string): 'bytes' | 'rebuilt' {
  if (!db.memory && !db.readonly && !db.inTransaction && String(db.pragma('journal_mode', { simple: true })) === 'wal') {
    // A passive checkpoint first moves what it can without holding back writers; the TRUNCATE after
    // it (which does hold them back while it runs) then has little left to copy (issue 15: no request
    // waits more than 100 ms during a backup).
    db.pragma('wal_checkpoint(PASSIVE)')
    for (let attempt = 0; attempt < 3; attempt++) {
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.exec('BEGIN')
      try {
        db.prepare('SELECT COUNT(*) FROM sqlite_master').get()
        if (sizeOf(`${db.name}-wal`) === 0) {
          copyInSteps(db.name, target)
          return 'bytes'
        }
      } finally {
        db.exec('COMMIT')
      }
    }
  }
  db.prepare('VACUUM INTO ?').run(target)
  return 'rebuilt'
}

/** Bytes written between two flushes of the copy to the disk. */
const COPY_STEP_BYTES = 16 * 1024 * 1024

/**
 * Copies a file in steps, flushing each step to the disk before the next. A copy written in one go
 * leaves hundreds of megabytes waiting in the page cache, and the core's next commit (its fsync) then
 * waits for the file system to write them all out first: requests that write (an audit entry) stalled
 * 100–250 ms during a 100,000-case backup (issue 15: no request above 100 ms).
 */
function copyInSteps(source: string, target: string): void {
  const input = openSync(source, 'r')
  const output = openSync(target, 'w', 0o600)
  try {
    const buffer = Buffer.allocUnsafe(4 * 1024 * 1024)
    let sinceFlush = 0
    for (;;) {
      const read = readSync(input, buffer, 0, buffer.length, null)
      if (read === 0) break
      writeSync(output, buffer, 0, read)
      sinceFlush += read
      if (sinceFlush >= COPY_STEP_BYTES) {
        fdatasyncSync(output)
        sinceFlush = 0
      }
    }
    fsyncSync(output)
  } finally {
    closeSync(output)
    closeSync(input)
  }
}

/**
 * Turns a copied WAL-mode file into a standalone one (rollback journal), as VACUUM INTO leaves it, so
 * a backup opens read-only anywhere without -wal and -shm files beside it.
 */
function standalone(file: string, key: Buffer | undefined): void {
  const copy = openDatabase(file, key)
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

/**
 * Makes a consistent copy (copySnapshot), opens the copy with the same key and checks it, and only then
 * renames it into place: a backup that is listed is a backup that opens. The attachments its rows
 * name are copied (still encrypted) into one shared mirror, `backups/attachments`, and listed with the
 * audit trail's head in the backup's manifest (issue 13 item 2).
 *
 * The check: `integrity_check` unless told otherwise. With `check: 'opens'` (automatic and manual
 * backups, issue 15 item 5) a byte copy is checked by opening it with the key and reading its schema,
 * audit head and attachment rows: the bytes are SQLite's own snapshot, each page still carries its
 * HMAC, the live caseload's quick_check runs after every unlock, and a restore runs integrity_check
 * before anything is swapped in. A quick_check of the copy would read and decrypt all of it again
 * (3–5 s at 100,000 cases, every 15 minutes). A rebuilt copy (VACUUM INTO) always gets quick_check.
 */
export function createBackup(db: Db, options: { dataDir: string; key?: Buffer; reason: BackupReason; now: Date; check?: 'integrity_check' | 'quick_check' | 'opens' }): BackupInfo {
  const folder = join(options.dataDir, BACKUP_FOLDER)
  mkdirSync(folder, { recursive: true })
  const fileName = `overturn-${stampOf(options.now)}-${options.reason}.db`
  const partial = join(folder, `${fileName}.partial`)
  rmSync(partial, { force: true })
  const copied = copySnapshot(db, partial)
  standalone(partial, options.key)
  const check = options.check === 'opens' && copied === 'rebuilt' ? 'quick_check' : (options.check ?? 'integrity_check')
  // One open of the copy: its check, and the rows as they are in it (one snapshot).
  const copy = openDatabase(partial, options.key, { readonly: true })
  let files: { list: string[]; head: { id: number; hash: string } }
  try {
    if (check !== 'opens' && copy.pragma(check, { simple: true }) !== 'ok') throw new AppError('internal', 'error.backupCheckFailed')
    const has = (table: string) => Boolean(copy.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(table))
    const head = has('audit_log') ? (copy.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) : undefined
    files = { list: has('attachments') ? attachmentFilesOf(copy) : [], head: head ?? { id: 0, hash: '' } }
  } finally {
    copy.close()
  }
  const mirror = join(folder, 'attachments')
  const mirrored: string[] = []
  const missing: string[] = []
  for (const file of files.list) {
    const source = join(options.dataDir, 'attachments', file)
    const target = join(mirror, file)
    if (!existsSync(target)) {
      // A row whose file was already gone: the backup is still made, and says so in its manifest.
      if (!existsSync(source)) {
        missing.push(file)
        continue
      }
      mkdirSync(join(target, '..'), { recursive: true })
      copyFileSync(source, `${target}.partial`)
      renameSync(`${target}.partial`, target)
    }
    mirrored.push(file)
  }
  writeFileDurably(manifestPath(options.dataDir, fileName), JSON.stringify({ files: mirrored, missing, auditHead: files.head } satisfies BackupManifest))
  // On disk before it is listed (neither the copy nor VACUUM INTO syncs its target), then the rename itself.
  syncFile(partial)
  renameSync(partial, join(folder, fileName))
  syncFolder(folder)
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
      rmSync(manifestPath(dataDir, backup.fileName), { force: true })
      removed.push(backup.fileName)
    }
  }
  if (removed.length > 0) pruneBackupAttachments(dataDir)
  return removed
}

/**
 * Removes attachment copies no remaining backup names (issue 13 item 2). A backup without a manifest
 * (made before manifests existed) could name any of them, so then nothing is removed.
 */
export function pruneBackupAttachments(dataDir: string): number {
  const mirror = join(dataDir, BACKUP_FOLDER, 'attachments')
  if (!existsSync(mirror)) return 0
  const wanted = new Set<string>()
  for (const backup of listBackups(dataDir)) {
    const manifest = readManifest(dataDir, backup.fileName)
    if (!manifest) return 0
    for (const file of manifest.files) wanted.add(file)
  }
  let removed = 0
  for (const caseFolder of readdirSync(mirror)) {
    for (const name of readdirSync(join(mirror, caseFolder))) {
      if (wanted.has(`${caseFolder}/${name}`)) continue
      rmSync(join(mirror, caseFolder, name), { force: true })
      removed++
    }
    if (readdirSync(join(mirror, caseFolder)).length === 0) rmSync(join(mirror, caseFolder), { recursive: true, force: true })
  }
  return removed
}

/**
 * At start: what an interrupted backup or restore left behind (`.partial` copies, a `.restoring`
 * database, attachment folders mid-swap, temp files of interrupted attachment writes). None of it was
 * ever listed or in use, so removing it loses nothing.
 */
export function cleanInterrupted(dataDir: string): string[] {
  const removed: string[] = []
  const drop = (path: string) => {
    rmSync(path, { recursive: true, force: true })
    removed.push(path)
  }
  const backups = join(dataDir, BACKUP_FOLDER)
  if (existsSync(backups)) for (const name of readdirSync(backups)) if (name.endsWith('.partial')) drop(join(backups, name))
  const mirror = join(backups, 'attachments')
  if (existsSync(mirror)) for (const c of readdirSync(mirror)) for (const name of readdirSync(join(mirror, c))) if (name.endsWith('.partial')) drop(join(mirror, c, name))
  for (const name of existsSync(dataDir) ? readdirSync(dataDir) : []) {
    if (name.endsWith('.restoring') || name === 'attachments.restoring' || name.startsWith('attachments.replaced-') || /\.\d+\.tmp$/.test(name)) drop(join(dataDir, name))
  }
  const attachments = join(dataDir, 'attachments')
  if (existsSync(attachments)) for (const c of readdirSync(attachments)) for (const name of readdirSync(join(attachments, c))) if (/\.\d+\.tmp$/.test(name)) drop(join(attachments, c, name))
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
