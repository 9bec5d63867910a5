import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { startBridgeServer } from '../../electron/bridge/bridgeServer'
import { createAppSession } from '../../electron/core/session/appSession'
import { TEST_KDF } from './fixtures'

/**
 * Issue 16, item 6: a caseload left by an older Overturn (the version-1 fixture database) is backed
 * up and migrated on the first unlock, and the app says so once, naming the backup.
 */
base('after an update the first unlock says which version the caseload came from and where the backup is', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'overturn-update-'))
  copyFileSync(resolve('tests/fixtures/caseload-v1.db'), join(dataDir, 'overturn.db'))
  const session = createAppSession({ dataDir, kdf: TEST_KDF, appVersion: '0.2.0' })
  const bridge = await startBridgeServer({ dispatch: session.dispatch, rendererDir: resolve('out/renderer') })
  try {
    await page.goto(bridge.openUrl)
    await page.getByLabel('Your name', { exact: true }).fill('Dana Whitfield')
    await page.getByLabel('Passphrase', { exact: true }).fill('lantern orchard velvet')
    await page.getByLabel('Passphrase again', { exact: true }).fill('lantern orchard velvet')
    await page.getByRole('button', { name: 'Create the caseload' }).click()
    await page.getByLabel('I have printed or written down the recovery key').check()
    await page.getByRole('button', { name: 'Open the caseload' }).click()
    const notice = page.getByTestId('update-notice')
    await expect(notice).toContainText('Overturn was updated from an earlier version to 0.2.0.')
    await expect(notice).toContainText(/backed up first \(overturn-\d{8}T\d{6}Z-before-migration\.db, on the Security page\)/)
    await expect(notice).toContainText('database version 1 to')
    await notice.getByRole('button', { name: 'Dismiss the update notice' }).click()
    await expect(notice).toBeHidden()
    await page.reload()
    await expect(page.getByRole('heading', { name: 'Appeal board' })).toBeVisible()
    await expect(notice).toBeHidden()
  } finally {
    await bridge.close()
    session.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
