/**
 * Scores extraction against the corpus's expected fields, field by field. A field is right when its
 * value equals the expected one (text compared without case and extra spaces; ICD-10 lists as sets).
 * A wrong value is "silent" when it is neither marked for review nor failing a check: the one kind of
 * error issue 17 allows none of. A value not found at all is shown empty and counted as missed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IntakeExpected, IntakeField, IntakeFieldKey } from '../../shared/domain/intake'
import { INTAKE_FIELD_KEYS } from '../../shared/domain/intake'
import { readLetter } from '../../electron/core/intake/readLetter'
import type { OcrEngine } from '../../electron/core/intake/ocrEngine'
import { CORPUS_FILE, type CorpusKind } from './makeCorpus'

export interface FieldScore {
  letter: string
  key: IntakeFieldKey
  expected: unknown
  got: unknown
  isRight: boolean
  isFlagged: boolean
}

const norm = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().toLowerCase() : v)

export function scoreFields(letter: string, expected: IntakeExpected, fields: IntakeField[]): FieldScore[] {
  return INTAKE_FIELD_KEYS.map((key) => {
    const field = fields.find((f) => f.key === key)
    const want = expected[key]
    const got = field?.value ?? null
    let isRight: boolean
    if (Array.isArray(want)) {
      const list = Array.isArray(got) ? got : []
      isRight = want.length === list.length && want.every((c) => list.includes(c))
    } else isRight = norm(want) === norm(got)
    return { letter, key, expected: want, got, isRight, isFlagged: field?.needsReview ?? false }
  })
}

export interface KindScore {
  kind: CorpusKind
  fields: number
  right: number
  /** Wrong values that are marked for review: the advocate is told to look. */
  flaggedWrong: number
  /** Wrong values shown as sure: must be zero. */
  silentWrong: FieldScore[]
  /** Values the letter gives that were not found (shown empty, for the advocate to fill in). */
  missed: number
  /** Right values marked for review anyway (costs the advocate a look, nothing more). */
  flaggedRight: number
  pages: number
  seconds: number
  failures: string[]
  details: FieldScore[]
}

/** Reads every letter of one kind from a generated corpus folder and scores it. */
export async function scoreKind(dir: string, letters: string[], kind: CorpusKind, ocr: OcrEngine, today = '2027-07-01'): Promise<KindScore> {
  const score: KindScore = { kind, fields: 0, right: 0, flaggedWrong: 0, silentWrong: [], missed: 0, flaggedRight: 0, pages: 0, seconds: 0, failures: [], details: [] }
  for (const id of letters) {
    const expected = JSON.parse(readFileSync(join(dir, id, 'expected.json'), 'utf8')) as IntakeExpected
    const bytes = readFileSync(join(dir, id, CORPUS_FILE[kind]))
    const started = performance.now()
    try {
      const { result } = await readLetter(bytes, CORPUS_FILE[kind], { today, ocr })
      score.seconds += (performance.now() - started) / 1000
      score.pages += result.pages.length
      for (const s of scoreFields(id, expected, result.fields)) {
        score.details.push(s)
        score.fields += 1
        if (s.isRight) {
          score.right += 1
          if (s.isFlagged) score.flaggedRight += 1
        } else if (s.isFlagged) score.flaggedWrong += 1
        else if (s.got === null) score.missed += 1
        else score.silentWrong.push(s)
      }
    } catch (error) {
      score.seconds += (performance.now() - started) / 1000
      score.failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`)
      score.fields += INTAKE_FIELD_KEYS.length
    }
  }
  return score
}

export const percent = (s: KindScore) => (s.fields ? (100 * s.right) / s.fields : 0)

/** One line per kind, for test logs and the benchmark. */
export function describeScore(s: KindScore): string {
  const perPage = s.pages ? (s.seconds / s.pages).toFixed(1) : '–'
  return `${s.kind}: ${percent(s).toFixed(1)}% of ${s.fields} fields right (${s.flaggedWrong} wrong but flagged, ${s.missed} not found, ${s.silentWrong.length} silently wrong), ${s.pages} pages, ${perPage} s/page`
}
