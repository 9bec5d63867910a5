import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { expect, test } from './fixtures'

const PDF = Buffer.from('%PDF-1.4\n% e2e exhibit\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

test('from a denial to an exported packet: checklist, exhibit, edited letter, ZIP with DOCX and exhibits, marked sent', async ({ page, app }) => {
  // A demo case with a denial whose ladder starts with an internal appeal.
  const ids = (app.core.db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map((r) => r.id)
  const caseId = ids.find((id) => app.core.cases.get(id).denials.length > 0 && app.core.documents.letterOptions(id).some((o) => o.kind === 'internal_appeal' && o.isRecommended))!
  const detail = app.core.cases.get(caseId)
  const patientName = `${detail.patient.firstName} ${detail.patient.lastName}`

  await page.goto(`${app.bridge.url}#/cases/${caseId}`)
  await expect(page.getByRole('heading', { name: patientName, level: 1 })).toBeVisible()
  await page.getByRole('tab', { name: 'Evidence and letter' }).click()
  const checklist = page.getByTestId('checklist')
  await expect(checklist.getByText('The denial notice', { exact: true })).toBeVisible()
  const progress = page.getByTestId('checklist-progress')
  const total = Number((await progress.textContent())!.match(/of (\d+)/)![1])
  await expect(progress).toHaveText(`0 of ${total} received`)

  // Attach the denial notice through the file picker; it ticks its checklist item.
  await page.getByLabel('This document is').selectOption({ label: 'The denial notice' })
  await page.locator('#exhibit-file').setInputFiles({ name: 'denial-notice.pdf', mimeType: 'application/pdf', buffer: PDF })
  await expect(page.getByTestId('exhibit')).toHaveCount(1)
  await expect(page.getByTestId('exhibit').first()).toContainText('Exhibit 1: denial-notice')
  await expect(progress).toHaveText(`1 of ${total} received`)
  await expect(page.getByRole('checkbox', { name: 'The denial notice' })).toBeChecked()

  // The caseload is encrypted, so the stored file is too; opening it gives the original bytes back.
  const [stored] = app.core.documents.listAttachments(caseId)
  // Stored under a keyed name (issue 13): the plain hash of the document is not on disk to confirm it.
  const folder = join(app.dataDir, 'attachments', String(caseId))
  const [storedName] = readdirSync(folder).filter((name) => name.endsWith('.pdf'))
  expect(storedName).not.toContain(stored.sha256)
  const onDisk = readFileSync(join(folder, storedName))
  expect(onDisk.subarray(0, 5).toString('ascii')).toBe('OVTA1')
  expect(onDisk.includes('e2e exhibit')).toBe(false)
  expect(Buffer.from(app.core.documents.openAttachment(stored.id).base64, 'base64').equals(PDF)).toBe(true)

  // Tick an item by hand, with the keyboard.
  await page.getByRole('checkbox', { name: 'Relevant medical records' }).focus()
  await page.keyboard.press('Space')
  await expect(progress).toHaveText(`2 of ${total} received`)

  // The internal appeal letter, its needs-from-you list, and an edit.
  await page.getByLabel('Letter', { exact: true }).selectOption('internal_appeal')
  const editor = page.getByLabel('Letter text')
  await expect(editor).toHaveValue(new RegExp(`On behalf of ${patientName}`))
  const needs = page.getByTestId('needs-from-you')
  await expect(needs).toContainText('Needs from you')
  // The representative on file signs (issue 12); the organization's own facts are still needed.
  await expect(needs).toContainText('Your organization’s name (Settings)')
  const original = await editor.inputValue()
  const edited = original.replace('We ask for a full and fair review', 'We ask for a prompt, full and fair review')
  expect(edited).not.toBe(original)
  await editor.fill(edited)
  await page.getByRole('button', { name: 'Save this version' }).click()
  await expect(page.getByTestId('announcer')).toHaveText('Letter saved as this case’s version.')

  // Export: placeholders remain, so it asks first; the download is ONE ZIP: the .docx and exhibits/.
  await page.getByRole('button', { name: 'Export DOCX packet' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export with missing facts?' })
  await expect(dialog).toBeVisible()
  const downloadPromise = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export anyway' }).click()
  const download = await downloadPromise
  expect(download.suggestedFilename()).toMatch(/Internal appeal - \d{4}-\d{2}-\d{2}\.zip$/)
  const packet = await JSZip.loadAsync(readFileSync((await download.path())!))
  const names = Object.keys(packet.files).filter((n) => !packet.files[n].dir)
  const docxName = names.find((n) => /Internal appeal - \d{4}-\d{2}-\d{2}\.docx$/.test(n))!
  expect(docxName).toBeDefined()
  const exhibitName = names.find((n) => /^exhibits\/Exhibit-01-.*\.pdf$/.test(n))!
  expect(exhibitName).toBe('exhibits/Exhibit-01-denial-notice.pdf')
  // The exhibit is the decrypted original.
  expect((await packet.file(exhibitName)!.async('nodebuffer')).equals(PDF)).toBe(true)
  const zip = await JSZip.loadAsync(await packet.file(docxName)!.async('nodebuffer'))
  const text = [...(await zip.file('word/document.xml')!.async('string')).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
  expect(text).toContain('FAX COVER SHEET')
  expect(text).toContain('We ask for a prompt, full and fair review')
  expect(text).toContain(patientName)
  expect(text).toContain('EXHIBIT INDEX')
  // The index and slip sheet name the exhibit as the evidence checklist does, then the advocate's label.
  expect(text).toContain('Exhibit 1 — The denial notice (denial-notice)')
  // The fax-ready PDF sits beside the DOCX.
  expect(names.some((n) => n.endsWith(' - fax.pdf'))).toBe(true)

  // The export is recorded on the case; marking it sent (keyboard only) files the appeal.
  const exportsList = page.getByTestId('packet-exports')
  await expect(exportsList.getByTestId('packet-export')).toHaveCount(1)
  await expect(exportsList.getByTestId('packet-export').first()).toContainText('Internal appeal')
  await expect(exportsList).toContainText('your edited version')
  const [record] = app.core.documents.packetExports(caseId)
  expect(record.zipSha256).toBe(createHash('sha256').update(readFileSync((await download.path())!)).digest('hex'))
  await exportsList.getByRole('button', { name: /Mark the export of .* as sent/ }).focus()
  await page.keyboard.press('Enter')
  const sentOn = exportsList.getByLabel('Sent on')
  await expect(sentOn).toBeFocused()
  await exportsList.getByLabel('How it was sent').selectOption('fax')
  await exportsList.getByLabel(/Fax confirmation/).selectOption({ index: 1 })
  await exportsList.getByRole('button', { name: 'Record as sent' }).click()
  await expect(page.getByTestId('announcer')).toHaveText('Recorded as sent. The payer’s decision date is in the deadlines panel.')
  await expect(exportsList.getByTestId('export-sent')).toContainText('by fax')
  await expect(exportsList.getByTestId('export-sent')).toContainText('Confirmation: exhibit 1')

  const filed = app.core.cases.get(caseId)
  expect(filed.appealFiledOn).not.toBeNull()
  const decision = filed.deadlineReport.deadlines.find((d) => d.side === 'payer' && d.key.startsWith('decide_'))!
  expect(decision).toBeDefined()
  const shown = new Date(`${decision.dueDate}T12:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'full', timeZone: 'UTC' })
  const deadlines = page.getByTestId('deadlines')
  await expect(deadlines.locator('li', { hasText: 'Decision due' }).first()).toContainText(shown)
})

test('board cards show evidence received out of the checklist total, as text and as a labelled bar', async ({ page, app }) => {
  const ids = (app.core.db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: number }[]).map((r) => r.id)
  const caseId = ids.find((id) => app.core.cases.get(id).denials.length > 0)!
  const noDenial = ids.find((id) => app.core.cases.get(id).denials.length === 0)!
  app.core.documents.setEvidence({ caseId, itemId: 'denial_notice', status: 'received' })
  const { received, total } = app.core.documents.checklist(caseId)
  expect(received).toBe(1)

  // Arranged through the core behind the open board, so load the board again.
  await page.reload()
  const card = page.locator(`[data-testid="board-card"][data-case-id="${caseId}"]`)
  const evidence = card.getByTestId('card-evidence')
  await expect(evidence).toContainText(`Evidence: 1 / ${total}`)
  await expect(evidence.getByRole('progressbar', { name: `Evidence received: 1 of ${total}` })).toBeVisible()
  await expect(page.locator(`[data-testid="board-card"][data-case-id="${noDenial}"]`).getByTestId('card-evidence')).toHaveCount(0)
})
