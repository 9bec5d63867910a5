/**
 * Worker thread: one backup on a connection of its own (issue 15, "backups never block"). VACUUM INTO
 * reads a consistent snapshot while the core's thread keeps answering (WAL: readers and the writer do
 * not wait for each other), and the copy keeps the encryption (STACK.md: db.backup() fails on
 * encrypted databases). The data key arrives as bytes and is wiped when the worker is done.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db/openDatabase'
import { createBackup, type BackupReason } from './backupService'

export interface BackupJob {
  databaseFile: string
  dataDir: string
  key: Uint8Array | null
  reason: BackupReason
  nowIso: string
}

export type BackupAnswer = { ok: true; backup: ReturnType<typeof createBackup> } | { ok: false; code: string; message: string }

const job = workerData as BackupJob
const key = job.key ? Buffer.from(job.key) : undefined
let answer: BackupAnswer
try {
  // Read-only: VACUUM INTO writes only the new file.
  const db = openDatabase(job.databaseFile, key, { readonly: true })
  try {
    // SQLite3MultipleCiphers does not encrypt temporary files: keep VACUUM's temporary data in memory (STACK.md).
    db.pragma('temp_store = MEMORY')
    // quick_check on the copy: VACUUM INTO has just rebuilt every table and index from one snapshot, so
    // integrity_check's index-against-table pass (most of its time) checks what VACUUM itself wrote;
    // quick_check still reads and decrypts every page (HMAC) and checks each b-tree (issue 15: < 5 s).
    answer = { ok: true, backup: createBackup(db, { dataDir: job.dataDir, key, reason: job.reason, now: new Date(job.nowIso), check: 'quick_check' }) }
  } finally {
    db.close()
  }
} catch (error) {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'internal'
  answer = { ok: false, code, message: error instanceof Error ? error.message : 'error.internal' }
} finally {
  key?.fill(0)
}
parentPort?.postMessage(answer)
