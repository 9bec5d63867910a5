import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAuditLog } from '../../../electron/core/audit/auditLog'
import { listBackups, rotateBackups, createBackup } from '../../../electron/core/backup/backupService'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { signText } from '../../../electron/core/security/accountKeys'
import { readKeyStore, unlockWithPassphrase, writeKeyStore } from '../../../electron/core/security/keyStore'
import { createAppSession, type AppSession } from '../../../electron/core/session/appSession'
import type { ApiResult } from '../../../shared/contract'
import { makeTempDir } from '../core/testCore'
import { FAST_KDF, PASSPHRASE } from './hardeningHelpers'

/**
 * Issue 13: the red team's attacks, rerun. Each test is one attack from the review; each must fail.
 * Real sessions on real encrypted caseloads (the demo's 40 cases), no mocks.
 */

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).reverse().forEach((f) => f()))
const READER_PASSPHRASE = 'reader passphrase long'

function fresh(dir?: string) {
  const temp = dir ? { dir, cleanup: () => {} } : makeTempDir('overturn-redteam-')
  const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, now: () => new Date('2026-11-25T15:00:00Z') })
  cleanups.push(temp.cleanup, () => session.close())
  return { session, dir: temp.dir }
}

async function ok<T>(session: AppSession, channel: string, request: unknown = {}): Promise<T> {
  const result: ApiResult<unknown> = await session.dispatch(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.data as T
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n${'x'.repeat(300)}\n%%EOF\n`, 'latin1')
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function withAttachments(session: AppSession) {
  const board = await ok<{ cards: { id: number }[] }>(session, 'cases:board')
  const uploaded: { id: number; bytes: Buffer }[] = []
  for (const [i, card] of board.cards.slice(0, 3).entries()) {
    for (const n of [1, 2]) {
      const bytes = pdf(`case ${card.id} exhibit ${n} ${i}`)
      const att = await ok<{ id: number }>(session, 'documents:upload', { caseId: card.id, fileName: `e${n}.pdf`, base64: bytes.toString('base64') })
      uploaded.push({ id: att.id, bytes })
    }
  }
  return uploaded
}

async function expectAllOpen(session: AppSession, uploaded: { id: number; bytes: Buffer }[]) {
  for (const { id, bytes } of uploaded) {
    const opened = await ok<{ base64: string }>(session, 'documents:open', { attachmentId: id })
    expect(sha(Buffer.from(opened.base64, 'base64'))).toBe(sha(bytes))
  }
}

async function addReader(session: AppSession) {
  const reader = await ok<{ id: string }>(session, 'users:create', { displayName: 'Reader', role: 'read_only', passphrase: READER_PASSPHRASE })
  return reader.id
}

describe('restore is whole', () => {
  it('brings back the database and every attachment byte for byte, also after the data key was replaced; a whole-caseload export works', async () => {
    const { session, dir } = fresh()
    session.setup('Dana', PASSPHRASE)
    const uploaded = await withAttachments(session)
    const backup = await ok<{ fileName: string }>(session, 'backups:create')
    // Afterwards: an exhibit removed, the key replaced (passphrase change), so files are re-encrypted and renamed.
    await ok(session, 'documents:remove', { attachmentId: uploaded[0].id })
    await ok(session, 'users:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'second passphrase here' })
    expect(readKeyStore(dir).generation).toBe(2)
    await ok(session, 'backups:restore', { fileName: backup.fileName })
    await expectAllOpen(session, uploaded)
    const bundle = await ok<{ base64: string }>(session, 'transfer:exportBundle', { caseIds: null })
    expect(bundle.base64.length).toBeGreaterThan(1000)
    // The restored caseload is under the current key: the new passphrase opens it, after a lock too.
    const userId = session.user!.id
    session.lock()
    session.unlock(userId, 'second passphrase here')
    await expectAllOpen(session, uploaded)
    expect(await ok<{ isIntact: boolean }>(session, 'audit:verify')).toMatchObject({ isIntact: true })
  })

  it('a backup ZIP made before a key rotation, unzipped into a new folder, opens with the current passphrase, exhibits included', async () => {
    const JSZip = (await import('jszip')).default
    const { session } = fresh()
    session.setup('Dana', PASSPHRASE)
    const uploaded = await withAttachments(session)
    const backup = await ok<{ fileName: string }>(session, 'backups:create')
    await ok(session, 'users:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'second passphrase here' })
    const packed = await ok<{ base64: string }>(session, 'backups:download', { fileName: backup.fileName })
    const zip = await JSZip.loadAsync(Buffer.from(packed.base64, 'base64'))
    const elsewhere = makeTempDir('overturn-redteam-elsewhere-')
    cleanups.push(elsewhere.cleanup)
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir && n !== 'README.txt')) {
      const target = join(elsewhere.dir, name)
      mkdirSync(dirname(target), { recursive: true })
      writeFileSync(target, await zip.file(name)!.async('nodebuffer'))
    }
    const restored = fresh(elsewhere.dir).session
    const userId = (restored.status() as { users: { id: string }[] }).users[0].id
    expect(restored.unlock(userId, 'second passphrase here').state).toBe('unlocked')
    await expectAllOpen(restored, uploaded)
  })

  it('a backup made while an exhibit file was already missing still restores; that exhibit stays missing, the others open', async () => {
    const { session, dir } = fresh()
    session.setup('Dana', PASSPHRASE)
    const uploaded = await withAttachments(session)
    const gone = session.core!.db.prepare('SELECT case_id, stored_name FROM attachments WHERE id = ?').get(uploaded[0].id) as { case_id: number; stored_name: string }
    rmSync(join(dir, 'attachments', String(gone.case_id), gone.stored_name))
    const backup = await ok<{ fileName: string }>(session, 'backups:create')
    await ok(session, 'backups:restore', { fileName: backup.fileName })
    await expectAllOpen(session, uploaded.slice(1))
    expect(await session.dispatch('documents:open', { attachmentId: uploaded[0].id })).toMatchObject({ ok: false, error: { message: 'documents.error.fileMissing' } })
  })

  it('prunes backup attachment copies with the backups that name them, and cleans interrupted backups at start', async () => {
    const { session, dir } = fresh()
    session.setup('Dana', PASSPHRASE)
    const uploaded = await withAttachments(session)
    const db = session.core!.db
    const key = unlockWithPassphrase(readKeyStore(dir), session.user!.id, PASSPHRASE)!.dataKey
    const old = new Date('2026-09-01T12:00:00Z')
    createBackup(db, { dataDir: dir, key, reason: 'auto', now: old })
    const mirror = join(dir, 'backups', 'attachments')
    const count = () => readdirSync(mirror).flatMap((c) => readdirSync(join(mirror, c))).length
    expect(count()).toBe(uploaded.length)
    // The exhibits go; a newer backup no longer names them; the old automatic one rotates away.
    for (const u of uploaded) await ok(session, 'documents:remove', { attachmentId: u.id })
    createBackup(db, { dataDir: dir, key, reason: 'auto', now: new Date('2026-11-25T14:00:00Z') })
    rotateBackups(dir, new Date('2026-11-25T15:00:00Z'))
    expect(listBackups(dir).map((b) => b.createdAt)).not.toContain(old.toISOString().replace('.000', ''))
    expect(existsSync(mirror) ? count() : 0).toBe(0)
    // An interrupted backup and a half-written key store left by a crash are removed at the next start.
    writeFileSync(join(dir, 'backups', 'overturn-20261125T150000Z-manual.db.partial'), 'partial')
    writeFileSync(join(dir, 'keystore.json.99999.tmp'), 'partial')
    session.close()
    fresh(dir)
    expect(readdirSync(join(dir, 'backups')).some((f) => f.endsWith('.partial'))).toBe(false)
    expect(existsSync(join(dir, 'keystore.json.99999.tmp'))).toBe(false)
  })
})

describe('an audit trail an insider cannot forge', () => {
  async function forgeryScene() {
    const { session, dir } = fresh()
    session.setup('Dana', PASSPHRASE)
    const adminId = session.user!.id
    const readerId = await addReader(session)
    const board = await ok<{ cards: { id: number }[] }>(session, 'cases:board')
    await ok(session, 'contacts:add', { caseId: board.cards[0].id, kind: 'call', occurredOn: '2026-11-25', withWhom: 'Plan', referenceNumber: 'R1', requested: '', submitted: '', submittedOn: null, followUpOn: null })
    session.lock()
    // The read-only account signs in once (its anchor is written), then works with the data key it unwraps.
    session.unlock(readerId, READER_PASSPHRASE)
    expect(await session.dispatch('contacts:add', { caseId: board.cards[0].id, kind: 'call', occurredOn: '2026-11-25', withWhom: 'X', referenceNumber: '', requested: '', submitted: '', submittedOn: null, followUpOn: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    session.lock()
    const stolen = unlockWithPassphrase(readKeyStore(dir), readerId, READER_PASSPHRASE)!
    return { session, dir, adminId, readerId, stolen, caseId: board.cards[0].id }
  }

  /** The red team's script: edit a patient, delete the trail's rows about it, recompute every hash after. */
  function rewriteChain(dir: string, key: Buffer, edit: (db: ReturnType<typeof openDatabase>) => void, signAs?: { keyId: string; sign: (hash: string) => string }) {
    const db = openDatabase(join(dir, 'overturn.db'), key)
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;')
    edit(db)
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number>[]
    db.exec('DELETE FROM audit_log')
    let prev = '0'.repeat(64)
    const insert = db.prepare('INSERT INTO audit_log (id, at, user_id, user_name, action, channel, entity, entity_id, detail, prev_hash, hash, key_id, signature) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)')
    rows.forEach((r, i) => {
      const id = i + 1
      const fields = [id, prev, r.at, r.user_id, r.user_name, r.action, r.channel, r.entity, r.entity_id, r.detail]
      const keyId = signAs?.keyId ?? (r.key_id as string)
      const hash = createHash('sha256').update(JSON.stringify(keyId ? [...fields, keyId] : fields)).digest('hex')
      insert.run(id, r.at, r.user_id, r.user_name, r.action, r.channel, r.entity, r.entity_id, r.detail, prev, hash, keyId, signAs ? signAs.sign(hash) : r.signature)
      prev = hash
    })
    db.close()
  }

  it('an edited patient, deleted entries and recomputed hashes: verify reports it (the signatures no longer match)', async () => {
    const { session, dir, adminId, stolen, caseId } = await forgeryScene()
    rewriteChain(dir, stolen.dataKey, (db) => {
      db.prepare("UPDATE patients SET last_name = 'Forged' WHERE id = (SELECT patient_id FROM cases WHERE id = ?)").run(caseId)
      db.exec("DELETE FROM audit_log WHERE channel = 'contacts:add'")
    })
    session.unlock(adminId, PASSPHRASE)
    expect(await ok(session, 'audit:verify')).toMatchObject({ isIntact: false, problem: 'signature' })
  })

  it('re-signing the rewritten entries with the read-only account’s own key does not pass as the administrator', async () => {
    const { session, dir, adminId, stolen } = await forgeryScene()
    const keyId = stolen.user.keys!.at(-1)!.keyId
    rewriteChain(dir, stolen.dataKey, (db) => db.exec("DELETE FROM audit_log WHERE channel = 'contacts:add'"), { keyId, sign: (hash) => signText(stolen.privates.sign, `overturn-audit:${hash}`) })
    session.unlock(adminId, PASSPHRASE)
    expect(await ok(session, 'audit:verify')).toMatchObject({ isIntact: false, problem: 'signature' })
  })

  it('cutting off the newest entries is caught by the anchored heads', async () => {
    const { session, dir, adminId, stolen } = await forgeryScene()
    const db = openDatabase(join(dir, 'overturn.db'), stolen.dataKey)
    const last = db.prepare('SELECT MAX(id) FROM audit_log').pluck().get() as number
    db.exec(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id > ${last - 3}`)
    db.close()
    session.unlock(adminId, PASSPHRASE)
    expect(await ok(session, 'audit:verify')).toMatchObject({ isIntact: false, problem: 'tail_cut' })
  })

  it('swapping the administrator’s public key in keystore.json for the reader’s own is reported, and a new data key is never sealed to it', async () => {
    const { session, dir, adminId, readerId } = await forgeryScene()
    const keys = readKeyStore(dir)
    const admin = keys.users.find((u) => u.id === adminId)!
    const reader = keys.users.find((u) => u.id === readerId)!
    admin.keys!.push({ ...reader.keys!.at(-1)!, role: 'administrator' })
    writeKeyStore(dir, keys)
    session.unlock(adminId, PASSPHRASE)
    expect(await ok(session, 'audit:verify')).toMatchObject({ isIntact: false, problem: 'keys' })
    // The next rotation refuses to seal the new data key to a key nobody vouched for.
    expect(await session.dispatch('users:remove', { userId: readerId })).toMatchObject({ ok: false, error: { message: 'error.keystoreTampered' } })
    expect(readKeyStore(dir).generation).toBe(1)
    expect(readKeyStore(dir).users.map((u) => u.id)).toContain(readerId)
  })

  it('an untouched trail verifies, with signatures from both accounts', async () => {
    const { session, adminId } = await forgeryScene()
    session.unlock(adminId, PASSPHRASE)
    const result = await ok<{ isIntact: boolean; unsigned: number; rootKeyId: string }>(session, 'audit:verify')
    expect(result).toMatchObject({ isIntact: true, unsigned: 0, problem: null })
    expect(result.rootKeyId).toMatch(/^[0-9a-f]{16}$/)
    const signers = new Set(createAuditLog(session.core!.db).list().map((e) => e.keyId))
    expect(signers.size).toBeGreaterThanOrEqual(2)
  })
})

