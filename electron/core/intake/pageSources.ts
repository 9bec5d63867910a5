/**
 * Opens a dropped denial letter and hands out its pages: PDF pages with their text layer (pdfjs-dist's
 * legacy build, which runs in Node) or rendered to pixels for OCR (@napi-rs/canvas), TIFF pages decoded
 * with utif2, and PNG/JPEG images as they are. Everything stays in memory: no page or text is written to
 * a temporary file (patient data never reaches disk unencrypted).
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas'
import UTIF from 'utif2'
import { INTAKE_MAX_BYTES, INTAKE_MAX_PAGES, type IntakeFileKind, type IntakeWord } from '../../../shared/domain/intake'
import { AppError } from '../errors'

const require = createRequire(import.meta.url)

/** Resolution OCR reads a PDF page at: 300 dpi, a scanner's usual; higher only slows OCR down (STACK.md). */
const OCR_SCALE = 300 / 72
/** Width in pixels of the page image shown beside the fields. */
const VIEW_WIDTH = 1100

export interface PageSource {
  index: number
  /** Words of the text layer, when the PDF page has one; null means OCR is needed. */
  textWords(): Promise<IntakeWord[] | null>
  /** The page as image bytes for OCR. */
  ocrImage(): Promise<OcrImage>
  /** The page's own size: points for PDF pages, pixels for images. */
  size(): Promise<{ width: number; height: number }>
  /** A smaller JPEG to show beside the fields, with its size. */
  viewImage(): Promise<{ jpeg: Buffer; width: number; height: number }>
}

export interface OcrImage {
  /** Image bytes tesseract reads: PGM for rendered pages, the original PNG/JPEG for images. */
  png: Buffer
  width: number
  height: number
}

export interface OpenedDocument {
  kind: IntakeFileKind
  pages: PageSource[]
  close(): Promise<void>
}

/** Recognizes a file by its first bytes, never by its name. */
export function sniffKind(bytes: Uint8Array): IntakeFileKind | null {
  const head = Buffer.from(bytes.subarray(0, 8))
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return 'png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  const tiff = head.subarray(0, 4).toString('latin1')
  if (tiff === 'II*\u0000' || tiff === 'MM\u0000*') return 'tiff'
  return null
}

const tooManyPages = () => new AppError('validation', 'reader.error.tooManyPages')

export async function openDocument(bytes: Uint8Array): Promise<OpenedDocument> {
  if (bytes.byteLength === 0) throw new AppError('validation', 'reader.error.empty')
  if (bytes.byteLength > INTAKE_MAX_BYTES) throw new AppError('validation', 'reader.error.tooLarge')
  const kind = sniffKind(bytes)
  if (!kind) throw new AppError('validation', 'reader.error.unsupported')
  if (kind === 'pdf') return openPdf(bytes)
  if (kind === 'tiff') return openTiff(bytes)
  return openImage(bytes, kind)
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjsModule: Promise<PdfJs> | null = null
const pdfjs = () => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

async function openPdf(bytes: Uint8Array): Promise<OpenedDocument> {
  const lib = await pdfjs()
  const root = dirname(require.resolve('pdfjs-dist/package.json'))
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    // Fonts the PDF names but does not embed (Helvetica, Times) come from pdfjs's own files, offline.
    standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    cMapUrl: `${join(root, 'cmaps')}/`,
    cMapPacked: true,
    disableFontFace: true,
    verbosity: 0,
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (error) {
    const name = error instanceof Error ? error.name : ''
    if (name === 'PasswordException') throw new AppError('validation', 'reader.error.password')
    throw new AppError('validation', 'reader.error.damaged')
  }
  if (doc.numPages > INTAKE_MAX_PAGES) {
    await task.destroy()
    throw tooManyPages()
  }
  const render = async (index: number, width: number | null, scale: number) => {
    const page = await doc.getPage(index + 1)
    const base = page.getViewport({ scale: 1 })
    const viewport = page.getViewport({ scale: width ? width / base.width : scale })
    const canvas = createCanvas(Math.round(viewport.width), Math.round(viewport.height))
    const context = canvas.getContext('2d')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise
    return canvas
  }
  const pages: PageSource[] = Array.from({ length: doc.numPages }, (_, index) => ({
    index,
    async textWords() {
      const page = await doc.getPage(index + 1)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      const words: IntakeWord[] = []
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue
        const [, , , d, e, f] = item.transform as number[]
        const height = Math.abs(d) || item.height
        const [left, baseline] = viewport.convertToViewportPoint(e, f)
        splitIntoWords(item.str, left, baseline - height * 0.8, item.width, height, viewport.width, viewport.height, index, words)
      }
      const letters = words.reduce((n, w) => n + w.text.length, 0)
      // A page with only a few characters (a scanner's footer stamp) is read by OCR instead.
      return letters >= 40 ? words : null
    },
    async size() {
      const viewport = (await doc.getPage(index + 1)).getViewport({ scale: 1 })
      return { width: Math.round(viewport.width), height: Math.round(viewport.height) }
    },
    async ocrImage() {
      const canvas = await render(index, null, OCR_SCALE)
      return { png: toPgm(canvas), width: canvas.width, height: canvas.height }
    },
    async viewImage() {
      const canvas = await render(index, VIEW_WIDTH, 1)
      return { jpeg: await canvas.encode('jpeg', 82), width: canvas.width, height: canvas.height }
    },
  }))
  return { kind: 'pdf', pages, close: () => task.destroy() }
}

