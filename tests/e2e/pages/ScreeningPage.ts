import { expect, type Locator, type Page } from '@playwright/test'

/** Page object for the screening queue, an applicant's results and the CSV import dialog. */
export class ScreeningPage {
  constructor(readonly page: Page) {}

  async openQueue() {
    await this.page.getByRole('link', { name: 'Assistance', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'Assistance screening' })).toBeVisible()
  }

  async openApplicant(name: string) {
    await this.page.getByRole('link', { name: `Open applicant ${name}` }).click()
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  result(programName: string): Locator {
    return this.page.getByTestId('screening-result').filter({ has: this.page.getByRole('heading', { name: programName }) })
  }

  async importFile(name: string, csv: string) {
    await this.page.getByRole('button', { name: 'Import CSV…' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Import applicants from CSV' })
    await expect(dialog).toBeVisible()
    await dialog.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await dialog.getByRole('button', { name: 'Check and import' }).click()
    return dialog
  }
}
