import { runWorker } from '../workers/startWorker'
import type { IntegrityAnswer, IntegrityJob } from './integrityWorker'


/**
 * Runs `quick_check` in a worker thread on its own connection and answers whether the caseload is
 * sound. A check that cannot even run (unreadable file) counts as failed.
 */
export async function checkIntegrityInWorker(databaseFile: string, key: Buffer | null): Promise<boolean> {
  const job: IntegrityJob = { databaseFile, key: key ? new Uint8Array(key) : null }
  try {
    const answer = await runWorker<IntegrityAnswer>(import.meta.url, 'integrityWorker', job)
    return answer.ok && answer.result === 'ok'
  } catch {
    return false
  }
}
