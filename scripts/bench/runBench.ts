import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import type { Browser } from '@playwright/test'
import { contract } from '../../shared/contract'
import { localDayOf } from '../../shared/domain/days'
import { startBridgeServer } from '../../electron/bridge/bridgeServer'
import { createEventHub, withCoreEvents } from '../../electron/core/events'
import { createCore, DATABASE_FILE, type Core } from '../../electron/core/createCore'
import { insertBulkCaseload, syntheticApplicant, type BulkCaseloadSummary } from './bulkCaseload'
import { generateCaseload } from '../../electron/core/demo/demoCaseload'
import { seededRandom } from '../../electron/core/demo/demoFacts'
import { createHandlers } from '../../electron/core/dispatcher'
import { openDatabase } from '../../electron/core/db/openDatabase'
import { createBackupInWorker } from '../../electron/core/backup/backupInWorker'
import { listBackups } from '../../electron/core/backup/backupService'
import { CARD_COLUMNS, CARD_JOINS } from '../../electron/core/cases/boardRepository'
import { readKeyStore, unlockWithPassphrase } from '../../electron/core/security/keyStore'
import { createAppSession } from '../../electron/core/session/appSession'
import { BOARD_PAGE_SIZE } from '../../shared/domain/cases'
import { STAGES } from '../../shared/domain/enums'
import { boardAfterCase, launchChromium, openBoard, rendererHeap, scrollLongestColumn, unlockToBoard } from './browserBench'
import { bundleCoreMemory } from './coreMemoryBundle'
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
  /** Where generated caseloads are kept between runs (default bench-cache/, git-ignored). */
  cacheDir?: string
  /** Only fill the cache (generate the caseloads), measure nothing. */
  generateOnly?: boolean
  log?: (line: string) => void
}

export type Unit = 'ms' | 'rows/s' | 'MB'

export interface Target {
  text: string
  /** Which statistic the target reads. */
  stat: 'median' | 'p95' | 'max'
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

/** The caseloads' passphrase (synthetic data only); the app's own passphrase hash cost. */
const BENCH_PASSPHRASE = 'benchmark caseload passphrase'
const RECOMPUTE_CASES = 10_000
const IMPORT_ROWS = 5_000

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
  const cacheDir = resolve(options.cacheDir ?? 'bench-cache')
  mkdirSync(cacheDir, { recursive: true })
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
      // Five paints per size: one page load varies by ±30 ms on this machine, three gave a jumpy median.
      const browserRuns = quick ? 1 : 5
      log(`\n${size.toLocaleString('en-US')} cases`)
      const dataDir = join(workRoot, `caseload-${size}`)
      const generated = prepareCaseload(size)
      const databaseMb = statSync(join(dataDir, DATABASE_FILE)).size / 1e6
      caseloads.push({ ...generated, size, databaseMb })
      log(`  ${generated.fromCache ? 'from the cache' : `generated in ${(generated.millis / 1000).toFixed(1)} s`}: ${generated.openCases} open, ${generated.closedCases} closed, ${generated.contacts} contacts, ${generated.attachments} attachments, ${generated.applicants} applicants; ${databaseMb.toFixed(0)} MB, encrypted`)
      if (options.generateOnly) {
        rmSync(dataDir, { recursive: true, force: true })
        continue
      }
      const keys = readKeyStore(dataDir)
      const userId = keys.users[0].id
      const key = unlockWithPassphrase(keys, userId, BENCH_PASSPHRASE)!.dataKey

      await measure(size, 'open: existing database (migrations checked)', 'ms', async () => {
        const app = await timeRuns(runs, () => createCore({ dataDir, key, seedDemoOnFirstRun: false }).close())
        const baseline = await timeRuns(runs, () => {
          const db = openDatabase(join(dataDir, DATABASE_FILE), key)
          db.prepare('SELECT MAX(version) FROM schema_migrations').get()
          db.close()
        })
        add({ size, figure: 'open: existing database (migrations checked)', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'open with key + pragmas', target: null })
      })

