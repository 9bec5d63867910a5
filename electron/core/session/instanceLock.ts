import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const LOCK_FILE = 'overturn.lock'

export interface InstanceClaim {
  /** The live process that holds this data folder, or null when it is ours. */
  inUseBy: number | null
  /** The process that left a lock file behind (it is gone), when we took the folder over from it. */
  tookOverFrom: number | null
  release(): void
}

/**
 * One running Overturn per data folder: a second one would write the same database. A lock file whose
 * process is gone (a crash, a power cut) is taken over, and the caller says so; a live one is refused.
 */
export function claimInstance(dataDir: string): InstanceClaim {
  const file = join(dataDir, LOCK_FILE)
  let tookOverFrom: number | null = null
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim())
    if (pid && pid !== process.pid && isAlive(pid)) return { inUseBy: pid, tookOverFrom: null, release: () => {} }
    if (pid && pid !== process.pid) tookOverFrom = pid
  }
  try {
    writeFileSync(file, String(process.pid))
  } catch {
    // A read-only folder: the database open will report the real problem.
  }
  return { inUseBy: null, tookOverFrom, release: () => rmSync(file, { force: true }) }
}

/** Signal 0 tests for a process without touching it; EPERM means it exists but is someone else's. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
