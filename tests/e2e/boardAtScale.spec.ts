import AxeBuilder from '@axe-core/playwright'
import { caseCreateSchema } from '../../shared/schemas/caseSchemas'
import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'

/**
 * The board at a laptop's width and with more cases than one page (issues 12 item 7 and 15): nine
 * columns on screen with the scrollbar visible, one tab stop, arrow keys between cards, columns that
 * load more as they scroll, and moves into and out of partly loaded columns.
 */
test.use({ viewport: { width: 1440, height: 900 } })

const COLUMNS = ['Intake', 'Prior authorization', 'Denied – appeal due', 'Internal appeal', 'Second-level appeal', 'External review (IRO)', 'Complaint', 'Hearing / court', 'Closed']

function addCases(core: import('../../electron/core/createCore').Core, count: number, stage: 'internal_appeal' | 'denied') {
  core.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      core.cases.create(
        caseCreateSchema.parse({
          patient: { firstName: 'Bulk', lastName: `Patient ${String(i).padStart(3, '0')}`, dateOfBirth: '1960-01-01', phone: '', preferredLanguage: '' },
          coverage: { payer: 'Lakeshore Blue Group Plan', planFamily: 'employer_fully_insured', memberId: `B${i}`, groupNumber: '', state: 'IL' },
          therapy: { category: 'ivig_scig', drug: 'Gammagard Liquid', hcpcsCode: '', icd10Codes: [], prescriber: '', infusionProvider: '' },
          stage,
          urgency: 'standard',
          serviceType: 'pre_service',
          openedOn: '2026-11-20',
          denial: { noticeDate: '2026-11-18', receivedDate: '2026-11-21', reasons: ['not_medically_necessary'], amount: 100 },
        }),
      )
    }
  })()
}

test('at 1440 px all nine columns and the horizontal scrollbar are on screen, and the board is axe clean', async ({ page }) => {
  const board = new BoardPage(page)
  await expect(page.getByTestId('board-card').first()).toBeVisible()
  for (const name of COLUMNS) {
    const box = (await board.column(name).boundingBox())!
    expect(box.x, name).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, name).toBeLessThanOrEqual(1440)
  }
  // The board ends inside the window, so whatever scrolls sideways has its scrollbar on screen.
  const boardBox = (await page.getByTestId('board').boundingBox())!
  expect(boardBox.y + boardBox.height).toBeLessThanOrEqual(900)
  // A collapsed column keeps its name and count, and comes back.
  await board.column('Complaint').getByRole('button', { name: 'Collapse the column Complaint' }).click()
  await expect(board.column('Complaint').getByTestId('board-card')).toHaveCount(0)
  await board.column('Complaint').getByRole('button', { name: 'Expand the column Complaint' }).click()
  await expect(board.column('Complaint').getByTestId('board-card').first()).toBeVisible()
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`)).toEqual([])
})

test('a card is one tab stop; arrow keys move between cards and columns; M opens "Move to…"', async ({ page }) => {
  const board = new BoardPage(page)
  await expect(page.getByTestId('board-card').first()).toBeVisible()
  // One tabbable card per column (the column's place in the tab order), nothing else in a card.
  for (const name of COLUMNS) await expect(board.column(name).locator('[data-testid=board-card] a[tabindex="0"]'), name).toHaveCount(1)
  await expect(page.locator('[data-testid=board-card] button:not([tabindex="-1"])')).toHaveCount(0)
  // Tab from the last filter control: the first column's collapse button, then its first card; one
  // more Tab leaves the cards for the next column's button.
  await page.getByRole('combobox', { name: 'Urgency' }).focus()
  await page.keyboard.press('Tab')
  await expect(board.column('Intake').getByRole('button', { name: 'Collapse the column Intake' })).toBeFocused()
  await page.keyboard.press('Tab')
  const first = board.column('Intake').locator('.card-open').first()
  await expect(first).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(board.column('Prior authorization').getByRole('button', { name: 'Collapse the column Prior authorization' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(first).toBeFocused()
  // The column remembers its place: ArrowDown, then Tab away and back returns to the second card.
  await page.keyboard.press('ArrowDown')
  await expect(board.column('Intake').locator('.card-open').nth(1)).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Tab')
  await expect(board.column('Intake').locator('.card-open').nth(1)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(first).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(board.column('Prior authorization').locator('.card-open').first()).toBeFocused()
  const name = (await board.column('Prior authorization').locator('.card-open').first().textContent())!.trim()
  await page.keyboard.press('m')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(name)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(board.column('Prior authorization').getByRole('link', { name: `Open case of ${name}` })).toBeFocused()
})

test('a long column loads more as it scrolls, and cards move into and out of it while it is partly loaded', async ({ page, app }) => {
  addCases(app.core, 70, 'internal_appeal')
  await page.reload()
  const board = new BoardPage(page)
  const column = board.column('Internal appeal')
  await expect(column.getByTestId('column-count')).toHaveText(/^7\d$/)
  const total = Number(await column.getByTestId('column-count').textContent())
  // Only the first page is loaded: the card at the end of the column is not on the page yet.
  const whole = app.core.board.load({ stage: 'internal_appeal', limit: 500 }, '2026-11-25').cards
  expect(whole).toHaveLength(total)
  const oldest = column.getByRole('link', { name: `Open case of ${whole.at(-1)!.patientName}`, exact: true })
  await expect(oldest).toHaveCount(0)
  // The keyboard reaches it: End, then ArrowDown past each loaded page.
  await column.locator('.card-open').first().focus()
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('End')
  await expect(oldest).toBeFocused()

  // Drag a card out of the partly loaded column: counts follow, the card heads its new column.
  await page.reload()
  await expect(column.getByTestId('column-count')).toHaveText(String(total))
  const moving = column.locator('.card-open').nth(3)
  const movingName = (await moving.textContent())!.trim()
  await board.dragCard(movingName, 'Second-level appeal')
  await expect(column.getByTestId('column-count')).toHaveText(String(total - 1))
  await expect(board.column('Second-level appeal').locator('.card-open').first()).toHaveText(movingName)
  // And back in by keyboard: it heads the partly loaded column.
  await board.moveWithKeyboard(movingName, 'Internal appeal')
  await expect(column.getByTestId('column-count')).toHaveText(String(total))
  await expect(column.locator('.card-open').first()).toHaveText(movingName)
  await expect(column.getByRole('link', { name: `Open case of ${movingName}` })).toBeFocused()
})