describe('an old key store opens nothing current', () => {
  it('after a passphrase change: the old file with the old passphrase opens neither the database nor an attachment', async () => {
    const { session, dir } = fresh()
    session.setup('Dana', PASSPHRASE)
    const uploaded = await withAttachments(session)
    const userId = session.user!.id
    copyFileSync(join(dir, 'keystore.json'), join(dir, '..', `${dir.split('/').pop()}-old-keystore.json`))
    const oldStore = JSON.parse(readFileSync(join(dir, '..', `${dir.split('/').pop()}-old-keystore.json`), 'utf8'))
    await ok(session, 'users:changePassphrase', { currentPassphrase: PASSPHRASE, newPassphrase: 'second passphrase here' })
    session.lock()
    const oldKey = unlockWithPassphrase(oldStore, userId, PASSPHRASE)!.dataKey
    expect(() => openDatabase(join(dir, 'overturn.db'), oldKey)).toThrow()
    // The current file does not open with the old passphrase either, even with the old private keys sealed in it.
    expect(unlockWithPassphrase(readKeyStore(dir), userId, PASSPHRASE)).toBeNull()
    session.unlock(userId, 'second passphrase here')
    await expectAllOpen(session, uploaded)
  })

  it('after an account is removed: its old copy of the file opens nothing current, the others keep working', async () => {
    const { session, dir } = fresh()
    session.setup('Dana', PASSPHRASE)
    const adminId = session.user!.id
    const readerId = await addReader(session)
    const oldStore = readKeyStore(dir)
    await ok(session, 'users:remove', { userId: readerId })
    expect(readKeyStore(dir).users.map((u) => u.id)).toEqual([adminId])
    const readerKey = unlockWithPassphrase(oldStore, readerId, READER_PASSPHRASE)!.dataKey
    session.lock()
    expect(() => openDatabase(join(dir, 'overturn.db'), readerKey)).toThrow()
    expect(session.unlock(adminId, PASSPHRASE).state).toBe('unlocked')
    expect(await session.dispatch('users:remove', { userId: adminId })).toMatchObject({ ok: false })
  })

  it('a replaced recovery key: the new one works, the old one does not', async () => {
    const { session } = fresh()
    const { recoveryKey: first } = session.setup('Dana', PASSPHRASE)
    const userId = session.user!.id
    const { recoveryKey: second } = await ok<{ recoveryKey: string }>(session, 'session:rotateRecoveryKey')
    expect(second).not.toBe(first)
    session.lock()
    expect(await session.dispatch('session:recover', { userId, recoveryKey: first, newPassphrase: 'another passphrase' })).toMatchObject({ ok: false, error: { message: 'error.wrongRecoveryKey' } })
    expect(await session.dispatch('session:recover', { userId, recoveryKey: second, newPassphrase: 'another passphrase' })).toMatchObject({ ok: true, data: { state: 'unlocked' } })
  })
})

