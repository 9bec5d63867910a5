import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { detectAttachmentKind } from '../../../electron/core/documents/attachmentStore'
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/documents'
import { base64, docxOfExport, docxParagraphs, pdfBytes, pngBytes, setupCaseCore } from './documentFixtures'

let dispose: (() => void) | null = null
afterEach(() => {
  dispose?.()
  dispose = null
})
function setup(...args: Parameters<typeof setupCaseCore>) {
  const made = setupCaseCore(...args)
  dispose = made.dispose
  return made
}

describe('attachments', () => {
  it('detects PDF, PNG, JPEG and DOCX by their bytes and rejects anything else', () => {
    expect(detectAttachmentKind(pdfBytes())).toBe('pdf')
    expect(detectAttachmentKind(pngBytes())).toBe('png')
    expect(detectAttachmentKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('jpeg')
    expect(detectAttachmentKind(Buffer.from('PK\u0003\u0004....word/document.xml'))).toBe('docx')
    expect(detectAttachmentKind(Buffer.from('PK\u0003\u0004....xl/workbook.xml'))).toBeNull()
    expect(detectAttachmentKind(Buffer.from('MZ executable'))).toBeNull()
  })

  it('stores files by hash inside the data folder, numbers exhibits, reorders and removes them', () => {
    const { core, caseId, dir } = setup()
    const a = core.documents.upload({ caseId, fileName: 'Denial letter.pdf', label: '', base64: base64(pdfBytes('a')) })
    const b = core.documents.upload({ caseId, fileName: 'scan.png', label: 'Infusion log', base64: base64(pngBytes()) })
    expect(a).toMatchObject({ label: 'Denial letter', exhibitNumber: 1, kind: 'pdf', mime: 'application/pdf', originalName: 'Denial letter.pdf' })
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(b.exhibitNumber).toBe(2)
    expect(readdirSync(join(dir, 'attachments', String(caseId))).sort()).toEqual([`${a.sha256}.pdf`, `${b.sha256}.png`].sort())

    expect(core.documents.reorder({ caseId, attachmentIds: [b.id, a.id] }).map((x) => [x.id, x.exhibitNumber])).toEqual([[b.id, 1], [a.id, 2]])
    expect(() => core.documents.reorder({ caseId, attachmentIds: [b.id] })).toThrow()
    expect(Buffer.from(core.documents.openAttachment(a.id).base64, 'base64').equals(pdfBytes('a'))).toBe(true)

    expect(core.documents.removeAttachment(b.id).map((x) => [x.id, x.exhibitNumber])).toEqual([[a.id, 1]])
    expect(existsSync(join(dir, 'attachments', String(caseId), `${b.sha256}.png`))).toBe(false)
  })

  it('refuses other file types, duplicates and files over 25 MB with a clear message', async () => {
    const { core, caseId } = setup()
    expect(() => core.documents.upload({ caseId, fileName: 'x.exe', label: '', base64: base64(Buffer.from('MZ')) })).toThrow('documents.error.fileType')
    core.documents.upload({ caseId, fileName: 'a.pdf', label: '', base64: base64(pdfBytes()) })
    expect(() => core.documents.upload({ caseId, fileName: 'again.pdf', label: '', base64: base64(pdfBytes()) })).toThrow('already attached as exhibit 1')
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(MAX_ATTACHMENT_BYTES)])
    expect(() => core.documents.upload({ caseId, fileName: 'big.pdf', label: '', base64: base64(big) })).toThrow('documents.error.fileTooLarge')
    const dispatch = createDispatcher(core)
    expect(await dispatch('documents:upload', { caseId, fileName: 'x.exe', label: '', base64: base64(Buffer.from('MZ')) })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { file: 'documents.error.fileType' } },
    })
  })
})

