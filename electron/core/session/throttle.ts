import { AppError } from '../errors'

/** After this many wrong secrets in a row, unlocking pauses (slows guessing; HIPAA 164.312(a)(1)). */
const MAX_FAILED_ATTEMPTS = 5
const FIRST_LOCKOUT_MS = 30_000
const MAX_LOCKOUT_MS = 15 * 60_000

/**
 * Attempt limits with backoff, one per kind of secret (passphrase, recovery key): five wrong in a
 * row pause that kind for 30 seconds, then 60, 120… up to 15 minutes; a right one resets it.
 */
export function createThrottle(now: () => Date) {
  let failed = 0
  let lockouts = 0
  let until = 0
  return {
    check(): void {
      if (now().getTime() < until) throw new AppError('forbidden', 'error.tooManyAttempts')
    },
    fail(): void {
      failed++
      if (failed >= MAX_FAILED_ATTEMPTS) {
        until = now().getTime() + Math.min(FIRST_LOCKOUT_MS * 2 ** lockouts, MAX_LOCKOUT_MS)
        lockouts++
        failed = 0
      }
    },
    succeed(): void {
      failed = 0
      lockouts = 0
    },
  }
}
