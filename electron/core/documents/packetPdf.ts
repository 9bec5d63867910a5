import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib'
import type { AttachmentKind } from '../../../shared/domain/documents'
import { parseLetterText } from '../../../shared/rules/letters/letterText'
import { cleanDocText } from './docText'
import type { PacketModel } from './letterModel'

/**
 * The fax-ready PDF packet, pure: the same PacketModel as the DOCX, laid out for a fax machine, with the
 * exhibits themselves merged in order. Fax cover sheet, cover letter, letter, exhibit index, then each
 * exhibit's slip sheet followed by its pages; "Page X of Y" on every page, and the fax cover states the
 * exact total. US Letter, 1-inch margins, the standard Times and Helvetica fonts (WinAnsi: characters
 * outside it print as "?", so the DOCX remains the editable original).
 */

export interface PdfExhibit {
  number: number
  kind: AttachmentKind
  bytes: Buffer
}

export interface PacketPdf {
  bytes: Buffer
  pageCount: number
  /** Pages per part, in order: what the merged total must equal. */
  parts: { name: string; pages: number }[]
}

const PAGE_WIDTH = 612
const PAGE_HEIGHT = 792
const MARGIN = 72
const BODY_SIZE = 11
const LEADING = 14.5
const FAX_PLACEHOLDER = '[[Appeals fax number, from the denial notice]]'

// WinAnsi (the standard fonts' encoding) beyond Latin-1: the typographic characters letters use.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

/** Text the standard fonts can draw: Latin-1 and WinAnsi kept, accents folded, anything else "?". */
export function winAnsi(text: string): string {
  let out = ''
  for (const char of cleanDocText(text).replace(/\t/g, ' ')) {
    const code = char.codePointAt(0) ?? 0
    if (char === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) {
      out += char
      continue
    }
    const folded = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    out += [...folded].every((c) => (c.codePointAt(0) ?? 0) >= 0x20 && (c.codePointAt(0) ?? 0) <= 0x7e) && folded ? folded : '?'
  }
  return out
}

interface Fonts {
  regular: PDFFont
  bold: PDFFont
  heading: PDFFont
}

/** Lays text onto pages top to bottom, starting new pages as needed; remembers every page it made. */
class Writer {
  page!: PDFPage
  y = 0
  readonly made: PDFPage[] = []

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly header: string[],
  ) {}

  newPage(): void {
    this.page = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT])
    this.made.push(this.page)
    let y = PAGE_HEIGHT - 40
    this.header.forEach((line, i) => {
      this.page.drawText(fit(line, i === 0 ? this.fonts.bold : this.fonts.regular, 8), { x: MARGIN, y, size: 8, font: i === 0 ? this.fonts.bold : this.fonts.regular, color: rgb(0.25, 0.25, 0.25) })
      y -= 10
    })
    this.y = PAGE_HEIGHT - MARGIN - 6
  }

  /** Word-wrapped lines of one paragraph; `\n` forces a break. */
  wrap(text: string, font: PDFFont, size: number, width = PAGE_WIDTH - 2 * MARGIN): string[] {
    const lines: string[] = []
    for (const raw of winAnsi(text).split('\n')) {
      let line = ''
      for (const word of raw.split(/ +/)) {
        const candidate = line ? `${line} ${word}` : word
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate
          continue
        }
        if (line) lines.push(line)
        // A single word wider than the line is cut into pieces that fit.
        let rest = word
        while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
          let cut = rest.length - 1
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--
          lines.push(rest.slice(0, cut))
          rest = rest.slice(cut)
        }
        line = rest
      }
      lines.push(line)
    }
    return lines
  }

  /** A paragraph; `keepLines` lines of room are required first (headings keep their next paragraph). */
  paragraph(text: string, options: { font?: PDFFont; size?: number; after?: number; keepLines?: number; indent?: number } = {}): void {
    const font = options.font ?? this.fonts.regular
    const size = options.size ?? BODY_SIZE
    const leading = size * 1.32
    const indent = options.indent ?? 0
    const lines = this.wrap(text, font, size, PAGE_WIDTH - 2 * MARGIN - indent)
    const needed = Math.min(lines.length, options.keepLines ?? 2) * leading
    if (this.y - needed < MARGIN) this.newPage()
    for (const line of lines) {
      if (this.y - leading < MARGIN) this.newPage()
      this.y -= leading
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font })
    }
    this.y -= options.after ?? 6
  }

  /** A letter in the app's text format: headings, paragraphs, list items; the signature block kept whole. */
  letter(text: string): void {
    for (const block of parseLetterText(cleanDocText(text))) {
      if (block.type === 'heading') {
        this.y -= 4
        // A heading needs itself plus three lines of what follows on the same page.
        if (this.y - 5 * LEADING < MARGIN) this.newPage()
        this.paragraph(block.text, { font: this.fonts.heading, size: 12, after: 2 })
      } else if (block.type === 'item') {
        this.paragraph(`•  ${block.lines.join('\n')}`, { indent: 12 })
      } else {
        const isSignature = ['Sincerely,', 'Atentamente,'].includes(block.lines[0]?.trim() ?? '')
        this.paragraph(block.lines.join('\n'), { keepLines: isSignature ? block.lines.length : 2, after: 8 })
      }
    }
  }

  title(text: string): void {
    this.paragraph(text, { font: this.fonts.heading, size: 16, after: 12 })
  }
}