      // The app as it runs: a session on the encrypted caseload, unlocked with a passphrase.
      const session = createAppSession({ dataDir, seedDemoOnFirstRun: false })
      const raw = openDatabase(join(dataDir, DATABASE_FILE), key, { readonly: true })
      await measureUnlock(size, runs)
      session.unlock(userId, BENCH_PASSPHRASE)
      await measure(size, 'integrity check (worker, after unlock)', 'ms', async () => {
        const started = performance.now()
        await session.integrityCheck
        const state = session.status()
        if (state.state !== 'unlocked' || state.integrity?.state !== 'ok') throw new Error(`integrity check: ${JSON.stringify(state.state === 'unlocked' ? state.integrity : state.state)}`)
        add({ size, figure: 'integrity check (worker, after unlock)', unit: 'ms', app: summarize([performance.now() - started]), baseline: null, target: null, note: 'quick_check on its own connection, off the unlock path' })
      })
      // The unlock figures in Chromium lock and unlock again: `core` always names the open one.
      let core = session.core!
      const handlers = createHandlers(core) as Record<string, unknown>
      const dispatch = session.dispatch
      try {
        await measureBoard(size, runs)
        if (browser) await measureBrowser(size, browserRuns)
        core = session.core!
        await measureSearch(size, runs)
        await measureRecompute(size, runs)
        await measurePacket(size, runs)
        await measureScreening(size, runs)
        await measureImport(size, runs)
        await measureBackup(size, Math.min(runs, 3))
        await measureMemory(size)
      } finally {
        raw.close()
        session.close()
        rmSync(dataDir, { recursive: true, force: true })
      }

      /** The caseload from the cache (generated once per size, seed, day and schema), copied for this run. */
      function prepareCaseload(size: number): BulkCaseloadSummary & { fromCache: boolean } {
        const migrations = readdirSync(resolve('electron/core/db/migrations')).filter((f) => f.endsWith('.sql')).length
        const cached = join(cacheDir, `caseload-${size}-seed${seed}-${today}-m${migrations}`)
        if (!existsSync(join(cached, 'summary.json'))) {
          rmSync(cached, { recursive: true, force: true })
          const building = `${cached}.partial`
          rmSync(building, { recursive: true, force: true })
          const maker = createAppSession({ dataDir: building, seedDemoOnFirstRun: false })
          maker.setup('Benchmark', BENCH_PASSPHRASE)
          // One applicant per case, so the 100,000-case caseload holds the 100,000 applicants of issue 15's target.
          const summary = insertBulkCaseload(maker.core!.db, { today, count: size, seed, minApplicants: 1_000, applicantsPerCase: 1 })
          maker.core!.db.pragma('wal_checkpoint(TRUNCATE)')
          maker.close()
          writeFileSync(join(building, 'summary.json'), JSON.stringify(summary))
          renameSync(building, cached)
          cpSync(cached, dataDir, { recursive: true })
          return { ...summary, fromCache: false }
        }
        cpSync(cached, dataDir, { recursive: true })
        rmSync(join(dataDir, 'overturn.lock'), { force: true })
        return { ...(JSON.parse(readFileSync(join(cached, 'summary.json'), 'utf8')) as BulkCaseloadSummary), fromCache: true }
      }

