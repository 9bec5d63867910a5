import fc from 'fast-check'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { cleanDocText } from '../../../electron/core/documents/docText'
import { exhibitFileName } from '../../../electron/core/documents/exhibitFiles'
import { buildPacketDocx } from '../../../electron/core/documents/packetDocx'
import { EMPTY_ORGANIZATION, type PacketModel } from '../../../electron/core/documents/letterModel'
import { xmlProblems } from './xmlCheck'

// Every part of the packet carries the text: cover sheet, header, letters, index and slip sheets.
const model = (text: string): PacketModel => ({
  title: text,
  patientName: text,
  memberId: text,
  reference: text,
  organization: { ...EMPTY_ORGANIZATION, name: text, addressLines: [text], phone: text, fax: text, signerName: text },
  letterTitle: 'Internal appeal',
  faxCover: { to: [text, text], date: text, exhibitPages: 3, hasUncountedPages: true },
  coverLetter: text,
  letter: `${text}\n\n## ${text}\n\n- ${text}`,
  exhibits: [
    { number: 1, label: text, originalName: text, kind: 'pdf', sizeBytes: 10, addedOn: text, pages: 2 },
    { number: 2, label: text, originalName: text, kind: 'docx', sizeBytes: 10, addedOn: text, pages: null },
  ],
})

async function documentXml(text: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await buildPacketDocx(model(text)))
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml'))
  return Promise.all(names.map((n) => zip.file(n)!.async('string')))
}

describe('the document text sanitizer', () => {
  it('drops U+FFFE, U+FFFF, lone surrogates and C0 controls; keeps tabs, newlines and astral characters', () => {
    expect(cleanDocText('a\uFFFEb\uFFFFc')).toBe('abc')
    expect(cleanDocText('x\uD800y\uDC00z')).toBe('xyz')
    expect(cleanDocText('ok 😀 \u0007bell')).toBe('ok 😀 bell')
    expect(cleanDocText('line1\r\nline2\rline3\tend')).toBe('line1\nline2\nline3\tend')
  })

  it('writes newlines as breaks, not literal newlines in the text', async () => {
    const [xmlWithBreak] = (await documentXml('first line\nsecond line')).filter((x) => x.includes('first line'))
    expect(xmlWithBreak).toMatch(/first line<\/w:t><\/w:r><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:br\/><w:t[^>]*>second line/)
  })

  it('produces well-formed XML for arbitrary strings (property test)', async () => {
    // Arbitrary UTF-16 code units, so lone surrogates, U+FFFE/U+FFFF and controls all appear.
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
      fc.constantFrom('\uFFFE', '\uFFFF', '\uD800', '<w:t>&amp;</w:t>', ']]>', '[[x]]\n[[y', '&#0;', 'שלום עולם مرحبا\u202E', '👩🏽‍⚕️ 💉\r\nline', 'x'.repeat(5000)),
    )
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        for (const xml of await documentXml(value)) expect(xmlProblems(xml)).toEqual([])
        // The exhibit's file name beside the packet stays a plain, safe name.
        expect(exhibitFileName(1, value, 'pdf')).toMatch(/^Exhibit-01-[A-Za-z0-9-]{1,60}\.pdf$/)
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})
