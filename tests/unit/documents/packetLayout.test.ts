import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { exhibitFileName, exhibitPages, pdfPageCount } from '../../../electron/core/documents/exhibitFiles'
import type { DenialReason, PlanFamily, TherapyCategory } from '../../../shared/domain/enums'
import { sampleCase } from '../core/testCore'
import { base64, docxOfExport, docxParagraphs, pdfBytes, pdfWithPages, pngBytes, setupCaseCore } from './documentFixtures'

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

async function headerTexts(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx)
  const headers = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n))
  const xml = (await Promise.all(headers.map((n) => zip.file(n)!.async('string')))).join('')
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

describe('page counts and exhibit file names', () => {
  it('counts PDF page objects (not the page tree), images as one page, Word files as unknown', () => {
    expect(pdfPageCount(pdfWithPages(3))).toBe(3)
    expect(pdfPageCount(pdfBytes())).toBeNull()
    expect(pdfPageCount(Buffer.from('%PDF-1.5\n<< /Type /Pages /Count 12 /Kids [] >>'))).toBe(12)
    expect(exhibitPages('png', pngBytes())).toBe(1)
    expect(exhibitPages('jpeg', Buffer.from([0xff, 0xd8, 0xff]))).toBe(1)
    expect(exhibitPages('docx', Buffer.from('PK'))).toBeNull()
  })

  it('names exhibit files by number with a sanitized label', () => {
    expect(exhibitFileName(1, 'Denial notice', 'pdf')).toBe('Exhibit-01-Denial-notice.pdf')
    expect(exhibitFileName(12, '../../etc/passwd', 'png')).toBe('Exhibit-12-etc-passwd.png')
    expect(exhibitFileName(3, 'Núñez — résumé\u0000\n<>:"|?*', 'docx')).toBe('Exhibit-03-Nunez-resume.docx')
    expect(exhibitFileName(4, '😀 مرحبا', 'jpeg')).toBe('Exhibit-04-exhibit.jpg')
    expect(exhibitFileName(5, 'x'.repeat(500), 'pdf')).toHaveLength('Exhibit-05-.pdf'.length + 60)
  })
})

const SCENARIOS: { planFamily: PlanFamily; therapy: TherapyCategory; reasons: DenialReason[]; kind: string; claimNumber: string }[] = [
  { planFamily: 'employer_fully_insured', therapy: 'ivig_scig', reasons: ['not_medically_necessary'], kind: 'internal_appeal', claimNumber: 'CLM-77' },
  { planFamily: 'medicare_part_b', therapy: 'tpn', reasons: ['missing_documentation', 'coding_billing'], kind: 'medicare_redetermination', claimNumber: 'MBI-CLAIM-9' },
  { planFamily: 'medicare_advantage', therapy: 'iv_anti_infective', reasons: ['site_of_care'], kind: 'ma_reconsideration', claimNumber: '' },
  { planFamily: 'medicaid_ffs', therapy: 'infused_biologic', reasons: ['step_therapy', 'experimental'], kind: 'medicaid_fair_hearing', claimNumber: 'MCD-1' },
]