      /** Unlock → board in the core: passphrase hash, opening the encrypted caseload, the first page of the board. */
      async function measureUnlock(size: number, runs: number) {
        await measure(size, 'unlock → board (core)', 'ms', async () => {
          const app = await timeRuns(runs, async () => {
            session.lock()
            session.unlock(userId, BENCH_PASSPHRASE)
            const board = await session.dispatch('cases:board', {})
            if (!board.ok) throw new Error(`cases:board answered ${board.error.code}`)
          })
          session.lock()
          const kdf = await timeRuns(runs, () => unlockWithPassphrase(readKeyStore(dataDir), userId, BENCH_PASSPHRASE))
          add({ size, figure: '  of which: passphrase hash (scrypt)', unit: 'ms', app: summarize(kdf), baseline: null, target: null, note: `N = 2^${Math.log2(readKeyStore(dataDir).kdf.N)}: the cost that slows guessing` })
          add({ size, figure: '  unlock → board without the hash', unit: 'ms', app: summarize(app.map((t, i) => t - (kdf[i] ?? summarize(kdf).median))), baseline: null, target: null })
          const rawPage = rawBoardPage(raw)
          const baseline = await timeRuns(runs, () => {
            const db = openDatabase(join(dataDir, DATABASE_FILE), unlockWithPassphrase(readKeyStore(dataDir), userId, BENCH_PASSPHRASE)!.dataKey)
            db.close()
            rawPage()
          })
          add({
            size, figure: 'unlock → board (core)', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'scrypt + open + raw first page',
            target: size >= 100_000 ? { text: '≤ 1 s at 100k', stat: 'median', limit: 1000 } : null, note: 'session.unlock + cases:board; the integrity check runs later in a worker',
          })
        })
      }

