import { expect, type Locator, type Page } from '@playwright/test'

/** Page object for "Move cases in and out" on the Caseload page. */
export class TransferPage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page.getByTestId('transfer-section')
  }

  async open() {
    await this.page.getByRole('link', { name: 'Caseload', exact: true }).click()
    await expect(this.page.getByRole('heading', { name: 'Move cases in and out' })).toBeVisible()
  }

  async chooseCsv(name: string, csv: string) {
    await this.section.getByLabel('Spreadsheet to import').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await expect(this.section.getByTestId('csv-mapping')).toBeVisible()
  }

  fieldFor(column: string): Locator {
    return this.section.getByLabel(`Field for column “${column}”`)
  }
}
