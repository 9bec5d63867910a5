import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect } from '@playwright/test'
import { createBrowserLog } from '../../electron/bridge/bridgeLog'
import { startBridgeServer } from '../../electron/bridge/bridgeServer'
import { createAppSession } from '../../electron/core/session/appSession'
import { makePdf } from './exhibitFiles'
import { TEST_KDF, TEST_USER } from './fixtures'
import { CaseIntakePage } from './pages/CaseIntakePage'

/**
 * Issue 16, item 7: a full walk (a case with a distinctive patient name, a bad form value, an upload
 * and preview, a packet export, a caseload export, a wrong passphrase, lock and unlock) leaves no
 * patient string in the log files, which do record what happened (events, channels, error codes).
 * Browser mode's log follows the same rule as the desktop app's electron-log file (same line checker).
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))
}

base('a full walk leaves no patient string in the logs', async ({ page }) => {
  base.setTimeout(90_000)
  const root = mkdtempSync(join(tmpdir(), 'overturn-logs-'))
  const dataDir = join(root, 'caseload')
  const logDir = join(root, 'logs')
  const originalConsole = { error: console.error, warn: console.warn }
  const log = createBrowserLog(logDir, { captureConsole: true })
  const session = createAppSession({ dataDir, kdf: TEST_KDF })
  session.setup(TEST_USER.displayName, TEST_USER.passphrase)
  const bridge = await startBridgeServer({ dispatch: session.dispatch, rendererDir: resolve('out/renderer'), log })
  try {
    const patient = { firstName: 'Quillonbrae', lastName: 'Zephyrinska' }
    await page.goto(bridge.openUrl)
    const intake = new CaseIntakePage(page)
    await intake.open()
    // A refused save first (the form refuses it before any call).
    await page.getByLabel('First name', { exact: true }).fill(patient.firstName)
    await page.getByLabel('HCPCS code', { exact: true }).fill('Q-Zephyrinska')
    await intake.save()
    await expect(intake.errorFor('Last name')).toHaveText('This field is required.')
    await page.getByLabel('HCPCS code', { exact: true }).fill('')
    await intake.fillMinimalCase({ ...patient, payer: 'Lakeshore Blue Group Plan', planFamily: 'Employer plan, fully insured', state: 'IL', category: 'IVIG / SCIG', drug: 'Gamunex-C 1 g/kg' })
    await intake.save()
    await expect(page.getByRole('heading', { name: 'Quillonbrae Zephyrinska', level: 1 })).toBeVisible()

    // An exhibit named after the patient, uploaded and previewed (the case page's evidence section).
    await page.getByRole('tab', { name: 'Evidence and letter' }).click()
    await page.locator('#exhibit-file').setInputFiles({ name: 'Zephyrinska-denial.pdf', mimeType: 'application/pdf', buffer: makePdf(['Quillonbrae Zephyrinska, member LBX-QZ-4471']) })
    await page.getByRole('button', { name: /^Open exhibit 1,/ }).click()
    await expect(page.getByTestId('pdf-page').locator('.textLayer')).toContainText('Quillonbrae Zephyrinska')
    await page.keyboard.press('Escape')

    // A packet export on a demo case with an appeal letter: its patient is a patient string too.
    const core = session.core!
    const ids = (core.db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map((r) => r.id)
    const caseId = ids.find((id) => core.cases.get(id).denials.length > 0 && core.documents.letterOptions(id).some((o) => o.kind === 'internal_appeal' && o.isRecommended))!
    const demo = core.cases.get(caseId)
    await page.goto(`${bridge.url}#/cases/${caseId}`)
    await page.getByRole('tab', { name: 'Evidence and letter' }).click()
    await page.getByLabel('Letter', { exact: true }).selectOption('internal_appeal')
    await page.getByRole('button', { name: 'Export DOCX packet' }).click()
    const packet = page.waitForEvent('download')
    await page.getByRole('dialog', { name: 'Export with missing facts?' }).getByRole('button', { name: 'Export anyway' }).click()
    await packet

    // The whole caseload exported.
    await page.getByRole('link', { name: 'Caseload', exact: true }).click()
    const bundle = page.waitForEvent('download')
    await page.getByTestId('transfer-section').getByRole('button', { name: 'Export all cases as a bundle' }).click()
    await bundle

    // A request without the token, then lock, a wrong passphrase, and unlock.
    expect((await page.request.post(`${bridge.url}api/cases:list`, { data: { q: patient.lastName } })).status()).toBe(401)
    await page.getByTestId('lock-button').click()
    await page.getByLabel('Passphrase', { exact: true }).fill('Zephyrinska wrong passphrase')
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByText('That passphrase is not right for this account. Nothing was opened.')).toBeVisible()
    await page.getByLabel('Passphrase', { exact: true }).fill(TEST_USER.passphrase)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByRole('heading', { name: 'Caseload', level: 1 })).toBeVisible()

    const files = filesUnder(logDir)
    expect(files.map((f) => f.slice(logDir.length + 1))).toEqual(['browser.log'])
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n')
    if (process.env.SHOW_LOG) console.log(text)
    // The log recorded the walk…
    for (const line of ['bridge.started', 'bridge.call channel=cases:create', 'bridge.call channel=documents:upload', 'bridge.call channel=packets:export', 'bridge.refused code=forbidden status=401', 'bridge.call-failed channel=session:unlock code=forbidden', 'bridge.call channel=session:unlock']) {
      expect(text, line).toContain(line)
    }
    expect(text).not.toContain('packets:exports')
    // …and nothing about anyone in it.
    const patientStrings = [patient.firstName, patient.lastName, 'LBX-QZ-4471', demo.patient.firstName, demo.patient.lastName, demo.coverage.memberId, TEST_USER.displayName, TEST_USER.passphrase, bridge.token, dataDir].filter((s) => s && s.length > 2)
    for (const secret of patientStrings) expect(text.toLowerCase(), secret).not.toContain(secret.toLowerCase())
    // Only the checked line shape: time, level, an event and key=value fields.
    for (const line of text.trim().split('\n')) expect(line).toMatch(/^\[[\d\-T:.Z]+\] \[(info|warn|error)\] [a-z?][a-z0-9.-]*( [a-z]+=[A-Za-z0-9:_?]+)*$/)
  } finally {
    console.error = originalConsole.error
    console.warn = originalConsole.warn
    await bridge.close()
    session.close()
    rmSync(root, { recursive: true, force: true })
  }
})