      async function measureBoard(size: number, runs: number) {
        const query = contract['cases:board'].request.parse({})
        const rawPage = rawBoardPage(raw)
        await measure(size, 'board: first page (core)', 'ms', async () => {
          let rows = 0
          const baseline = await timeRuns(runs, () => (rows = rawPage()), 1)
          const app = await timeRuns(runs, () => core.board.load(query, today), 1)
          add({
            size, figure: 'board: first page, core', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'same SQL, raw rows',
            target: { text: '≤ 3× raw', stat: 'median', limit: Number.POSITIVE_INFINITY, maxRatio: 3 }, note: `${core.board.load(query, today).cards.length} cards (raw ${rows} rows); each column's first ${BOARD_PAGE_SIZE} + counts`,
          })
        })
        await measure(size, 'board: next page of the longest column', 'ms', async () => {
          const first = core.board.load(query, today)
          const stage = STAGES.filter((st) => st !== 'closed').reduce((a, b) => ((first.counts[b] ?? 0) > (first.counts[a] ?? 0) ? b : a))
          const after = first.next[stage]
          if (!after) throw new Error('no second page')
          const page = { ...query, stage, after }
          const rawNext = raw.prepare(`SELECT ${CARD_COLUMNS} FROM cases c ${CARD_JOINS} WHERE c.stage = @stage AND (c.stage_entered_at, c.id) < (@at, @id) ORDER BY c.stage_entered_at DESC, c.id DESC LIMIT ${BOARD_PAGE_SIZE + 1}`).raw(true)
          const baseline = await timeRuns(runs, () => rawNext.all({ today, stage, at: after.enteredAt, id: after.id }), 1)
          const app = await timeRuns(runs, () => core.board.load(page, today), 1)
          add({ size, figure: 'board: next page of the longest column', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'same SQL, raw rows', target: { text: '≤ 3× raw', stat: 'median', limit: Number.POSITIVE_INFINITY, maxRatio: 3 }, note: `${stage}, ${(first.counts[stage] ?? 0).toLocaleString('en-US')} cards` })
        })
        await measure(size, 'board: search box (SQL filter)', 'ms', async () => {
          const text = (raw.prepare('SELECT last_name FROM patients ORDER BY id LIMIT 1 OFFSET 7').pluck().get() as string) ?? 'Garcia'
          const filtered = contract['cases:board'].request.parse({ text })
          const app = await timeRuns(runs, () => core.board.load(filtered, today), 1)
          add({ size, figure: 'board: search box (SQL filter)', unit: 'ms', app: summarize(app), baseline: null, target: null, note: `"${text}": ${core.board.load(filtered, today).cards.length} cards, counts for every column` })
        })
        await measure(size, 'board: through the bridge (HTTP + JSON)', 'ms', async () => {
          const bridge = await startBridgeServer(bridgeOptions())
          try {
            let bytes = 0
            const post = async () => {
              const response = await fetch(`${bridge.url}api/cases%3Aboard`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Overturn-Token': bridge.token }, body: '{}' })
              bytes = (await response.text()).length
            }
            const app = await timeRuns(runs, post, 1)
            const baseline = await timeRuns(runs, () => rawPage())
            add({
              size, figure: 'board: first page through the bridge', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'same SQL, raw rows',
              target: { text: '≤ 3× raw', stat: 'median', limit: Number.POSITIVE_INFINITY, maxRatio: 3 }, note: `${(bytes / 1e3).toFixed(0)} kB of JSON; session (roles, audit), zod, HTTP`,
            })
          } finally {
            await bridge.close()
          }
        })
      }

      /** The bridge as browser mode starts it (scripts/browser.ts): the core's events streamed to the page. */
      function bridgeOptions() {
        const events = createEventHub()
        return { dispatch: withCoreEvents(dispatch, events), events, rendererDir }
      }

      async function measureBrowser(size: number, runs: number) {
        const bridge = await startBridgeServer(bridgeOptions())
        try {
          const rawPage = rawBoardPage(raw)
          const baseline = await timeRuns(runs, () => rawPage())
          const screen: number[] = []
          const request: number[] = []
          const render: number[] = []
          const statusGap: number[] = []
          let cardsInDom = 0
          let coldLoad = 0
          const pages: Awaited<ReturnType<typeof openBoard>>['page'][] = []
          await measure(size, 'board painted in Chromium', 'ms', async () => {
            // One browser context, as one user's browser: its first load has nothing cached and is
            // reported apart; the later ones have the renderer's scripts cached, as every start of the
            // desktop app has (Electron's code cache for app://) and every reload in browser mode.
            const context = await browser!.newContext()
            for (let i = 0; i < runs + 1; i++) {
              const { page, result } = await openBoard(context, bridge.openUrl)
              if (i === 0) coldLoad = result.onScreenMs
              if (i > 0) {
                screen.push(result.onScreenMs)
                if (result.requestStartMs !== null && result.responseEndMs !== null) {
                  request.push(result.responseEndMs - result.requestStartMs)
                  render.push(result.onScreenMs - result.responseEndMs)
                }
                if (result.requestStartMs !== null && result.statusEndMs !== null) statusGap.push(result.requestStartMs - result.statusEndMs)
              }
              cardsInDom = result.cardsInDom
              await pages.pop()?.close()
              pages.push(page)
            }
            add({
              size, figure: 'board painted in Chromium', unit: 'ms', app: summarize(screen), baseline: summarize(baseline), baselineLabel: 'raw first page',
              target: { text: '≤ 300 ms median, ≤ 500 p95', stat: 'median', limit: 300 },
              note: `navigation → the painted frame with cards in 9 columns, 1440 × 900, scripts cached; ${cardsInDom} cards in the DOM`,
            })
            add({ size, figure: '  board painted, first load (nothing cached)', unit: 'ms', app: summarize([coldLoad]), baseline: null, target: null, note: 'the same page with an empty cache: scripts fetched and compiled' })
            add({ size, figure: '  board painted: p95 target', unit: 'ms', app: summarize(screen), baseline: null, target: { text: '≤ 500 ms p95', stat: 'p95', limit: 500 } })
            if (request.length) add({ size, figure: '  of which: cases:board request', unit: 'ms', app: summarize(request), baseline: null, target: null })
            if (render.length) add({ size, figure: '  of which: response → painted', unit: 'ms', app: summarize(render), baseline: null, target: null })
            if (statusGap.length) add({ size, figure: '  board request sent − status answered', unit: 'ms', app: summarize(statusGap), baseline: null, target: null, note: 'negative: sent before the status came back (no waterfall)' })
          })
          const page = pages.pop()
          if (page) {
            await measure(size, 'board painted, back from a case', 'ms', async () => {
              const times: number[] = []
              for (let i = 0; i < runs + 1; i++) {
                const millis = await boardAfterCase(page)
                if (i > 0) times.push(millis)
              }
              add({
                size, figure: 'board painted, back from a case', unit: 'ms', app: summarize(times), baseline: summarize(baseline), baselineLabel: 'raw first page',
                target: { text: '≤ 300 ms median', stat: 'median', limit: 300 }, note: 'click on the header\'s Board link on a case page → painted board (in-app, the everyday path)',
              })
            })
            await measure(size, 'renderer heap after board', 'MB', async () => {
              const heap = await rendererHeap(page)
              add({ size, figure: 'renderer heap after board', unit: 'MB', app: summarize([heap / 1e6]), baseline: null, target: null })
            })
            await measure(size, 'scroll longest column to bottom', 'ms', async () => {
              const result = await scrollLongestColumn(page, quick ? 40 : 100)
              add({
                size, figure: `scroll a ${result.cards.toLocaleString('en-US')}-card column: frame`, unit: 'ms', app: summarize(result.frames), baseline: summarize(result.idleFrames),
                baselineLabel: 'idle frame', target: null,
                note: `${result.frames.length} jumps, pages loading as it goes; ${result.longTasks} long tasks (${result.longTaskMs.toFixed(0)} ms); ${result.cardsRenderedAtBottom} cards rendered at the end`,
              })
            })
            await page.context().close()
          }
          await measure(size, 'unlock → board painted in Chromium', 'ms', async () => {
            const times: number[] = []
            for (let i = 0; i < Math.min(runs, 2); i++) {
              session.lock()
              const { page: locked, millis } = await unlockToBoard(browser!, bridge.openUrl, BENCH_PASSPHRASE)
              times.push(millis)
              await locked.close()
              await session.integrityCheck
            }
            add({
              size, figure: 'unlock → board painted in Chromium', unit: 'ms', app: summarize(times), baseline: null, target: size >= 100_000 ? { text: '≤ 1 s at 100k', stat: 'median', limit: 1000 } : null,
              note: 'click on Unlock → painted board (scrypt, open, first page, render)',
            })
          })
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
          // The queue as the renderer asks for it: the first page in name order with the total, through the contract's schema.
          const list = (request: Record<string, unknown>) => screening.applicants.list(contract['applicants:list'].request.parse(request))
          const firstPage = list({})
          if (firstPage.total !== generated.applicants || firstPage.rows.length === 0) throw new Error(`applicant queue: ${firstPage.total} of ${generated.applicants} applicants`)
          const queue = await timeRuns(runs, () => list({}), 1)
          const pageSql = `SELECT a.id, a.first_name, a.last_name, a.state, a.insurance_type, a.drug_name, s.best_outcome, s.eligible, s.needs_information, s.fpl_percent,
            s.open_applications, s.next_reminder_on FROM applicants a JOIN applicant_outcomes s ON s.applicant_id = a.id`
          // Like for like: the same page and the same count (the outcome table has a row per applicant), statements prepared once.
          const rawPage = raw.prepare(`${pageSql} ORDER BY a.last_name, a.first_name, a.id LIMIT 51`)
          const rawCount = raw.prepare('SELECT count(*) FROM applicant_outcomes')
          const queueBaseline = await timeRuns(runs, () => {
            rawPage.all()
            rawCount.get()
          }, 1)
          const count = generated.applicants.toLocaleString('en-US')
          add({ size, figure: `applicant queue: first page of ${count}`, unit: 'ms', app: summarize(queue), baseline: summarize(queueBaseline), baselineLabel: 'raw page + count', target: size >= 100_000 ? { text: '≤ 200 ms at 100k', stat: 'median', limit: 200 } : null, note: 'name order, 50 rows + total, outcomes stored (migration 0014)' })
          // Filtered, searched and sorted in SQL: eligible somewhere, most eligible programs first; then a name search.
          const filtered = await timeRuns(runs, () => list({ outcome: 'eligible', sort: 'eligible' }))
          add({ size, figure: `applicant queue: eligible, most programs first (${count})`, unit: 'ms', app: summarize(filtered), baseline: null, target: null })
          const searched = await timeRuns(runs, () => list({ text: 'ma', sort: 'reminder' }))
          add({ size, figure: `applicant queue: search "ma", soonest reminder (${count})`, unit: 'ms', app: summarize(searched), baseline: null, target: null })
          const more = await timeRuns(runs, () => list({ after: firstPage.nextCursor ?? undefined }))
          add({ size, figure: `applicant queue: load more (${count})`, unit: 'ms', app: summarize(more), baseline: null, target: null })
          // A program change makes every outcome stale; the background batches (or the next queue load) re-screen them all.
          const rescreen = await timeRuns(1, () => {
            const programId = raw.prepare('SELECT id FROM assistance_programs ORDER BY id LIMIT 1').pluck().get() as number
            const status = screening.programs.list().find((p) => p.id === programId)!.fundStatus
            screening.programs.setFundStatus(programId, status === 'closed' ? 'open' : 'closed')
            screening.programs.setFundStatus(programId, status)
            list({})
          })
          add({ size, figure: `applicant queue: re-screen all ${count} after a program change`, unit: 'ms', app: summarize(rescreen), baseline: null, target: null, note: 'fund closed and reopened (each re-screens 4,000 at once), then the first queue load screens the rest' })
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

      /**
       * Encrypted backups as the app makes them (a worker thread, its own connection), beside the raw
       * work on the core's thread; then the latency of ordinary requests while an automatic backup runs.
       */
      async function measureBackup(size: number, runs: number) {
        const folder = join(workRoot, `backup-${size}`)
        mkdirSync(folder, { recursive: true })
        await measure(size, 'encrypted backup (worker)', 'ms', async () => {
          let n = 0
          // Baseline: the same bytes copied by the file system (checkpoint, then cp), no SQLite snapshot lock, no check.
          const baseline = await timeRuns(runs, () => {
            const file = join(folder, `raw-${n++}.db`)
            core.db.pragma('wal_checkpoint(TRUNCATE)')
            cpSync(join(dataDir, DATABASE_FILE), file)
            rmSync(file, { force: true })
          })
          // For comparison, the method used before (VACUUM INTO rebuilds and re-encrypts every row).
          const vacuum = await timeRuns(1, () => {
            const file = join(folder, `vacuum-${n++}.db`)
            core.db.prepare('VACUUM INTO ?').run(file)
            rmSync(file, { force: true })
          }, 0)
          const app = await timeRuns(runs, async () => {
            await createBackupInWorker({ dataDir, key, reason: 'manual', now: new Date(Date.now() + n++ * 1000) })
            rmSync(join(dataDir, 'backups'), { recursive: true, force: true })
          })
          add({
            size, figure: 'encrypted backup (worker)', unit: 'ms', app: summarize(app), baseline: summarize(baseline), baselineLabel: 'checkpoint + cp of the file',
            target: size >= 100_000 ? { text: '≤ 5 s at 100k', stat: 'median', limit: 5000 } : null,
            note: `worker start + snapshot copy under the read lock + open check + attachments mirror + manifest + fsync + rename; VACUUM INTO alone (the earlier method) ${fmt(summarize(vacuum).median)} ms`,
          })
        })
        await measure(size, 'requests during an automatic backup', 'ms', async () => {
          const caseIds = raw.prepare("SELECT id FROM cases WHERE stage <> 'closed' ORDER BY id LIMIT 50").pluck().all() as number[]
          const texts = searchTexts(raw, seed + size).slice(0, 10)
          let i = 0
          const next = async () => {
            const kind = i++ % 3
            const started = performance.now()
            const result = kind === 0 ? await dispatch('cases:board', {}) : kind === 1 ? await dispatch('cases:get', { caseId: caseIds[i % caseIds.length] }) : await dispatch('search:query', { text: texts[i % texts.length] })
            if (!result.ok) throw new Error(`request answered ${result.error.code}`)
            return performance.now() - started
          }
          // The same mix without a backup, for as many requests.
          const quiet: number[] = []
          const during: number[] = []
          // One untimed request of each kind first, as every figure has its warm-up: the first search
          // after the CSV import's writes reads cold pages, which is not the backup's doing.
          for (let k = 0; k < 3; k++) await next()
          let running = true
          const backup = session.autoBackup().finally(() => (running = false))
          while (running) {
            during.push(await next())
            // An advocate's pace is far slower; one request every 20 ms keeps the core busy without flooding it.
            await new Promise((resolve) => setTimeout(resolve, 20))
          }
          await backup
          if (!listBackups(dataDir).some((b) => b.reason === 'auto')) throw new Error('the automatic backup was not made')
          for (let k = 0; k < during.length; k++) quiet.push(await next())
          const app = summarize(during)
          add({
            size, figure: 'request latency during an automatic backup', unit: 'ms', app, baseline: summarize(quiet), baselineLabel: 'same requests, no backup',
            target: { text: 'max ≤ 100 ms', stat: 'max', limit: 100 },
            note: `${during.length} requests (board, case, search) while it ran; p95 ${fmt(app.p95)} ms, max ${fmt(app.max)} ms`,
          })
          rmSync(join(dataDir, 'backups'), { recursive: true, force: true })
        })
        rmSync(folder, { recursive: true, force: true })
      }

      async function measureMemory(size: number) {
        await measure(size, 'core process memory (RSS)', 'MB', async () => {
          // As the app runs: the core bundled (as electron-vite bundles it, packages external, heavy ones
          // split into chunks loaded on first use) and run by plain Node, not by tsx's loader (≈ 38 MB).
          const bundled = await bundleCoreMemory(resolve('bench-results/core-memory'))
          const child = spawnSync(process.execPath, ['--expose-gc', bundled, dataDir], { encoding: 'utf8', input: key.toString('hex'), timeout: 180_000 })
          if (child.status !== 0) throw new Error(`coreMemory exited ${child.status}: ${child.stderr.split('\n')[0]}`)
          const memory = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { rssAfterOpen: number; rssPeak: number; rss: number; heapUsed: number }
          add({
            size, figure: 'core process memory (peak RSS)', unit: 'MB', app: summarize([memory.rssPeak / 1e6]), baseline: summarize([memory.rssAfterOpen / 1e6]), baselineLabel: 'RSS after open',
            target: size >= 100_000 ? { text: '≤ 150 MB at 100k', stat: 'median', limit: 150 } : null,
            note: `encrypted; after 3 boards + searches; settled ${(memory.rss / 1e6).toFixed(0)} MB RSS, ${(memory.heapUsed / 1e6).toFixed(0)} MB JS heap`,
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

/** Every column's first page straight from SQLite with the app's own SQL, raw rows, no mapping: the floor under `cases:board`. */
function rawBoardPage(db: Database.Database) {
  const page = db.prepare(`SELECT ${CARD_COLUMNS} FROM cases c ${CARD_JOINS} WHERE c.stage = @stage ORDER BY c.stage_entered_at DESC, c.id DESC LIMIT ${BOARD_PAGE_SIZE + 1}`).raw(true)
  const totals = db.prepare('SELECT stage, COUNT(*) FROM cases GROUP BY stage').raw(true)
  const today = localDayOf(new Date())
  return () => {
    let rows = totals.all().length
    for (const stage of STAGES) rows += page.all({ stage, today }).length
    return rows
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
