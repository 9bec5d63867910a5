import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadMigrations, migrate, NewerDatabaseError, schemaVersion } from '../../../electron/core/db/migrate'
import { openDatabase, type Db } from '../../../electron/core/db/openDatabase'
import { createCore, DATABASE_FILE } from '../../../electron/core/createCore'
import { createAppSession } from '../../../electron/core/session/appSession'
import { makeTempDir } from './testCore'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

function tempDb(): { db: Db; dir: string } {
  const temp = makeTempDir()
  const db = openDatabase(join(temp.dir, 'test.db'))
  cleanups.push(() => {
    db.close()
    temp.cleanup()
  })
  return { db, dir: temp.dir }
}

describe('openDatabase', () => {
  it('sets WAL, foreign keys and synchronous=FULL on every open, including a reopen', () => {
    const temp = makeTempDir()
    cleanups.push(temp.cleanup)
    for (let i = 0; i < 2; i++) {
      const db = openDatabase(join(temp.dir, 'x.db'))
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(db.pragma('synchronous', { simple: true })).toBe(2)
      db.close()
    }
  })
})

describe('migrations', () => {
  it('applies every migration to an empty database, each recorded once', () => {
    const { db } = tempDb()
    const migrations = loadMigrations()
    expect(migrate(db, migrations)).toEqual(migrations.map((m) => m.version))
    expect(schemaVersion(db)).toBe(migrations.length)
    expect(migrate(db, migrations)).toEqual([])
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    for (const table of ['advocates', 'patients', 'coverages', 'therapies', 'cases', 'denials', 'case_history', 'contacts']) {
      expect(tables).toContain(table)
    }
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('refuses a database written by a newer Overturn and changes nothing', () => {
    const { db } = tempDb()
    const migrations = loadMigrations()
    migrate(db, migrations)
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(migrations.length + 1, 'from_the_future', 'x', 'now')
    expect(() => migrate(db, migrations)).toThrow(NewerDatabaseError)
  })

  it('the app session says a newer caseload is newer, not damaged, and offers no rescue', () => {
    const temp = makeTempDir()
    const session = createAppSession({ dataDir: temp.dir, kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 }, now: () => new Date('2026-11-25T15:00:00Z') })
    cleanups.push(() => session.close(), temp.cleanup)
    session.setup('Dana', 'lantern orchard velvet')
    const userId = session.user!.id
    // Written through the open caseload (the key never leaves the session), as a newer Overturn would have.
    session.core!.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(loadMigrations().length + 1, 'from_the_future', 'x', 'now')
    session.lock()
    expect(() => session.unlock(userId, 'lantern orchard velvet')).toThrow(NewerDatabaseError)
    expect(session.status().state).toBe('locked')
  })

  it('refuses a database whose recorded history differs from ours', () => {
    const { db } = tempDb()
    const migrations = loadMigrations()
    migrate(db, migrations)
    db.prepare('UPDATE schema_migrations SET checksum = ? WHERE version = 1').run('tampered')
    expect(() => migrate(db, migrations)).toThrow(/not one Overturn recognizes/)
  })

  it('rolls back a failing migration whole', () => {
    const { db } = tempDb()
    const broken = [...loadMigrations(), { version: 99, name: 'broken', checksum: 'c', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }]
    broken[broken.length - 1].version = broken.length
    expect(() => migrate(db, broken)).toThrow()
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0)
    expect(schemaVersion(db)).toBe(broken.length - 1)
  })

  it('upgrades the version-1 fixture database and keeps its data', () => {
    const fixture = join(import.meta.dirname, '../../fixtures/caseload-v1.db')
    expect(existsSync(fixture)).toBe(true)
    const temp = makeTempDir()
    cleanups.push(temp.cleanup)
    copyFileSync(fixture, join(temp.dir, DATABASE_FILE))
    const core = createCore({ dataDir: temp.dir, seedDemoOnFirstRun: false, now: () => new Date('2026-11-25T12:00:00Z') })
    try {
      expect(core.caseload.info().schemaVersion).toBe(loadMigrations().length)
      const board = core.board.load({}, '2026-11-25')
      expect(board.cards.length).toBe(3)
      const card = board.cards.find((c) => c.patientName === 'Ruth Begay')!
      const detail = core.cases.get(card.id)
      expect(detail.therapy.icd10Codes).toEqual(['D80.1'])
      expect(detail.history.length).toBeGreaterThanOrEqual(1)
      expect(detail.contacts[0].referenceNumber).toBe('REF-1')
    } finally {
      core.close()
    }
  })
})
