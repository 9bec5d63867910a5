import { join } from 'node:path'
import type { BackupInfo } from '../../../shared/domain/session'
import { DATABASE_FILE } from '../createCore'
import type { ErrorCode } from '../../../shared/contract'
import { AppError } from '../errors'
import { runWorker } from '../workers/startWorker'
import type { BackupReason } from './backupService'
import type { BackupAnswer, BackupJob } from './backupWorker'

/** One backup at a time per data folder: a second request waits for the one running. */
const running = new Map<string, Promise<BackupInfo>>()

/**
 * Makes a backup in a worker thread on its own connection (issue 15): the core's thread keeps
 * answering requests meanwhile. Same file, same checks as `createBackup`; the key is copied to the
 * worker and wiped there.
 */
export function createBackupInWorker(options: { dataDir: string; key?: Buffer | null; reason: BackupReason; now: Date }): Promise<BackupInfo> {
  const previous = running.get(options.dataDir) ?? Promise.resolve(null)
  const next = previous
    .catch(() => null)
    .then(async () => {
      const job: BackupJob = {
        databaseFile: join(options.dataDir, DATABASE_FILE),
        dataDir: options.dataDir,
        key: options.key ? new Uint8Array(options.key) : null,
        reason: options.reason,
        nowIso: options.now.toISOString(),
      }
      const answer = await runWorker<BackupAnswer>(import.meta.url, 'backupWorker', job)
      if (!answer.ok) throw new AppError((answer.code as ErrorCode) ?? 'internal', answer.message)
      return answer.backup
    })
  running.set(options.dataDir, next)
  void next.finally(() => running.get(options.dataDir) === next && running.delete(options.dataDir)).catch(() => undefined)
  return next
}
