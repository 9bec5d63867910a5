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
