/**
 * Worker thread: one backup on a connection of its own (issue 15, "backups never block"). The copy
 * is a snapshot of the encrypted file taken under SQLite's read lock (backupService.copySnapshot)
 * while the core's thread keeps answering (WAL: readers and the writer do not wait for each other).
 * The data key arrives as bytes and is wiped when the worker is done.
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
  // Read-write only for the checkpoint that starts the snapshot; nothing else is written through it.
  const db = openDatabase(job.databaseFile, key)
  try {
    // 'opens': a byte snapshot is checked by opening it (createBackup says why that is enough).
    answer = { ok: true, backup: createBackup(db, { dataDir: job.dataDir, key, reason: job.reason, now: new Date(job.nowIso), check: 'opens' }) }
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
