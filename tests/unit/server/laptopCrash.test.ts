import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/createCore'
import { startOrganizationServer } from '../../../electron/server/organizationServer'
import { postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from './postgresHarness'

const KILLS = Number(process.env.OVERTURN_LAPTOP_KILLS ?? 4)

// A laptop (its own process, its real SQLite caseload) killed with SIGKILL in the middle of syncing,
// again and again: afterwards every operation it recorded is on the server exactly once and nothing
// waits in its outbox.
describe.skipIf(!postgresAvailable())('a laptop killed mid-sync', () => {
  let postgres: TestPostgres
  let server: Awaited<ReturnType<typeof startOrganizationServer>>
  const tls = selfSignedCertificate()
  const dir = mkdtempSync(join(tmpdir(), 'overturn-laptop-'))
  beforeAll(async () => {
    postgres = await startPostgres()
    server = await startOrganizationServer({ databaseUrl: postgres.url, tls, port: 0, keyFile: postgres.keyFile })
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    postgres?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  function runLaptop(rounds: number, killAfterSyncs: number | null): Promise<string> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/server/laptopProcess.ts', dir, String(rounds)], { stdio: ['ignore', 'pipe', 'pipe'] })
      let out = ''
      let syncs = 0
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        syncs = out.split('synced').length - 1
        // Kill right after a sync started: the next round's edits and push are in flight.
        if (killAfterSyncs !== null && syncs >= killAfterSyncs) setTimeout(() => child.kill('SIGKILL'), 5 + syncs * 7)
      })
      child.on('exit', () => resolve(out))
    })
  }

  it(`loses nothing and duplicates nothing across ${KILLS} kills`, async () => {
    const account = await server.accounts.createAccount('Gil Moreno', 'advocate')
    const setup = createCore({ dataDir: dir, seedDemoOnFirstRun: false })
    await setup.sync.join({ serverUrl: server.url, enrolmentCode: await server.accounts.issueEnrolmentCode(account.id), certificatePem: tls.cert })
    setup.close()
    for (let kill = 0; kill < KILLS; kill += 1) await runLaptop(50, 1 + (kill % 2))
    const final = await runLaptop(1, null)
    expect(final).toMatch(/done .*"pending":0/)
    const core = createCore({ dataDir: dir, seedDemoOnFirstRun: false })
    try {
      const made = core.db.prepare(`SELECT o.id FROM case_operations o WHERE o.seq > (SELECT CAST(value AS INTEGER) FROM sync_state WHERE key = 'baseline_op_seq')`).pluck().all() as string[]
      const { rows } = await server.pool.query('SELECT id::text AS id FROM operations WHERE pushed_by = $1', [account.id])
      const onServer = rows.map((r: { id: string }) => r.id)
      expect(new Set(onServer).size).toBe(onServer.length)
      expect(onServer.sort()).toEqual([...made].sort())
      // The server's facts equal the laptop's after all that.
      const uid = core.db.prepare('SELECT uid FROM cases ORDER BY id LIMIT 1').pluck().get() as string
      const localId = core.db.prepare('SELECT id FROM cases WHERE uid = ?').pluck().get(uid) as number
      expect((await server.sync.caseFacts(uid))['coverage.memberId']).toBe(core.cases.get(localId).coverage.memberId)
    } finally {
      core.close()
    }
  }, 180_000)
})
