import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { INTAKE_MAX_PAGES } from '../../../shared/domain/intake'
import { createOcrEngine } from '../../../electron/core/intake/ocrEngine'
import { readLetter } from '../../../electron/core/intake/readLetter'
import { englishDataPath } from '../../../electron/core/intake/pageSources'
import { CORPUS_LETTERS } from '../../../scripts/intake/corpusLetters'
import { letterPdf } from '../../../scripts/intake/makeCorpus'

const ocr = createOcrEngine()
afterAll(() => ocr.close())
const read = (bytes: Uint8Array, name = 'letter.pdf') => readLetter(bytes, name, { today: '2027-07-01', ocr })

async function textPdf(lines: string[], pages = 1) {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let p = 0; p < pages; p++) {
    const page = doc.addPage([612, 792])
    lines.forEach((line, i) => page.drawText(line, { x: 72, y: 720 - i * 16, size: 11, font }))
  }
  return doc
}

describe('reading a dropped file', () => {
  it('reads a text PDF from its text layer, each field with its source words on the page', async () => {
    const letter = CORPUS_LETTERS[0]
    const { result } = await read(await letterPdf(letter))
    expect(result.kind).toBe('pdf')
    expect(result.pages).toEqual([expect.objectContaining({ index: 0, method: 'text', confidence: 1 })])
    const hcpcs = result.fields.find((f) => f.key === 'hcpcsCode')!
    expect(hcpcs).toMatchObject({ value: 'J1569', confidence: 1, needsReview: false })
    expect(hcpcs.source?.text).toBe('J1569')
    const [box] = hcpcs.source!.boxes
    // On the page, below the letterhead and inside the margins.
    expect(box.x0).toBeGreaterThan(0.1)
    expect(box.x1).toBeLessThan(0.6)
    expect(box.y0).toBeGreaterThan(0.2)
    expect(box.y1).toBeLessThan(0.5)
  })

  it('refuses a password-protected PDF with a clear message', async () => {
    const doc = await textPdf(['Notice of denial'])
    doc.encrypt({ userPassword: 'secret', ownerPassword: 'owner' })
    await expect(read(await doc.save())).rejects.toThrow('reader.error.password')
  })

  it('refuses a damaged PDF, a file that is not a PDF or image, an empty file', async () => {
    const good = await (await textPdf(['Notice of denial'])).save()
    await expect(read(good.slice(0, 400))).rejects.toThrow('reader.error.damaged')
    await expect(read(new TextEncoder().encode('PK\u0003\u0004 a zip file'))).rejects.toThrow('reader.error.unsupported')
    await expect(read(new Uint8Array())).rejects.toThrow('reader.error.empty')
  })

  it(`refuses more than ${INTAKE_MAX_PAGES} pages`, async () => {
    const doc = await textPdf(['Page of something long enough to be text on a page'], INTAKE_MAX_PAGES + 1)
    await expect(read(await doc.save())).rejects.toThrow('reader.error.tooManyPages')
  })

  it('says a PDF that is not a denial letter is not one', async () => {
    const doc = await textPdf(['Grandmother’s apple cake', 'Mix flour, butter and sugar; add four apples.', 'Bake for forty minutes at 350 degrees until golden.'])
    await expect(read(await doc.save())).rejects.toThrow('reader.error.notLetter')
  })
})

describe('OCR stays offline', () => {
  it('loads the English data from the app’s own files and names no URL for the worker or core', () => {
    const data = englishDataPath()
    expect(data).toContain(join('node_modules', '@tesseract.js-data', 'eng'))
    expect(existsSync(join(data, 'eng.traineddata.gz'))).toBe(true)
    const engine = readFileSync('electron/core/intake/ocrEngine.ts', 'utf8')
    expect(engine).not.toMatch(/https?:\/\//)
    expect(engine).not.toMatch(/workerPath|corePath/)
    expect(engine).toMatch(/langPath: englishDataPath\(\)/)
  })
})
