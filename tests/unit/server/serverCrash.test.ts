import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncClient } from '../../../electron/core/sync/syncClient'
import { createSyncEngine } from '../../../electron/core/sync/syncEngine'
import { openAdmin } from '../../../electron/server/organizationServer'
import { MemoryLaptop } from './memoryLaptop'
import { freePort, postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from './postgresHarness'

const KILLS = Number(process.env.OVERTURN_SERVER_KILLS ?? 5)

// The real server as its own process (npm run server's script), killed with SIGKILL in the middle of
// pushes; the laptop retries, and afterwards every operation is on the server exactly once.
describe.skipIf(!postgresAvailable())('organization server killed mid-sync', () => {
  let postgres: TestPostgres
  let dir: string
  let port: number
  let tls: { cert: string; key: string }
  let child: ChildProcess | null = null

  beforeAll(async () => {
    postgres = await startPostgres()
    tls = selfSignedCertificate()
    dir = mkdtempSync(join(tmpdir(), 'overturn-srv-'))
    writeFileSync(join(dir, 'cert.pem'), tls.cert)
    writeFileSync(join(dir, 'key.pem'), tls.key, { mode: 0o600 })
    port = await freePort()
  }, 60_000)
  afterAll(() => {
    child?.kill('SIGKILL')
    postgres?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  function startServer(): Promise<void> {
    return new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', 'serve'], {
        env: { ...process.env, OVERTURN_PG_URL: postgres.url, OVERTURN_TLS_CERT: join(dir, 'cert.pem'), OVERTURN_TLS_KEY: join(dir, 'key.pem'), OVERTURN_SERVER_PORT: String(port), OVERTURN_SERVER_KEY_FILE: postgres.keyFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('listening')) resolve() })
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)))
    })
  }

  it(`loses nothing and duplicates nothing across ${KILLS} SIGKILLs`, async () => {
    await startServer()
    const admin = await openAdmin(postgres.url)
    const account = await admin.accounts.createAccount('Crash Tester', 'advocate')
    const code = await admin.accounts.issueEnrolmentCode(account.id)
    const serverUrl = `https://127.0.0.1:${port}`
    const { token } = await createSyncClient({ serverUrl, caPem: tls.cert }).enrol(code, 'crash laptop')
    const laptop = new MemoryLaptop(account.id)
    const engine = createSyncEngine(createSyncClient({ serverUrl, caPem: tls.cert, token, timeoutMs: 5_000 }), laptop)
    const ids = Array.from({ length: 40 }, (_, i) => laptop.createCase({ memberId: `K-${i}`, 'coverage.planFamily': 'employer_insured', stage: 'intake' }))
    let kills = 0
    let round = 0
    let interrupted = 0
    while (kills < KILLS || laptop.outbox.length > 0) {
      for (const id of ids) laptop.edit(id, 'note', `round ${round}`)
      round += 1
      const syncing = engine.syncOnce()
      if (kills < KILLS) {
        await new Promise((r) => setTimeout(r, 15 + (kills * 37) % 60))
        child!.removeAllListeners('exit')
        child!.kill('SIGKILL')
        kills += 1
        if (!(await syncing).connected) interrupted += 1
        await startServer()
      } else {
        await syncing
      }
    }
    // The kills really landed in the middle of syncs (the laptop saw the server vanish).
    expect(interrupted).toBeGreaterThan(0)
    const total = laptop.sentIds.size
    const { rows } = await admin.pool.query(`SELECT COUNT(*)::int AS n, COUNT(DISTINCT seq)::int AS seqs FROM operations WHERE pushed_by = $1`, [account.id])
    expect(rows[0].n).toBe(total)
    expect(rows[0].seqs).toBe(total)
    const facts = await admin.sync.caseFacts(ids[7])
    expect(facts.note).toBe(`round ${round - 1}`)
    await admin.pool.end()
  }, 120_000)
})
