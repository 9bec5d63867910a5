/**
 * Worker thread: the caseload's integrity check on a read-only connection of its own, after the
 * board is on screen (issue 15: unlock no longer waits for it). `quick_check` reads and decrypts
 * every page (SQLCipher checks each page's HMAC) and checks the b-trees' structure.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from './openDatabase'

export interface IntegrityJob {
  databaseFile: string
  key: Uint8Array | null
}

export type IntegrityAnswer = { ok: true; result: string } | { ok: false; message: string }

const job = workerData as IntegrityJob
const key = job.key ? Buffer.from(job.key) : undefined
let answer: IntegrityAnswer
try {
  const db = openDatabase(job.databaseFile, key, { readonly: true })
  try {
    db.pragma('temp_store = MEMORY')
    answer = { ok: true, result: String(db.pragma('quick_check', { simple: true })) }
  } finally {
    db.close()
  }
} catch (error) {
  answer = { ok: false, message: error instanceof Error ? error.message : 'error.internal' }
} finally {
  key?.fill(0)
}
parentPort?.postMessage(answer)
