import { rotateBackups } from '../backup/backupService'

const AUTO_BACKUP_MS = 15 * 60_000

/**
 * Automatic backups every 15 minutes while unlocked, then rotation (which also prunes attachment
 * copies no backup names any more). A failure is logged by error name only and never stops the app.
 */
export function createBackupSchedule(backUp: () => Promise<{ fileName: string }> | { fileName: string } | void, dataDir?: () => string) {
  let timer: ReturnType<typeof setInterval> | null = null
  /** The backup may run in a worker (issue 15): rotation waits for it, and a failure never escapes. */
  const run = (): Promise<void> =>
    Promise.resolve()
      .then(backUp)
      .then((made) => {
        if (made && dataDir) rotateBackups(dataDir(), new Date())
      })
      .catch((error: unknown) => {
        console.error(`[overturn] automatic backup failed: ${error instanceof Error ? error.name : 'unknown'}`)
      })
  return {
    run,
    start() {
      if (timer) clearInterval(timer)
      timer = setInterval(() => void run(), AUTO_BACKUP_MS)
      timer.unref?.()
    },
    stop() {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}
