import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import type { Browser } from '@playwright/test'
import { contract } from '../../shared/contract'
import { localDayOf } from '../../shared/domain/days'
import { startBridgeServer } from '../../electron/bridge/bridgeServer'
import { createCore, DATABASE_FILE, type Core } from '../../electron/core/createCore'
import { insertBulkCaseload, syntheticApplicant, type BulkCaseloadSummary } from './bulkCaseload'
import { generateCaseload } from '../../electron/core/demo/demoCaseload'
import { seededRandom } from '../../electron/core/demo/demoFacts'
import { createDispatcher, createHandlers } from '../../electron/core/dispatcher'
import { openDatabase } from '../../electron/core/db/openDatabase'
import { launchChromium, openBoard, rendererHeap, scrollLongestColumn } from './browserBench'
import { summarize, timeRuns, type Summary } from './stats'

export interface BenchOptions {
  sizes: number[]
  /** Timed runs per figure (the browser figures use at most 3). */
  runs?: number
  quick?: boolean
  /** Measure in Chromium (board on screen, scroll, renderer heap). */
  browser?: boolean
  rendererDir?: string
  seed?: number
  log?: (line: string) => void
}

export type Unit = 'ms' | 'rows/s' | 'MB'

export interface Target {
  text: string
  /** Which statistic the target reads. */
  stat: 'median' | 'p95'
  limit: number
  higherIsBetter?: boolean
  /** Largest allowed app/baseline ratio. */
  maxRatio?: number
}

export interface BenchRow {
  size: number
  figure: string
  unit: Unit
  status: 'ok' | 'not available yet' | 'error'
  app: Summary | null
  baseline: Summary | null
  baselineLabel: string
  /** App over baseline (time), baseline over app (rate): how many times the raw query the screen costs. */
  ratio: number | null
  target: Target | null
  met: boolean | null
  note: string
}

export interface BenchReport {
  startedAt: string
  finishedAt: string
  machine: { cpus: number; memoryGb: number; node: string; platform: string; sqlite: string; chromium: string | null }
  options: { sizes: number[]; runs: number; quick: boolean; browser: boolean; seed: number }
  caseloads: (BulkCaseloadSummary & { size: number; databaseMb: number })[]
  rows: BenchRow[]
}

const BOARD_TARGET_OPEN_CASES = 5_000
const RECOMPUTE_CASES = 10_000
const IMPORT_ROWS = 5_000

/** The board's cards straight from SQLite, no mapping, no JSON: the floor under `cases:board`. */
const RAW_BOARD_SQL = `SELECT c.id, c.stage, p.first_name, p.last_name, t.category, t.drug, cv.payer, cv.plan_family,
    c.advocate_id, a.display_name, c.urgency, c.stage_entered_at, c.is_demo, d.due_date, d.side, d.label_key, d.label_en, d.verified,
    EXISTS (SELECT 1 FROM case_deadlines o WHERE o.case_id = c.id AND o.side = 'payer' AND o.due_date < @today)
  FROM cases c JOIN patients p ON p.id = c.patient_id JOIN coverages cv ON cv.id = c.coverage_id JOIN therapies t ON t.id = c.therapy_id
  LEFT JOIN advocates a ON a.id = c.advocate_id
  LEFT JOIN case_deadlines d ON d.rowid = (SELECT rowid FROM case_deadlines WHERE case_id = c.id ORDER BY due_date, due_at LIMIT 1)
  ORDER BY c.stage_entered_at DESC, c.id DESC`