describe('the packet layout across reasons, therapies and plan families', () => {
  for (const s of SCENARIOS) {
    it(`${s.planFamily} · ${s.therapy} · ${s.reasons.join('+')}: cover sheet, letter, index, slip sheets, header`, async () => {
      const { core, caseId } = setup({
        coverage: { payer: 'Plan X', planFamily: s.planFamily, memberId: 'MEM-42', groupNumber: '', state: 'IL' },
        therapy: { category: s.therapy, drug: 'Drug Y', hcpcsCode: '', icd10Codes: ['D80.1'], prescriber: 'Dr. P', infusionProvider: 'Home Co' },
        denial: { noticeDate: '2026-11-18', reasons: s.reasons, amount: 10, ...(s.claimNumber ? { claimNumber: s.claimNumber } : { priorAuthNumber: 'PA-555' }) },
      })
      const kind = core.documents.letterOptions(caseId).find((o) => o.kind === s.kind)?.kind
      expect(kind, `${s.kind} offered`).toBeDefined()
      core.documents.upload({ caseId, fileName: 'notice.pdf', label: 'Denial notice', base64: base64(pdfWithPages(2, s.kind)) })
      core.documents.upload({ caseId, fileName: 'photo.png', label: 'Pump photo', base64: base64(pngBytes()) })
      const file = await core.documents.buildPacket({ caseId, kind: kind!, acceptPlaceholders: true })
      const { docx, names } = await docxOfExport(file)
      expect(names.filter((n) => n.startsWith('exhibits/'))).toEqual(['exhibits/Exhibit-01-Denial-notice.pdf', 'exhibits/Exhibit-02-Pump-photo.png'])
      const { xml, paragraphs } = await docxParagraphs(docx)
      const at = (text: string) => paragraphs.findIndex((p) => p.includes(text))
      const title = core.documents.letter(caseId, kind!).titleEn
      const order = [at('FAX COVER SHEET'), at('CONFIDENTIALITY NOTICE'), at('Cover letter'), paragraphs.indexOf(title), at('EXHIBIT INDEX'), at('Exhibit 1 — Denial notice'), at('Exhibit 2 — Pump photo')]
      expect(order.every((i) => i >= 0), JSON.stringify(order)).toBe(true)
      expect([...order].sort((a, b) => a - b)).toEqual(order)
      expect(paragraphs.some((p) => p.includes('in this document (including this sheet), plus 3 exhibit pages'))).toBe(true)
      // The index rows: number, description, date, pages.
      const index = paragraphs.slice(at('EXHIBIT INDEX') + 1, at('Exhibit 1 — Denial notice'))
      expect(index).toEqual(['Exhibit', 'Description', 'Date', 'Pages', '1', 'Denial notice', 'November 25, 2026', '2', '2', 'Pump photo', 'November 25, 2026', '1'])
      expect(paragraphs[at('Exhibit 1 — Denial notice') + 1]).toContain('Enclosed file: Exhibit-01-Denial-notice.pdf')
      // Slip sheets and the sections after the cover sheet start new pages.
      expect(xml.match(/<w:pageBreakBefore\/>/g)!.length).toBeGreaterThanOrEqual(5)
      expect(xml).toContain('<w:pgSz w:w="12240" w:h="15840"')
      const header = await headerTexts(docx)
      expect(header).toContain('Patient: José Núñez')
      expect(header).toContain('Member ID: MEM-42')
      expect(header).toContain(`Claim/authorization: ${s.claimNumber || 'PA-555'}`)
    })
  }

  it('counts Word exhibits as unknown on the cover sheet and "—" in the index', async () => {
    const { core, caseId } = setup()
    core.documents.upload({ caseId, fileName: 'lmn.docx', label: 'Letter of medical necessity', base64: base64(Buffer.from('PK\u0003\u0004 word/document.xml')) })
    const { docx } = await docxOfExport(await core.documents.buildPacket({ caseId, kind: 'internal_appeal', acceptPlaceholders: true }))
    const { paragraphs } = await docxParagraphs(docx)
    expect(paragraphs.some((p) => p.includes('plus 0 exhibit pages and Word exhibits'))).toBe(true)
    const i = paragraphs.indexOf('Letter of medical necessity')
    expect(paragraphs.slice(i, i + 3)).toEqual(['Letter of medical necessity', 'November 25, 2026', '—'])
  })
})

