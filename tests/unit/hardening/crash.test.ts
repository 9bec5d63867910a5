import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { makeTempDir } from '../core/testCore'

/**
 * Issue 6, item 7.3 (anchors-ecosystem-security F12 / B2.7): a writer process (crashWriter.mjs) using
 * the app's openDatabase pragmas — checked against the real function — and an encryption key is killed with SIGKILL at random moments, 25 times.
 * After each kill the database reopens with the key and: integrity_check is 'ok', foreign_key_check
 * is empty, every commit the writer acknowledged is there, and the multi-row transactions are whole
 * (each parent has exactly its children; the running totals match the rows).
 */

const KILLS = 25
const temp = makeTempDir('overturn-crash-')
afterAll(() => temp.cleanup())
const writer = join(import.meta.dirname, 'crashWriter.mjs')

/** Starts the writer, waits for `ready` and a few acknowledgements, kills it after a random delay. */
function runAndKill(file: string, keyHex: string): Promise<{ acked: number[]; pragmas: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file, keyHex], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let armed = false
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      if (!armed && /^ready .*\n/.test(out)) {
        armed = true
        // Random moment: anywhere from the first transaction to a few hundred commits later.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 120))
      }
    })
    child.stderr.on('data', (chunk: string) => (err += chunk))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      // Only complete lines count: a line cut by the kill was never acknowledged.
      const lines = out.split('\n').slice(0, -1)
      const acked = lines.filter((l) => l.startsWith('ack ')).map((l) => Number(l.slice(4)))
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${signal}): ${err.slice(0, 500)}`))
      else resolve({ acked, pragmas: JSON.parse(lines[0].slice('ready '.length)) as Record<string, unknown> })
    })
  })
}

describe('crash safety: SIGKILL during multi-row transactions', () => {
  it(`keeps the encrypted database intact and every acknowledged commit, across ${KILLS} kills`, { timeout: 90_000 }, async () => {
    const file = join(temp.dir, 'overturn.db')
    const key = randomBytes(32)
    const allAcked: number[] = []
    let killedMidWork = 0
    let surplus = 0
    // The pragmas the app's own openDatabase leaves on a keyed database: the writer must match them.
    const reference = openDatabase(join(temp.dir, 'reference.db'), key)
    const expected = {
      journal_mode: reference.pragma('journal_mode', { simple: true }),
      synchronous: reference.pragma('synchronous', { simple: true }),
      foreign_keys: reference.pragma('foreign_keys', { simple: true }),
      busy_timeout: reference.pragma('busy_timeout', { simple: true }),
      cipher: reference.pragma('cipher', { simple: true }),
    }
    reference.close()
    expect(expected).toMatchObject({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1, cipher: 'sqlcipher' })
    for (let round = 0; round < KILLS; round++) {
      const { acked, pragmas } = await runAndKill(file, key.toString('hex'))
      expect(pragmas).toEqual(expected)
      allAcked.push(...acked)
      const db = openDatabase(file, key)
      try {
        expect(db.pragma('integrity_check', { simple: true }), `round ${round}`).toBe('ok')
        expect(db.pragma('foreign_key_check'), `round ${round}`).toEqual([])
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
        const ids = new Set(db.prepare('SELECT id FROM crash_parent').pluck().all() as number[])
        const missing = allAcked.filter((id) => !ids.has(id))
        expect(missing, `round ${round}: acknowledged commits lost`).toEqual([])
        // A commit can be durable but unacknowledged (killed between COMMIT and the write): at most one per round.
        const unacked = ids.size - allAcked.length
        expect(unacked - surplus).toBeGreaterThanOrEqual(0)
        expect(unacked - surplus).toBeLessThanOrEqual(1)
        if (unacked > surplus) killedMidWork++
        surplus = unacked
        const torn = db.prepare('SELECT p.id FROM crash_parent p LEFT JOIN crash_child c ON c.parent_id = p.id GROUP BY p.id HAVING COUNT(c.id) <> p.child_count').all()
        expect(torn, `round ${round}: a transaction was half-applied`).toEqual([])
        const totals = db.prepare('SELECT parents, children FROM crash_totals WHERE id = 1').get() as { parents: number; children: number }
        expect(totals.parents).toBe(ids.size)
        expect(totals.children).toBe(db.prepare('SELECT COUNT(*) FROM crash_child').pluck().get())
      } finally {
        db.close()
      }
    }
    expect(() => openDatabase(file)).toThrow()
    expect(allAcked.length).toBeGreaterThan(KILLS)
    console.info(`[crash] ${KILLS} kills, ${allAcked.length} acknowledged commits, all present; ${killedMidWork} kills landed between commit and acknowledgement`)
  })
})
