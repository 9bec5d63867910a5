/**
 * Child process for the memory figure: opens a caseload the way the app's core process does, answers
 * the board and a few searches through the dispatcher (serializing the answers as IPC would), and
 * prints its resident set size. A process of its own, so the benchmark's own data and Chromium do not count.
 * `tsx scripts/bench/coreMemory.ts <dataDir>`, the caseload's key (hex) on standard input: it opens
 * the encrypted caseload as the app does.
 */
import { readFileSync } from 'node:fs'
import { createCore } from '../../electron/core/createCore'
import { createDispatcher } from '../../electron/core/dispatcher'

const dataDir = process.argv[2]
const keyHex = readFileSync(0, 'utf8').trim()
const core = createCore({ dataDir, key: keyHex ? Buffer.from(keyHex, 'hex') : undefined, seedDemoOnFirstRun: false })
const dispatch = createDispatcher(core)
const afterOpen = process.memoryUsage().rss
let peak = afterOpen
for (let i = 0; i < 3; i++) {
  JSON.stringify(await dispatch('cases:board', {}))
  for (const text of ['garcia', 'gammagard', 'aetna', 'nguyen']) JSON.stringify(await dispatch('search:query', { text }))
  peak = Math.max(peak, process.memoryUsage().rss)
}
const gc = (globalThis as { gc?: () => void }).gc
gc?.()
const settled = process.memoryUsage()
console.log(JSON.stringify({ rssAfterOpen: afterOpen, rssPeak: peak, rss: settled.rss, heapUsed: settled.heapUsed }))
core.close()
