import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

/**
 * Issue 6, done when: a new user finds a demo patient by a misspelled, accentless name, records a
 * win, and sees it move the dashboard; tables export as CSV.
 */
/** Lower case without accents: what an advocate types on a US keyboard. */
const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()

test('find a patient by a misspelled accentless name, record a win, see the dashboard move, export CSV', async ({ page, app }) => {
  // A demo patient whose name carries accents and whose plain name is unique in the demo caseload.
  const names = app.core.board.load({}, '2026-11-25').cards.map((c) => c.patientName)
  const name = names.find((n) => plain(n) !== n.toLowerCase() && plain(n.split(' ')[1]).length >= 5 && names.filter((m) => plain(m) === plain(n)).length === 1)
  if (!name) throw new Error('The demo caseload has no accented patient name to search for')
  const [first, last] = name.split(' ')
  const correct = plain(last)
  // One wrong letter at the end, as a hurried typist makes it.
  const typo = correct.slice(0, -1) + (correct.endsWith('s') ? 'z' : 's')

  await page.getByRole('link', { name: 'Dashboard' }).click()
  const overturned = page.getByTestId('stat-overturned').locator('dd')
  await expect(overturned).toHaveText(/^\d+$/)
  const before = Number(await overturned.textContent())

  // The shortcut opens search; Escape closes it and gives focus back.
  const searchButton = page.getByTestId('search-button')
  await searchButton.focus()
  await page.keyboard.press('Control+k')
  const dialog = page.getByRole('dialog', { name: 'Search the caseload' })
  await expect(dialog).toBeVisible()
  const box = dialog.getByRole('combobox')
  await expect(box).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(searchButton).toBeFocused()

  // The patient's name typed without accents and misspelled.
  await page.keyboard.press('Control+k')
  await box.fill(`${plain(first)} ${typo}`)
  const patients = dialog.getByRole('group', { name: 'Patients' })
  await expect(patients.getByRole('option').first()).toContainText(name)
  // A patient with one case is one result: the patient, whose action opens the case.
  await expect(dialog.getByRole('group', { name: 'Cases' }).getByRole('option').filter({ hasText: name })).toHaveCount(0)
  await expect(dialog.getByText(`Also matched names like “${correct}” for “${typo}”.`)).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowUp')
  await expect(patients.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  // Record a win at the current level.
  const outcomes = page.getByTestId('outcomes')
  await outcomes.getByLabel('Result').selectOption({ label: 'Overturned' })
  await outcomes.getByLabel('Amount recovered or approved (USD)').fill('4200')
  await outcomes.getByRole('button', { name: 'Record decision' }).click()
  await expect(outcomes.getByTestId('outcome')).toContainText('Overturned')
  await expect(page.getByTestId('announcer')).toHaveText('Decision recorded.')

  await page.getByRole('link', { name: 'Dashboard' }).click()
  await expect(overturned).toHaveText(String(before + 1))

  // Every table exports as CSV.
  const panel = page.getByTestId('panel-byLevel')
  await expect(panel.getByRole('table')).toContainText('Internal appeal')
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export “Overturn rate by level” as CSV' }).click()])
  expect(download.suggestedFilename()).toMatch(/^overturn-by-level-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv.split('\r\n')[0]).toBe('\uFEFFLevel,Decisions on the merits,Overturned,Partly overturned,Upheld,Withdrawn,Dismissed,Overturn rate (%)')
  expect(csv).toContain('Internal appeal,')
  await expect(page.getByTestId('dashboard-chart').first()).toBeVisible()
})