/**
 * The page as a greyscale PGM (netpbm) image for OCR: tesseract reads it directly, and writing it costs
 * nothing, where PNG-encoding a noisy 300 dpi scan took seconds per page.
 */
function toPgm(canvas: Canvas): Buffer {
  const { width, height } = canvas
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1')
  const out = Buffer.allocUnsafe(header.length + width * height)
  header.copy(out)
  for (let i = 0, o = header.length; i < rgba.length; i += 4, o++) out[o] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8
  return out
}

export const round4 = (v: number) => Math.round(v * 10_000) / 10_000

/** Splits one text run into words, sharing its width by characters (the fonts of letters are near enough). */
function splitIntoWords(text: string, left: number, top: number, width: number, height: number, pageW: number, pageH: number, page: number, out: IntakeWord[]) {
  const perChar = text.length ? width / text.length : 0
  const pattern = /\S+/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text))) {
    const x0 = left + match.index * perChar
    const x1 = x0 + match[0].length * perChar
    out.push({
      text: match[0],
      page,
      box: { x0: round4(x0 / pageW), y0: round4(top / pageH), x1: round4(x1 / pageW), y1: round4((top + height) / pageH) },
      confidence: 1,
    })
  }
}

async function scaledView(image: Canvas | Awaited<ReturnType<typeof loadImage>>) {
  const scale = Math.min(1, VIEW_WIDTH / image.width)
  const canvas = createCanvas(Math.round(image.width * scale), Math.round(image.height * scale))
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height)
  return { jpeg: await canvas.encode('jpeg', 82), width: canvas.width, height: canvas.height }
}

function openTiff(bytes: Uint8Array): OpenedDocument {
  let ifds: UTIF.IFD[]
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    ifds = UTIF.decode(buffer).filter((ifd) => ifd.t256 && ifd.t257)
    if (ifds.length > INTAKE_MAX_PAGES) throw tooManyPages()
    for (const ifd of ifds) UTIF.decodeImage(buffer, ifd)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('validation', 'reader.error.damaged')
  }
  if (!ifds.length) throw new AppError('validation', 'reader.error.damaged')
  const canvasOf = (ifd: UTIF.IFD) => {
    const rgba = UTIF.toRGBA8(ifd)
    const canvas = createCanvas(ifd.width, ifd.height)
    const context = canvas.getContext('2d')
    const data = context.createImageData(ifd.width, ifd.height)
    data.data.set(rgba)
    context.putImageData(data, 0, 0)
    return canvas
  }
  const pages: PageSource[] = ifds.map((ifd, index) => ({
    index,
    textWords: async () => null,
    size: async () => ({ width: ifd.width, height: ifd.height }),
    ocrImage: async () => ({ png: toPgm(canvasOf(ifd)), width: ifd.width, height: ifd.height }),
    viewImage: async () => scaledView(canvasOf(ifd)),
  }))
  return { kind: 'tiff', pages, close: async () => {} }
}

async function openImage(bytes: Uint8Array, kind: 'png' | 'jpeg'): Promise<OpenedDocument> {
  const buffer = Buffer.from(bytes)
  let image: Awaited<ReturnType<typeof loadImage>>
  try {
    image = await loadImage(buffer)
  } catch {
    throw new AppError('validation', 'reader.error.damaged')
  }
  const page: PageSource = {
    index: 0,
    textWords: async () => null,
    size: async () => ({ width: image.width, height: image.height }),
    ocrImage: async () => ({ png: buffer, width: image.width, height: image.height }),
    viewImage: () => scaledView(image),
  }
  return { kind, pages: [page], close: async () => {} }
}

/** The folder of the English OCR data shipped in the app's own files (never a CDN). */
export function englishDataPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')
}
