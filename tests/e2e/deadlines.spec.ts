import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'

test('a refused move explains itself and can be overridden with a recorded reason', async ({ page, app }) => {
  const board = new BoardPage(page)
  const created = app.core.cases.create({
    patient: { firstName: 'Ines', lastName: 'Marquez', dateOfBirth: null, phone: '', preferredLanguage: '' },
    coverage: { payer: 'Cascadia Marketplace Silver', planFamily: 'individual_marketplace', memberId: '', groupNumber: '', state: 'WA' },
    therapy: { category: 'infused_biologic', drug: 'Infliximab', hcpcsCode: 'J1745', icd10Codes: [], prescriber: '', infusionProvider: '' },
    stage: 'internal_appeal',
    urgency: 'standard',
    serviceType: 'pre_service',
    advocateId: null,
    openedOn: '2026-11-01',
    summary: '',
    denial: { noticeDate: '2026-11-10', receivedDate: '2026-11-12', reasons: ['step_therapy'], priorAuthNumber: '', claimNumber: '', amount: null, statedDeadline: null },
  })
  await page.reload()
  await board.expectCardIn('Internal appeal', 'Ines Marquez')
  await expect(board.card('Ines Marquez').getByTestId('card-level')).toHaveText('Internal appeal')

  await board.dragCard('Ines Marquez', 'Second-level appeal')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('move-check')).toContainText('one internal')
  await dialog.getByRole('button', { name: 'Move anyway' }).click()
  await expect(dialog.getByText('This field is required.')).toBeVisible()
  await dialog.getByLabel('Reason to move anyway (recorded in the history)').fill('Plan letter of Nov 12 offers a voluntary second level')
  await dialog.getByRole('button', { name: 'Move anyway' }).click()
  await expect(dialog).toBeHidden()
  await board.expectCardIn('Second-level appeal', 'Ines Marquez')

  await page.goto(`${app.bridge.url}#/cases/${created.id}?section=history`)
  await expect(page.getByTestId('history')).toContainText('Override: Plan letter of Nov 12 offers a voluntary second level')
})

test('the case page shows its ladder and explains every date; the agenda exports a calendar', async ({ page, app }) => {
  const created = app.core.cases.create({
    patient: { firstName: 'Walter', lastName: 'Nakai', dateOfBirth: null, phone: '', preferredLanguage: '' },
    coverage: { payer: 'Medicare Part B (DME MAC)', planFamily: 'medicare_part_b', memberId: '', groupNumber: '', state: 'NM' },
    therapy: { category: 'ivig_scig', drug: 'Hizentra', hcpcsCode: 'J1559', icd10Codes: ['D80.1'], prescriber: '', infusionProvider: '' },
    stage: 'denied',
    urgency: 'standard',
    serviceType: 'post_service',
    advocateId: null,
    openedOn: '2026-11-01',
    summary: '',
    denial: { noticeDate: '2026-10-30', receivedDate: null, reasons: ['missing_documentation'], priorAuthNumber: '', claimNumber: '', amount: 6200, statedDeadline: null },
  })
  await page.goto(`${app.bridge.url}#/cases/${created.id}`)
  await page.getByRole('tab', { name: 'Deadlines and filing' }).click()
  const ladder = page.getByTestId('ladder')
  for (const level of ['Redetermination', 'Reconsideration by the QIC', 'ALJ hearing', 'Medicare Appeals Council review', 'Federal court']) {
    await expect(ladder).toContainText(level)
  }
  await page.getByRole('tab', { name: 'Overview' }).click()
  const deadlines = page.getByTestId('deadlines')
  await expect(deadlines).toContainText('File redetermination')
  await deadlines.getByText('How this date was computed').first().click()
  await expect(deadlines).toContainText('42 CFR 405.942')
  await expect(deadlines).toContainText('5 days mail presumption')

  await page.getByRole('link', { name: 'Deadlines', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Deadlines', level: 1 })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).click()
  const file = await (await download).path()
  const ics = readFileSync(file, 'utf8')
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics).toContain(`Case #${created.id} (W.N.)`)
  expect(ics).not.toContain('Nakai')
})
