/**
 * The words of a letter arranged as text lines, with a map from every character back to its word, so a
 * pattern found in the text can point at the words (and boxes) it came from.
 */
import type { IntakeWord } from '../domain/intake'

export interface LetterLine {
  page: number
  words: IntakeWord[]
  /** Offset of this line's first character in LetterText.text. */
  start: number
  text: string
  /** Median word height, as a fraction of page height (letterheads are taller). */
  height: number
  top: number
}

export interface LetterText {
  /** All lines of all pages joined with '\n'. */
  text: string
  lines: LetterLine[]
  /** For each character of `text`, the index of its word in `words`, or -1 for separators. */
  charWord: Int32Array
  words: IntakeWord[]
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0
}

const mid = (w: IntakeWord) => (w.box.y0 + w.box.y1) / 2
const makeLine = (page: number, words: IntakeWord[]): LetterLine => ({
  page,
  words,
  start: 0,
  text: '',
  height: median(words.map((w) => w.box.y1 - w.box.y0)),
  top: Math.min(...words.map((w) => w.box.y0)),
})

/** Text-layer words: words whose vertical middles fall within half a word height of each other. */
function linesByPosition(words: IntakeWord[]): IntakeWord[][] {
  const sorted = [...words].sort((a, b) => mid(a) - mid(b))
  const groups: IntakeWord[][] = []
  let current: IntakeWord[] = []
  let middle = 0
  for (const word of sorted) {
    if (current.length && Math.abs(mid(word) - middle) > (word.box.y1 - word.box.y0) * 0.5) {
      groups.push(current)
      current = []
    }
    current.push(word)
    middle = current.reduce((s, w) => s + mid(w), 0) / current.length
  }
  if (current.length) groups.push(current)
  return groups.map((g) => g.sort((a, b) => a.box.x0 - b.box.x0))
}

/**
 * OCR words keep the engine's lines (it follows skew); a line that continues another to its right on
 * the same baseline (a table's label and value columns) is joined to it.
 */
function linesFromEngine(words: IntakeWord[]): IntakeWord[][] {
  const byLine = new Map<number, IntakeWord[]>()
  for (const word of words) byLine.set(word.line ?? 0, [...(byLine.get(word.line ?? 0) ?? []), word])
  const groups = [...byLine.values()]
  let merged = true
  while (merged) {
    merged = false
    for (const a of groups) {
      const last = a[a.length - 1]
      const height = last.box.y1 - last.box.y0
      const b = groups.find((g) => g !== a && g[0].box.x0 > last.box.x1 && g[0].box.x0 - last.box.x1 < 0.45 && Math.abs(mid(g[0]) - mid(last)) < height * 0.6)
      if (b) {
        a.push(...b)
        groups.splice(groups.indexOf(b), 1)
        merged = true
        break
      }
    }
  }
  return groups.sort((a, b) => mid(a[0]) - mid(b[0]))
}

/** Groups words into lines, page by page, top to bottom. */
export function buildLetterText(words: IntakeWord[]): LetterText {
  const lines: LetterLine[] = []
  const pages = [...new Set(words.map((w) => w.page))].sort((a, b) => a - b)
  for (const page of pages) {
    const onPage = words.filter((w) => w.page === page)
    const groups = onPage.every((w) => w.line !== undefined) ? linesFromEngine(onPage) : linesByPosition(onPage)
    for (const group of groups) lines.push(makeLine(page, group))
  }
  const ordered: IntakeWord[] = []
  let text = ''
  const map: number[] = []
  for (const line of lines) {
    if (text) {
      text += '\n'
      map.push(-1)
    }
    line.start = text.length
    line.words.forEach((word, i) => {
      if (i > 0) {
        text += ' '
        map.push(-1)
      }
      const index = ordered.length
      ordered.push(word)
      text += word.text
      for (let c = 0; c < word.text.length; c++) map.push(index)
    })
    line.text = text.slice(line.start)
  }
  return { text, lines, charWord: Int32Array.from(map), words: ordered }
}

/** The words covering characters [start, end) of the text. */
export function wordsIn(letter: LetterText, start: number, end: number): IntakeWord[] {
  const found = new Set<number>()
  for (let i = start; i < end; i++) if (letter.charWord[i] >= 0) found.add(letter.charWord[i])
  return [...found].sort((a, b) => a - b).map((i) => letter.words[i])
}

/** The line holding character `offset`. */
export function lineAt(letter: LetterText, offset: number): LetterLine | undefined {
  let found: LetterLine | undefined
  for (const line of letter.lines) {
    if (line.start <= offset) found = line
    else break
  }
  return found
}
