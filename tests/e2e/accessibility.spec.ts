import AxeBuilder from '@axe-core/playwright'
import { expect, freshTest, test } from './fixtures'

/**
 * axe-core scans of the main screens (WCAG 2.1 A and AA rules). Library checks are necessary, not
 * sufficient: the keyboard paths have their own tests (board.spec.ts).
 */
const scan = (page: import('@playwright/test').Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()

const screens = [
  { name: 'board', path: '#/', ready: 'Appeal board' },
  { name: 'new case', path: '#/cases/new', ready: 'New case' },
  { name: 'deadlines', path: '#/deadlines', ready: 'Deadlines' },
  { name: 'security', path: '#/security', ready: 'Security' },
  { name: 'caseload', path: '#/caseload', ready: 'Caseload' },
]

for (const screen of screens) {
  test(`the ${screen.name} screen has no WCAG A/AA violations`, async ({ page, app }) => {
    await page.goto(`${app.bridge.url}${screen.path}`)
    await expect(page.getByRole('heading', { level: 1, name: screen.ready })).toBeVisible()
    const result = await scan(page)
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`)).toEqual([])
  })
}

test('a case page has no WCAG A/AA violations', async ({ page, app }) => {
  const id = app.core.board.load({}, '2026-11-25').cards[0].id
  await page.goto(`${app.bridge.url}#/cases/${id}`)
  await expect(page.getByRole('heading', { name: 'Deadlines', exact: true })).toBeVisible()
  const result = await scan(page)
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`)).toEqual([])
})

freshTest('the first-run screen has no WCAG A/AA violations', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Set up Overturn' })).toBeVisible()
  const result = await scan(page)
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`)).toEqual([])
})
