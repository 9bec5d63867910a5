/**
 * Turning typed text into a safe FTS5 query. Nothing the user types reaches MATCH as syntax: the
 * text is folded (accents and case, like the index's `unicode61 remove_diacritics 2` tokenizer), cut
 * into words, and every word is quoted with `"` doubled (anchors-ecosystem-security A3: raw text such
 * as `NEAR(" AND` throws "unterminated string").
 */

const MAX_TOKENS = 8
const MAX_TOKEN_LENGTH = 64

/** Lower case without accents: 'Núñez' → 'nunez'. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
}

/** Words as the index's tokenizer sees them: runs of letters and digits. */
export function tokenize(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TOKENS)
    .map((token) => token.slice(0, MAX_TOKEN_LENGTH))
}

/** An FTS5 string: always quoted, quotes doubled. */
export function quoteToken(token: string): string {
  return `"${token.replace(/"/g, '""')}"`
}

/** How one typed word is matched: as itself (whole or as a prefix) or as any of the alternatives. */
export interface TokenPlan {
  token: string
  isPrefix: boolean
  /** Whole words that also count: names it may abbreviate ('jos' → 'jose') or misspell ('nunes' → 'nunez'). */
  alternatives: string[]
}

/**
 * Every word must match (AND). FTS5 builds a prefix query's whole list of rows before it can stop,
 * which a common prefix makes slow on a large caseload; whole words are read lazily. So only the
 * word still being typed (the last), or one whose completions are too many to list, is a prefix
 * query; an earlier word is matched whole or as one of the names that start with it.
 */
export function buildMatchExpression(plans: TokenPlan[]): string {
  return plans
    .map(({ token, isPrefix, alternatives }) => {
      const terms = [isPrefix ? `${quoteToken(token)}*` : quoteToken(token), ...alternatives.filter((a) => a !== token).map(quoteToken)]
      return terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`
    })
    .join(' AND ')
}

/** Whether a folded word of a document is one the query matched (same rule as the MATCH expression). */
export function wordMatcher(plans: TokenPlan[]): (word: string) => boolean {
  const exact = new Set(plans.flatMap((p) => [...p.alternatives, ...(p.isPrefix ? [] : [p.token])]))
  const prefixes = plans.filter((p) => p.isPrefix).map((p) => p.token)
  return (word) => exact.has(word) || prefixes.some((prefix) => word.startsWith(prefix))
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), giving up as soon as
 * it must exceed `max`, so scanning a vocabulary stays cheap.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let previous2: number[] = []
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1)
      current.push(value)
      if (value < rowMin) rowMin = value
    }
    if (rowMin > max) return max + 1
    previous2 = previous
    previous = current
  }
  return previous[b.length]
}

/** How far a typed word may be from a name: one edit for short words, two from seven letters. */
export const allowedEdits = (token: string): number => (token.length < 4 ? 0 : token.length < 7 ? 1 : 2)

/**
 * The names an organization's caseload holds (patients, payers, drugs, prescribers, providers),
 * folded and split like the index, for correcting misspelled words.
 */
export function createNameVocabulary(terms: Iterable<string>) {
  const sorted = [...new Set(terms)].filter((t) => t.length > 0).sort()
  const byLength = new Map<number, string[]>()
  for (const term of sorted) {
    const list = byLength.get(term.length) ?? []
    list.push(term)
    byLength.set(term.length, list)
  }

  function lowerBound(token: string): number {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < token) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** True when some name starts with the token (no correction needed). */
  function hasPrefix(token: string): boolean {
    const at = lowerBound(token)
    return at < sorted.length && sorted[at].startsWith(token)
  }

  /** Names that start with the token (itself included), or null when there are more than `limit`. */
  function completions(token: string, limit = 12): string[] | null {
    const found: string[] = []
    for (let i = lowerBound(token); i < sorted.length && sorted[i].startsWith(token); i++) {
      if (found.length === limit) return null
      found.push(sorted[i])
    }
    return found
  }

  /** Names within the allowed edits of the token, closest first (at most `limit`). */
  function similar(token: string, limit = 5): string[] {
    const max = allowedEdits(token)
    if (max === 0) return []
    const found: { term: string; distance: number }[] = []
    for (let length = token.length - max; length <= token.length + max; length++) {
      for (const term of byLength.get(length) ?? []) {
        const distance = editDistance(token, term, max)
        if (distance <= max) found.push({ term, distance })
      }
    }
    return found
      .sort((x, y) => x.distance - y.distance || x.term.localeCompare(y.term))
      .slice(0, limit)
      .map((f) => f.term)
  }

  return { size: sorted.length, hasPrefix, completions, similar }
}
export type NameVocabulary = ReturnType<typeof createNameVocabulary>

const WORD = /[\p{L}\p{N}\p{M}]+/gu

/**
 * A short excerpt around the first matched word, matched words wrapped in `start`/`end` markers.
 * Marker characters already in the text are dropped so stored text cannot fake a highlight.
 */
export function makeSnippet(text: string, isMatch: (word: string) => boolean, markers: { start: string; end: string }, maxWords = 14): string {
  const clean = text.replaceAll(markers.start, '').replaceAll(markers.end, '').replace(/\s+/g, ' ')
  const words = [...clean.matchAll(WORD)]
  const first = words.findIndex((w) => isMatch(foldText(w[0])))
  if (first < 0) return ''
  const startWord = Math.max(0, first - 4)
  const endWord = Math.min(words.length, startWord + maxWords)
  let out = startWord > 0 ? '…' : ''
  let cursor = words[startWord].index
  for (let i = startWord; i < endWord; i++) {
    const word = words[i]
    out += clean.slice(cursor, word.index)
    out += isMatch(foldText(word[0])) ? `${markers.start}${word[0]}${markers.end}` : word[0]
    cursor = word.index + word[0].length
  }
  return out + (endWord < words.length ? '…' : clean.slice(cursor).replace(/\s+$/, ''))
}
