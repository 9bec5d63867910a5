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
