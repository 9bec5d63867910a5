import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAuditLog } from '../../../electron/core/audit/auditLog'
import { createBackup, listBackups, rotateBackups } from '../../../electron/core/backup/backupService'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { addUser, createKeyStore, currentCertifier, readKeyStore, unlockWithPassphrase, unlockWithRecoveryKey, writeKeyStore } from '../../../electron/core/security/keyStore'
import { createAppSession, type AppSession } from '../../../electron/core/session/appSession'
import { makeTempDir } from '../core/testCore'

const FAST_KDF = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 }
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

/** Scribbles over the middle of the encrypted caseload file, as a failing disk would. */
function damageCaseload(dir: string): void {
  const file = join(dir, 'overturn.db')
  const bytes = readFileSync(file)
  bytes.fill(0x5a, 8192, 8192 * 6)
  writeFileSync(file, bytes)
}

function newSession(dataDir?: string): { session: AppSession; dir: string } {
  const temp = dataDir ? { dir: dataDir, cleanup: () => {} } : makeTempDir()
  const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, now: () => new Date('2026-11-25T15:00:00Z') })
  cleanups.push(() => session.close(), temp.cleanup)
  return { session, dir: temp.dir }
}

describe('the key store', () => {
  it('wraps one data key for each passphrase and for the recovery key; a wrong passphrase reads nothing', () => {
    const { store, dataKey, recoveryKey, user } = createKeyStore({ displayName: 'Admin', passphrase: 'first passphrase' }, FAST_KDF)
    expect(unlockWithPassphrase(store, user.id, 'first passphrase')!.dataKey.equals(dataKey)).toBe(true)
    expect(unlockWithPassphrase(store, user.id, 'first passphrasE')).toBeNull()
    expect(unlockWithRecoveryKey(store, recoveryKey.toLowerCase().replace(/-/g, ' '))!.dataKey.equals(dataKey)).toBe(true)
    const admin = unlockWithPassphrase(store, user.id, 'first passphrase')!
    const { user: second } = addUser(store, dataKey, { displayName: 'Screener', passphrase: 'screener passphrase', role: 'screener' }, currentCertifier(admin.user, admin.privates))
    expect(unlockWithPassphrase(store, second.id, 'screener passphrase')!.dataKey.equals(dataKey)).toBe(true)
  })

  it('binds each role into the wrap: editing a role in the file locks that account out instead of promoting it', () => {
    const temp = makeTempDir()
    cleanups.push(temp.cleanup)
    const { store, dataKey, user, privates } = createKeyStore({ displayName: 'Admin', passphrase: 'first passphrase' }, FAST_KDF)
    const { user: reader } = addUser(store, dataKey, { displayName: 'Reader', passphrase: 'reader passphrase', role: 'read_only' }, currentCertifier(user, privates))
    writeKeyStore(temp.dir, store)
    const tampered = readKeyStore(temp.dir)
    tampered.users.find((u) => u.id === reader.id)!.role = 'administrator'
    expect(unlockWithPassphrase(tampered, reader.id, 'reader passphrase')).toBeNull()
  })
})

