import { HeadingLevel, Paragraph, TextRun, type IRunOptions } from 'docx'
import { splitPlaceholders } from '../../../shared/rules/letters/facts'
import { parseLetterText } from '../../../shared/rules/letters/letterText'
import { cleanDocText, docLines } from './docText'

/** Runs and paragraphs for user text in the DOCX packet; every piece passes `docText` (STYLE.md, Documents). */

export type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'size' | 'color' | 'allCaps'>

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

export type HeadingValue = (typeof HeadingLevel)[keyof typeof HeadingLevel]

/** Headings stay on the page of the paragraph they introduce (keepNext), never alone at a page foot. */
export const heading = (text: string, level: HeadingValue, pageBreakBefore = false) =>
  new Paragraph({ heading: level, pageBreakBefore, keepNext: true, keepLines: true, children: userTextRuns(text) })

/** A letter's text as paragraphs: `## ` headings become Heading 2, `- ` items a bulleted list. */
export function letterParagraphs(text: string): Paragraph[] {
  return parseLetterText(cleanDocText(text)).map((block) => {
    if (block.type === 'heading') return heading(block.text, HeadingLevel.HEADING_2)
    const runs = userTextRuns(block.lines.join('\n'))
    if (block.type === 'item') return new Paragraph({ bullet: { level: 0 }, children: runs })
    // The signature block ("Sincerely," and the signer's lines) is never split across pages.
    const isSignature = ['Sincerely,', 'Atentamente,'].includes(block.lines[0]?.trim() ?? '')
    return new Paragraph({ spacing: { after: 200 }, keepLines: isSignature, children: runs })
  })
}
