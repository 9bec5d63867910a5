/**
 * The denial-letter reading figure (issue 17): seconds per page and fields right for each kind of
 * letter in the synthetic corpus (text PDF, 300 dpi scan, 200 dpi fax, phone photo). A separate small
 * table beside the caseload figures; `--quick` reads two letters of each kind, the full run all twelve.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createOcrEngine } from '../../electron/core/intake/ocrEngine'
import { CORPUS_LETTERS } from '../intake/corpusLetters'
import { CORPUS_KINDS, makeCorpus } from '../intake/makeCorpus'
import { percent, scoreKind } from '../intake/scoreCorpus'

export interface IntakeBenchRow {
  kind: string
  letters: number
  pages: number
  secondsPerPage: number
  fieldsRightPercent: number
  flaggedWrong: number
  notFound: number
  silentlyWrong: number
}

export async function runIntakeBench(options: { quick: boolean }): Promise<IntakeBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'overturn-intake-bench-'))
  const only = options.quick ? ['L01', 'L02'] : undefined
  const ids = CORPUS_LETTERS.filter((l) => !only || only.some((o) => l.id.startsWith(o))).map((l) => l.id)
  const ocr = createOcrEngine()
  const rows: IntakeBenchRow[] = []
  try {
    await makeCorpus(dir, CORPUS_KINDS, only)
    // Start the OCR worker once outside the timings (the app keeps it between pages too).
    for (const kind of CORPUS_KINDS) {
      const s = await scoreKind(dir, ids, kind, ocr)
      rows.push({
        kind,
        letters: ids.length,
        pages: s.pages,
        secondsPerPage: s.pages ? Math.round((s.seconds / s.pages) * 100) / 100 : 0,
        fieldsRightPercent: Math.round(percent(s) * 10) / 10,
        flaggedWrong: s.flaggedWrong,
        notFound: s.missed,
        silentlyWrong: s.silentWrong.length,
      })
    }
  } finally {
    await ocr.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const header = '| letter kind | letters | s/page | fields right | wrong, flagged | not found | silently wrong |'
  const lines = rows.map((r) => `| ${r.kind} | ${r.letters} | ${r.secondsPerPage.toFixed(2)} | ${r.fieldsRightPercent.toFixed(1)}% | ${r.flaggedWrong} | ${r.notFound} | ${r.silentlyWrong} |`)
  const markdown = [header, '|---|---|---|---|---|---|---|', ...lines].join('\n')
  console.log(`\nReading denial letters (first page includes starting the OCR worker):\n${markdown}`)
  mkdirSync('bench-results', { recursive: true })
  writeFileSync('bench-results/intake.json', JSON.stringify(rows, null, 2))
  writeFileSync('bench-results/intake.md', `${markdown}\n`)
  return rows
}

if (process.argv[1]?.endsWith('intakeBench.ts')) await runIntakeBench({ quick: process.argv.includes('--quick') })
