import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSyncClient } from '../../electron/core/sync/syncClient'
import { publicBundle, signOperations, wireSigner, type LaptopSigner } from '../../electron/core/sync/syncSigning'
import { createKeyStore } from '../../electron/core/security/keyStore'
import type { SyncOperation } from '../../shared/domain/sync'
import { openAdmin } from '../../electron/server/organizationServer'
import { freePort, selfSignedCertificate, startPostgres } from '../server/localPostgres'
import { percentile } from './stats'

export interface ServerLoadResult {
  advocates: number
  operationsEach: number
  totalOperations: number
  seconds: number
  operationsPerSecond: number
  /** From a change being made on one laptop to another laptop having pulled it (its screen). */
  propagationP95Ms: number
  propagationMaxMs: number
  serverPeakRssMb: number
  allApplied: boolean
  /** Whether every advocate's laptop enrolled with its key store and signed its pushes (the server then checks each signature). */
  signed: boolean
}

/**
 * Simulated advocates push case operations to one organization server (its own process, real
 * PostgreSQL, TLS on loopback) while an observing laptop pulls; measures throughput, change-to-screen
 * time and the server's peak memory. Used by `npm run bench:server` and, small, by a CI test.
 */
export async function runServerLoad(advocates: number, operationsEach: number, batch = 25, signed = false): Promise<ServerLoadResult> {
  const postgres = await startPostgres()
  const dir = mkdtempSync(join(tmpdir(), 'overturn-load-'))
  const tls = selfSignedCertificate()
  writeFileSync(join(dir, 'cert.pem'), tls.cert)
  writeFileSync(join(dir, 'key.pem'), tls.key, { mode: 0o600 })
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', 'serve'], {
    env: { ...process.env, OVERTURN_PG_URL: postgres.url, OVERTURN_TLS_CERT: join(dir, 'cert.pem'), OVERTURN_TLS_KEY: join(dir, 'key.pem'), OVERTURN_SERVER_PORT: String(port), OVERTURN_SERVER_KEY_FILE: postgres.keyFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('listening')) resolve() })
      child.once('exit', (code) => reject(new Error(`server exited ${code}`)))
    })
    const serverUrl = `https://127.0.0.1:${port}`
    const admin = await openAdmin(postgres.url)
    const enrol = async (name: string) => {
      const account = await admin.accounts.createAccount(name, 'advocate')
      const code = await admin.accounts.issueEnrolmentCode(account.id)
      // A signing laptop: its own key store (a cheap scrypt cost: only the Ed25519 keys matter here).
      let signer: LaptopSigner | null = null
      if (signed) {
        const keys = createKeyStore({ displayName: name, passphrase: 'bench passphrase long enough' }, { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 })
        signer = { holder: keys.user.id, keyId: keys.user.keys!.at(-1)!.keyId, sign: keys.privates.sign, bundle: publicBundle(keys.store) }
      }
      const { token } = await createSyncClient({ serverUrl, caPem: tls.cert }).enrol(code, name, signer ? wireSigner(signer) : undefined)
      return { account, signer, client: createSyncClient({ serverUrl, caPem: tls.cert, token }) }
    }
    const team = await Promise.all(Array.from({ length: advocates }, (_, i) => enrol(`Advocate ${i + 1}`)))
    const observer = await enrol('Observer')
    let applied = 0
    const totalApplied = () => applied
    const madeAt = new Map<string, number>()
    const latencies: number[] = []
    let observedSeq = 0
    let pushing = true
    let peakRss = 0
    const sampleRss = () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status)
      if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) / 1024)
    }
    const watch = (async () => {
      while (pushing || observedSeq < totalApplied()) {
        const page = await observer.client.pull(observedSeq, 1000, pushing ? 5 : 0)
        const now = performance.now()
        for (const op of page.operations) {
          const made = madeAt.get(op.id)
          if (made !== undefined) latencies.push(now - made)
        }
        observedSeq = page.operations.at(-1)?.seq ?? observedSeq
        sampleRss()
      }
    })()
    const started = performance.now()
    await Promise.all(team.map(async ({ account, client, signer }) => {
      const caseId = randomUUID()
      let previous: unknown = null
      for (let sent = 0; sent < operationsEach; sent += batch) {
        const operations: SyncOperation[] = []
        for (let i = sent; i < Math.min(operationsEach, sent + batch); i += 1) {
          const op: SyncOperation = i === 0
            ? { id: randomUUID(), caseId, kind: 'create', field: '', oldValue: null, newValue: { memberId: 'M0', 'coverage.planFamily': 'employer_insured', stage: 'intake' }, actor: account.id, at: new Date().toISOString() }
            : { id: randomUUID(), caseId, kind: 'update', field: 'memberId', oldValue: previous, newValue: `M${i}`, actor: account.id, at: new Date().toISOString() }
          if (i === 0) previous = 'M0'
          else previous = `M${i}`
          madeAt.set(op.id, performance.now())
          operations.push(op)
        }
        const { outcomes } = signer ? await client.push(signOperations(operations, signer), wireSigner(signer)) : await client.push(operations)
        applied += outcomes.filter((o) => o.status === 'applied').length
      }
    }))
    const seconds = (performance.now() - started) / 1000
    pushing = false
    await watch
    sampleRss()
    const total = advocates * operationsEach
    const result: ServerLoadResult = {
      advocates, operationsEach, totalOperations: total, seconds,
      operationsPerSecond: total / seconds,
      propagationP95Ms: percentile(latencies, 95), propagationMaxMs: Math.max(...latencies),
      serverPeakRssMb: peakRss, allApplied: applied === total && latencies.length === total, signed,
    }
    await admin.pool.end()
    return result
  } finally {
    child.kill('SIGKILL')
    postgres.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1]?.endsWith('serverLoad.ts')) {
  const numbers = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  const advocates = Number(numbers[0] ?? 50)
  const each = Number(numbers[1] ?? 1000)
  const result = await runServerLoad(advocates, each, 25, process.argv.includes('--signed'))
  console.log(JSON.stringify(result, null, 2))
}
