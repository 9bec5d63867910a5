import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lastAppVersion, migrationStart, recordAppVersion } from '../../../electron/core/db/appVersion'
import { loadMigrations } from '../../../electron/core/db/migrate'
import { createAppSession } from '../../../electron/core/session/appSession'
import { makeCore, makeTempDir } from '../core/testCore'

/**
 * Issue 16, item 6: installing a new version over the old one keeps the caseload; the first unlock
 * backs it up, migrates it, and says which version it came from. The old caseload is the committed
 * version-1 fixture database, upgraded by a real session.
 */
const FAST_KDF = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 }
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

describe('the update notice', () => {
  it('an old caseload is backed up, migrated, and the unlocked status says from which version, once', () => {
    const temp = makeTempDir()
    copyFileSync(join(import.meta.dirname, '../../fixtures/caseload-v1.db'), join(temp.dir, 'overturn.db'))
    const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, appVersion: '0.2.0', seedDemoOnFirstRun: false })
    cleanups.push(() => session.close(), temp.cleanup)
    const { status } = session.setup('Admin', 'first passphrase')
    const latest = loadMigrations().length
    expect(status).toMatchObject({ state: 'unlocked', migration: { fromSchema: 1, toSchema: latest, fromAppVersion: null, toAppVersion: '0.2.0' } })
    const migration = (status as { migration: { backupFileName: string } }).migration
    expect(migration.backupFileName).toMatch(/^overturn-\d{8}T\d{6}Z-before-migration\.db$/)
    expect(existsSync(join(temp.dir, 'backups', migration.backupFileName))).toBe(true)
    // The running version is recorded, so the next update can name it.
    expect(lastAppVersion(session.core!.db)).toBe('0.2.0')

    // The next unlock migrates nothing and says nothing.
    const userId = (status as { user: { id: string } }).user.id
    session.lock()
    expect(session.unlock(userId, 'first passphrase')).not.toHaveProperty('migration')
  })

  it('a new caseload has nothing to migrate and no notice', () => {
    const temp = makeTempDir()
    const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, appVersion: '0.2.0', seedDemoOnFirstRun: false })
    cleanups.push(() => session.close(), temp.cleanup)
    expect(session.setup('Admin', 'first passphrase').status).not.toHaveProperty('migration')
  })

  it('reads the version that last opened the caseload before anything changes', () => {
    const env = makeCore()
    cleanups.push(env.dispose)
    expect(migrationStart(env.core.db, 'b.db')).toEqual({ fromSchema: loadMigrations().length, fromAppVersion: null, backupFileName: 'b.db' })
    recordAppVersion(env.core.db, '0.1.0')
    recordAppVersion(env.core.db, '0.1.1')
    expect(migrationStart(env.core.db, 'b.db').fromAppVersion).toBe('0.1.1')
  })
})
