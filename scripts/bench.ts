/**
 * `npm run bench`: generates seeded synthetic caseloads (1,000 → 100,000 cases) and measures Overturn
 * on them, each figure beside the raw SQLite work behind it. Prints a table, writes
 * bench-results/latest.json and bench-results/latest.md. See BENCHMARKS.md for the method.
 *
 *   npm run bench                      1,000, 10,000, 50,000 and 100,000 cases
 *   npm run bench -- --quick           1,000 cases, every figure once (the CI smoke check)
 *   npm run bench -- --sizes=1000,10000 --runs=3 --no-browser
 *   npm run bench -- --generate-only   fill bench-cache/ with the encrypted caseloads, measure nothing
 *   npm run bench -- --no-intake       skip the denial-letter reading figure (OCR, about 2 min)
 *
 * Exits non-zero only when a figure failed to run, never because a target was missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { runIntakeBench } from './bench/intakeBench'
import { fmt, runBench, type BenchReport, type BenchRow } from './bench/runBench'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]

const quick = flag('quick')
const sizes = (value('sizes') ?? (quick ? '1000' : '1000,10000,50000,100000')).split(',').map(Number).sort((a, b) => a - b)
const runs = value('runs') ? Number(value('runs')) : undefined
const started = performance.now()
const report = await runBench({ sizes, runs, quick, browser: !flag('no-browser') && !flag('generate-only'), seed: value('seed') ? Number(value('seed')) : undefined, generateOnly: flag('generate-only') })
if (!flag('generate-only')) report.rows.push(...(await (await import('./bench/rekeyBench')).rekeyBench({ sizes, quick })))
const table = renderTable(report.rows)
console.log(`\n${table.text}`)
const errors = report.rows.filter((r) => r.status === 'error')
const missed = report.rows.filter((r) => r.met === false)
console.log(`\n${report.rows.length} figures in ${((performance.now() - started) / 1000).toFixed(0)} s on ${report.machine.cpus} CPUs, ${report.machine.memoryGb} GB, Node ${report.machine.node}, SQLite ${report.machine.sqlite}${report.machine.chromium ? `, Chromium ${report.machine.chromium}` : ''}.`)
console.log(`Targets: ${report.rows.filter((r) => r.met === true).length} met, ${missed.length} missed${missed.length ? ` (${missed.map((r) => `${r.figure.trim()} @ ${r.size}`).join('; ')})` : ''}.`)
mkdirSync('bench-results', { recursive: true })
writeFileSync('bench-results/latest.json', JSON.stringify(report, null, 2))
writeFileSync('bench-results/latest.md', `${machineLine(report)}\n\n${table.markdown}\n`)
console.log('Wrote bench-results/latest.json and bench-results/latest.md.')
// Issue 17: seconds per page of reading a denial letter, its own small table (bench-results/intake.md).
if (!flag('no-intake')) await runIntakeBench({ quick })
if (errors.length) {
  console.error(`${errors.length} figure(s) failed: ${errors.map((r) => `${r.figure} @ ${r.size}: ${r.note}`).join('; ')}`)
  process.exitCode = 1
}

function machineLine(r: BenchReport) {
  return `Measured ${r.finishedAt.slice(0, 10)} on ${r.machine.cpus} CPUs, ${r.machine.memoryGb} GB RAM, ${r.machine.platform}, Node ${r.machine.node}, SQLite ${r.machine.sqlite}, Chromium ${r.machine.chromium ?? 'not run'}; runs per figure: ${r.options.runs}${r.options.quick ? ' (quick)' : ''}, seed ${r.options.seed}.`
}

function renderTable(rows: BenchRow[]) {
  const header = ['cases', 'figure', 'median', 'p95', 'spread (min–max)', 'baseline', 'ratio', 'target', 'met?']
  const body = rows.map((r) => [
    r.size ? r.size.toLocaleString('en-US') : '—',
    r.figure,
    r.app ? `${fmt(r.app.median)} ${r.unit}` : r.status,
    r.app && r.app.runs > 1 ? fmt(r.app.p95) : '',
    r.app && r.app.runs > 1 ? `${fmt(r.app.min)}–${fmt(r.app.max)} (n=${r.app.runs})` : r.app ? 'n=1' : '',
    r.baseline ? `${fmt(r.baseline.median)} ${r.unit}${r.baselineLabel ? ` ${r.baselineLabel}` : ''}` : '',
    r.ratio !== null ? `${r.ratio.toFixed(1)}×` : '',
    r.target?.text ?? '',
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ')
  const text = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n')
  const md = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n')
  return { text, markdown: md }
}