function fit(text: string, font: PDFFont, size: number, width = PAGE_WIDTH - 2 * MARGIN): string {
  let line = winAnsi(text).replace(/\n/g, ' ')
  while (line.length > 1 && font.widthOfTextAtSize(line, size) > width) line = `${line.slice(0, -2)}…`
  return line
}

/** A page standing in for an exhibit that cannot be merged (a Word file, an unreadable PDF). */
function standInPage(writer: Writer, exhibit: PdfExhibit, why: string): void {
  writer.newPage()
  writer.paragraph(`Exhibit ${exhibit.number}: ${why}`, { after: 12 })
}

async function appendExhibit(doc: PDFDocument, writer: Writer, exhibit: PdfExhibit): Promise<number> {
  if (exhibit.kind === 'pdf') {
    try {
      const source = await PDFDocument.load(exhibit.bytes, { ignoreEncryption: true, updateMetadata: false })
      const pages = await doc.copyPages(source, source.getPageIndices())
      if (pages.length === 0) throw new Error('no pages')
      // A page without a readable media box cannot be numbered or faxed: treat the file as unreadable.
      pages.forEach((page) => page.getSize())
      for (const page of pages) writer.made.push(doc.addPage(page))
      return pages.length
    } catch {
      standInPage(writer, exhibit, 'this PDF could not be read for merging; it is enclosed as a separate file.')
      return 1
    }
  }
  if (exhibit.kind === 'png' || exhibit.kind === 'jpeg') {
    try {
      const image = exhibit.kind === 'png' ? await doc.embedPng(exhibit.bytes) : await doc.embedJpg(exhibit.bytes)
      const page = doc.addPage([PAGE_WIDTH, PAGE_HEIGHT])
      writer.made.push(page)
      const box = { width: PAGE_WIDTH - 2 * MARGIN, height: PAGE_HEIGHT - 2 * MARGIN }
      const scale = Math.min(box.width / image.width, box.height / image.height, 4)
      const width = image.width * scale
      const height = image.height * scale
      page.drawImage(image, { x: (PAGE_WIDTH - width) / 2, y: (PAGE_HEIGHT - height) / 2, width, height })
      return 1
    } catch {
      standInPage(writer, exhibit, 'this image could not be read for merging; it is enclosed as a separate file.')
      return 1
    }
  }
  standInPage(writer, exhibit, 'a Word document, enclosed as a separate file (it cannot be merged into the fax).')
  return 1
}

function faxCover(writer: Writer, model: PacketModel, fonts: Fonts): { page: PDFPage; pagesY: number } {
  const cover = model.faxCover!
  const org = model.organization
  writer.newPage()
  writer.title('FAX COVER SHEET')
  const row = (label: string, value: string) => {
    const top = writer.y
    writer.page.drawText(label, { x: MARGIN, y: top - LEADING, size: BODY_SIZE, font: fonts.bold })
    const lines = writer.wrap(value, fonts.regular, BODY_SIZE, PAGE_WIDTH - 2 * MARGIN - 90)
    lines.forEach((line, i) => writer.page.drawText(line, { x: MARGIN + 90, y: top - LEADING * (i + 1), size: BODY_SIZE, font: fonts.regular }))
    writer.y = top - LEADING * Math.max(1, lines.length) - 8
    return top - LEADING
  }
  row('To', cover.to.join('\n'))
  row('Fax', cover.fax || FAX_PLACEHOLDER)
  row('From', [org.name || '[[Organization name (Settings)]]', org.signerName, [org.phone && `Phone ${org.phone}`, org.fax && `Fax ${org.fax}`].filter(Boolean).join(' · ')].filter(Boolean).join('\n'))
  row('Date', cover.date)
  const pagesY = row('Pages', ' ')
  row('Re', `${model.letterTitle} for ${model.patientName}\nMember ID: ${model.memberId}\nClaim or authorization number: ${model.reference}`)
  writer.y -= 18
  const contact = org.phone ? ` at ${org.phone}` : ''
  writer.paragraph(
    `CONFIDENTIALITY NOTICE: This transmission contains protected health information that is confidential and legally privileged. It is intended only for the recipient named above. If you are not that recipient, do not read, copy or share it; please notify the sender${contact} and destroy all copies.`,
  )
  return { page: writer.page, pagesY }
}

