import { expect, test } from './fixtures'
import { ScreeningPage } from './pages/ScreeningPage'

test('screen a demo applicant against the seeded catalog and read each result explained', async ({ page }) => {
  const screening = new ScreeningPage(page)
  await screening.openQueue()
  await expect(page.getByTestId('queue-row').first()).toBeVisible()
  await page.screenshot({ path: 'test-results/screening-queue.png' })
  await screening.openApplicant('Maya Thompson')

  // The percentage of the poverty level, with its arithmetic.
  const fpl = page.getByTestId('fpl-panel')
  await expect(fpl.getByTestId('fpl-percent')).toHaveText('157.58%')
  await expect(fpl).toContainText('$15,960.00 for the first person + 3 × $5,680.00 for each additional person = $33,000.00')
  await expect(fpl).toContainText('$52,000.00 ÷ $33,000.00 = 157.58% of the poverty level')

  // Every catalog program has a result; each explains itself rule by rule.
  await expect(page.getByTestId('screening-result')).toHaveCount(9)
  const fund = screening.result('Example: primary immunodeficiency copay fund')
  await expect(fund.getByTestId('result-outcome')).toHaveText('Eligible')
  await expect(fund).toContainText('Income $52,000.00 is 157.58% of the poverty guideline, within the 400% limit of $132,000.00.')
  await expect(fund).toContainText('verify before use')
  await expect(fund.getByTestId('result-rule')).toHaveCount(7)
  const closed = screening.result('Example: CIDP and neuropathy fund')
  await expect(closed.getByTestId('result-outcome')).toHaveText('Not eligible')
  await expect(closed).toContainText('The fund is closed and is not taking applications.')
  const medicaid = screening.result('Example: Medicaid for adults 19–64 (expansion states)')
  await expect(medicaid).toContainText('above the 138% limit of $45,540.00 by $6,460.00')
  await page.screenshot({ path: 'test-results/screening-applicant.png', fullPage: true })

  // A Medicare applicant cannot use a manufacturer copay program.
  await page.getByRole('link', { name: 'Back to the screening queue' }).click()
  await screening.openApplicant('Walter Briggs')
  await expect(screening.result('Example: immune globulin manufacturer copay program')).toContainText('Medicare Part B is a federal health care program, and manufacturer copay help cannot be used with it')

  // Start an application from a result; it appears under applications.
  await page.getByRole('button', { name: 'Start an application to Example: Medicare home infusion therapy benefit' }).click()
  await expect(page.getByTestId('applications')).toContainText('Example: Medicare home infusion therapy benefit')
})

test('a CSV with a bad row is rejected whole; importing the valid rows is an explicit choice', async ({ page, app }) => {
  const screening = new ScreeningPage(page)
  await screening.openQueue()
  const before = app.core.screening.applicants.list({}).rows.length
  const csv = [
    'first_name,last_name,household_size,annual_income,state,insurance_type,drug_covered,icd10_codes,drug_name,hcpcs_code',
    'Rosa,Quintero,3,"$41,000",TX,employer_self_funded,yes,D80.1,Gamunex-C,J1561',
    'Bad,Row,zero,30000,ZZ,uninsured,no,,Privigen,',
    'Ken,Sato,1,22000,HI,uninsured,no,D83.9,Privigen,',
  ].join('\n')
  const dialog = await screening.importFile('applicants.csv', csv)
  await expect(dialog.getByTestId('import-rejected')).toHaveText('The file was rejected: 1 of 3 rows have problems. Nothing was imported.')
  const bad = dialog.getByTestId('import-bad-row')
  await expect(bad).toHaveCount(1)
  await expect(bad).toContainText('3')
  await expect(bad).toContainText('household_size: Enter a number.')
  await expect(bad).toContainText('state: Choose a state.')
  expect(app.core.screening.applicants.list({}).rows).toHaveLength(before)
  await page.screenshot({ path: 'test-results/screening-import.png' })

  await dialog.getByRole('button', { name: 'Import the 2 valid rows only' }).click()
  await expect(dialog.getByTestId('import-done')).toHaveText('Imported 2 applicants; 1 rows skipped.')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(app.core.screening.applicants.list({}).rows).toHaveLength(before + 2)
  await expect(page.getByRole('link', { name: 'Open applicant Rosa Quintero' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open applicant Ken Sato' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Open applicant Bad Row' })).toHaveCount(0)
})

test('staff close a fund in the catalog and the screen follows', async ({ page }) => {
  const screening = new ScreeningPage(page)
  await screening.openQueue()
  await page.getByRole('link', { name: 'Program catalog' }).click()
  await page.getByRole('button', { name: 'Close fund of Example: primary immunodeficiency copay fund' }).click()
  const program = page.getByTestId('program').filter({ hasText: 'Example: primary immunodeficiency copay fund' })
  await expect(program.getByTestId('fund-status')).toHaveText('Closed')
  await page.screenshot({ path: 'test-results/screening-programs.png' })
  await screening.openQueue()
  await screening.openApplicant('Maya Thompson')
  await expect(screening.result('Example: primary immunodeficiency copay fund').getByTestId('result-outcome')).toHaveText('Not eligible')
})

test('a case with a pending appeal shows its patient’s screening and open applications', async ({ page, app }) => {
  const linked = app.core.screening.applicants.list({}).rows.find((row) => row.patientId !== null)!
  const caseId = app.core.db.prepare('SELECT id FROM cases WHERE patient_id = ?').pluck().get(linked.patientId) as number
  await page.goto(`${app.bridge.url}#/cases/${caseId}?section=assistance`)
  const bridge = page.getByTestId('bridge-assistance')
  await expect(bridge.getByRole('heading', { name: 'Bridge assistance' })).toBeVisible()
  await expect(bridge).toContainText('The patient faces cost while the appeal is pending.')
  await expect(bridge).toContainText(/\d+ eligible · \d+ need information · \d+ not eligible/)
  await bridge.getByRole('link', { name: `Open screening of ${linked.name}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: linked.name })).toBeVisible()
})

test('an application shows its status history, and documents download in one request', async ({ page }) => {
  const screening = new ScreeningPage(page)
  await screening.openQueue()
  await screening.openApplicant('Maya Thompson')
  const history = page.getByRole('list', { name: 'Status history of the application to Example: primary immunodeficiency copay fund' })
  const entries = history.getByTestId('application-history-entry')
  await expect(entries).toHaveCount(2)
  await expect(entries.first()).toContainText('Application started.')
  await expect(entries.nth(1)).toContainText(/Screened\s*→\s*to\s*Approved/)
  await expect(entries.nth(1)).toContainText('Assistance awarded.')

  const [summary] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Screening summary (.docx)' }).click()])
  expect(summary.suggestedFilename()).toMatch(/^screening-summary-Thompson-\d{4}-\d{2}-\d{2}\.docx$/)
  await expect(page.getByTestId('document-status')).toHaveText(`Saved ${summary.suggestedFilename()}.`)
  const [letter] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Cover letter for Example: primary immunodeficiency copay fund (.docx)' }).click()])
  expect(letter.suggestedFilename()).toMatch(/^cover-letter-Thompson-example-pi-copay-fund-\d{4}-\d{2}-\d{2}\.docx$/)
})