describe('recorded exports and marking one sent', () => {
  it('records each export with hashes and letter version; marking it sent files the appeal and shows the payer’s date', async () => {
    const { core, caseId } = setup()
    const dispatch = createDispatcher(core)
    core.documents.upload({ caseId, fileName: 'notice.pdf', label: 'Denial notice', base64: base64(pdfWithPages(1)) })
    const confirmation = core.documents.upload({ caseId, fileName: 'fax-ok.pdf', label: 'Fax confirmation', base64: base64(pdfWithPages(1, 'ok')) })
    const first = await core.documents.exportPacket({ caseId, kind: 'internal_appeal', acceptPlaceholders: true })
    const draft = core.documents.letter(caseId, 'internal_appeal')
    core.documents.saveLetter({ caseId, kind: 'internal_appeal', body: `${draft.body}\n\nP.S.` })
    await core.documents.exportPacket({ caseId, kind: 'internal_appeal', acceptPlaceholders: true })

    const listed = await dispatch('packets:exports', { caseId })
    if (!listed.ok) throw new Error(listed.error.message)
    const records = listed.data as Awaited<ReturnType<typeof core.documents.packetExports>>
    expect(records).toHaveLength(2)
    const older = records[1]
    const { createHash } = await import('node:crypto')
    const zipBytes = Buffer.from(first.base64, 'base64')
    expect(older).toMatchObject({ kind: 'internal_appeal', levelId: 'internal_1', letterVersion: 'template', sentOn: null, zipSha256: createHash('sha256').update(zipBytes).digest('hex') })
    expect(older.docxSha256).toBe(createHash('sha256').update((await docxOfExport(first)).docx).digest('hex'))
    expect(records[0].letterVersion).toMatch(/^edited:[0-9a-f]{64}$/)

    expect(core.cases.get(caseId).appealFiledOn).toBeNull()
    expect(await dispatch('packets:markSent', { exportId: older.id, sentOn: '2026-11-26', method: 'fax' })).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: { sentOn: 'documents.error.sentInFuture' } },
    })
    expect(await dispatch('packets:markSent', { exportId: older.id, sentOn: '2026-11-24', method: 'telepathy' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    const sent = await dispatch('packets:markSent', { exportId: older.id, sentOn: '2026-11-24', method: 'fax', confirmationAttachmentId: confirmation.id })
    if (!sent.ok) throw new Error(sent.error.message)
    expect((sent.data as typeof records)[1]).toMatchObject({ sentOn: '2026-11-24', sentMethod: 'fax', confirmationAttachmentId: confirmation.id })
    const detail = core.cases.get(caseId)
    expect(detail.appealFiledOn).toBe('2026-11-24')
    const payer = detail.deadlineReport.deadlines.find((d) => d.side === 'payer')
    expect(payer).toMatchObject({ key: 'decide_internal_1', dueDate: '2026-12-24' })
  })

  it('refuses a confirmation attached to another case and an unknown export; records plain .docx drafts too', async () => {
    const { core, caseId } = setup()
    const other = core.cases.create(sampleCase({ patient: { firstName: 'Ana', lastName: 'Other', dateOfBirth: null, phone: '', preferredLanguage: '' } }))
    const foreign = core.documents.upload({ caseId: other.id, fileName: 'x.pdf', label: '', base64: base64(pdfBytes('other')) })
    await core.documents.exportPacket({ caseId, kind: 'medical_necessity_letter', acceptPlaceholders: true })
    const [record] = core.documents.packetExports(caseId)
    expect(record).toMatchObject({ kind: 'medical_necessity_letter', zipSha256: null, fileName: expect.stringMatching(/\.docx$/) })
    expect(() => core.documents.markPacketSent({ exportId: record.id, sentOn: '2026-11-25', method: 'mail', confirmationAttachmentId: foreign.id })).toThrow('error.validation')
    expect(() => core.documents.markPacketSent({ exportId: 999, sentOn: '2026-11-25', method: 'mail' })).toThrow('documents.error.exportNotFound')
    // A letter-only draft is not the appeal's filing: the filing day stays as it was.
    core.documents.markPacketSent({ exportId: record.id, sentOn: '2026-11-25', method: 'mail' })
    expect(core.cases.get(caseId).appealFiledOn).toBeNull()
  })
})
