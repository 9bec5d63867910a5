import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { heading, userTextRuns } from './docxText'
import { exhibitFileName } from './exhibitFiles'
import type { PacketModel } from './letterModel'

/** The packet's parts around the letter: fax cover sheet, exhibit index, slip sheets, header and footer. */

const FAX_PLACEHOLDER = '[[Appeals fax number, from the denial notice]]'
const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' }
const BORDERS = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border }

const cell = (children: (TextRun)[], width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [new Paragraph({ children })],
  })

const textCell = (text: string, width: number, bold = false) => cell(userTextRuns(text, { bold }), width)

const table = (widths: number[], rows: TableRow[]) =>
  new Table({ width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, borders: BORDERS, rows })

const pagesText = (pages: number | null) => (pages === null ? '—' : String(pages))

/** The first page of a packet: who it is for, from, how many pages, and the confidentiality notice. */
export function faxCoverSheet(model: PacketModel): (Paragraph | Table)[] {
  const cover = model.faxCover
  if (!cover) return []
  const org = model.organization
  const from = [org.name || '[[Organization name (Settings)]]', org.signerName, [org.phone && `Phone ${org.phone}`, org.fax && `Fax ${org.fax}`].filter(Boolean).join(' · ')]
  const exhibitPart = `, plus ${cover.exhibitPages} exhibit page${cover.exhibitPages === 1 ? '' : 's'}${cover.hasUncountedPages ? ' and Word exhibits (count them before sending)' : ''}`
  const widths = [1900, 7460]
  const row = (label: string, value: TextRun[]) => new TableRow({ children: [textCell(label, widths[0], true), cell(value, widths[1])] })
  const contact = org.phone ? ` at ${org.phone}` : ''
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: userTextRuns('FAX COVER SHEET') }),
    table(widths, [
      row('To', userTextRuns(cover.to.join('\n'))),
      row('Fax', userTextRuns(cover.fax || FAX_PLACEHOLDER)),
      row('From', userTextRuns(from.filter(Boolean).join('\n'))),
      row('Date', userTextRuns(cover.date)),
      row('Pages', [new TextRun({ children: [PageNumber.TOTAL_PAGES] }), ...userTextRuns(` in this document (including this sheet)${model.exhibits.length ? exhibitPart : ''}`)]),
      row('Re', userTextRuns(`${model.letterTitle} for ${model.patientName}\nMember ID: ${model.memberId}\nClaim or authorization number: ${model.reference}`)),
    ]),
    new Paragraph({
      spacing: { before: 480 },
      children: [
        ...userTextRuns('CONFIDENTIALITY NOTICE: ', { bold: true }),
        ...userTextRuns(
          `This transmission contains protected health information that is confidential and legally privileged. It is intended only for the recipient named above. If you are not that recipient, do not read, copy or share it; please notify the sender${contact} and destroy all copies.`,
        ),
      ],
    }),
  ]
}

/** The exhibit index: number, description, date and pages of each exhibit, on its own page. */
export function exhibitIndex(model: PacketModel): (Paragraph | Table)[] {
  const title = heading('EXHIBIT INDEX', HeadingLevel.HEADING_1, true)
  if (model.exhibits.length === 0) return [title, new Paragraph({ children: userTextRuns('No exhibits are attached yet.') })]
  const widths = [1200, 5160, 1900, 1100]
  return [
    title,
    table(widths, [
      new TableRow({ tableHeader: true, children: ['Exhibit', 'Description', 'Date', 'Pages'].map((h, i) => textCell(h, widths[i], true)) }),
      ...model.exhibits.map(
        (e) => new TableRow({ children: [textCell(String(e.number), widths[0]), textCell(e.label, widths[1]), textCell(e.addedOn, widths[2]), textCell(pagesText(e.pages), widths[3])] }),
      ),
    ]),
  ]
}

/** One page in front of each exhibit, so a reviewer can find it in a stack of fax pages. */
export function slipSheets(model: PacketModel): Paragraph[] {
  return model.exhibits.flatMap((e) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, alignment: AlignmentType.CENTER, spacing: { before: 4800 }, children: userTextRuns(`Exhibit ${e.number} — ${e.label}`) }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: userTextRuns(`${e.pages === null ? 'Pages: see the enclosed file' : `Pages: ${e.pages}`}\nEnclosed file: ${exhibitFileName(e.number, e.label, e.kind)}`, { size: 20, color: '444444' }),
    }),
  ])
}

/** On every page: the letterhead and the identifiers a payer files the pages under. */
export function pageHeader(model: PacketModel): Header {
  const org = model.organization
  const lines = [org.name, org.letterhead, org.addressLines.join(' · '), [org.phone && `Phone ${org.phone}`, org.fax && `Fax ${org.fax}`, org.email].filter(Boolean).join(' · ')].filter(Boolean)
  const ids = `Patient: ${model.patientName} · Member ID: ${model.memberId} · Claim/authorization: ${model.reference}`
  return new Header({
    children: [
      ...lines.map((line, i) => new Paragraph({ alignment: AlignmentType.CENTER, children: userTextRuns(line, i === 0 ? { bold: true, size: 26 } : { size: 18, color: '444444' }) })),
      new Paragraph({ alignment: AlignmentType.CENTER, border: { bottom: border }, children: userTextRuns(ids, { size: 18 }) }),
    ],
  })
}

export function pageFooter(model: PacketModel): Footer {
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
