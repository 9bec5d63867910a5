import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readKeyStore, unlockWithPassphrase, keyStoreExists } from '../../../electron/core/security/keyStore'
import { createAppSession } from '../../../electron/core/session/appSession'
import type { ApiResult } from '../../../shared/contract'
import { makeTempDir } from '../core/testCore'

/**
 * Issue 13 item 7: SIGKILL during the app's own write paths. A child (appCrashWriter.ts, bundled once
 * with esbuild so restarts are cheap) runs contacts, uploads, letter saves, backups, backup+restore and
 * passphrase changes (each a data-key rotation) through the real session, and setups of new folders
 * (every migration); it is killed at a random moment. After each kill the caseload must unlock (with the
 * old or the new passphrase, whichever the kill left), pass integrity_check and foreign_key_check, hold
 * every acknowledged contact, upload (byte for byte) and letter, and its audit trail must verify.
 * CRASH_KILLS sets the number of kills (default 80; with crash.test.ts's 25 raw-writer kills, 105 in all);
 * every 8th round starts a new folder.
 */

const KILLS = Number(process.env.CRASH_KILLS ?? 80)
const temp = makeTempDir('overturn-appcrash-')
let bundle = ''
beforeAll(async () => {
  // Beside the migrations folder (found relative to the module) and inside the project (externals
  // resolve from its node_modules); removed after the test.
  bundle = join(process.cwd(), 'electron', 'core', 'db', `.appcrash-${process.pid}.mjs`)
  await build({
    entryPoints: [join(import.meta.dirname, 'appCrashWriter.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: bundle,
    // Every npm package stays an import resolved from node_modules: only the app's own code is bundled.
    packages: 'external',
    banner: { js: "import { createRequire as __crashCreateRequire } from 'node:module'; const require = __crashCreateRequire(import.meta.url);" },
    logLevel: 'silent',
    nodePaths: [join(process.cwd(), 'node_modules')],
  })
})
afterAll(() => {
  temp.cleanup()
  if (bundle) rmSync(bundle, { force: true })
})

interface Acked {
  contacts: Set<string>
  uploads: Map<number, string>
  letters: Map<string, number>
}

function runAndKill(dataDir: string, passIndex: number, delayMs: number): Promise<{ lines: string[]; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dataDir, String(passIndex)], { stdio: ['ignore', 'pipe', 'pipe'], cwd: process.cwd(), env: { ...process.env, NODE_PATH: join(process.cwd(), 'node_modules') } })
    let out = ''
    let err = ''
    let armed = false
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    const arm = (ms: number) => {
      if (armed) return
      armed = true
      setTimeout(() => child.kill('SIGKILL'), ms)
    }
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      if (/^ready$/m.test(out)) arm(delayMs)
    })
    // A kill during setup or unlock (before `ready`) is a kill too: new folders are killed mid-migration this way.
    if (delayMs < 0) arm(-delayMs)
    child.stderr.on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped on its own: ${err.slice(-1500)}`))
      else resolve({ lines: out.split('\n').slice(0, -1), err })
    })
  })
}

async function check(dataDir: string, passIndex: number, acked: Acked, round: number): Promise<number> {
  if (!keyStoreExists(dataDir)) return passIndex
  const session = createAppSession({ dataDir, kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 } })
  try {
    const status = session.status()
    expect(status.state, `round ${round}`).toBe('locked')
    const userId = (status as { users: { id: string }[] }).users[0].id
    // A kill during a passphrase change leaves the old or the new one working: nothing else.
    const working = [passIndex, passIndex + 1].find((n) => unlockWithPassphrase(readKeyStore(dataDir), userId, `crash passphrase number ${n}`))
    expect(working, `round ${round}: no passphrase opens the key store`).toBeDefined()
    expect(session.unlock(userId, `crash passphrase number ${working}`).state, `round ${round}`).toBe('unlocked')
    const db = session.core!.db
    expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok')
    expect(db.pragma('foreign_key_check'), `round ${round}`).toEqual([])
    const refs = new Set(db.prepare('SELECT reference_number FROM contacts').pluck().all() as string[])
    const lostContacts = [...acked.contacts].filter((r) => !refs.has(r))
    expect(lostContacts, `round ${round}: acknowledged contacts lost`).toEqual([])
    for (const [id, sha] of acked.uploads) {
      const opened: ApiResult<unknown> = await session.dispatch('documents:open', { attachmentId: id })
      expect(opened.ok, `round ${round}: upload ${id} ${opened.ok ? '' : JSON.stringify(opened.error)}`).toBe(true)
      if (opened.ok) expect(createHash('sha256').update(Buffer.from((opened.data as { base64: string }).base64, 'base64')).digest('hex')).toBe(sha)
    }
    for (const [ref, version] of acked.letters) {
      const [caseId, kind] = ref.split('|')
      const body = db.prepare('SELECT body FROM letter_versions WHERE case_id = ? AND kind = ?').pluck().get(Number(caseId), kind) as string | undefined
      expect(Number(/Letter version (\d+)/.exec(body ?? '')?.[1] ?? -1), `round ${round}: letter ${ref}`).toBeGreaterThanOrEqual(version)
    }
    const verified = await session.dispatch('audit:verify', {})
    expect(verified, `round ${round}`).toMatchObject({ ok: true, data: { isIntact: true } })
    return working!
  } finally {
    session.close()
  }
}

describe('crash safety of the app’s own write paths', () => {
  it(`SIGKILL ${KILLS} times: zero integrity failures, zero acknowledged writes lost`, { timeout: Math.max(120_000, KILLS * 6_000) }, async () => {
    let dataDir = ''
    let passIndex = 0
    let acked: Acked = { contacts: new Set(), uploads: new Map(), letters: new Map() }
    const tally = { contact: 0, upload: 0, letter: 0, backup: 0, restore: 0, pass: 0, newFolders: 0, midSetup: 0 }
    for (let round = 0; round < KILLS; round++) {
      let delay = Math.floor(Math.random() * 1200)
      if (round % 8 === 0) {
        dataDir = join(temp.dir, `caseload-${round}`)
        passIndex = 0
        acked = { contacts: new Set(), uploads: new Map(), letters: new Map() }
        tally.newFolders++
        // Half of the new folders are killed during setup itself (key store, migrations, demo caseload).
        if (round % 16 === 0) {
          delay = -(150 + Math.floor(Math.random() * 600))
          tally.midSetup++
        }
      }
      const { lines } = await runAndKill(dataDir, passIndex, delay)
      for (const line of lines) {
        const [ack, kind, a, b, c] = line.split(' ')
        if (ack !== 'ack') continue
        tally[kind as keyof typeof tally]++
        if (kind === 'contact') acked.contacts.add(a)
        else if (kind === 'upload') acked.uploads.set(Number(a), b)
        else if (kind === 'letter') acked.letters.set(`${a}|${b}`, Number(c))
        else if (kind === 'pass') passIndex = Number(a)
      }
      passIndex = await check(dataDir, passIndex, acked, round)
    }
    console.info(`[app crash] ${KILLS} kills (${tally.newFolders} new folders, ${tally.midSetup} killed during setup); acknowledged and all present: ${tally.contact} contacts, ${tally.upload} uploads, ${tally.letter} letter saves, ${tally.backup} backups, ${tally.restore} restores, ${tally.pass} passphrase changes with key rotation`)
    expect(tally.contact).toBeGreaterThan(0)
  })
})

