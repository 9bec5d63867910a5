/**
 * Reads a denial letter page by page (text layer where there is one, OCR where not) and extracts its
 * fields. Shared by the app's intake jobs, the `read-denial` command and the corpus test.
 */
import { extractFields, looksLikeDenialLetter } from '../../../shared/intake/extractFields'
import type { IntakePageImage, IntakePageInfo, IntakeResult, IntakeWord } from '../../../shared/domain/intake'
import { AppError } from '../errors'
import { OcrCancelled, type OcrEngine } from './ocrEngine'
import { openDocument } from './pageSources'

export interface ReadHooks {
  today: string
  ocr: OcrEngine
  /** Called when a page starts, progresses (OCR) and ends. */
  onPage?: (index: number, update: { state: 'reading' | 'done'; method: 'text' | 'ocr'; progress: number }) => void
  /** Called once the page count is known. */
  onOpened?: (pageCount: number) => void
  isCancelled?: () => boolean
  /** Also render each page for display (the app shows the source words on it). */
  withViews?: boolean
}

export interface ReadOutcome {
  result: IntakeResult
  views: IntakePageImage[]
  words: IntakeWord[]
}

export async function readLetter(bytes: Uint8Array, fileName: string, hooks: ReadHooks): Promise<ReadOutcome> {
  const doc = await openDocument(bytes)
  hooks.onOpened?.(doc.pages.length)
  const words: IntakeWord[] = []
  const pages: IntakePageInfo[] = []
  const views: IntakePageImage[] = []
  try {
    for (const page of doc.pages) {
      if (hooks.isCancelled?.()) throw new OcrCancelled()
      let pageWords = await page.textWords()
      const method = pageWords ? 'text' : 'ocr'
      hooks.onPage?.(page.index, { state: 'reading', method, progress: 0 })
      let size = await page.size()
      if (!pageWords) {
        const image = await page.ocrImage()
        const read = await hooks.ocr.recognize(image, page.index, (progress) => hooks.onPage?.(page.index, { state: 'reading', method, progress }))
        pageWords = read.words
        size = { width: read.width, height: read.height }
      }
      if (hooks.withViews) {
        const view = await page.viewImage()
        views.push({ base64: view.jpeg.toString('base64'), width: view.width, height: view.height })
        size = { width: view.width, height: view.height }
      }
      words.push(...pageWords)
      const confidence = pageWords.length ? pageWords.reduce((s, w) => s + w.confidence, 0) / pageWords.length : 0
      pages.push({ index: page.index, ...size, method, confidence: Math.round(confidence * 100) / 100 })
      hooks.onPage?.(page.index, { state: 'done', method, progress: 1 })
    }
  } finally {
    await doc.close()
  }
  const fields = extractFields(words, hooks.today)
  if (!looksLikeDenialLetter(words, fields)) throw new AppError('validation', 'reader.error.notLetter')
  return { result: { fileName, kind: doc.kind, pages, fields }, views, words }
}
