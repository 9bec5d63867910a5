/**
 * Issue 13 item 4: what replacing the data key costs on a large caseload. A passphrase change or an
 * account's removal re-keys the whole database (`PRAGMA rekey` rewrites every page under the new key),
 * moves every attachment to the new key and reopens the core. Measured on an encrypted bulk caseload
 * (the bulk generator's attachment rows have no files, so the file part here is only the per-row check;
 * real files add one read, decrypt, encrypt and write each). Baseline: `PRAGMA rekey` alone on the same file.
 * Run on its own: `tsx scripts/bench/rekeyBench.ts --sizes=100000`.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DATABASE_FILE } from '../../electron/core/createCore'
import { openDatabase } from '../../electron/core/db/openDatabase'
import { readKeyStore, unlockWithPassphrase } from '../../electron/core/security/keyStore'
import { createAppSession } from '../../electron/core/session/appSession'
import { insertBulkCaseload } from './bulkCaseload'
import type { BenchRow } from './runBench'
import { summarize, timeRuns } from './stats'

const PASSPHRASES = ['bench passphrase one', 'bench passphrase two']

export async function rekeyBench(options: { sizes: number[]; quick?: boolean }): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const size = options.quick ? Math.min(...options.sizes) : Math.max(...options.sizes)
  const dir = mkdtempSync(join(tmpdir(), 'overturn-bench-rekey-'))
  try {
    const session = createAppSession({ dataDir: dir, seedDemoOnFirstRun: false, kdf: { name: 'scrypt', N: 2 ** 14, r: 8, p: 1 } })
    session.setup('Bench', PASSPHRASES[0])
    insertBulkCaseload(session.core!.db, { today: '2026-11-25', count: size })
    const userId = session.user!.id
    let current = 0
    const change = await timeRuns(1, async () => {
      const next = 1 - current
      const result = await session.dispatch('users:changePassphrase', { currentPassphrase: PASSPHRASES[current], newPassphrase: PASSPHRASES[next] })
      if (!result.ok) throw new Error(`passphrase change failed: ${result.error.message}`)
      current = next
    })
    session.close()
    const key = unlockWithPassphrase(readKeyStore(dir), userId, PASSPHRASES[current])!.dataKey
    const databaseMb = statSync(join(dir, DATABASE_FILE)).size / 1e6
    const raw = await timeRuns(1, () => {
      const db = openDatabase(join(dir, DATABASE_FILE), key)
      db.pragma(`rekey="x'${key.toString('hex')}'"`)
      db.close()
    })
    rows.push({
      size,
      figure: 'passphrase change with data-key rotation',
      unit: 'ms',
      status: 'ok',
      app: summarize(change),
      baseline: summarize(raw),
      baselineLabel: '(PRAGMA rekey alone)',
      ratio: change[0] / raw[0],
      target: null,
      met: null,
      note: `database ${databaseMb.toFixed(0)} MB; scrypt N=2^14 here (the app uses 2^17, about 0.3 s more)`,
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.split('=')[1] ?? '100000').split(',').map(Number)
  for (const row of await rekeyBench({ sizes })) console.log(`${row.size} cases: ${row.figure}: ${row.app!.median.toFixed(0)} ms (PRAGMA rekey alone ${row.baseline!.median.toFixed(0)} ms); ${row.note}`)
}
