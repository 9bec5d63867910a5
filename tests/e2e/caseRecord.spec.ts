import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { CaseIntakePage } from './pages/CaseIntakePage'
import type { Page } from '@playwright/test'
import type { OverturnApp } from './fixtures'

const PDF = Buffer.from('%PDF-1.4\n% case record exhibit\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

/** A case arranged as intake would leave it: an employer plan, one denial, no advocate. */
function arrangeCase(app: OverturnApp, lastName = 'Okafor') {
  return app.core.cases.create({
    patient: { firstName: 'Adaeze', lastName, dateOfBirth: '1970-03-14', phone: '', preferredLanguage: '' },
    coverage: { payer: 'Lakeshore Blue Group Plan', planFamily: 'employer_fully_insured', memberId: 'LBX-100', groupNumber: '', state: 'IL' },
    therapy: { category: 'ivig_scig', drug: 'Gammagard Liquid', hcpcsCode: 'J1569', icd10Codes: ['D80.1'], prescriber: 'Dr. Osei', infusionProvider: '' },
    stage: 'denied',
    urgency: 'standard',
    serviceType: 'pre_service',
    advocateId: null,
    openedOn: '2026-11-20',
    summary: '',
    denial: { noticeDate: '2026-11-18', receivedDate: null, reasons: ['not_medically_necessary'], priorAuthNumber: '', claimNumber: '', amount: null, statedDeadline: null },
  })
}

async function openCase(page: Page, app: OverturnApp, id: number, section = '') {
  await page.goto(`${app.bridge.url}#/cases/${id}${section ? `?section=${section}` : ''}`)
  await expect(page.getByRole('tablist', { name: 'Sections of this case' })).toBeVisible()
}

test('every fact can be corrected; the history says what changed and the deadlines follow at once', async ({ page, app }) => {
  const created = arrangeCase(app)
  const advocateId = app.core.advocates.create('Marisol Grant', 'advocate', '2026-11-01T00:00:00.000Z')
  await openCase(page, app, created.id)
  const deadlines = page.getByTestId('deadlines')
  await expect(deadlines).not.toContainText('redetermination')

  await page.getByTestId('edit-facts').click()
  const form = page.getByTestId('case-edit-form')
  const fill = (label: string, value: string) => form.getByLabel(label, { exact: true }).fill(value)
  await fill('First name', 'Adaora')
  await fill('Last name', 'Okafor-Reyes')
  await fill('Date of birth', '1971-03-14')
  await fill('Phone', '312-555-0147')
  await fill('Preferred language', 'Igbo')
  await fill('Payer (insurer or plan)', 'Medicare Part B (Noridian JD DME)')
  await form.getByLabel('Plan family', { exact: true }).selectOption({ label: 'Medicare Part B' })
  await form.getByLabel('State', { exact: true }).selectOption('WI')
  await fill('Member ID', '1EG4-TE5-MK73')
  await fill('Group number', 'NONE-1')
  await form.getByLabel('Therapy category', { exact: true }).selectOption({ index: 2 })
  await fill('Drug or service', 'Hizentra 4 g weekly')
  await fill('HCPCS code', 'J1559')
  await fill('ICD-10 codes', 'D80.1, D83.9')
  await fill('Prescriber', 'Dr. Ama Osei')
  await fill('Prescriber NPI', '1234567890')
  await expect(form.locator('.form-field', { has: page.getByLabel('Prescriber NPI', { exact: true }) }).getByTestId('field-error')).toContainText('check digit')
  await fill('Prescriber NPI', '1234567893')
  await fill('Prescriber phone', '312-555-0100')
  await fill('Prescriber fax', '312-555-0101')
  await fill('Home infusion provider', 'Riverbend Home Infusion')
  await form.getByLabel('Urgency', { exact: true }).selectOption({ index: 1 })
  await form.getByLabel('Service type', { exact: true }).selectOption({ index: 1 })
  await form.getByLabel('Assigned advocate', { exact: true }).selectOption({ label: 'Marisol Grant' })
  await fill('Opened on', '2026-11-19')
  await fill('Summary', 'Weekly SCIG; plan says not medically necessary.')
  await page.getByTestId('save-facts').click()
  await expect(page.getByTestId('announcer')).toHaveText('Changes saved. The history and deadlines are updated.')

  // The page shows the new facts and the Medicare ladder's first deadline, recomputed at once.
  const facts = page.getByTestId('facts')
  await expect(page.getByRole('heading', { level: 1, name: 'Adaora Okafor-Reyes' })).toBeVisible()
  await expect(facts).toContainText('NPI 1234567893')
  await expect(page.getByTestId('advocate')).toHaveText('Marisol Grant')
  await expect(deadlines).toContainText('redetermination')

  const stored = app.core.cases.get(created.id)
  expect(stored).toMatchObject({
    version: 2,
    advocate: { id: advocateId },
    patient: { firstName: 'Adaora', lastName: 'Okafor-Reyes', dateOfBirth: '1971-03-14', phone: '312-555-0147', preferredLanguage: 'Igbo' },
    coverage: { planFamily: 'medicare_part_b', state: 'WI', memberId: '1EG4-TE5-MK73', groupNumber: 'NONE-1' },
    therapy: { drug: 'Hizentra 4 g weekly', hcpcsCode: 'J1559', icd10Codes: ['D80.1', 'D83.9'], prescriberNpi: '1234567893', prescriberFax: '312-555-0101' },
    openedOn: '2026-11-19',
    summary: 'Weekly SCIG; plan says not medically necessary.',
  })

  await page.getByRole('tab', { name: 'History' }).click()
  const history = page.getByTestId('history')
  await expect(history).toContainText('Member ID changed from “LBX-100” to “1EG4-TE5-MK73”')
  await expect(history).toContainText('Plan family changed from “Employer plan, fully insured” to “Medicare Part B”')
  await expect(history).toContainText('Assigned advocate set to “Marisol Grant”')
  await expect(history).toContainText('by Test Advocate')
  // Filtered by kind: moves only shows none of the edits.
  await page.getByTestId('history-filter').selectOption({ label: 'Column moves' })
  await expect(history).not.toContainText('Member ID')
})

test('two pages edit the same case: the second gets the conflict with what changed, and no write is lost', async ({ page, app, context }) => {
  const created = arrangeCase(app, 'Lindqvist')
  await openCase(page, app, created.id)
  const other = await context.newPage()
  await other.goto(app.bridge.openUrl)
  await openCase(other, app, created.id)

  await page.getByTestId('edit-facts').click()
  await other.getByTestId('edit-facts').click()
  // The second page is typing when the first saves: the pushed case:changed never replaces unsaved typing.
  const otherForm = other.getByTestId('case-edit-form')
  await otherForm.getByLabel('Member ID', { exact: true }).fill('SECOND-222')
  await otherForm.getByLabel('Phone', { exact: true }).fill('608-555-0199')
  await page.getByTestId('case-edit-form').getByLabel('Member ID', { exact: true }).fill('FIRST-111')
  await page.getByTestId('save-facts').click()
  await expect(page.getByTestId('facts')).toContainText('FIRST-111')
  await expect(otherForm.getByLabel('Member ID', { exact: true })).toHaveValue('SECOND-222')

  await other.getByTestId('save-facts').click()
  const conflict = other.getByTestId('conflict')
  await expect(conflict).toContainText('Someone else saved this case since you opened it')
  await expect(conflict).toContainText('Member ID')
  await expect(conflict).toContainText('now “FIRST-111” (saved by Test Advocate')
  await expect(conflict).toContainText('yours: “SECOND-222”')
  // Nothing of the second page was written yet.
  expect(app.core.cases.get(created.id)).toMatchObject({ version: 2, coverage: { memberId: 'FIRST-111' }, patient: { phone: '' } })

  await other.getByTestId('keep-mine').click()
  await expect(other.getByTestId('facts')).toContainText('SECOND-222')
  const stored = app.core.cases.get(created.id)
  expect(stored).toMatchObject({ version: 3, coverage: { memberId: 'SECOND-222' }, patient: { phone: '608-555-0199' } })
  const memberChanges = app.core.cases.operations(created.id).filter((o) => o.field === 'coverage.memberId').map((o) => o.newValue)
  expect(memberChanges).toEqual(['SECOND-222', 'FIRST-111'])
  // The first page, not editing, shows the second page's save without a reload: it follows case:changed.
  await expect(page.getByTestId('facts')).toContainText('SECOND-222')
  await other.close()
})

test('a denial recorded at intake puts the case where its deadline shows', async ({ page, app }) => {
  const intake = new CaseIntakePage(page)
  await intake.open()
  await intake.fillMinimalCase({ firstName: 'Tomas', lastName: 'Brandt', payer: 'Cascadia Marketplace Silver', planFamily: 'Individual / marketplace', state: 'WA', category: 'Infused biologic', drug: 'Infliximab' })
  await page.getByLabel('The payer has already denied or delayed this').check()
  await page.getByLabel('Date on the notice', { exact: true }).fill('2026-11-20')
  await page.getByRole('checkbox', { name: 'Not medically necessary' }).check()
  await intake.save()
  await expect(page.getByRole('heading', { level: 1, name: 'Tomas Brandt' })).toBeVisible()
  await expect(page.getByTestId('deadlines')).toContainText('internal appeal')
  await page.getByRole('link', { name: 'Back to the board' }).click()
  const board = new BoardPage(page)
  await board.expectCardIn('Denied – appeal due', 'Tomas Brandt')
  await expect(board.card('Tomas Brandt').getByTestId('card-deadline')).toBeVisible()
  const created = app.core.board.load({}, '2026-11-25').cards.find((c) => c.patientName === 'Tomas Brandt')!
  expect(created.advocateName).toBe('Test Advocate')
})

test('"Mark sent" then moving the card keeps the filing day and the payer’s decision date', async ({ page, app }) => {
  const created = arrangeCase(app, 'Vasquez')
  // "Mark sent" files the appeal through the same write the packet's sent record uses.
  app.core.cases.updateAppeal({ caseId: created.id, appealFiledOn: '2026-11-24', appealFiledAt: null, internalLevels: null, payerExtended: false, previousAppealFiledOn: null })
  const payerDates = () => app.core.cases.get(created.id).deadlineReport.deadlines.filter((d) => d.side === 'payer').map((d) => d.dueDate)
  const before = payerDates()
  expect(before.length).toBeGreaterThan(0)
  await page.goto(app.bridge.openUrl)
  const board = new BoardPage(page)
  const moveButton = page.getByRole('button', { name: 'Move the case of Adaeze Vasquez to another column' })
  await moveButton.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: 'Internal appeal' }).check()
  await expect(dialog.getByLabel(/Appeal filed on/)).toHaveValue('2026-11-24')
  await dialog.getByRole('button', { name: /^Move/ }).click()
  await board.expectCardIn('Internal appeal', 'Adaeze Vasquez')
  expect(app.core.cases.get(created.id).appealFiledOn).toBe('2026-11-24')
  expect(payerDates()).toEqual(before)
})