const RAW_RECOMPUTE_SQL = `SELECT c.*, p.first_name, p.last_name, cv.payer, cv.plan_family, cv.state, t.category, t.drug,
    (SELECT json_group_array(json_object('notice', d.notice_date, 'received', d.received_date, 'reasons', d.reasons)) FROM denials d WHERE d.case_id = c.id) AS denials,
    (SELECT json_group_array(json_object('on', pa.requested_on, 'outcome', pa.outcome)) FROM prior_auths pa WHERE pa.case_id = c.id) AS pas,
    r.signed_on
  FROM cases c JOIN patients p ON p.id = c.patient_id JOIN coverages cv ON cv.id = c.coverage_id JOIN therapies t ON t.id = c.therapy_id
  LEFT JOIN representations r ON r.case_id = c.id WHERE c.stage <> 'closed' ORDER BY c.id LIMIT ?`

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line))
  const quick = options.quick ?? false
  const baseRuns = options.runs ?? (quick ? 1 : 5)
  const seed = options.seed ?? 20261125
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer')
  const rows: BenchRow[] = []
  const caseloads: BenchReport['caseloads'] = []
  const startedAt = new Date().toISOString()
  const today = localDayOf(new Date())
  const workRoot = mkdtempSync(join(tmpdir(), 'overturn-bench-'))
  let browser: Browser | null = null
  let chromiumVersion: string | null = null
  if (options.browser ?? true) {
    if (!existsSync(join(rendererDir, 'index.html'))) {
      log('Building the renderer (out/renderer is missing): npx electron-vite build')
      const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
      if (build.status !== 0) throw new Error('electron-vite build failed')
    }
    browser = await launchChromium()
    chromiumVersion = browser.version()
  }

  const add = (row: Omit<BenchRow, 'ratio' | 'met' | 'status' | 'note' | 'baselineLabel'> & Partial<Pick<BenchRow, 'status' | 'note' | 'baselineLabel'>>) => {
    const full: BenchRow = { status: 'ok', note: '', baselineLabel: '', ratio: null, met: null, ...row }
    if (full.app && full.baseline) {
      full.ratio = full.unit === 'rows/s' ? full.baseline.median / full.app.median : full.app.median / full.baseline.median
    }
    if (full.target && full.app) {
      const value = full.app[full.target.stat]
      let met = full.target.higherIsBetter ? value >= full.target.limit : value <= full.target.limit
      if (full.target.maxRatio !== undefined && full.ratio !== null) met = met && full.ratio <= full.target.maxRatio
      full.met = met
    }
    rows.push(full)
    log(`  ${full.figure.padEnd(44)} ${full.app ? `${fmt(full.app.median)} ${full.unit}` : full.status}${full.baseline ? `  (baseline ${fmt(full.baseline.median)})` : ''}${full.note ? `  ${full.note}` : ''}`)
    return full
  }
  /** Runs one figure; a failure becomes an `error` row, so one broken measure never hides the others. */
  const measure = async (size: number, figure: string, unit: Unit, fn: () => Promise<void>) => {
    try {
      await fn()
    } catch (error) {
      add({ size, figure, unit, app: null, baseline: null, target: null, status: 'error', note: error instanceof Error ? error.message.split('\n')[0] : String(error) })
    }
  }

  try {
    // Opening a brand-new data folder runs every migration once: size-independent, measured first.
    await measure(0, 'open: new database, all migrations', 'ms', async () => {
      const times = await timeRuns(Math.max(3, baseRuns), () => {
        const dir = mkdtempSync(join(workRoot, 'fresh-'))
        createCore({ dataDir: dir, seedDemoOnFirstRun: false }).close()
        rmSync(dir, { recursive: true, force: true })
      })
      add({ size: 0, figure: 'open: new database, all migrations', unit: 'ms', app: summarize(times), baseline: null, target: null })
    })

    for (const size of options.sizes) {
      const runs = size > 10_000 ? Math.min(baseRuns, 3) : baseRuns
      const browserRuns = quick ? 1 : 3
      log(`\n${size.toLocaleString('en-US')} cases`)
      const dataDir = join(workRoot, `caseload-${size}`)
      const generator = createCore({ dataDir, seedDemoOnFirstRun: false })
      const generated = insertBulkCaseload(generator.db, { today, count: size, seed, minApplicants: 1_000 })
      generator.close()
      const databaseMb = statSync(join(dataDir, DATABASE_FILE)).size / 1e6
      caseloads.push({ ...generated, size, databaseMb })
      log(`  generated in ${(generated.millis / 1000).toFixed(1)} s: ${generated.openCases} open, ${generated.closedCases} closed, ${generated.contacts} contacts, ${generated.attachments} attachments, ${generated.applicants} applicants; ${databaseMb.toFixed(0)} MB`)

      await measure(size, 'open: existing database (migrations checked)', 'ms', async () => {
        const app = await timeRuns(runs, () => createCore({ dataDir, seedDemoOnFirstRun: false }).close())
        const baseline = await timeRuns(runs, () => {
          const db = openDatabase(join(dataDir, DATABASE_FILE))
          db.prepare('SELECT MAX(version) FROM schema_migrations').get()
          db.close()
        })
        add({ size, figure: 'open: existing database (migrations checked)', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'open + pragmas', target: null })
      })

      const core = createCore({ dataDir, seedDemoOnFirstRun: false })
      const raw = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
      const handlers = createHandlers(core) as Record<string, unknown>
      const dispatch = benchDispatch(core)
      try {
        await measureBoard(size, runs)
        if (browser) await measureBrowser(size, browserRuns, core, dispatch)
        await measureSearch(size, runs)
        await measureRecompute(size, runs)
        await measurePacket(size, runs)
        await measureScreening(size, runs)
        await measureImport(size, runs)
        await measureBackup(size, Math.min(runs, 3))
        await measureMemory(size)
      } finally {
        raw.close()
        core.close()
        rmSync(dataDir, { recursive: true, force: true })
      }

      async function measureBoard(size: number, runs: number) {
        const query = contract['cases:board'].request.parse({})
        const rawBoard = raw.prepare(RAW_BOARD_SQL).raw(true)
        const isTargetSize = Math.abs(generated.openCases - BOARD_TARGET_OPEN_CASES) <= BOARD_TARGET_OPEN_CASES * 0.1
        await measure(size, 'board: raw SQL query', 'ms', async () => {
          let cards = 0
          const baseline = await timeRuns(runs, () => (cards = rawBoard.all({ today }).length), 1)
          const app = await timeRuns(runs, () => core.board.load(query, today), 1)
          add({
            size, figure: 'board: core query + cards', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'raw SQL, all cases',
            target: { text: '≤ 3× raw', stat: 'median', limit: Number.POSITIVE_INFINITY, maxRatio: 3 }, note: `${core.board.load(query, today).cards.length} cards (raw ${cards})`,
          })
        })
        await measure(size, 'board: through the bridge (HTTP + JSON)', 'ms', async () => {
          const bridge = await startBridgeServer({ dispatch, rendererDir })
          try {
            let bytes = 0
            const post = async () => {
              const response = await fetch(`${bridge.url}api/cases%3Aboard`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Overturn-Token': bridge.token }, body: '{}' })
              bytes = (await response.text()).length
            }
            const app = await timeRuns(runs, post, 1)
            const baseline = await timeRuns(runs, () => rawBoard.all({ today }))
            add({
              size, figure: 'board: through the bridge (HTTP + JSON)', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'raw SQL',
              target: isTargetSize ? { text: '≤ 3× raw', stat: 'median', limit: Number.POSITIVE_INFINITY, maxRatio: 3 } : null, note: `${(bytes / 1e6).toFixed(1)} MB of JSON`,
            })
          } finally {
            await bridge.close()
          }
        })
        void isTargetSize
      }

      async function measureBrowser(size: number, runs: number, core: Core, dispatch: ReturnType<typeof benchDispatch>) {
        void core
        const isTargetSize = Math.abs(generated.openCases - BOARD_TARGET_OPEN_CASES) <= BOARD_TARGET_OPEN_CASES * 0.1
        const bridge = await startBridgeServer({ dispatch, rendererDir })
        try {
          const rawBoard = raw.prepare(RAW_BOARD_SQL).raw(true)
          const baseline = await timeRuns(runs, () => rawBoard.all({ today }))
          const screen: number[] = []
          const request: number[] = []
          const render: number[] = []
          let cardsInDom = 0
          const pages: Awaited<ReturnType<typeof openBoard>>['page'][] = []
          await measure(size, 'board on screen in Chromium', 'ms', async () => {
            for (let i = 0; i < runs + 1; i++) {
              const { page, result } = await openBoard(browser!, bridge.openUrl)
              if (i > 0) {
                // The first page load warms the HTTP server and the disk cache; it is not counted.
                screen.push(result.onScreenMs)
                if (result.requestStartMs !== null && result.responseEndMs !== null) {
                  request.push(result.responseEndMs - result.requestStartMs)
                  render.push(result.onScreenMs - result.responseEndMs)
                }
              }
              cardsInDom = result.cardsInDom
              await pages.pop()?.close()
              pages.push(page)
            }
            add({
              size, figure: 'board on screen in Chromium', unit: 'ms', app: summarize(screen), baseline: summarize(baseline), baselineLabel: 'raw SQL',
              target: isTargetSize ? { text: '< 500 ms (5,000 open)', stat: 'median', limit: 500 } : null,
              note: `navigation → cards on screen; ${cardsInDom} cards in the DOM (virtualized)`,
            })
            if (request.length) add({ size, figure: '  of which: cases:board request', unit: 'ms', app: summarize(request), baseline: null, target: null })
            if (render.length) add({ size, figure: '  of which: response → cards painted', unit: 'ms', app: summarize(render), baseline: null, target: null })
          })
          const page = pages.pop()
          if (page) {
            await measure(size, 'renderer heap after board', 'MB', async () => {
              const heap = await rendererHeap(page)
              add({ size, figure: 'renderer heap after board', unit: 'MB', app: summarize([heap / 1e6]), baseline: null, target: null })
            })
            await measure(size, 'scroll longest column to bottom', 'ms', async () => {
              const result = await scrollLongestColumn(page, quick ? 40 : 100)
              add({
                size, figure: `scroll a ${result.cards.toLocaleString('en-US')}-card column: frame`, unit: 'ms', app: summarize(result.frames), baseline: summarize(result.idleFrames),
                baselineLabel: 'idle frame', target: null,
                note: `${result.frames.length} jumps to the bottom; ${result.longTasks} long tasks (${result.longTaskMs.toFixed(0)} ms); ${result.cardsRenderedAtBottom} cards rendered at the bottom`,
              })
            })
            await page.close()
          }
        } finally {
          await bridge.close()
        }
      }

      async function measureSearch(size: number, runs: number) {
        const texts = searchTexts(raw, seed + size)
        const hasFts = Boolean(raw.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'").get())
        const ftsQuery = hasFts ? raw.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50') : null
        const baseline: number[] = []
        if (ftsQuery) {
          for (let r = 0; r < runs; r++) {
            for (const text of texts) {
              const started = performance.now()
              ftsQuery.all(ftsExpression(text))
              baseline.push(performance.now() - started)
            }
          }
        }
        const target: Target = { text: 'p95 < 30 ms at 100k, ≤ 3× raw', stat: 'p95', limit: size >= 100_000 ? 30 : Number.POSITIVE_INFINITY, maxRatio: 3 }
        if (!handlers['search:query']) {
          add({ size, figure: 'search (search:query)', unit: 'ms', app: null, baseline: baseline.length ? summarize(baseline) : null, baselineLabel: 'raw FTS5 MATCH', target, status: 'not available yet', note: 'no search:query handler in the core yet' })
          return
        }
        await measure(size, 'search (search:query)', 'ms', async () => {
          const app: number[] = []
          for (const text of texts.slice(0, 3)) await dispatch('search:query', { text })
          for (let r = 0; r < runs; r++) {
            for (const text of texts) {
              const started = performance.now()
              const result = await dispatch('search:query', { text })
              app.push(performance.now() - started)
              if (!result.ok) throw new Error(`search:query answered ${result.error.code}`)
            }
          }
          add({ size, figure: 'search (search:query)', unit: 'ms', app: summarize(app), baseline: baseline.length ? summarize(baseline) : null, baselineLabel: 'raw FTS5 MATCH', target, note: `${texts.length} queries × ${runs}; p95 ${fmt(summarize(app).p95)} ms` })
        })
      }

      async function measureRecompute(size: number, runs: number) {
        const ids = (core.db.prepare("SELECT id FROM cases WHERE stage <> 'closed' ORDER BY id LIMIT ?").all(RECOMPUTE_CASES) as { id: number }[]).map((r) => r.id)
        const figure = `recompute deadlines: ${ids.length.toLocaleString('en-US')} open cases`
        await measure(size, figure, 'ms', async () => {
          const rawInputs = raw.prepare(RAW_RECOMPUTE_SQL).raw(true)
          const baseline = await timeRuns(runs, () => rawInputs.all(RECOMPUTE_CASES))
          const refreshAll = (core.deadlines as { refreshAll?: (today: string, ids?: number[]) => unknown }).refreshAll
          const app = await timeRuns(runs, () => {
            if (refreshAll) refreshAll(today, ids)
            else core.db.transaction(() => ids.forEach((id) => core.deadlines.refresh(id, today)))()
          })
          add({
            size, figure, unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'raw SQL of the inputs',
            target: ids.length >= RECOMPUTE_CASES ? { text: '< 1 s for 10,000', stat: 'median', limit: 1000 } : null,
            note: refreshAll ? 'deadlines.refreshAll (batched)' : 'deadlines.refresh per case, one transaction',
          })
        })
      }

      async function measurePacket(size: number, runs: number) {
        const documents = (core as { documents?: Core['documents'] }).documents
        if (!documents?.buildPacket) {
          add({ size, figure: 'packet: 10 exhibits', unit: 'ms', app: null, baseline: null, target: null, status: 'not available yet' })
          return
        }
        await measure(size, 'packet: 10 exhibits', 'ms', async () => {
          const row = core.db.prepare(`SELECT c.id FROM cases c WHERE c.stage = 'internal_appeal' AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.case_id = c.id) ORDER BY c.id LIMIT 1`).get() as { id: number }
          const caseId = row.id
          for (let n = 1; n <= 10; n++) {
            const pdf = Buffer.from(`%PDF-1.4\n% Exhibit ${n} for case ${caseId}\n${'x'.repeat(20_000 + n)}\n%%EOF\n`)
            documents.upload({ caseId, fileName: `exhibit-${n}.pdf`, label: `Exhibit ${n}`, base64: pdf.toString('base64'), evidenceItemId: undefined } as Parameters<typeof documents.upload>[0])
          }
          const { letterKindRule } = await import('../../shared/rules/letters/kinds')
          const options = documents.letterOptions(caseId)
          const kind = (options.find((o) => o.isRecommended && letterKindRule(o.kind).isPacket) ?? options.find((o) => letterKindRule(o.kind).isPacket) ?? options[0]).kind
          const request = { caseId, kind, acceptPlaceholders: true }
          let bytes = 0
          const app = await timeRuns(runs, async () => (bytes = (await documents.buildPacket(request)).base64.length), 1)
          const attachmentsQuery = raw.prepare('SELECT * FROM attachments WHERE case_id = ? ORDER BY exhibit_number')
          const caseQuery = raw.prepare('SELECT * FROM cases c JOIN patients p ON p.id = c.patient_id JOIN coverages cv ON cv.id = c.coverage_id JOIN therapies t ON t.id = c.therapy_id WHERE c.id = ?')
          const baseline = await timeRuns(runs, () => {
            caseQuery.get(caseId)
            raw.prepare('SELECT * FROM denials WHERE case_id = ?').all(caseId)
            for (const a of attachmentsQuery.all(caseId) as { stored_name: string }[]) existsSync(join(dataDir, 'attachments', String(caseId), a.stored_name))
          })
          add({ size, figure: 'packet: 10 exhibits', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'raw SQL reads', target: { text: '< 300 ms', stat: 'median', limit: 300 }, note: `${kind}, ${(bytes * 0.75 / 1e3).toFixed(0)} kB .docx` })
        })
      }

      async function measureScreening(size: number, runs: number) {
        const screening = (core as { screening?: Core['screening'] }).screening
        if (!screening?.applicants?.get) {
          add({ size, figure: 'screening: 1,000 applicants', unit: 'ms', app: null, baseline: null, target: null, status: 'not available yet' })
          return
        }
        await measure(size, 'screening: 1,000 applicants', 'ms', async () => {
          const ids = (raw.prepare('SELECT id FROM applicants ORDER BY id LIMIT 1000').all() as { id: number }[]).map((r) => r.id)
          const app = await timeRuns(runs, () => ids.forEach((id) => screening.applicants.get(id)), 1)
          const baseline = await timeRuns(runs, () => {
            raw.prepare('SELECT * FROM assistance_programs').all()
            raw.prepare('SELECT * FROM applicants WHERE id <= ? ORDER BY id').all(ids.at(-1))
            raw.prepare('SELECT * FROM assistance_applications WHERE applicant_id <= ?').all(ids.at(-1))
          })
          add({ size, figure: `screening: ${ids.length.toLocaleString('en-US')} applicants (each screened)`, unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'raw SQL reads', target: null })
          const queueQuery = contract['applicants:list' as keyof typeof contract]?.request.parse({}) ?? {}
          const queue = await timeRuns(Math.min(runs, 3), () => screening.applicants.list(queueQuery as Parameters<typeof screening.applicants.list>[0]))
          add({ size, figure: `applicant queue: all ${generated.applicants.toLocaleString('en-US')} screened`, unit: 'ms', app: summarize(queue), baseline: null, target: null })
        })
      }

      async function measureImport(size: number, runs: number) {
        const screening = (core as { screening?: Core['screening'] }).screening
        if (!screening?.applicants?.importCsv) {
          add({ size, figure: 'CSV import (applicants)', unit: 'rows/s', app: null, baseline: null, target: null, status: 'not available yet' })
          return
        }
        await measure(size, 'CSV import (applicants)', 'rows/s', async () => {
          const { APPLICANT_CSV_COLUMNS, applicantCsvRow, toCsv } = await import('../../electron/core/screening/applicantCsv')
          const rowCount = quick ? 1_000 : IMPORT_ROWS
          const random = seededRandom(seed + size)
          const facts = generateCaseload({ today, count: rowCount, seed: seed + 1, advocateIds: [] }).map((demo) => syntheticApplicant(demo, random))
          const csv = toCsv([[...APPLICANT_CSV_COLUMNS], ...facts.map(applicantCsvRow)])
          const app: number[] = []
          for (let r = 0; r < runs; r++) {
            const started = performance.now()
            const report = screening.applicants.importCsv(csv, 'valid_rows_only')
            const millis = performance.now() - started
            if (report.imported !== rowCount) throw new Error(`imported ${report.imported} of ${rowCount} rows (${report.invalidRows} invalid)`)
            app.push(rowCount / (millis / 1000))
          }
          const insert = core.db.prepare(`INSERT INTO applicants (first_name, last_name, date_of_birth, household_size, annual_income_cents, state, insurance_type, payer,
            drug_covered, icd10_codes, drug_name, hcpcs_code, treatment_start, out_of_pocket_cents, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          const baseline: number[] = []
          const now = new Date().toISOString()
          for (let r = 0; r < runs; r++) {
            const started = performance.now()
            core.db.transaction(() => {
              for (const f of facts) {
                insert.run(f.firstName, f.lastName, f.dateOfBirth, f.householdSize, f.annualIncome, f.state, f.insuranceType, f.payer, f.drugCovered, JSON.stringify(f.icd10Codes), f.drugName, f.hcpcsCode, f.treatmentStart, f.outOfPocket, f.notes, now, now)
              }
            })()
            baseline.push(rowCount / ((performance.now() - started) / 1000))
          }
          add({ size, figure: `CSV import: ${rowCount.toLocaleString('en-US')} applicants`, unit: 'rows/s', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'raw INSERTs, one transaction', target: { text: '≥ 5,000 rows/s', stat: 'median', limit: 5000, higherIsBetter: true }, note: 'parse + validate + insert (valid_rows_only)' })
        })
      }

      async function measureBackup(size: number, runs: number) {
        const folder = join(workRoot, `backup-${size}`)
        mkdirSync(folder, { recursive: true })
        const backupModule = join(import.meta.dirname, '../../electron/core/backup/backupService.ts')
        const service = existsSync(backupModule) ? ((await import(backupModule)) as { createBackup?: (db: unknown, o: { dataDir: string; reason: string; now: Date }) => unknown }) : null
        await measure(size, 'backup + integrity check', 'ms', async () => {
          let n = 0
          const baseline = await timeRuns(runs, () => {
            const file = join(folder, `raw-${n++}.db`)
            core.db.prepare('VACUUM INTO ?').run(file)
            const copy = new Database(file, { readonly: true })
            const check = copy.pragma('integrity_check', { simple: true })
            copy.close()
            rmSync(file, { force: true })
            if (check !== 'ok') throw new Error(`integrity_check: ${String(check)}`)
          })
          const app = await timeRuns(runs, () => {
            if (service?.createBackup) {
              service.createBackup(core.db, { dataDir, reason: 'manual', now: new Date(Date.now() + n++ * 1000) })
              rmSync(join(dataDir, 'backups'), { recursive: true, force: true })
            } else {
              const file = join(folder, `app-${n++}.db`)
              core.db.prepare('VACUUM INTO ?').run(file)
              const copy = new Database(file, { readonly: true })
              copy.pragma('integrity_check', { simple: true })
              copy.close()
              rmSync(file, { force: true })
            }
          })
          add({
            size, figure: 'backup + integrity check', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'VACUUM INTO + integrity_check',
            target: size >= 100_000 ? { text: '< 5 s at 100k', stat: 'median', limit: 5000 } : null,
            note: service?.createBackup ? 'backupService.createBackup' : 'no backup service yet: VACUUM INTO + integrity_check',
          })
        })
        rmSync(folder, { recursive: true, force: true })
      }

      async function measureMemory(size: number) {
        await measure(size, 'core process memory (RSS)', 'MB', async () => {
          const tsx = resolve('node_modules/.bin/tsx')
          const child = spawnSync(tsx, [resolve(import.meta.dirname, 'coreMemory.ts'), dataDir], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '--expose-gc' }, timeout: 180_000 })
          if (child.status !== 0) throw new Error(`coreMemory exited ${child.status}: ${child.stderr.split('\n')[0]}`)
          const memory = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rssAfterOpen: number; rssPeak: number; rss: number; heapUsed: number }
          add({
            size, figure: 'core process memory (peak RSS)', unit: 'MB', app: summarize([memory.rssPeak / 1e6]), baseline: summarize([memory.rssAfterOpen / 1e6]), baselineLabel: 'RSS after open',
            target: size >= 100_000 ? { text: '< 300 MB at 100k', stat: 'median', limit: 300 } : null,
            note: `after 3 boards + searches; settled ${(memory.rss / 1e6).toFixed(0)} MB RSS, ${(memory.heapUsed / 1e6).toFixed(0)} MB JS heap`,
          })
        })
      }
    }
  } finally {
    await browser?.close()
    rmSync(workRoot, { recursive: true, force: true })
  }

  const { cpus, totalmem, platform } = await import('node:os')
  const sqlite = (() => {
    const db = new Database(':memory:')
    const version = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
    db.close()
    return version
  })()
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGb: Math.round(totalmem() / 1e9), node: process.version, platform: platform(), sqlite, chromium: chromiumVersion },
    options: { sizes: options.sizes, runs: baseRuns, quick, browser: Boolean(browser), seed },
    caseloads,
    rows,
  }
}

/**
 * The core's dispatcher with the lock screen answered "unlocked": the benchmark opens a plain
 * (unencrypted) caseload directly, as the tests do, and measures the board rather than a sign-in.
 */
function benchDispatch(core: Core) {
  const dispatch = createDispatcher(core)
  const user = { id: 'bench', displayName: 'Benchmark', role: 'admin' }
  return async (channel: string, request: unknown) => {
    const result = await dispatch(channel, request)
    if (!result.ok && channel === 'session:status') return { ok: true as const, data: { state: 'unlocked', user, users: [user], idleLockMinutes: 0 } }
    return result
  }
}

/** What advocates type: last names, first + last, drugs, payers, member ids, a misspelling; drawn from the caseload. */
function searchTexts(db: Database.Database, seed: number): string[] {
  const random = seededRandom(seed)
  const names = db.prepare('SELECT first_name, last_name FROM patients ORDER BY id LIMIT 2000').all() as { first_name: string; last_name: string }[]
  const drugs = (db.prepare('SELECT DISTINCT drug FROM therapies LIMIT 50').all() as { drug: string }[]).map((r) => r.drug)
  const payers = (db.prepare('SELECT DISTINCT payer FROM coverages LIMIT 50').all() as { payer: string }[]).map((r) => r.payer)
  const members = (db.prepare('SELECT member_id FROM coverages ORDER BY id DESC LIMIT 500').all() as { member_id: string }[]).map((r) => r.member_id)
  const texts: string[] = []
  for (let i = 0; i < 8; i++) texts.push(random.pick(names).last_name)
  for (let i = 0; i < 6; i++) {
    const n = random.pick(names)
    texts.push(`${n.first_name} ${n.last_name}`)
  }
  for (let i = 0; i < 4; i++) texts.push(random.pick(drugs).split(' ')[0])
  for (let i = 0; i < 3; i++) texts.push(random.pick(payers).split(' ')[0])
  for (let i = 0; i < 3; i++) texts.push(random.pick(members))
  texts.push(random.pick(names).last_name.slice(0, 3), 'gamagard', 'ivig denial')
  return texts
}

/** Every token quoted, the last as a prefix: what a typed query becomes in FTS5. */
function ftsExpression(text: string): string {
  const tokens = text.split(/\s+/).filter(Boolean).map((t) => `"${t.replace(/"/g, '""')}"`)
  return tokens.map((t, i) => (i === tokens.length - 1 ? `${t}*` : t)).join(' ')
}

export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '—'
  if (value >= 1000) return Math.round(value).toLocaleString('en-US')
  if (value >= 100) return value.toFixed(0)
  if (value >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

/** For tests and the JSON: every folder the benchmark made is gone. */
export const leftoverBenchFolders = () => readdirSync(tmpdir()).filter((name) => name.startsWith('overturn-bench-'))