describe('no way around the lock', () => {
  it('the recovery key has attempt limits: after five wrong ones even the right one waits', async () => {
    const { session } = fresh()
    const { recoveryKey } = session.setup('Dana', PASSPHRASE)
    const userId = session.user!.id
    session.lock()
    for (let i = 0; i < 5; i++) await session.dispatch('session:recover', { userId, recoveryKey: 'AAAA-BBBB-CCCC-DDDD', newPassphrase: 'another passphrase' })
    expect(await session.dispatch('session:recover', { userId, recoveryKey, newPassphrase: 'another passphrase' })).toMatchObject({ ok: false, error: { message: 'error.tooManyAttempts' } })
  })

  it('read-only opens exhibits and nothing more: no backup, download, restore, account or audit check', async () => {
    const { session } = fresh()
    session.setup('Dana', PASSPHRASE)
    const uploaded = await withAttachments(session)
    const backup = await ok<{ fileName: string }>(session, 'backups:create')
    const readerId = await addReader(session)
    session.lock()
    session.unlock(readerId, READER_PASSPHRASE)
    for (const [channel, request] of [
      ['backups:create', {}],
      ['backups:download', { fileName: backup.fileName }],
      ['backups:restore', { fileName: backup.fileName }],
      ['backups:previewRestore', { fileName: backup.fileName }],
      ['users:remove', { userId: readerId }],
      ['session:rotateRecoveryKey', {}],
      ['audit:verify', {}],
      ['caseload:resetEmpty', {}],
    ] as const) {
      expect(await session.dispatch(channel, request), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    expect((await session.dispatch('cases:board', {})).ok).toBe(true)
    // Its own passphrase it may change (and the data key is replaced for everyone).
    expect(await session.dispatch('users:changePassphrase', { currentPassphrase: READER_PASSPHRASE, newPassphrase: 'reader passphrase two' })).toMatchObject({ ok: true })
    // Opening an exhibit is the read-only account's job (issue 11 classifies documents:open as a read).
    const opened = await session.dispatch('documents:open', { attachmentId: uploaded[0].id })
    if (opened.ok) expect(sha(Buffer.from((opened.data as { base64: string }).base64, 'base64'))).toBe(sha(uploaded[0].bytes))
  })

  it('a stale lock file (its process is gone) is taken over with a message; a live one is refused', () => {
    const { session, dir } = fresh()
    session.setup('Dana', PASSPHRASE)
    session.close()
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' })
    writeFileSync(join(dir, 'overturn.lock'), gone.stdout)
    const next = fresh(dir).session
    const status = next.status()
    expect(status).toMatchObject({ state: 'locked' })
    expect((status as { notice?: string }).notice).toContain(`process ${gone.stdout}`)
    next.close()
    writeFileSync(join(dir, 'overturn.lock'), String(process.ppid))
    expect(fresh(dir).session.status().state).toBe('in_use')
  })
})
