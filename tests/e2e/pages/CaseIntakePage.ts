import type { Locator, Page } from '@playwright/test'

export interface MinimalCase {
  firstName: string
  lastName: string
  payer: string
  planFamily: string
  state: string
  category: string
  drug: string
}

/** Page object for the new-case form; fields are found by their visible labels. */
export class CaseIntakePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole('link', { name: 'New case' }).click()
  }

  async fillMinimalCase(c: MinimalCase) {
    const p = this.page
    await p.getByLabel('First name', { exact: true }).fill(c.firstName)
    await p.getByLabel('Last name', { exact: true }).fill(c.lastName)
    await p.getByLabel('Payer (insurer or plan)', { exact: true }).fill(c.payer)
    await p.getByLabel('Plan family', { exact: true }).selectOption({ label: c.planFamily })
    await p.getByLabel('State', { exact: true }).selectOption(c.state)
    await p.getByLabel('Therapy category', { exact: true }).selectOption({ label: c.category })
    await p.getByLabel('Drug or service', { exact: true }).fill(c.drug)
  }

  async save() {
    await this.page.getByRole('button', { name: 'Create case' }).click()
  }

  /** The error shown beside a field, found through the field's aria-describedby. */
  errorFor(label: string): Locator {
    return this.page.locator('.form-field', { has: this.page.getByLabel(label, { exact: true }) }).getByTestId('field-error')
  }
}
