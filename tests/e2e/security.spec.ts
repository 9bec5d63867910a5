import { expect, freshTest, test } from './fixtures'

freshTest('first run: create the administrator, keep the recovery key, lock, fail and then unlock', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Set up Overturn' })).toBeVisible()
  await page.getByLabel('Your name', { exact: true }).fill('Dana Whitfield')
  await page.getByLabel('Passphrase', { exact: true }).fill('short')
  await page.getByRole('button', { name: 'Create the caseload' }).click()
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible()

  await page.getByLabel('Passphrase', { exact: true }).fill('lantern orchard velvet')
  await page.getByLabel('Passphrase again', { exact: true }).fill('lantern orchard velvet')
  await page.getByRole('button', { name: 'Create the caseload' }).click()
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible()
  const recoveryKey = (await page.getByTestId('recovery-key').textContent())!.trim()
  expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/)
  await expect(page.getByRole('button', { name: 'Open the caseload' })).toBeDisabled()
  await page.getByLabel('I have printed or written down the recovery key').check()
  await page.getByRole('button', { name: 'Open the caseload' }).click()
  await expect(page.getByRole('heading', { name: 'Appeal board' })).toBeVisible()
  await expect(page.getByText('Signed in as Dana Whitfield (Administrator)')).toBeVisible()

  await page.getByTestId('lock-button').click()
  await expect(page.getByRole('heading', { name: 'Overturn is locked' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Appeal board' })).toHaveCount(0)
  await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase here')
  await page.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByText('That passphrase is not right for this account. Nothing was opened.')).toBeVisible()

  // Forgotten passphrase: the recovery key sets a new one.
  await page.getByRole('button', { name: 'Forgot your passphrase?' }).click()
  await page.getByLabel('Recovery key', { exact: true }).fill(recoveryKey.toLowerCase())
  await page.getByLabel('New passphrase', { exact: true }).fill('new lantern orchard')
  await page.getByRole('button', { name: 'Unlock and set the new passphrase' }).click()
  await expect(page.getByRole('heading', { name: 'Appeal board' })).toBeVisible()

  await page.getByRole('link', { name: 'Security', exact: true }).click()
  const audit = page.getByTestId('audit-table')
  await expect(audit).toContainText('Failed unlock')
  await expect(audit).toContainText('passphrase reset with the recovery key')
  await page.getByRole('button', { name: 'Verify the chain' }).click()
  await expect(page.getByTestId('audit-verification')).toContainText('The audit trail is intact')
})

test('the caseload on disk is encrypted, backups are made on demand, and a restore can be undone', async ({ page, app }) => {
  const { readFileSync } = await import('node:fs')
  const { join } = await import('node:path')
  const bytes = readFileSync(join(app.dataDir, 'overturn.db'))
  expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000')
  expect(bytes.includes(Buffer.from('Núñez'))).toBe(false)

  await page.getByRole('link', { name: 'Security', exact: true }).click()
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByText(/Backup saved: overturn-.*-manual\.db/).first()).toBeVisible()
  const list = page.getByTestId('backup-list')
  await expect(list).toContainText('Manual')

  // A case added after the backup disappears on restore, and comes back by restoring the safety copy.
  app.core.cases.create({
    patient: { firstName: 'Later', lastName: 'Case', dateOfBirth: null, phone: '', preferredLanguage: '' },
    coverage: { payer: 'X Plan', planFamily: 'other', memberId: '', groupNumber: '', state: 'OH' },
    therapy: { category: 'tpn', drug: 'TPN', hcpcsCode: '', icd10Codes: [], prescriber: '', infusionProvider: '' },
    stage: 'intake', urgency: 'standard', serviceType: 'pre_service', advocateId: null, openedOn: '2026-11-20', summary: '', denial: null,
  })
  await list.getByRole('button', { name: /Restore… overturn-.*-manual\.db/ }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('The caseload now: 41 cases')
  await expect(dialog).toContainText('The backup: 40 cases')
  await dialog.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByRole('heading', { name: 'Appeal board' })).toBeVisible()
  // Columns are virtualized (only the cards in view are in the page): the board's own count says all 40 are on it.
  await expect(page.getByTestId('board-summary')).toHaveText('Showing 40 of 40 cases')
  expect(app.core.caseload.info().caseCount).toBe(40)
  await page.getByRole('link', { name: 'Security', exact: true }).click()
  await expect(page.getByTestId('backup-list')).toContainText('Before a restore')
})
