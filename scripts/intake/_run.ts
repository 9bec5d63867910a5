import type { CorpusKind } from './makeCorpus'
import { readdirSync } from 'node:fs'
import { createOcrEngine } from '../../electron/core/intake/ocrEngine'
import { scoreKind, percent } from './scoreCorpus'
const dir = '/tmp/i17corpus'
const kind = (process.argv[2] ?? "text") as CorpusKind
const only = process.argv[3]
const letters = readdirSync(dir).filter((d) => !only || d.startsWith(only)).sort()
const ocr = createOcrEngine()
const s = await scoreKind(dir, letters, kind, ocr)
await ocr.close()
for (const d of s.details) if (!d.isRight) console.log(d.isFlagged ? 'FLAGGED' : 'SILENT ', d.letter, d.key, JSON.stringify(d.expected), '->', JSON.stringify(d.got))
console.log(kind, `${percent(s).toFixed(1)}%`, s.right, '/', s.fields, 'flaggedWrong', s.flaggedWrong, 'silent', s.silentWrong.length, 'flaggedRight', s.flaggedRight, 'pages', s.pages, 's', s.seconds.toFixed(1), s.failures)
