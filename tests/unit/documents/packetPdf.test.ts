import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib'
import JSZip from 'jszip'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { LETTER_KINDS } from '../../../shared/domain/documents'
import type { PlanFamily } from '../../../shared/domain/enums'
import { letterKindRule } from '../../../shared/rules/letters/kinds'
import { buildPacketPdf, winAnsi } from '../../../electron/core/documents/packetPdf'
import { buildPacketModel, EMPTY_ORGANIZATION } from '../../../electron/core/documents/letterModel'
import { makeCore, sampleCase } from '../core/testCore'
import { base64, docxOfExport, docxParagraphs, pngBytes } from './documentFixtures'

// The fax-ready PDF packet (issue 14, item 6): one model, two layouts; exhibits merged; pages counted right.

const hasPoppler = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0
if (!hasPoppler && !process.env.CI) console.warn('[packetPdf.test] SKIPPED: poppler-utils (pdfinfo, pdftotext) not found.')

const out = mkdtempSync(join(tmpdir(), 'overturn-pdf-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))
let dispose: (() => void) | null = null
afterEach(() => {
  dispose?.()
  dispose = null
})

/** A real three-page PDF whose pages say which page they are. */
async function realPdf(pages: number, tag: string): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= pages; i++) doc.addPage([612, 792]).drawText(`${tag} page ${i}`, { x: 72, y: 700, size: 14, font })
  return Buffer.from(await doc.save())
}

