/**
 * The letter text format the advocate edits: paragraphs separated by a blank line, `## ` starts a
 * heading, `- ` a list item, a single newline is a line break, `[[label]]` is a missing fact.
 */
export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'item'; lines: string[] }

export function parseLetterText(text: string): LetterBlock[] {
  const blocks: LetterBlock[] = []
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trimEnd())
    while (lines.length && !lines[0].trim()) lines.shift()
    if (!lines.length) continue
    let paragraph: string[] = []
    const flush = () => {
      if (paragraph.length) blocks.push({ type: 'paragraph', lines: paragraph })
      paragraph = []
    }
    for (const line of lines) {
      if (line.startsWith('## ')) {
        flush()
        blocks.push({ type: 'heading', text: line.slice(3).trim() })
      } else if (line.startsWith('- ')) {
        flush()
        blocks.push({ type: 'item', lines: [line.slice(2)] })
      } else if (blocks.at(-1)?.type === 'item' && paragraph.length === 0 && line.startsWith('  ')) {
        ;(blocks.at(-1) as { lines: string[] }).lines.push(line.trim())
      } else {
        paragraph.push(line)
      }
    }
    flush()
  }
  return blocks
}