describe('the DOCX packet', () => {
  it('holds the fax cover sheet, cover letter, the (edited) appeal letter, the exhibit index and slip sheets in order, on US Letter pages', async () => {
    const { core, caseId } = setup()
    core.documents.upload({ caseId, fileName: 'denial.pdf', label: 'Denial notice', base64: base64(pdfBytes('1')) })
    core.documents.upload({ caseId, fileName: 'labs.png', label: 'IgG levels', base64: base64(pngBytes()) })
    const draft = core.documents.letter(caseId, 'internal_appeal')
    core.documents.saveLetter({ caseId, kind: 'internal_appeal', body: draft.body.replace('Dear Appeals Reviewer,', 'Dear Appeals Reviewer,\n\nThe patient had two serious infections this year.') })
    const file = await core.documents.buildPacket({ caseId, kind: 'internal_appeal', acceptPlaceholders: true })
    expect(file.fileName).toBe('Núñez José - Internal appeal - 2026-11-25.zip')
    const { docx, names } = await docxOfExport(file)
    expect(names).toEqual(['Núñez José - Internal appeal - 2026-11-25.docx', 'Núñez José - Internal appeal - 2026-11-25 - fax.pdf', 'exhibits/Exhibit-01-Denial-notice.pdf', 'exhibits/Exhibit-02-IgG-levels.png'])
    const { xml, paragraphs } = await docxParagraphs(docx)
    const at = (text: string) => paragraphs.findIndex((p) => p.includes(text))
    expect(at('FAX COVER SHEET')).toBe(0)
    expect(at('Cover letter')).toBeGreaterThan(at('CONFIDENTIALITY NOTICE'))
    expect(at('Enclosed please find our request for internal appeal on behalf of José Núñez, an exhibit index and the two exhibits it lists.')).toBeGreaterThan(0)
    expect(at('The patient had two serious infections this year.')).toBeGreaterThan(at('Enclosed please find'))
    expect(at('EXHIBIT INDEX')).toBeGreaterThan(at('The patient had two serious infections'))
    expect(at('Exhibit 1 — Denial notice')).toBeGreaterThan(at('EXHIBIT INDEX'))
    expect(at('Exhibit 2 — IgG levels')).toBeGreaterThan(at('Exhibit 1 — Denial notice'))
    expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840"')
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/)
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/)
    expect(xml).toContain('w:val="yellow"')
    const zip = await JSZip.loadAsync(docx)
    const footers = await Promise.all(Object.keys(zip.files).filter((n) => /footer\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')))
    expect(footers.join('')).toContain('PAGE')
    expect(footers.join('')).toContain('NUMPAGES')
  })

  it('refuses to export with placeholders unless confirmed, listing the missing facts, then answers with the file', async () => {
    const { core, caseId } = setup()
    const dispatch = createDispatcher(core)
    const missing = core.documents.letter(caseId, 'internal_appeal').missing.map((m) => m.label)
    expect(missing.length).toBeGreaterThan(0)
    const refused = await dispatch('packets:export', { caseId, kind: 'internal_appeal' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: 'documents.error.placeholdersRemain' } })
    expect(refused.ok ? null : refused.error.fields).toEqual(Object.fromEntries(missing.map((label, i) => [`missing.${i}`, label])))

    const exported = await dispatch('packets:export', { caseId, kind: 'internal_appeal', acceptPlaceholders: true })
    if (!exported.ok) throw new Error(exported.error.message)
    const file = exported.data as { fileName: string; base64: string }
    expect(file.fileName).toBe('Núñez José - Internal appeal - 2026-11-25.zip')
    const { paragraphs } = await docxParagraphs((await docxOfExport(file)).docx)
    expect(paragraphs.join('\n')).toContain('José Núñez')
  })

  it('still asks when only the cover letter lacks facts, and exports a non-packet letter with none missing without asking', async () => {
    const { core, caseId } = setup()
    const dispatch = createDispatcher(core)
    const draft = core.documents.letter(caseId, 'internal_appeal')
    core.documents.saveLetter({ caseId, kind: 'internal_appeal', body: draft.body.replace(/\[\[([^\]]*)\]\]/g, 'known') })
    core.documents.saveOrganization({ name: 'Org', letterhead: '', addressLines: ['1 Main St'], phone: '555', fax: '556', email: 'a@example.org', signerName: 'Sam Signer', signerTitle: 'Advocate' })
    const left = core.documents.letter(caseId, 'internal_appeal').missing.map((m) => m.label)
    expect(left).toContain('Mailing address or fax number for appeals, from the denial notice')
    expect(await dispatch('packets:export', { caseId, kind: 'internal_appeal' })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'documents.error.placeholdersRemain', fields: Object.fromEntries(left.map((label, i) => [`missing.${i}`, label])) },
    })

    const statement = core.documents.letter(caseId, 'medical_necessity_letter')
    core.documents.saveLetter({ caseId, kind: 'medical_necessity_letter', body: statement.body.replace(/\[\[([^\]]*)\]\]/g, 'known') })
    expect(core.documents.letter(caseId, 'medical_necessity_letter').missing).toEqual([])
    expect(await dispatch('packets:export', { caseId, kind: 'medical_necessity_letter' })).toMatchObject({ ok: true, data: { fileName: expect.stringMatching(/\.docx$/) } })
  })

  it('gives drafts for others to sign without cover letter or exhibits', async () => {
    const { core, caseId } = setup()
    const file = await core.documents.buildPacket({ caseId, kind: 'medical_necessity_letter', acceptPlaceholders: true })
    const { paragraphs } = await docxParagraphs(Buffer.from(file.base64, 'base64'))
    expect(paragraphs[0]).toBe('Letter of medical necessity (draft for the prescriber)')
    expect(file.fileName).toMatch(/\.docx$/)
    expect(paragraphs.some((p) => p.includes('EXHIBIT INDEX') || p.includes('FAX COVER SHEET'))).toBe(false)
  })
})