function exhibitIndex(writer: Writer, model: PacketModel, fonts: Fonts): void {
  writer.newPage()
  writer.title('EXHIBIT INDEX')
  if (model.exhibits.length === 0) {
    writer.paragraph('No exhibits are attached yet.')
    return
  }
  const columns = [MARGIN, MARGIN + 55, MARGIN + 340, MARGIN + 430]
  const headerRow = ['Exhibit', 'Description', 'Date', 'Pages']
  headerRow.forEach((h, i) => writer.page.drawText(h, { x: columns[i], y: writer.y - LEADING, size: BODY_SIZE, font: fonts.bold }))
  writer.y -= LEADING + 6
  for (const e of model.exhibits) {
    const lines = writer.wrap(e.label, fonts.regular, BODY_SIZE, columns[2] - columns[1] - 10)
    if (writer.y - lines.length * LEADING < MARGIN) writer.newPage()
    const top = writer.y
    writer.page.drawText(String(e.number), { x: columns[0], y: top - LEADING, size: BODY_SIZE, font: fonts.regular })
    lines.forEach((line, i) => writer.page.drawText(line, { x: columns[1], y: top - LEADING * (i + 1), size: BODY_SIZE, font: fonts.regular }))
    writer.page.drawText(winAnsi(e.addedOn), { x: columns[2], y: top - LEADING, size: BODY_SIZE, font: fonts.regular })
    writer.page.drawText(e.pages === null ? '—' : String(e.pages), { x: columns[3], y: top - LEADING, size: BODY_SIZE, font: fonts.regular })
    writer.y = top - LEADING * lines.length - 6
  }
}

/** Builds the fax-ready PDF from the packet model and the exhibits' bytes (in exhibit order). */
export async function buildPacketPdf(model: PacketModel, exhibits: PdfExhibit[]): Promise<PacketPdf> {
  const doc = await PDFDocument.create({ updateMetadata: false })
  doc.setTitle(winAnsi(model.title))
  doc.setCreator('Overturn')
  doc.setProducer('Overturn')
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.TimesRoman),
    bold: await doc.embedFont(StandardFonts.TimesRomanBold),
    heading: await doc.embedFont(StandardFonts.HelveticaBold),
  }
  const org = model.organization
  const header = [
    [org.name, org.addressLines.join(' · '), [org.phone && `Phone ${org.phone}`, org.fax && `Fax ${org.fax}`].filter(Boolean).join(' · ')].filter(Boolean).join(' · '),
    `Patient: ${model.patientName} · Member ID: ${model.memberId} · Claim/authorization: ${model.reference}`,
  ].filter(Boolean)
  const writer = new Writer(doc, fonts, header)
  const parts: PacketPdf['parts'] = []
  const part = (name: string, build: () => void | Promise<void>) => async () => {
    const before = doc.getPageCount()
    await build()
    parts.push({ name, pages: doc.getPageCount() - before })
  }

  let cover: { page: PDFPage; pagesY: number } | null = null
  if (model.faxCover) await part('fax cover', () => void (cover = faxCover(writer, model, fonts)))()
  if (model.coverLetter !== null) {
    await part('cover letter', () => {
      writer.newPage()
      writer.letter(model.coverLetter ?? '')
    })()
  }
  await part('letter', () => {
    writer.newPage()
    writer.title(model.letterTitle)
    writer.letter(model.letter)
  })()
  if (model.coverLetter !== null) {
    await part('exhibit index', () => exhibitIndex(writer, model, fonts))()
    for (const e of model.exhibits) {
      await part(`slip sheet ${e.number}`, () => {
        writer.newPage()
        writer.y = PAGE_HEIGHT / 2 + 40
        writer.paragraph(`Exhibit ${e.number}`, { font: fonts.heading, size: 20, after: 10 })
        writer.paragraph(e.label, { font: fonts.heading, size: 14, after: 10 })
        writer.paragraph(e.pages === null ? 'Pages: see the enclosed file' : `Pages: ${e.pages}`, { size: 10 })
      })()
      const file = exhibits.find((x) => x.number === e.number)
      if (file) await part(`exhibit ${e.number}`, async () => void (await appendExhibit(doc, writer, file)))()
    }
  }

  // Page numbers on every page, the exhibits' included, and the exact count on the fax cover.
  const total = doc.getPageCount()
  doc.getPages().forEach((page, index) => {
    const { width } = page.getSize()
    const label = winAnsi(`${model.patientName} · ${model.letterTitle} · Page ${index + 1} of ${total}`)
    const size = 8
    const textWidth = fonts.regular.widthOfTextAtSize(label, size)
    page.drawRectangle({ x: (width - textWidth) / 2 - 4, y: 14, width: textWidth + 8, height: 12, color: rgb(1, 1, 1) })
    page.drawText(label, { x: (width - textWidth) / 2, y: 17, size, font: fonts.regular })
  })
  const coverPage = cover as { page: PDFPage; pagesY: number } | null
  if (coverPage) {
    coverPage.page.drawText(`${total} (including this cover sheet)`, { x: MARGIN + 90, y: coverPage.pagesY, size: BODY_SIZE, font: fonts.regular })
  }
  const bytes = Buffer.from(await doc.save({ useObjectStreams: false }))
  return { bytes, pageCount: total, parts }
}
