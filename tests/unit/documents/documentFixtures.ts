import JSZip from 'jszip'
import { makeCore, sampleCase } from '../core/testCore'

/** A real core with one case; `pdf()` makes a small valid-looking PDF with distinct content. */
export function setupCaseCore(overrides: Parameters<typeof sampleCase>[0] = {}) {
  const made = makeCore()
  const detail = made.core.cases.create(sampleCase(overrides))
  return { ...made, caseId: detail.id, detail }
}

export function pdfBytes(text = 'exhibit'): Buffer {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`)
}

export const pngBytes = () =>
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c5a9a90000000049454e44ae426082', 'hex')

export const base64 = (bytes: Buffer) => bytes.toString('base64')

/** A PDF with `pages` page objects, for page counting. */
export function pdfWithPages(pages: number, text = 'paged'): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ')
  const objects = Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj`).join('\n')
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [${kids}] /Count ${pages} >> endobj\n${objects}\ntrailer << /Root 1 0 R >>\n%%EOF\n`)
}

/** The .docx of an export: the file itself, or the one .docx inside a packet ZIP (with the ZIP's names). */
export async function docxOfExport(file: { fileName: string; base64: string }): Promise<{ docx: Buffer; names: string[] }> {
  const bytes = Buffer.from(file.base64, 'base64')
  if (!file.fileName.endsWith('.zip')) return { docx: bytes, names: [] }
  const zip = await JSZip.loadAsync(bytes)
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir)
  const docxName = names.find((n) => n.endsWith('.docx') && !n.startsWith('exhibits/'))!
  return { docx: await zip.file(docxName)!.async('nodebuffer'), names }
}

/** Paragraph texts of word/document.xml, in order. */
export async function docxParagraphs(buffer: Buffer): Promise<{ xml: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(buffer)
  const xml = await zip.file('word/document.xml')!.async('string')
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  )
  return { xml, paragraphs }
}
