import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { expect, test } from './fixtures'
import { TransferPage } from './pages/TransferPage'

test('export every case as a bundle: the download is a ZIP whose bundle.json holds the 40 demo cases', async ({ page, app }) => {
  const transfer = new TransferPage(page)
  await transfer.open()
  const total = app.core.caseload.info().caseCount
  expect(total).toBe(40)
  const downloading = page.waitForEvent('download')
  await transfer.section.getByRole('button', { name: 'Export all cases as a bundle' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^overturn-caseload-\d{4}-\d{2}-\d{2}\.zip$/)
  await expect(transfer.section.getByRole('status').filter({ hasText: 'Exported' })).toBeVisible()

  const zip = await JSZip.loadAsync(readFileSync((await download.path())!))
  const manifest = JSON.parse(await zip.file('bundle.json')!.async('string'))
  expect(manifest).toMatchObject({ format: 'overturn.bundle', version: 1 })
  expect(manifest.cases).toHaveLength(40)
  expect(manifest.cases[0]).toMatchObject({ format: 'overturn.case', version: 1, case: { patient: { firstName: expect.any(String) } } })
})

test('a CSV with a bad row imports nothing and names the line; importing the valid rows is an explicit choice', async ({ page, app }) => {
  const transfer = new TransferPage(page)
  await transfer.open()
  const before = app.core.caseload.info().caseCount
  const csv = [
    'First Name,Last Name,DOB,Insurance,Plan type,State,Therapy,Drug,Denial date,Reason',
    'Rosa,Quintero,4/2/1961,Lakeshore Blue,Employer (self-funded),IL,IVIG,Gamunex-C,11/18/2026,Medical necessity',
    'Bad,Row,1961-02-30,Acme,Medicare Part Z,ZZ,IVIG,Privigen,2026-11-18,not_covered',
    'Ken,Sato,,Humana,Medicare Advantage,HI,Home TPN,Clinimix,,',
  ].join('\n')
  await transfer.chooseCsv('caseload.csv', csv)
  // Every column was recognised by its name; each has its own labelled field choice.
  await expect(transfer.fieldFor('Plan type')).toHaveValue('planFamily')
  await expect(transfer.fieldFor('DOB')).toHaveValue('dateOfBirth')
  await expect(transfer.fieldFor('Insurance')).toHaveValue('payer')

  await transfer.section.getByRole('button', { name: 'Import all' }).click()
  await expect(transfer.section.getByTestId('csv-rejected')).toHaveText('1 of 3 rows have problems. Nothing was imported.')
  const bad = transfer.section.getByTestId('csv-bad-row')
  await expect(bad).toHaveCount(1)
  await expect(bad.locator('td').first()).toHaveText('3')
  await expect(bad).toContainText('Plan type: Not a plan type Overturn knows')
  await expect(bad).toContainText('State: Choose a state.')
  await expect(bad).toContainText('DOB: Enter a real date.')
  expect(app.core.caseload.info().caseCount).toBe(before)

  await transfer.section.getByRole('button', { name: 'Import the 2 valid rows only' }).click()
  await expect(transfer.section.getByTestId('csv-done')).toHaveText('Imported 2 cases. Rows left out because of problems: 1.')
  expect(app.core.caseload.info().caseCount).toBe(before + 2)
  await expect(page.getByTestId('caseload-counts')).toContainText(String(before + 2))
  await page.screenshot({ path: 'test-results/transfer-csv.png', fullPage: true })
})

test('a bundle is checked first, then imported on a second click', async ({ page, app }) => {
  const transfer = new TransferPage(page)
  await transfer.open()
  const before = app.core.caseload.info().caseCount
  const [firstId, secondId] = app.core.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 2').pluck().all() as number[]
  const bundle = await app.core.transfer.exportBundle([firstId, secondId])
  await transfer.section.getByLabel('Bundle to import').setInputFiles({ name: bundle.fileName, mimeType: 'application/zip', buffer: Buffer.from(bundle.base64, 'base64') })
  await expect(transfer.section.getByTestId('bundle-valid')).toContainText('All 2 cases')
  expect(app.core.caseload.info().caseCount).toBe(before)
  await transfer.section.getByRole('button', { name: 'Import 2 cases' }).click()
  await expect(transfer.section.getByTestId('bundle-done')).toHaveText('Imported 2 cases.')
  expect(app.core.caseload.info().caseCount).toBe(before + 2)

  // A file that is not a bundle is refused beside the file input, whole.
  await transfer.section.getByLabel('Bundle to import').setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip') })
  await expect(transfer.section.getByTestId('bundle-report')).toContainText('This file was not imported: This file is not a ZIP case bundle.')
})