test('uploading an exhibit while the letter has unsaved edits keeps the edits', async ({ page, app }) => {
  const created = arrangeCase(app, 'Haddad')
  await openCase(page, app, created.id, 'evidence')
  await page.getByLabel('Letter', { exact: true }).selectOption('internal_appeal')
  const editor = page.getByLabel('Letter text')
  await expect(editor).toHaveValue(/On behalf of Adaeze Haddad/)
  const edited = `${await editor.inputValue()}\n\nP.S. Typed before the upload.`
  await editor.fill(edited)
  await page.getByLabel('This document is').selectOption({ label: 'The denial notice' })
  await page.locator('#exhibit-file').setInputFiles({ name: 'denial-notice.pdf', mimeType: 'application/pdf', buffer: PDF })
  await expect(page.getByTestId('exhibit')).toHaveCount(1)
  await expect(editor).toHaveValue(edited)
  // Leaving now asks first; dismissing keeps the page and the text.
  page.once('dialog', (d) => void d.dismiss())
  await page.getByRole('link', { name: 'Back to the board' }).click()
  await expect(editor).toHaveValue(edited)
})

test('"Mark sent" offers to move the card to its filed column and keeps the day sent', async ({ page, app }) => {
  const created = arrangeCase(app, 'Moreau')
  await app.core.documents.exportPacket({ caseId: created.id, kind: 'internal_appeal', acceptPlaceholders: true })
  await openCase(page, app, created.id, 'evidence')
  const exportsList = page.getByTestId('packet-exports')
  await exportsList.getByRole('button', { name: /Mark the export of .* as sent/ }).click()
  const sentOn = await exportsList.getByLabel('Sent on').inputValue()
  await exportsList.getByRole('button', { name: 'Record as sent' }).click()
  const offer = page.getByTestId('move-offer')
  await expect(offer).toContainText('Internal appeal')
  await offer.getByRole('button', { name: 'Move to “Internal appeal”' }).click()
  await expect(page.getByTestId('announcer')).toContainText('The filing day and the payer’s decision date are kept.')
  expect(app.core.cases.get(created.id)).toMatchObject({ stage: 'internal_appeal', appealFiledOn: sentOn })
})

