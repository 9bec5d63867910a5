import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { cleanDocText } from '../documents/docText'
import type { FunderReportModel, FunderTable } from './funderReport'

// US Letter in twentieths of a point (docx 9 defaults to A4; STACK.md).
const US_LETTER = { width: 12240, height: 15840 }
const ONE_INCH = 1440

const text = (value: string, bold = false) => new TextRun({ text: cleanDocText(value), bold })
const para = (value: string, bold = false) => new Paragraph({ children: [text(value, bold)] })

function table(model: FunderTable): Table {
  const cell = (value: string, isHeader: boolean) => new TableCell({ children: [para(value, isHeader)] })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: model.header.map((h) => cell(h, true)) }),
      ...model.rows.map((row) => new TableRow({ children: row.map((v) => cell(v, false)) })),
    ],
  })
}

/** The de-identified funder summary as a Word file: a model in, bytes out (STYLE.md, Documents). */
export function buildFunderDocx(model: FunderReportModel): Document {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(model.title)] }),
    ...(model.organization ? [para(model.organization, true)] : []),
    para(`Period: ${model.period}. Prepared on ${model.generatedOn} with Overturn.`),
    new Paragraph({
      border: { top: { style: BorderStyle.SINGLE, size: 6, color: '1F4E79', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F4E79', space: 4 } },
      children: [text('De-identified report. ', true), text(model.deidentifiedStatement)],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('Summary')] }),
    table({ title: 'Summary', header: ['Measure', 'Value'], rows: model.summary }),
  ]
  for (const section of model.tables) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(section.title)] }))
    children.push(section.rows.length ? table(section) : para('No decisions in the period.'))
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text('How to read these figures')] }))
  for (const note of model.notes) children.push(new Paragraph({ bullet: { level: 0 }, children: [text(note)] }))
  children.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [text('De-identified: no patient names, member IDs, dates of birth or notes.')] }))
  return new Document({
    creator: 'Overturn',
    title: model.title,
    description: 'De-identified summary of appeal outcomes',
    sections: [{ properties: { page: { size: US_LETTER, margin: { top: ONE_INCH, right: ONE_INCH, bottom: ONE_INCH, left: ONE_INCH } } }, children }],
  })
}

export const funderDocxBytes = (model: FunderReportModel): Promise<Buffer> => Packer.toBuffer(buildFunderDocx(model))
