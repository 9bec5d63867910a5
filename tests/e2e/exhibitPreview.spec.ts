import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'
import { makePdf, makePng } from './exhibitFiles'

/**
 * Issue 16, item 2: exhibits are previewed inside the app (browser mode here; the desktop app runs
 * the same renderer). A PDF is drawn by pdf.js, with its text layer; an image is shown inline. Both
 * come from the decrypted bytes in memory: no new window, no file on disk, no network.
 */
test('a PDF and a PNG exhibit are previewed in the page, keyboard first', async ({ page, app }) => {
  const external: string[] = []
  await page.route(/^(?!http:\/\/(127\.0\.0\.1|localhost)[:/])/, (route) => {
    if (!/^(blob|data):/.test(route.request().url())) external.push(route.request().url())
    return route.abort()
  })
  const popups: string[] = []
  page.on('popup', (p) => popups.push(p.url()))
  const caseId = (app.core.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id

  await page.goto(`${app.bridge.url}#/cases/${caseId}`)
  await page.getByRole('tab', { name: 'Evidence and letter' }).click()
  await page.locator('#exhibit-file').setInputFiles([
    { name: 'denial-notice.pdf', mimeType: 'application/pdf', buffer: makePdf(['Notice of adverse benefit determination', 'Page two: your appeal rights']) },
    { name: 'infusion-photo.png', mimeType: 'image/png', buffer: makePng(64, 48, [200, 40, 40]) },
  ])
  await expect(page.getByTestId('exhibit')).toHaveCount(2)

  // The PDF: opened with the keyboard, drawn by pdf.js with a text layer on each page.
  await page.getByRole('button', { name: 'Open exhibit 1, denial-notice' }).focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Exhibit 1: denial-notice' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Close preview' })).toBeFocused()
  const pages = dialog.getByTestId('pdf-page')
  await expect(pages).toHaveCount(2)
  await expect(dialog.getByRole('status')).toHaveText('2 pages')
  await expect(pages.nth(0).locator('.textLayer')).toContainText('Notice of adverse benefit determination')
  await expect(pages.nth(1).locator('.textLayer')).toContainText('Page two: your appeal rights')
  await expect(pages.nth(0)).toHaveAttribute('aria-label', 'Page 1 of 2')
  // The canvas was really painted: some pixel is not white (the text is black).
  const painted = await pages.nth(0).locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    let dark = 0
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++
    return { width: canvas.width, dark }
  })
  expect(painted.width).toBeGreaterThan(300)
  expect(painted.dark).toBeGreaterThan(100)
  // The open dialog passes axe-core's WCAG A/AA rules.
  const axe = await new AxeBuilder({ page }).include('[data-testid="exhibit-preview"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.help})`)).toEqual([])
  // Zoom: the pages are drawn again, wider, and the level is announced.
  const widthOf = async () => (await pages.nth(0).boundingBox())!.width
  const fitted = await widthOf()
  await dialog.getByRole('button', { name: 'Zoom in' }).click()
  await expect(dialog.getByTestId('pdf-zoom')).toHaveText('125% of the width')
  await expect(pages.nth(1).locator('.textLayer')).toContainText('Page two: your appeal rights')
  expect(Math.round((await widthOf()) / fitted * 100)).toBe(125)
  await dialog.getByRole('button', { name: 'Zoom out' }).click()
  await expect(dialog.getByTestId('pdf-zoom')).toHaveText('100% of the width')
  await dialog.getByRole('button', { name: 'Close preview' }).focus()
  // Escape closes it and focus goes back to the button that opened it.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: 'Open exhibit 1, denial-notice' })).toBeFocused()

  // The image: inline, from an in-memory object URL, with a text alternative.
  await page.getByRole('button', { name: 'Open exhibit 2, infusion-photo' }).click()
  const imageDialog = page.getByRole('dialog', { name: 'Exhibit 2: infusion-photo' })
  const image = imageDialog.getByRole('img', { name: 'Exhibit 2: infusion-photo' })
  await expect(image).toBeVisible()
  expect(await image.getAttribute('src')).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//)
  expect(await image.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([64, 48])
  await imageDialog.getByRole('button', { name: 'Close preview' }).click()
  await expect(imageDialog).toBeHidden()

  expect(popups).toEqual([])
  expect(external).toEqual([])
})

test('a damaged PDF says so beside the preview and still offers a download', async ({ page, app }) => {
  const caseId = (app.core.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id
  await page.goto(`${app.bridge.url}#/cases/${caseId}`)
  await page.getByRole('tab', { name: 'Evidence and letter' }).click()
  await page.locator('#exhibit-file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% truncated by the fax machine\n') })
  await expect(page.getByTestId('exhibit')).toHaveCount(1)
  await page.getByRole('button', { name: 'Open exhibit 1, scan' }).click()
  const dialog = page.getByRole('dialog', { name: 'Exhibit 1: scan' })
  await expect(dialog.getByRole('alert')).toHaveText(/This PDF could not be shown here/)
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download a copy' }).click()
  expect((await download).suggestedFilename()).toBe('scan.pdf')
})

test('in browser mode a Word exhibit downloads (there is no word processor to hand it to)', async ({ page, app }) => {
  const { Document, Packer, Paragraph } = await import('docx')
  const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Letter of medical necessity')] }] }))
  const caseId = (app.core.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id
  await page.goto(`${app.bridge.url}#/cases/${caseId}`)
  await page.getByRole('tab', { name: 'Evidence and letter' }).click()
  await page.locator('#exhibit-file').setInputFiles({ name: 'lmn.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx })
  await expect(page.getByTestId('exhibit')).toHaveCount(1)
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Open exhibit 1, lmn' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('lmn.docx')
  expect(readFileSync((await file.path())!).equals(docx)).toBe(true)
  await expect(page.getByTestId('announcer')).toHaveText('Exhibit 1 was downloaded.')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})
