import { Document, HeadingLevel, Packer, type ISectionOptions, type Paragraph, type Table } from 'docx'
import { cleanDocText } from './docText'
import { heading, letterParagraphs } from './docxText'
import type { PacketModel } from './letterModel'
import { exhibitIndex, faxCoverSheet, pageFooter, pageHeader, slipSheets } from './packetDocxParts'

export { letterParagraphs, userTextRuns } from './docxText'

/**
 * The DOCX packet, pure: a PacketModel in, the bytes of a Word file out. US Letter pages with 1-inch
 * margins (docx 9 defaults to A4), real Heading 1/2 styles, the patient's identifiers in the header
 * and "Page X of Y" in the footer of every page. Every piece of user text passes `docText`.
 * A packet is: fax cover sheet, cover letter, the letter, exhibit index, one slip sheet per exhibit.
 */

// US Letter in twentieths of a point: 8.5 × 11 inches.
const US_LETTER = { width: 12240, height: 15840 }
const ONE_INCH = 1440

export async function buildPacketDocx(model: PacketModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [...faxCoverSheet(model)]
  const isPacket = model.coverLetter !== null
  if (isPacket) children.push(heading('Cover letter', HeadingLevel.HEADING_1, children.length > 0), ...letterParagraphs(model.coverLetter ?? ''))
  children.push(heading(model.letterTitle, HeadingLevel.HEADING_1, children.length > 0), ...letterParagraphs(model.letter))
  if (isPacket) children.push(...exhibitIndex(model), ...slipSheets(model))

  const section: ISectionOptions = {
    properties: {
      page: {
        size: US_LETTER,
        margin: { top: ONE_INCH, bottom: ONE_INCH, left: ONE_INCH, right: ONE_INCH, header: 708, footer: 708 },
      },
    },
    headers: { default: pageHeader(model) },
    footers: { default: pageFooter(model) },
    children,
  }
  const document = new Document({
    creator: 'Overturn',
    title: cleanDocText(model.title),
    description: 'Appeal packet',
    styles: {
      default: {
        document: { run: { font: 'Times New Roman', size: 24 } },
        heading1: { run: { font: 'Arial', size: 32, bold: true }, paragraph: { spacing: { after: 240 } } },
        heading2: { run: { font: 'Arial', size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
    },
    sections: [section],
  })
  return Packer.toBuffer(document)
}
