/**
 * OCR with tesseract.js 7 in its own worker thread, so the app stays responsive while a page is read.
 * The English data is loaded from the `@tesseract.js-data/eng` package in the app's files; the worker
 * script and the WebAssembly core are tesseract.js's local defaults. No option here names a URL, so
 * nothing is fetched from a network (without `langPath` tesseract.js would download from a CDN).
 */
import { createWorker, OEM, type Worker } from 'tesseract.js'
import type { IntakeWord } from '../../../shared/domain/intake'
import { englishDataPath, round4, type OcrImage } from './pageSources'

export interface OcrPage {
  words: IntakeWord[]
  width: number
  height: number
}

export class OcrCancelled extends Error {
  constructor() {
    super('OCR cancelled')
    this.name = 'OcrCancelled'
  }
}

interface TesseractWord {
  text: string
  confidence: number
  bbox: { x0: number; y0: number; x1: number; y1: number }
}

/** One tesseract worker, started on first use and kept for the next page; cancel ends it. */
export function createOcrEngine() {
  let worker: Promise<Worker> | null = null
  let onProgress: ((fraction: number) => void) | null = null

  const start = () =>
    createWorker('eng', OEM.LSTM_ONLY, {
      langPath: englishDataPath(),
      gzip: true,
      // 'none': do not copy the language data into the working folder (tesseract.js caches by default).
      cacheMethod: 'none',
      logger: (message: { status: string; progress: number }) => {
        if (message.status === 'recognizing text') onProgress?.(message.progress)
      },
      errorHandler: () => {},
    })

  return {
    /** Recognizes one page image (PNG or JPEG bytes); `page` is the page index stored on each word. */
    async recognize(image: OcrImage, page: number, progress: (fraction: number) => void): Promise<OcrPage> {
      worker ??= start()
      const current = await worker
      onProgress = progress
      try {
        const { data } = await current.recognize(image.png, {}, { blocks: true })
        const { width, height } = image
        const words: (TesseractWord & { line: number })[] = []
        let lineNumber = 0
        for (const block of data.blocks ?? []) {
          for (const paragraph of block.paragraphs) {
            for (const line of paragraph.lines) {
              words.push(...line.words.map((w) => ({ ...w, line: lineNumber })))
              lineNumber += 1
            }
          }
        }
        return {
          width,
          height,
          words: words
            .filter((w) => w.text.trim())
            .map((w) => ({
              text: w.text.trim(),
              page,
              box: { x0: round4(w.bbox.x0 / width), y0: round4(w.bbox.y0 / height), x1: round4(w.bbox.x1 / width), y1: round4(w.bbox.y1 / height) },
              confidence: Math.max(0, Math.min(1, w.confidence / 100)),
              line: w.line,
            })),
        }
      } finally {
        onProgress = null
      }
    },
    /** Stops a recognition in progress: tesseract.js can only be interrupted by ending its worker. */
    async cancel() {
      const current = worker
      worker = null
      if (current) await (await current).terminate()
    },
    async close() {
      await this.cancel()
    },
  }
}
export type OcrEngine = ReturnType<typeof createOcrEngine>
