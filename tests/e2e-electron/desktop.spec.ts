import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { makePdf } from '../e2e/exhibitFiles'
import { findElectronBinary } from './electronBinary'

const binary = findElectronBinary()
if ('missing' in binary) console.log(`[e2e-electron] Skipping the desktop tests: ${binary.missing}. The same renderer and core are tested in Chromium through the browser bridge (tests/e2e).`)

test.describe('the desktop app', () => {
  test.skip('missing' in binary, 'missing' in binary ? binary.missing : '')

  test('opens the board on a new caseload, with the preload exposing only the contract', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overturn-electron-'))
    const app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, OVERTURN_DATA_DIR: dataDir },
    })
    try {
      const window = await app.firstWindow()
      await expect(window.getByRole('heading', { name: 'Appeal board' })).toBeVisible()
      await expect(window.getByTestId('board-card')).toHaveCount(40)
      const exposed = await window.evaluate(() => ({
        hasRequire: typeof (globalThis as { require?: unknown }).require,
        keys: Object.keys((window as unknown as { overturn: object }).overturn).length,
      }))
      expect(exposed.hasRequire).toBe('undefined')
      expect(exposed.keys).toBeGreaterThan(0)
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  test('serves the renderer on app://overturn and previews a PDF exhibit in the window', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overturn-electron-'))
    const app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : undefined,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, OVERTURN_DATA_DIR: dataDir },
    })
    try {
      const window = await app.firstWindow()
      await expect(window.getByRole('heading', { name: 'Appeal board' })).toBeVisible()
      expect(await window.evaluate(() => globalThis.location.origin)).toBe('app://overturn')
      await window.getByTestId('board-card').first().getByRole('link').click()
      await window.locator('#exhibit-file').setInputFiles({ name: 'notice.pdf', mimeType: 'application/pdf', buffer: makePdf(['Shown inside Overturn']) })
      await window.getByRole('button', { name: /^Open exhibit 1,/ }).click()
      await expect(window.getByTestId('pdf-page').locator('.textLayer')).toContainText('Shown inside Overturn')
    } finally {
      await app.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