async function fileFrom(zipBase64: string, suffix: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(Buffer.from(zipBase64, 'base64'))
  const name = Object.keys(zip.files).find((n) => n.endsWith(suffix))!
  return zip.file(name)!.async('nodebuffer')
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-']).toString()
const pdfPages = (path: string) => Number(execFileSync('pdfinfo', [path]).toString().match(/Pages:\s+(\d+)/)![1])

function setup(planFamily: PlanFamily = 'employer_fully_insured') {
  const made = makeCore()
  dispose = made.dispose
  made.core.documents.saveOrganization({ name: 'Riverside Patient Advocates', letterhead: '', addressLines: ['1 Main St'], phone: '217-555-0100', fax: '217-555-0101', email: '', signerName: 'Dana Lee', signerTitle: 'Patient Advocate' })
  const detail = made.core.cases.create(
    sampleCase({
      coverage: { payer: 'Lakeshore Health', planFamily, memberId: 'LBX123', groupNumber: 'G-1', state: 'IL' },
      therapy: { category: 'ivig_scig', drug: 'Gammagard Liquid', hcpcsCode: 'J1569', icd10Codes: ['D83.9'], prescriber: 'Dr. Ama Osei', infusionProvider: 'Riverbend Home Infusion' },
      denial: { noticeDate: '2026-11-18', receivedDate: '2026-11-21', reasons: ['site_of_care'], amount: 900, claimNumber: 'CLM-77' },
    }),
  )
  return { core: made.core, caseId: detail.id }
}

describe.skipIf(!hasPoppler && !process.env.CI)('the fax-ready PDF packet', () => {
  it('merges fax cover, cover letter, letter, index, slip sheets and the exhibits, numbered, with the right total on the cover', async () => {
    const { core, caseId } = setup()
    core.documents.upload({ caseId, fileName: 'records.pdf', label: 'Clinic notes', evidenceItemId: 'medical_records', base64: base64(await realPdf(3, 'Records')) })
    core.documents.upload({ caseId, fileName: 'labs.png', label: 'IgG levels', base64: base64(pngBytes()) })
    const file = await core.documents.buildPacket({ caseId, kind: 'internal_appeal', acceptPlaceholders: true })
    const pdfPath = join(out, 'packet.pdf')
    writeFileSync(pdfPath, await fileFrom(file.base64, ' - fax.pdf'))
    const total = pdfPages(pdfPath)
    const text = pdfText(pdfPath)
    const pages = text.split('\f').filter((p) => p.trim())
    // Fax cover 1 + cover letter ≥1 + letter ≥1 + index 1 + 2 slip sheets + 3 + 1 exhibit pages.
    expect(total).toBeGreaterThanOrEqual(10)
    expect(pages.length).toBe(total)
    expect(pages[0]).toContain('FAX COVER SHEET')
    expect(pages[0]).toMatch(new RegExp(`${total} \\(including this cover sheet\\)`))
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${total}`))
    // The exhibits' own pages are in the fax, in order, after their slip sheets.
    const at = (needle: string) => pages.findIndex((p) => p.includes(needle))
    expect(at('EXHIBIT INDEX')).toBeGreaterThan(at('Home is the right and safe setting'))
    expect(at('Records page 1')).toBe(at('Exhibit 1') + 1)
    expect(at('Records page 3')).toBe(at('Records page 1') + 2)
    // The index names the exhibit as the evidence checklist does.
    expect(pages[at('EXHIBIT INDEX')]).toContain('Relevant medical records (Clinic notes)')
  })

  it('the merged page count equals the sum of its parts, and DOCX and PDF carry the same letter', async () => {
    const { core, caseId } = setup()
    const exhibits = [await realPdf(2, 'Denial'), pngBytes(), await realPdf(4, 'Records')]
    exhibits.forEach((bytes, i) => core.documents.upload({ caseId, fileName: `e${i}.${i === 1 ? 'png' : 'pdf'}`, label: `Exhibit file ${i + 1}`, base64: base64(bytes) }))
    const detail = core.cases.get(caseId)
    const model = buildPacketModel({
      kind: 'internal_appeal', detail, organization: EMPTY_ORGANIZATION, today: '2026-11-25',
      letterBody: core.documents.letter(caseId, 'internal_appeal').body, attachments: core.documents.listAttachments(caseId),
    })
    const built = await buildPacketPdf(model, core.documents.listAttachments(caseId).map((a, i) => ({ number: a.exhibitNumber, kind: a.kind, bytes: exhibits[i] })))
    const path = join(out, 'parts.pdf')
    writeFileSync(path, built.bytes)
    const sum = built.parts.reduce((n, p) => n + p.pages, 0)
    expect(pdfPages(path)).toBe(sum)
    expect(built.pageCount).toBe(sum)
    expect(Object.fromEntries(built.parts.map((p) => [p.name, p.pages]))).toMatchObject({
      'fax cover': 1, 'exhibit index': 1, 'slip sheet 1': 1, 'exhibit 1': 2, 'slip sheet 2': 1, 'exhibit 2': 1, 'slip sheet 3': 1, 'exhibit 3': 4,
    })
    // One model, two layouts: the letter's sentences appear in both.
    const file = await core.documents.buildPacket({ caseId, kind: 'internal_appeal', acceptPlaceholders: true })
    writeFileSync(join(out, 'both.pdf'), await fileFrom(file.base64, ' - fax.pdf'))
    const text = pdfText(join(out, 'both.pdf')).replace(/\s+/g, ' ')
    const { paragraphs } = await docxParagraphs((await docxOfExport(file)).docx)
    const shared = paragraphs.filter((p) => p.startsWith('Home is also the less costly setting') || p.startsWith('A site-of-care policy'))
    expect(shared.length).toBe(2)
    for (const sentence of shared) expect(text).toContain(sentence.slice(0, 60))
  })

  it.each(LETTER_KINDS.filter((k) => letterKindRule(k).isPacket))('%s: its PDF opens in poppler and states the diagnosis', async (kind) => {
    const family = kind.startsWith('medicare_') || kind === 'alj_hearing_request' || kind === 'council_review_request' ? 'medicare_part_b' : kind.startsWith('part_d') ? 'medicare_part_d' : kind === 'ma_reconsideration' ? 'medicare_advantage' : kind === 'medicaid_fair_hearing' ? 'medicaid_ffs' : kind === 'ebsa_complaint' || kind === 'external_review_request' || kind === 'expedited_external_review' ? 'employer_self_funded' : 'employer_fully_insured'
    const { core, caseId } = setup(family)
    const file = await core.documents.buildPacket({ caseId, kind, acceptPlaceholders: true })
    const path = join(out, `${kind}.pdf`)
    writeFileSync(path, await fileFrom(file.base64, ' - fax.pdf'))
    const text = pdfText(path)
    expect(text).toContain('D83.9 (Common variable immunodeficiency, unspecified)')
    expect(text).toContain(`Page 1 of ${pdfPages(path)}`)
  })

  it('prints characters the fax fonts lack as "?" instead of failing', () => {
    expect(winAnsi('José “Núñez” – שרה 👩')).toBe('José “Núñez” – ??? ?')
  })
})
