import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { CaseIntakePage } from './pages/CaseIntakePage'

test('a new caseload opens on the demo board with every column', async ({ page }) => {
  const board = new BoardPage(page)
  await expect(page.getByRole('heading', { name: 'Appeal board' })).toBeVisible()
  for (const column of ['Intake', 'Prior authorization', 'Denied – appeal due', 'Internal appeal', 'Second-level appeal', 'External review (IRO)', 'Complaint', 'Hearing / court', 'Closed']) {
    await expect(board.column(column)).toBeVisible()
    await expect(board.column(column).getByTestId('board-card').first()).toBeVisible()
  }
  await expect(page.getByText(/demo cases with fictional patients/)).toBeVisible()
  // Columns are virtualized (only the cards in view are in the page): the board's own count says all 40 are on it.
  await expect(page.getByTestId('board-summary')).toHaveText('Showing 40 of 40 cases')
})

test('create a case, drag it, move another by keyboard; both persist across a restart', async ({ page, app }) => {
  const board = new BoardPage(page)
  const intake = new CaseIntakePage(page)
  await intake.open()
  await intake.fillMinimalCase({ firstName: 'Rosa', lastName: 'Quintero', payer: 'Lakeshore Blue Group Plan', planFamily: 'Employer plan, fully insured', state: 'IL', category: 'IVIG / SCIG', drug: 'Gamunex-C 1 g/kg' })
  await intake.save()
  await expect(page.getByRole('heading', { name: 'Rosa Quintero' })).toBeVisible()

  await page.getByRole('link', { name: 'Board', exact: true }).click()
  await board.expectCardIn('Intake', 'Rosa Quintero')
  await board.dragCard('Rosa Quintero', 'Internal appeal')
  await board.expectCardIn('Internal appeal', 'Rosa Quintero')
  await expect(page.getByTestId('announcer')).toHaveText('Moved Rosa Quintero to Internal appeal.')

  // Another case, moved with the keyboard only.
  const other = board.column('Intake').getByTestId('board-card').filter({ hasNot: page.getByText('Rosa Quintero') }).first()
  const otherName = (await other.getByRole('link').textContent())!.trim()
  await board.moveWithKeyboard(otherName, 'Prior authorization')
  await board.expectCardIn('Prior authorization', otherName)
  await expect(page.getByTestId('announcer')).toHaveText(`Moved ${otherName} to Prior authorization.`)
  // Focus returns to the moved card (its link, the board's one tab stop) in its new column.
  await expect(board.column('Prior authorization').getByRole('link', { name: `Open case of ${otherName}` })).toBeFocused()

  await app.restart()
  await page.goto(app.bridge.openUrl)
  await board.expectCardIn('Internal appeal', 'Rosa Quintero')
  await board.expectCardIn('Prior authorization', otherName)

  await page.getByRole('link', { name: 'Open case of Rosa Quintero' }).click()
  await page.getByRole('tab', { name: 'History' }).click()
  const history = page.getByTestId('history')
  await expect(history).toContainText('Moved from Intake to Internal appeal')
  await expect(history).toContainText('Opened in Intake')
})

test('filters and the search box narrow the board', async ({ page }) => {
  const board = new BoardPage(page)
  // Columns are virtualized (only the cards in view are in the page): the board's own count says all 40 are on it.
  await expect(page.getByTestId('board-summary')).toHaveText('Showing 40 of 40 cases')
  await page.getByLabel('Plan family').selectOption({ label: 'Medicare Advantage' })
  await expect(page.getByTestId('board-summary')).not.toContainText('Showing 40 of 40')
  const cards = page.getByTestId('board-card')
  const count = await cards.count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(40)
  for (let i = 0; i < count; i++) await expect(cards.nth(i)).toContainText('Medicare Advantage')

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByTestId('board-summary')).toHaveText('Showing 40 of 40 cases')
  await page.getByLabel('Therapy').selectOption({ label: 'Home TPN' })
  await expect(cards.first()).toContainText('Home TPN')
  await page.getByRole('button', { name: 'Clear filters' }).click()

  const firstName = (await cards.first().getByRole('link').textContent())!.trim()
  await page.getByLabel('Search the board').fill(firstName)
  await expect(board.card(firstName).first()).toBeVisible()
  await expect.poll(async () => cards.count()).toBeLessThan(40)
})
