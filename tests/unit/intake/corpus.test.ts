import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOcrEngine } from '../../../electron/core/intake/ocrEngine'
import { CORPUS_LETTERS } from '../../../scripts/intake/corpusLetters'
import { makeCorpus } from '../../../scripts/intake/makeCorpus'
import { describeScore, percent, scoreKind } from '../../../scripts/intake/scoreCorpus'

/**
 * Issue 17's corpus test: the synthetic letters are generated (seeded) into a temporary folder, read
 * the way the app reads them, and scored field by field. Thresholds: ≥ 95% right on text PDFs, ≥ 85%
 * on 300 dpi scans, and no wrong value shown as sure. Fax and phone-photo scores are reported on a
 * sample of letters (OCR costs seconds per page; the whole corpus runs in `npm run bench`).
 */
const dir = mkdtempSync(join(tmpdir(), 'overturn-corpus-test-'))
const ids = CORPUS_LETTERS.map((l) => l.id)
/** Four letters: all three layouts, Medicare and commercial. */
const SAMPLE = ['L01', 'L02', 'L03', 'L10']
const sample = ids.filter((id) => SAMPLE.some((s) => id.startsWith(s)))
const ocr = createOcrEngine()

beforeAll(async () => {
  await makeCorpus(dir, ['text', 'scan'])
  await makeCorpus(dir, ['fax', 'photo'], SAMPLE)
}, 600_000)
afterAll(async () => {
  await ocr.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('reading the denial letter corpus', () => {
  it('text PDFs: at least 95% of fields right, none silently wrong', async () => {
    const score = await scoreKind(dir, ids, 'text', ocr)
    console.log(describeScore(score))
    expect(score.failures).toEqual([])
    expect(score.silentWrong).toEqual([])
    expect(percent(score)).toBeGreaterThanOrEqual(95)
  }, 120_000)

  it('300 dpi scans: at least 85% of fields right, none silently wrong', async () => {
    const score = await scoreKind(dir, ids, 'scan', ocr)
    console.log(describeScore(score))
    expect(score.failures).toEqual([])
    expect(score.silentWrong).toEqual([])
    expect(percent(score)).toBeGreaterThanOrEqual(85)
  }, 900_000)

  it('fax and phone photo (sample): scores reported, none silently wrong', async () => {
    for (const kind of ['fax', 'photo'] as const) {
      const score = await scoreKind(dir, sample, kind, ocr)
      console.log(describeScore(score))
      expect(score.failures).toEqual([])
      expect(score.silentWrong).toEqual([])
    }
  }, 900_000)
})
