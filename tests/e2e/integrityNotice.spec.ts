import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { insertBulkCaseload } from '../../scripts/bench/bulkCaseload'
import { expect, test, TEST_USER } from './fixtures'

/**
 * Issue 15: unlocking no longer waits for the integrity check. The board shows first; the check runs
 * in a worker thread, and when it fails the user gets a notice leading to the backups.
 */
test('a caseload damaged where unlocking does not read shows the board, then a notice with the way to restore', async ({ page, app }) => {
  insertBulkCaseload(app.core.db, { today: '2026-11-25', count: 800, seed: 5 })
  await app.session.dispatch('backups:create', {})
  const userId = app.session.user!.id
  // Everything into the main file first, so the scribbled pages are not shadowed by copies in the WAL.
  app.core.db.pragma('wal_checkpoint(TRUNCATE)')
  app.session.lock()
  const file = join(app.dataDir, 'overturn.db')
  const bytes = readFileSync(file)
  const size = statSync(file).size
  const start = Math.floor((size * 3) / 4 / 4096) * 4096
  bytes.fill(0x5a, start, start + 4096 * 10)
  writeFileSync(file, bytes)
  expect(app.session.unlock(userId, TEST_USER.passphrase).state).toBe('unlocked')
  await page.goto(app.bridge.openUrl)
  await expect(page.getByTestId('board-card').first()).toBeVisible()
  const notice = page.getByTestId('integrity-notice')
  await expect(notice).toBeVisible({ timeout: 15_000 })
  await expect(notice).toContainText('failed its integrity check')
  await notice.getByRole('link', { name: 'Go to backups' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible()
})
