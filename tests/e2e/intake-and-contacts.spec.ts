import { expect, test } from './fixtures'
import { CaseIntakePage } from './pages/CaseIntakePage'

test('a bad value gets a message beside its field and nothing is saved', async ({ page, app }) => {
  const before = app.core.caseload.info().caseCount
  const intake = new CaseIntakePage(page)
  await intake.open()
  await page.getByLabel('First name', { exact: true }).fill('Ana')
  await page.getByLabel('HCPCS code', { exact: true }).fill('12AB')
  await intake.save()
  await expect(page.getByRole('alert').first()).toContainText('Please correct')
  await expect(intake.errorFor('Last name')).toHaveText('This field is required.')
  await expect(intake.errorFor('HCPCS code')).toContainText('A HCPCS code is a letter and four digits')
  await expect(page.getByLabel('Last name', { exact: true })).toBeFocused()
  expect(app.core.caseload.info().caseCount).toBe(before)
})

test('log a call on a case in a few keystrokes', async ({ page }) => {
  await page.getByTestId('board-card').first().getByRole('link').click()
  await page.getByRole('tab', { name: 'Contacts' }).click()
  await expect(page.getByRole('heading', { name: 'Contacts log' })).toBeVisible()
  await page.getByLabel('With whom', { exact: true }).fill('Lakeshore Blue appeals unit, agent Dana')
  await page.getByLabel('Reference number', { exact: true }).fill('CALL-7781')
  await page.getByLabel('What was requested', { exact: true }).fill('Peer-to-peer review with the medical director')
  await page.getByLabel('With whom', { exact: true }).press('Enter')
  const log = page.getByTestId('contacts')
  await expect(log).toContainText('Lakeshore Blue appeals unit, agent Dana')
  await expect(log).toContainText('Ref. CALL-7781')
  await expect(page.getByTestId('announcer')).toHaveText('Contact logged.')
  await page.reload()
  await expect(page.getByTestId('contacts')).toContainText('CALL-7781')
})