describe('the app session', () => {
  it('starts new, sets up an encrypted caseload, and locks by forgetting the key', async () => {
    const { session, dir } = newSession()
    expect(session.status().state).toBe('new')
    const { recoveryKey } = session.setup('Dana', 'lantern orchard velvet')
    expect(recoveryKey.length).toBeGreaterThan(20)
    expect(session.status().state).toBe('unlocked')
    expect((await session.dispatch('caseload:info', {})).ok).toBe(true)
    // A backup exists from the first minute, encrypted like the caseload, not at the first 15-minute tick.
    const first = listBackups(dir)
    expect(first.map((b) => b.reason)).toEqual(['auto'])
    expect(() => openDatabase(join(dir, 'backups', first[0].fileName))).toThrow()
    // Encrypted like the caseload: no plain SQLite header (the key itself never leaves the session).
    expect(readFileSync(join(dir, 'backups', first[0].fileName)).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    const header = readFileSync(join(dir, 'overturn.db')).subarray(0, 15).toString('latin1')
    expect(header).not.toBe('SQLite format 3')
    session.lock()
    expect(session.status().state).toBe('locked')
    expect(await session.dispatch('caseload:info', {})).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(() => openDatabase(join(dir, 'overturn.db'))).toThrow()
  })

  it('says plainly when a passphrase is wrong, and records failed unlocks in the audit trail', async () => {
    const { session } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const userId = session.user!.id
    session.lock()
    expect(await session.dispatch('session:unlock', { userId, passphrase: 'nope nope nope' })).toMatchObject({ ok: false, error: { message: 'error.wrongPassphrase' } })
    expect((await session.dispatch('session:unlock', { userId, passphrase: 'lantern orchard velvet' })).ok).toBe(true)
    const actions = createAuditLog(session.core!.db).list().map((e) => e.action)
    expect(actions).toContain('unlock_failed')
    expect(actions).toContain('unlock')
  })

  it('changing a passphrase re-wraps the key; the old one stops working, the data stays', async () => {
    const { session } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const userId = session.user!.id
    const before = session.core!.caseload.info().caseCount
    expect((await session.dispatch('users:changePassphrase', { currentPassphrase: 'lantern orchard velvet', newPassphrase: 'brand new passphrase' })).ok).toBe(true)
    session.lock()
    expect(() => session.unlock(userId, 'lantern orchard velvet')).toThrow()
    session.unlock(userId, 'brand new passphrase')
    expect(session.core!.caseload.info().caseCount).toBe(before)
  })

  it('enforces roles: a read-only account can look but not change', async () => {
    const { session } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const created = await session.dispatch('users:create', { displayName: 'Auditor', role: 'read_only', passphrase: 'auditor passphrase' })
    expect(created.ok).toBe(true)
    const readerId = (created as { data: { id: string } }).data.id
    session.unlock(readerId, 'auditor passphrase')
    expect((await session.dispatch('cases:board', {})).ok).toBe(true)
    expect(await session.dispatch('caseload:removeDemo', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await session.dispatch('users:create', { displayName: 'X', role: 'administrator', passphrase: 'something long' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('audits writes, exports and record views, hash-chained so an edit behind the app’s back is detected', async () => {
    const { session, dir } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const board = (await session.dispatch('cases:board', {})) as { data: { cards: { id: number }[] } }
    const caseId = board.data.cards[0].id
    await session.dispatch('cases:get', { caseId })
    await session.dispatch('deadlines:ics', { caseId })
    await session.dispatch('contacts:add', { caseId, kind: 'call', occurredOn: '2026-11-25', withWhom: 'Plan', referenceNumber: 'R', requested: '', submitted: '', submittedOn: null, followUpOn: null })
    const log = createAuditLog(session.core!.db)
    const actions = log.list().map((e) => `${e.action}:${e.channel}`)
    expect(actions).toEqual(expect.arrayContaining(['view:cases:get', 'export:deadlines:ics', 'create:contacts:add']))
    expect(JSON.stringify(log.list())).not.toContain('Plan')
    expect(log.verify().isIntact).toBe(true)
    expect(() => session.core!.db.prepare("UPDATE audit_log SET detail = 'x' WHERE id = 1").run()).toThrow(/append-only/)

    // Someone with the key and a SQLite shell drops the triggers and edits a row: verify notices.
    const userId = readKeyStore(dir).users[0].id
    const key = unlockWithPassphrase(readKeyStore(dir), userId, 'lantern orchard velvet')!.dataKey
    session.lock()
    const raw = openDatabase(join(dir, 'overturn.db'), key)
    raw.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET user_name = 'Someone else' WHERE id = 2")
    raw.close()
    session.unlock(userId, 'lantern orchard velvet')
    expect(createAuditLog(session.core!.db).verify()).toMatchObject({ isIntact: false, firstBrokenId: 2 })
  })

  it('refuses a second running instance on the same data folder', () => {
    const { dir } = newSession()
    writeFileSync(join(dir, 'overturn.lock'), String(process.ppid))
    const second = createAppSession({ dataDir: dir, kdf: FAST_KDF })
    expect(second.status().state).toBe('in_use')
  })
})

describe('the idle lock', () => {
  it('locks after the idle time the administrator set, read from the key store once and kept after each change', async () => {
    const temp = makeTempDir()
    let clock = new Date('2026-11-25T15:00:00Z').getTime()
    const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, now: () => new Date(clock) })
    cleanups.push(() => session.close(), temp.cleanup)
    session.setup('Dana', 'lantern orchard velvet')
    expect(await session.dispatch('session:setIdle', { idleLockMinutes: 5 })).toMatchObject({ ok: true })
    expect(readKeyStore(temp.dir).settings.idleLockMinutes).toBe(5)
    clock += 4 * 60_000
    expect(await session.dispatch('cases:board', {})).toMatchObject({ ok: true })
    clock += 6 * 60_000
    expect(await session.dispatch('cases:board', {})).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(session.status().state).toBe('locked')
  })
})

describe('backups', () => {
  it('copies with VACUUM INTO, keeps the encryption, passes integrity_check, and restores after a safety copy', async () => {
    const { session, dir } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const made = await session.dispatch('backups:create', {})
    expect(made.ok).toBe(true)
    const name = (made as { data: { fileName: string } }).data.fileName
    expect(() => openDatabase(join(dir, 'backups', name))).toThrow()
    const key = unlockWithPassphrase(readKeyStore(dir), session.user!.id, 'lantern orchard velvet')!.dataKey
    const copy = openDatabase(join(dir, 'backups', name), key, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
    session.core!.caseload.removeDemo()
    expect(session.core!.caseload.info().caseCount).toBe(0)
    expect(await session.dispatch('backups:previewRestore', { fileName: name })).toMatchObject({ ok: true, data: { current: { caseCount: 0 }, fromBackup: { caseCount: 40 } } })
    expect((await session.dispatch('backups:restore', { fileName: name })).ok).toBe(true)
    expect(session.core!.caseload.info().caseCount).toBe(40)
    expect(listBackups(dir).map((b) => b.reason)).toContain('before-restore')
  })

  it('rotates automatic backups: all of the last day, one a day for a week, one a week for four weeks', () => {
    const temp = makeTempDir()
    cleanups.push(temp.cleanup)
    const db = openDatabase(join(temp.dir, 'x.db'))
    db.exec('CREATE TABLE t(x)')
    const base = Date.parse('2026-11-25T12:00:00Z')
    for (const hoursAgo of [1, 2, 3, 30, 31, 54, 100, 200, 400, 500, 700, 900]) {
      createBackup(db, { dataDir: temp.dir, reason: 'auto', now: new Date(base - hoursAgo * 3_600_000) })
    }
    createBackup(db, { dataDir: temp.dir, reason: 'manual', now: new Date(base - 2000 * 3_600_000) })
    db.close()
    const removed = rotateBackups(temp.dir, new Date(base))
    const kept = listBackups(temp.dir)
    expect(kept.filter((b) => b.reason === 'auto').length).toBe(12 - removed.length)
    expect(removed.length).toBeGreaterThan(0)
    expect(kept.some((b) => b.reason === 'manual')).toBe(true)
    expect(kept.filter((b) => Date.parse(b.createdAt) > base - 86_400_000)).toHaveLength(3)
  })
})

describe('startup health', () => {
  it('a damaged caseload opens on its backups, and restoring one brings it back (the damaged file is kept)', async () => {
    const { session, dir } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const userId = session.user!.id
    await session.dispatch('backups:create', {})
    session.lock()
    damageCaseload(dir)
    const status = session.unlock(userId, 'lantern orchard velvet')
    expect(status.state).toBe('damaged')
    const backups = (status as { backups: { fileName: string }[] }).backups
    expect(backups.length).toBeGreaterThan(0)
    // No passphrase-less rescue (issue 13 item 5): an administrator's passphrase is needed.
    expect(await session.dispatch('backups:restore', { fileName: backups[0].fileName })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await session.dispatch('backups:restore', { fileName: backups[0].fileName, adminUserId: userId, adminPassphrase: 'wrong wrong wrong' })).toMatchObject({ ok: false, error: { message: 'error.wrongPassphrase' } })
    const restored = await session.dispatch('backups:restore', { fileName: backups[0].fileName, adminUserId: userId, adminPassphrase: 'lantern orchard velvet' })
    expect(restored).toMatchObject({ ok: true, data: { state: 'unlocked' } })
    expect(session.core!.caseload.info().caseCount).toBe(40)
    expect(readdirSync(dir).some((f) => f.startsWith('overturn.db.damaged-'))).toBe(true)
  })

  it('while damaged, only an administrator restores, and the rest stays locked', async () => {
    const { session, dir } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const adminId = session.user!.id
    const advocate = (await session.dispatch('users:create', { displayName: 'Casey', role: 'advocate', passphrase: 'advocate passphrase' })) as { ok: true; data: { id: string } }
    await session.dispatch('backups:create', {})
    session.lock()
    damageCaseload(dir)
    const status = session.unlock(advocate.data.id, 'advocate passphrase')
    expect(status).toMatchObject({ state: 'damaged', administrators: [{ id: adminId, displayName: 'Dana' }] })
    const { backups } = status as { backups: { fileName: string }[] }
    // An advocate's own right passphrase does not approve a rescue.
    expect(await session.dispatch('backups:restore', { fileName: backups[0].fileName, adminUserId: advocate.data.id, adminPassphrase: 'advocate passphrase' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: 'error.roleForbidden' } })
    expect(await session.dispatch('backups:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(await session.dispatch('cases:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(readdirSync(dir).some((f) => f.startsWith('overturn.db.damaged-'))).toBe(false)
    expect(session.status().state).toBe('damaged')
  })
})

describe('a backup kept elsewhere', () => {
  it('packs the encrypted database, the wrapped keys and attachments; unzipped into a new folder it opens with the passphrase', async () => {
    const JSZip = (await import('jszip')).default
    const { mkdirSync } = await import('node:fs')
    const { session } = newSession()
    session.setup('Dana', 'lantern orchard velvet')
    const made = (await session.dispatch('backups:create', {})) as { data: { fileName: string } }
    const packed = (await session.dispatch('backups:download', { fileName: made.data.fileName })) as { ok: true; data: { fileName: string; base64: string } }
    expect(packed.data.fileName).toMatch(/\.zip$/)
    const zip = await JSZip.loadAsync(Buffer.from(packed.data.base64, 'base64'))
    expect(Object.keys(zip.files)).toEqual(expect.arrayContaining(['overturn.db', 'keystore.json']))
    const elsewhere = makeTempDir()
    mkdirSync(elsewhere.dir, { recursive: true })
    for (const name of ['overturn.db', 'keystore.json']) writeFileSync(join(elsewhere.dir, name), await zip.file(name)!.async('nodebuffer'))
    const restored = createAppSession({ dataDir: elsewhere.dir, kdf: FAST_KDF })
    // Closed before its folder goes: locking writes the last audit entry and its anchor in keystore.json.
    cleanups.push(() => restored.close(), elsewhere.cleanup)
    const status = restored.status()
    expect(status.state).toBe('locked')
    restored.unlock((status as { users: { id: string }[] }).users[0].id, 'lantern orchard velvet')
    expect(restored.core!.caseload.info().caseCount).toBe(40)
  })
})
