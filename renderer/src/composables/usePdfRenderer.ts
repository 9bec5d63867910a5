import type { PDFDocumentProxy } from 'pdfjs-dist'
// The worker is bundled by Vite from node_modules and served from our own origin: never a CDN
// (CSP `script-src 'self'` covers workers, and the app makes no network requests).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

/** Long exhibits show their first pages; the rest is a download away (memory stays bounded). */
export const MAX_PREVIEW_PAGES = 50

export type PdfHandle = PDFDocumentProxy & { destroy(): Promise<void> }

/** pdf.js is loaded on first use only, so the start-up bundle does not carry it. */
async function pdfjs() {
  const lib = await import('pdfjs-dist')
  lib.GlobalWorkerOptions.workerSrc = workerUrl
  return lib
}

/**
 * Opens a PDF from memory. No URLs are given for fonts, character maps or decoders, so pdf.js never
 * fetches anything.
 */
export async function loadPdf(bytes: Uint8Array<ArrayBuffer>): Promise<PdfHandle> {
  const lib = await pdfjs()
  // pdf.js 6 evaluates no code from the file (no `isEvalSupported` switch any more) and is closed through its loading task.
  const task = lib.getDocument({ data: bytes, enableXfa: false, useSystemFonts: true })
  const doc = await task.promise
  return Object.assign(doc, { destroy: () => task.destroy() })
}

/** Draws one page into `container` (a canvas, then pdf.js's text layer) at about `width` CSS pixels. */
export async function renderPdfPage(pdf: PdfHandle, pageNumber: number, container: HTMLElement, width: number): Promise<void> {
  const lib = await pdfjs()
  const page = await pdf.getPage(pageNumber)
  const base = page.getViewport({ scale: 1 })
  const viewport = page.getViewport({ scale: Math.max(0.5, width / base.width) })
  const ratio = window.devicePixelRatio || 1
  const canvas = document.createElement('canvas')
  canvas.width = Math.floor(viewport.width * ratio)
  canvas.height = Math.floor(viewport.height * ratio)
  canvas.style.width = `${Math.floor(viewport.width)}px`
  canvas.style.height = `${Math.floor(viewport.height)}px`
  canvas.setAttribute('aria-hidden', 'true')
  container.style.width = canvas.style.width
  container.style.height = canvas.style.height
  container.replaceChildren(canvas)
  await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise
  const textLayer = document.createElement('div')
  textLayer.className = 'textLayer'
  // pdf.js sizes its text spans from this variable.
  textLayer.style.setProperty('--scale-factor', String(viewport.scale))
  textLayer.style.setProperty('--total-scale-factor', String(viewport.scale))
  container.append(textLayer)
  await new lib.TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport }).render()
  page.cleanup()
}
