/** Calls that do not count as the user being active (background refreshes). */
const BACKGROUND_CHANNELS = new Set(['session:status', 'deadlines:agenda', 'deadlines:counts'])

/**
 * The idle lock (HIPAA 164.312(a)(2)(iii), automatic logoff): the session locks when no call from
 * the user came within the configured minutes. Background refreshes do not count as activity.
 */
export function createIdleLock(now: () => Date) {
  let lastActivity = now().getTime()
  return {
    /** Activity now (an unlock). */
    reset(): void {
      lastActivity = now().getTime()
    },
    /** Whether the idle time ran out before this call. */
    hasExpired(idleLockMinutes: number): boolean {
      return now().getTime() - lastActivity > idleLockMinutes * 60_000
    },
    /** Records a call as activity unless it is a background refresh. */
    touch(channel: string): void {
      if (!BACKGROUND_CHANNELS.has(channel)) lastActivity = now().getTime()
    },
  }
}
