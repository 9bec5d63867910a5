import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx'
import { splitPlaceholders } from '../../../shared/rules/letters/facts'
import { parseLetterText } from '../../../shared/rules/letters/letterText'
import { cleanDocText, docLines } from './docText'
import type { PacketModel } from './letterModel'

/**
 * The DOCX packet, pure: a PacketModel in, the bytes of a Word file out. US Letter pages with 1-inch
 * margins (docx 9 defaults to A4), real Heading 1/2 styles, page numbers in the footer. Every piece
 * of user text passes `docText` (STYLE.md, Documents).
 */

// US Letter in twentieths of a point: 8.5 × 11 inches.
const US_LETTER = { width: 12240, height: 15840 }
const ONE_INCH = 1440

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color'>

/**
 * Runs for a piece of user text: sanitized, newlines as line breaks (docx 9 would write `\n`
 * literally), and `[[placeholders]]` highlighted so a missing fact cannot go unnoticed on paper.
 */
export function userTextRuns(text: string, style: RunStyle = {}): TextRun[] {
  const runs: TextRun[] = []
  docLines(text).forEach((line, index) => {
    const parts = splitPlaceholders(line)
    if (parts.length === 0) parts.push({ text: '', isPlaceholder: false })
    parts.forEach((part, partIndex) => {
      runs.push(
        new TextRun({
          ...style,
          text: part.text,
          break: index > 0 && partIndex === 0 ? 1 : undefined,
          ...(part.isPlaceholder ? { highlight: 'yellow', bold: true } : {}),
        }),
      )
    })
  })
  return runs
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) =>
  new Paragraph({ heading: level, pageBreakBefore, children: userTextRuns(text) })

/** A letter's text as paragraphs: `## ` headings become Heading 2, `- ` items a bulleted list. */
export function letterParagraphs(text: string): Paragraph[] {
  return parseLetterText(cleanDocText(text)).map((block) => {
    if (block.type === 'heading') return heading(block.text, HeadingLevel.HEADING_2)
    const runs = userTextRuns(block.lines.join('\n'))
    if (block.type === 'item') return new Paragraph({ bullet: { level: 0 }, children: runs })
    return new Paragraph({ spacing: { after: 200 }, children: runs })
  })
}

const KIND_NAMES = { pdf: 'PDF', png: 'PNG image', jpeg: 'JPEG image', docx: 'Word document' } as const

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ children: userTextRuns(text, { bold }) })],
  })

function exhibitIndex(model: PacketModel): (Paragraph | Table)[] {
  if (model.exhibits.length === 0) {
    return [heading('Exhibit index', HeadingLevel.HEADING_1, true), new Paragraph({ children: userTextRuns('No exhibits are attached yet.') })]
  }
  const widths = [1300, 4100, 2660, 1300]
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' }
  return [
    heading('Exhibit index', HeadingLevel.HEADING_1, true),
    new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [
        new TableRow({
          tableHeader: true,
          children: ['Exhibit', 'Description', 'File', 'Type and size'].map((h, i) => cell(h, widths[i], true)),
        }),
        ...model.exhibits.map(
          (e) =>
            new TableRow({
              children: [
                cell(String(e.number), widths[0]),
                cell(e.label, widths[1]),
                cell(e.originalName, widths[2]),
                cell(`${KIND_NAMES[e.kind]}, ${formatSize(e.sizeBytes)}`, widths[3]),
              ],
            }),
        ),
      ],
    }),
    heading('Exhibits', HeadingLevel.HEADING_1, true),
    ...model.exhibits.flatMap((e) => [
      heading(`Exhibit ${e.number}: ${e.label}`, HeadingLevel.HEADING_2),
      new Paragraph({
        spacing: { after: 200 },
        children: userTextRuns(`Enclosed in this order: ${e.originalName} (${KIND_NAMES[e.kind]}, ${formatSize(e.sizeBytes)}), added ${e.addedOn}.`),
      }),
    ]),
  ]
}

function letterhead(model: PacketModel): Header {
  const org = model.organization
  const lines = [org.name, org.letterhead, org.addressLines.join(' · '), [org.phone && `Phone ${org.phone}`, org.fax && `Fax ${org.fax}`, org.email].filter(Boolean).join(' · ')].filter(Boolean)
  return new Header({
    children: lines.length
      ? lines.map((line, i) => new Paragraph({ alignment: AlignmentType.CENTER, children: userTextRuns(line, i === 0 ? { bold: true, size: 26 } : { size: 18, color: '444444' }) }))
      : [new Paragraph({ children: [] })],
  })
}

function pageFooter(model: PacketModel): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          ...userTextRuns(`${model.patientName} · ${model.letterTitle} · `, { size: 18 }),
          new TextRun({ size: 18, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  })
}

/** Builds the packet: cover letter, the letter, the exhibit index and the exhibits in order. */
export async function buildPacketDocx(model: PacketModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = []
  if (model.coverLetter !== null) {
    children.push(heading('Cover letter', HeadingLevel.HEADING_1), ...letterParagraphs(model.coverLetter))
  }
  children.push(heading(model.letterTitle, HeadingLevel.HEADING_1, model.coverLetter !== null), ...letterParagraphs(model.letter))
  if (model.coverLetter !== null) children.push(...exhibitIndex(model))

  const section: ISectionOptions = {
    properties: {
      page: {
        size: US_LETTER,
        margin: { top: ONE_INCH, bottom: ONE_INCH, left: ONE_INCH, right: ONE_INCH, header: 708, footer: 708 },
      },
    },
    headers: { default: letterhead(model) },
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
