import { randomBytes } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackupInWorker } from '../../../electron/core/backup/backupInWorker'
import { listBackups } from '../../../electron/core/backup/backupService'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { checkIntegrityInWorker } from '../../../electron/core/db/integrityInWorker'
import { createCore } from '../../../electron/core/createCore'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { createAppSession } from '../../../electron/core/session/appSession'
import { insertBulkCaseload } from '../../../scripts/bench/bulkCaseload'
import { makeTempDir } from '../core/testCore'

const FAST_KDF = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 }
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

function unlockedSession() {
  const temp = makeTempDir()
  const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, integrityCheckDelayMs: 0 })
  cleanups.push(() => session.close(), temp.cleanup)
  session.setup('Dana', 'lantern orchard velvet')
  return { session, dir: temp.dir, userId: session.user!.id }
}

describe('backups in a worker thread (issue 15)', () => {
  it('makes an encrypted backup on its own connection while the core keeps answering', async () => {
    // An encrypted core of its own with a key this test holds (the session never hands its key out).
    const temp = makeTempDir()
    const key = randomBytes(32)
    const core = createCore({ dataDir: temp.dir, key, seedDemoOnFirstRun: false })
    cleanups.push(() => core.close(), temp.cleanup)
    const dir = temp.dir
    const dispatch = createDispatcher(core)
    insertBulkCaseload(core.db, { today: '2026-11-25', count: 1500, seed: 3 })
    const order: string[] = []
    const backup = createBackupInWorker({ dataDir: dir, key, reason: 'manual', now: new Date('2026-11-25T15:00:00Z') }).then((b) => {
      order.push('backup')
      return b
    })
    // The board is answered on the core's thread while the worker is still copying.
    const board = await dispatch('cases:board', {})
    order.push('board')
    expect(board.ok).toBe(true)
    const made = await backup
    expect(order).toEqual(['board', 'backup'])
    expect(listBackups(dir).map((b) => b.fileName)).toContain(made.fileName)
    const file = join(dir, 'backups', made.fileName)
    const copy = openDatabase(file, key, { readonly: true })
    expect(copy.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(1500)
    // The worker's own check agrees the copy is sound.
    expect(await checkIntegrityInWorker(file, key)).toBe(true)
    copy.close()
    // Still encrypted: without the key the file does not open.
    expect(() => openDatabase(file)).toThrow()
  })

  it('copies one consistent snapshot while the core keeps writing, and the copy stands alone', async () => {
    const temp = makeTempDir()
    const key = randomBytes(32)
    const core = createCore({ dataDir: temp.dir, key, seedDemoOnFirstRun: false })
    cleanups.push(() => core.close(), temp.cleanup)
    insertBulkCaseload(core.db, { today: '2026-11-25', count: 3000, seed: 5 })
    const before = core.db.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number
    // Writes on the core's connection in small transactions, interleaved with the worker's copy.
    const caseIds = core.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 200').pluck().all() as number[]
    const insert = core.db.prepare("INSERT INTO contacts (case_id, kind, occurred_on, with_whom, created_at) VALUES (?, 'call', '2026-11-25', 'Plan', '2026-11-25T10:00:00Z')")
    let written = 0
    let stop = false
    const writer = (async () => {
      while (!stop) {
        core.db.transaction(() => insert.run(caseIds[written % caseIds.length]))()
        written++
        await new Promise((r) => setImmediate(r))
      }
    })()
    const made = await createBackupInWorker({ dataDir: temp.dir, key, reason: 'manual', now: new Date('2026-11-25T15:00:00Z') })
    stop = true
    await writer
    expect(written).toBeGreaterThan(0)
    const file = join(temp.dir, 'backups', made.fileName)
    // Standalone: no -wal beside it, rollback journal in its header, and sound.
    const copy = openDatabase(file, key, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    // One snapshot: between the count before and after, and every contact whole.
    const inCopy = copy.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number
    expect(inCopy).toBeGreaterThanOrEqual(before)
    expect(inCopy).toBeLessThanOrEqual(before + written)
    copy.close()
    expect(() => statSync(`${file}-wal`)).toThrow()
  })

  it('runs the automatic backup through the worker and keeps rotating', async () => {
    const { session, dir } = unlockedSession()
    await session.autoBackup()
    expect(listBackups(dir).filter((b) => b.reason === 'auto')).toHaveLength(1)
    const made = await session.dispatch('backups:create', {})
    expect(made).toMatchObject({ ok: true, data: { reason: 'manual' } })
  })
})

describe('the integrity check off the unlock path (issue 15)', () => {
  it('answers sound for a good caseload, and reports a damaged one as a notice after unlocking', async () => {
    const { session, dir, userId } = unlockedSession()
    insertBulkCaseload(session.core!.db, { today: '2026-11-25', count: 800, seed: 5 })
    await session.integrityCheck
    expect(session.status()).toMatchObject({ state: 'unlocked', integrity: { state: 'ok' } })
    const file = join(dir, 'overturn.db')
    // Everything into the main file first, so the scribbled pages are not shadowed by copies in the WAL.
    session.core!.db.pragma('wal_checkpoint(TRUNCATE)')
    session.lock()
    // Scribble over pages three quarters in (row data the unlock itself never reads).
    const bytes = readFileSync(file)
    const size = statSync(file).size
    const start = Math.floor((size * 3) / 4 / 4096) * 4096
    bytes.fill(0x5a, start, start + 4096 * 10)
    writeFileSync(file, bytes)
    const status = session.unlock(userId, 'lantern orchard velvet')
    expect(status).toMatchObject({ state: 'unlocked', integrity: { state: 'checking' } })
    await session.integrityCheck
    expect(session.status()).toMatchObject({ state: 'unlocked', integrity: { state: 'failed' } })
    // The restore path stays open: the backups are listed for restoring.
    expect((await session.dispatch('backups:list', {})).ok).toBe(true)
  })
})
