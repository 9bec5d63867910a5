import AxeBuilder from '@axe-core/playwright'
import { listBackups } from '../../electron/core/backup/backupService'
import { expect, freshTest, test, TEST_USER } from './fixtures'
import { ScreeningPage } from './pages/ScreeningPage'

/**
 * Issue 19, the everyday screens: a screener goes from a new applicant to a started application
 * without scrolling past programs that do not apply; search finds applicants; the dashboard and the
 * screening screens pass axe; first run shows a copyable key and leaves a backup behind.
 */
const scan = (page: import('@playwright/test').Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
const violations = async (page: import('@playwright/test').Page) => (await scan(page)).violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

test('a new applicant: messages say what is wrong, then eligible programs come first with their deciding rules and a next step', async ({ page }) => {
  const screening = new ScreeningPage(page)
  await screening.openQueue()
  await page.getByRole('link', { name: 'New applicant' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'New applicant' })).toBeVisible()
  await page.getByLabel('First name').fill('Marisol')
  await page.getByLabel('Last name').fill('Delgado')
  await page.getByLabel('Date of birth').fill('2099-03-04')
  await page.getByLabel('Household size').fill('3')
  await page.getByLabel('Annual household income (USD)').fill('-5000')
  await page.getByRole('button', { name: 'Save and screen' }).click()
  // The message sits beside its field and says what is wrong, not "Enter a number."
  await expect(page.getByText('Income cannot be negative: enter 0 if the household has none.')).toBeVisible()
  await expect(page.getByLabel('Annual household income (USD)')).toHaveAttribute('aria-invalid', 'true')
  expect(await violations(page)).toEqual([])
  await page.getByLabel('Annual household income (USD)').fill('$41,000')
  await page.getByRole('button', { name: 'Save and screen' }).click()
  await expect(page.getByText('A date of birth cannot be in the future.')).toBeVisible()
  await expect(page.getByLabel('Date of birth')).toBeFocused()
  await page.getByLabel('Date of birth').fill('1984-03-04')
  await page.getByLabel('State').selectOption('IL')
  // The plain insurance choice, in the words applicants use.
  await page.getByLabel('Insurance type').selectOption({ label: 'Commercial / employer (kind not known)' })
  await page.getByLabel('Does the insurance pay for the drug?').selectOption('yes')
  await page.getByLabel('Diagnosis (ICD-10 codes)').fill('D80.1')
  await page.getByLabel('Drug name').fill('Gammagard Liquid')
  await page.getByRole('button', { name: 'Save and screen' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Marisol Delgado' })).toBeVisible()
  // The save is confirmed on screen, beside the facts, as well as announced.
  await expect(page.getByTestId('save-note')).toContainText('Created Marisol Delgado.')

  // Eligible first, then needs information, then not eligible: the first card is one to act on.
  const outcomes = await page.getByTestId('result-outcome').allTextContents()
  const rank = { Eligible: 0, 'Needs information': 1, 'Not eligible': 2 } as Record<string, number>
  expect(outcomes.length).toBe(9)
  expect(outcomes[0]).toBe('Eligible')
  expect(outcomes.map((o) => rank[o])).toEqual([...outcomes.map((o) => rank[o])].sort((a, b) => a - b))
  await expect(page.getByRole('heading', { level: 3, name: /^Eligible \(\d+\)$/ })).toBeVisible()

  // Each result is collapsed to its verdict and the one or two rules that decided it.
  const fund = screening.result('Example: primary immunodeficiency copay fund')
  await expect(fund.getByTestId('result-outcome')).toHaveText('Eligible')
  await expect(fund.getByTestId('result-deciding')).toContainText(/Income \$41,000\.00 is [\d.]+% of the poverty guideline, within the 400% limit of \$[\d,]+\.\d\d\./)
  await expect(fund.getByTestId('result-rule').first()).toBeHidden()
  const toggle = fund.getByRole('button', { name: /Show all 7 rules/ })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.click()
  await expect(fund.getByRole('button', { name: /Hide the rules/ })).toHaveAttribute('aria-expanded', 'true')
  await expect(fund.getByTestId('result-rule')).toHaveCount(7)
  await expect(fund.getByTestId('result-rule').first()).toBeVisible()
  const closed = screening.result('Example: CIDP and neuropathy fund')
  await expect(closed.getByTestId('result-deciding')).toContainText('The fund is closed and is not taking applications.')
  await expect(closed.getByTestId('result-rule').first()).toBeHidden()
  // Money everywhere on the screen has cents: no "$37,701.6".
  const body = (await page.locator('main').textContent()) ?? ''
  expect(body).not.toMatch(/\$\d[\d,]*(?![\d,])(?!\.\d\d)/)
  await page.screenshot({ path: 'test-results/everyday-applicant.png', fullPage: true })

  // The next step: start the application, with the documents the program asks for.
  await expect(fund.getByTestId('result-documents')).toContainText('Proof of household income')
  await fund.getByRole('button', { name: 'Start an application to Example: primary immunodeficiency copay fund' }).click()
  await expect(fund).toContainText('Application started')
  await expect(page.getByTestId('applications')).toContainText('Example: primary immunodeficiency copay fund')

  // The applicant and screening screens pass axe with results both collapsed and expanded.
  expect(await violations(page)).toEqual([])
})

test('Ctrl+K finds an applicant and a program, grouped by kind; Escape closes in one press', async ({ page, app }) => {
  const facts = { firstName: 'Marisol', lastName: 'Delgado', dateOfBirth: null, householdSize: 3, annualIncome: 41_000, state: 'IL' as const, insuranceType: 'commercial' as const, payer: '', drugCovered: 'yes' as const, icd10Codes: ['D80.1'], drugName: 'Gammagard Liquid', hcpcsCode: '', treatmentStart: null, treatmentEnd: null, outOfPocket: null, notes: '' }
  const created = app.core.screening.applicants.create(facts, null).applicant
  await page.getByTestId('search-button').focus()
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Search the caseload' })
  const box = dialog.getByRole('combobox')
  await expect(box).toBeFocused()
  await box.fill('Delgado')
  const applicants = dialog.getByRole('group', { name: 'Applicants' })
  await expect(applicants.getByRole('option')).toHaveCount(1)
  await expect(applicants.getByRole('option')).toContainText('Marisol Delgado')
  // One Escape closes, even with text typed (a search box would otherwise spend it clearing the text).
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await page.keyboard.press('Control+k')
  await box.fill('immunodeficiency copay')
  await expect(dialog.getByRole('group', { name: 'Assistance programs' }).getByRole('option').first()).toContainText('Example: primary immunodeficiency copay fund')
  await box.fill('marisol delgado')
  await expect(applicants.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(new RegExp(`#/applicants/${created.id}$`))
  await expect(page.getByRole('heading', { level: 1, name: 'Marisol Delgado' })).toBeVisible()
})

test('the dashboard fits its cards and passes axe; the screening queue and catalog pass axe', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible()
  await expect(page.getByTestId('panel-table').first()).toBeVisible()
  // Every table scrolls inside a focusable, named region, and no card is wider than the page.
  for (const region of await page.getByTestId('panel-table').all()) {
    await expect(region).toHaveAttribute('tabindex', '0')
    await expect(region).toHaveAttribute('role', 'region')
    await expect(region).toHaveAttribute('aria-label', /^Table: /)
    const fits = await region.evaluate((el) => {
      const card = el.closest('section')!.getBoundingClientRect()
      const box = el.getBoundingClientRect()
      return box.right <= card.right + 1 && box.left >= card.left - 1
    })
    expect(fits).toBe(true)
  }
  const wider = await page.evaluate(() =>
    [...document.querySelectorAll('main *')].filter((el) => !el.closest('[data-testid=panel-table]') && el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => `${el.tagName}.${el.className}`).slice(0, 8),
  )
  expect(wider).toEqual([])
  // The rate columns are visible without scrolling: the tables fit their cards at this width.
  const clipped = await page.getByTestId('panel-table').evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.getAttribute('aria-label')))
  expect(clipped).toEqual([])
  await page.screenshot({ path: 'test-results/everyday-dashboard.png', fullPage: true })
  expect(await violations(page)).toEqual([])

  const screening = new ScreeningPage(page)
  await screening.openQueue()
  await expect(page.getByTestId('queue-row').first()).toBeVisible()
  expect(await violations(page)).toEqual([])
  await page.getByRole('link', { name: 'Program catalog' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Program catalog' })).toBeVisible()
  expect(await violations(page)).toEqual([])
})

test('saving the organization shows a confirmation beside the button, not only to screen readers', async ({ page }) => {
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Organization name').fill('Prairie Infusion Advocates')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByTestId('save-note')).toBeVisible()
  await expect(page.getByTestId('save-note')).toContainText('saved')
})

freshTest('first run: the recovery key in whole groups, copied whole; a backup exists at once', async ({ page, app }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.bridge.url).origin })
  await page.setViewportSize({ width: 420, height: 800 })
  await expect(page.getByRole('heading', { name: 'Set up Overturn' })).toBeVisible()
  await page.getByLabel('Your name', { exact: true }).fill(TEST_USER.displayName)
  await page.getByLabel('Passphrase', { exact: true }).fill(TEST_USER.passphrase)
  await page.getByLabel('Passphrase again', { exact: true }).fill(TEST_USER.passphrase)
  await page.getByRole('button', { name: 'Create the caseload' }).click()
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible()

  const key = (await page.getByTestId('recovery-key').textContent())!.trim()
  expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
  // On a narrow window the key wraps, but only between groups: each group is on one line.
  const groups = page.getByTestId('recovery-key-group')
  await expect(groups).toHaveCount(8)
  const lines = await groups.evaluateAll((els) => els.map((el) => el.getClientRects().length))
  expect(lines).toEqual(Array(8).fill(1))
  const tops = new Set(await groups.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top))))
  expect(tops.size).toBeGreaterThan(1)

  await page.getByRole('button', { name: 'Copy the key' }).click()
  await expect(page.getByTestId('save-note')).toContainText('Copied the whole recovery key')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible()
  expect(await violations(page)).toEqual([])

  // The caseload was created a moment ago, and it is already backed up.
  const backups = listBackups(app.dataDir)
  expect(backups).toHaveLength(1)
  expect(backups[0].sizeBytes).toBeGreaterThan(0)
})
