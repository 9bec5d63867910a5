import { expect, type Locator, type Page } from '@playwright/test'

/** Page object for the board: columns by their visible names, cards by patient name. */
export class BoardPage {
  constructor(readonly page: Page) {}

  column(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
  }

  card(patientName: string): Locator {
    return this.page.getByTestId('board-card').filter({ has: this.page.getByRole('link', { name: `Open case of ${patientName}` }) })
  }

  async expectCardIn(columnName: string, patientName: string) {
    await expect(this.column(columnName).getByRole('link', { name: `Open case of ${patientName}` })).toBeVisible()
  }

  async dragCard(patientName: string, columnName: string) {
    await this.card(patientName).dragTo(this.column(columnName).locator('.column-scroll'))
  }

  /** The keyboard-only path: focus "Move to…", open it, choose a column with the arrows, confirm. */
  async moveWithKeyboard(patientName: string, columnName: string) {
    const moveButton = this.page.getByRole('button', { name: `Move the case of ${patientName} to another column` })
    await moveButton.focus()
    await this.page.keyboard.press('Enter')
    const dialog = this.page.getByRole('dialog')
    await expect(dialog).toBeVisible()
    const target = dialog.getByRole('radio', { name: columnName })
    for (let i = 0; i < 12 && !(await target.isChecked()); i++) await this.page.keyboard.press('ArrowDown')
    await expect(target).toBeChecked()
    await this.page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
  }
}