test('the payer directory is edited once in Settings and a case links to it for its letters', async ({ page, app }) => {
  const created = arrangeCase(app, 'Nakamura')
  await page.getByRole('link', { name: 'Settings' }).click()
  const directory = page.getByTestId('payer-directory')
  await expect(directory).toContainText('Office of Medicare Hearings and Appeals')
  await expect(directory).toContainText('verify')
  await page.getByRole('button', { name: 'Add a destination' }).click()
  await page.getByLabel('Payer or contractor', { exact: true }).fill('Lakeshore Blue Group Plan')
  await page.getByLabel('Recipient (unit or contractor)', { exact: true }).fill('Lakeshore Blue Appeals Unit')
  await page.getByLabel('Mailing address', { exact: true }).fill('PO Box 100\nChicago, IL 60601')
  await page.getByLabel('Appeals fax', { exact: true }).fill('312-555-0111')
  await page.getByRole('button', { name: 'Save destination' }).click()
  await expect(directory).toContainText('Lakeshore Blue Appeals Unit')

  await openCase(page, app, created.id)
  await page.getByTestId('edit-facts').click()
  await page.getByTestId('case-edit-form').getByLabel('Where appeals go (payer directory)').selectOption({ label: 'Lakeshore Blue Appeals Unit · Lakeshore Blue Group Plan (verify)' })
  await page.getByTestId('save-facts').click()
  await expect(page.getByTestId('appeal-destination')).toContainText('Lakeshore Blue Appeals Unit · fax 312-555-0111')
  const letter = app.core.documents.letter(created.id, 'internal_appeal').body
  expect(letter).toContain('Lakeshore Blue Appeals Unit\nLakeshore Blue Group Plan\nPO Box 100\nChicago, IL 60601\nFax: 312-555-0111')
})
