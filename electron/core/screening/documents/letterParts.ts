import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, TextRun } from 'docx'
import type { Organization } from '../../../../shared/domain/documents'
import { docLines as textLines } from '../../documents/docText'

/** US Letter in twentieths of a point (docx defaults to A4), one-inch margins. */
export const LETTER_PAGE = { size: { width: 12_240, height: 15_840 }, margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 } }

/** Who signs a screening document: the signed-in screener, with the title they gave. */
export interface Signer {
  name: string
  title: string
}

type Heading = (typeof HeadingLevel)[keyof typeof HeadingLevel]

/** A paragraph of user text: every line a run, joined by line breaks (docx writes `\n` literally). */
export function para(text: string, options: { bold?: boolean; heading?: Heading; indent?: boolean; after?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}): Paragraph {
  const runs = textLines(text).map((line, i) => new TextRun({ text: line, bold: options.bold, break: i > 0 ? 1 : undefined }))
  return new Paragraph({ children: runs, heading: options.heading, alignment: options.align, indent: options.indent ? { left: 360 } : undefined, spacing: { after: options.after ?? 80 } })
}

/**
 * The organization's letterhead (Settings → Organization): its letterhead line or name in bold,
 * the address, and a contact line, ruled off from the letter. Nothing when no organization is set.
 */
export function letterhead(org: Organization): Paragraph[] {
  const title = org.letterhead || org.name
  if (!title) return []
  const contact = [org.phone && `Tel. ${org.phone}`, org.fax && `Fax ${org.fax}`, org.email].filter(Boolean).join(' · ')
  const lines = [...(org.letterhead && org.name && org.letterhead !== org.name ? [org.name] : []), ...org.addressLines, ...(contact ? [contact] : [])]
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 40 }, children: textLines(title).map((line, i) => new TextRun({ text: line, bold: true, size: 28, break: i > 0 ? 1 : undefined })) }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 4 } },
      children: lines.flatMap((line, i) => textLines(line).map((part, j) => new TextRun({ text: part, size: 20, break: i + j > 0 ? 1 : undefined }))),
    }),
  ]
}

/**
 * The closing and signature block: the closing word, room to sign, then the screener's name, title
 * and organization, each on its own line as a business letter sets them.
 */
export function signatureBlock(closing: string, signer: Signer, org: Organization): Paragraph[] {
  const lines = [signer.name, signer.title, org.name].filter((line) => line.trim() !== '')
  return [
    para(closing, { after: 720 }),
    ...(lines.length ? [para(lines.join('\n'), { after: 120 })] : []),
  ]
}
