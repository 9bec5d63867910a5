import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiResult } from '../../../shared/contract'
import type { IntegrityState, MigrationNotice, SessionStatus, SessionUser } from '../../../shared/domain/session'
import { migrationNotice, migrationStart, recordAppVersion } from '../db/appVersion'
import { createAuditLog, type AuditAction } from '../audit/auditLog'
import { BACKUP_FOLDER, cleanInterrupted, createBackup, describeDatabase, listBackups, readManifest } from '../backup/backupService'
import { packBackup } from '../backup/packBackup'
import { createBackupInWorker } from '../backup/backupInWorker'
import { checkIntegrityInWorker } from '../db/integrityInWorker'
import { restoreWhole } from '../backup/restore'
import { createCore, DATABASE_FILE, type Core, type CoreOptions } from '../createCore'
import { answerCall, createDispatcher, type Dispatch } from '../dispatcher'
import { AppError } from '../errors'
import { keyStoreExists, previousKeysOf, trustedKeys, type KeyStoreFile, type StoredUser, type Unlocked } from '../security/keyStore'
import { auditAfterCall } from './auditRules'
import { createBackupSchedule } from './backupSchedule'
import { createCaseloadRescue } from './caseloadRescue'
import { createKeyCustody } from './keyCustody'
import { createIdleLock } from './idleLock'
import { claimInstance } from './instanceLock'
import { bringToKey, encryptInPlace, rekey } from './keyRotation'
import type { Channel } from '../../../shared/contract'
import { isAllowedWhileLocked, mayCall, policyOf } from './permissions'
import { isSessionChannel, sessionHandlers, type SessionPort } from './sessionHandlers'
import { sessionSigner } from '../sync/syncSigning'

export interface AppSessionOptions {
  dataDir: string
  now?: () => Date
  seedDemoOnFirstRun?: boolean
  /** The running Overturn's version, recorded in the caseload so an update can say where it came from. */
  appVersion?: string
  /** Cost of the passphrase hash; tests lower it. */
  kdf?: KeyStoreFile['kdf']
  /** Delay before the background integrity check; tests set 0. */
  integrityCheckDelayMs?: number
}

/** The integrity check starts this long after unlocking, once the board is on screen (issue 15). */
const INTEGRITY_CHECK_DELAY_MS = 2_000

const publicUser = (u: StoredUser): SessionUser => ({ id: u.id, displayName: u.displayName, role: u.role })
const LOCKED = { ok: false as const, error: { code: 'locked' as const, message: 'error.locked' } }

/**
 * The app as a user meets it: locked until a passphrase opens the key store, then a core on the
 * encrypted caseload. The jobs live in their own modules: the instance lock (instanceLock.ts), key
 * custody with unlock limits (keyCustody.ts, throttle.ts), the backup schedule (backupSchedule.ts),
 * the rescue of a damaged caseload (caseloadRescue.ts); here they are put together with the idle
 * lock, the audit trail and data-key rotation. Every call goes through `dispatch`: lock state, role,
 * then the one dispatcher.
 */
export function createAppSession(options: AppSessionOptions) {
  const now = options.now ?? (() => new Date())
  const dataDir = options.dataDir
  mkdirSync(dataDir, { recursive: true })
  const claim = claimInstance(dataDir)
  let inUseBy = claim.inUseBy
  // Only the instance that owns the folder may clean up after an interrupted backup or restore.
  if (!inUseBy) cleanInterrupted(dataDir)
  const custody = createKeyCustody(dataDir, now, options.kdf)
  let core: Core | null = null
  let coreDispatch: Dispatch | null = null
  const idle = createIdleLock(now)
  const pendingFailures: { at: string; userName: string }[] = []
  /** When the right key cannot open the database, only restoring a backup is offered (caseloadRescue.ts). */
  const rescue = createCaseloadRescue({ dataDir, custody, openCore, audit, anchor, status })
  /** A notice for the lock screen (a stale lock taken over), recorded in the trail at the next unlock. */
  let notice: string | null = claim.tookOverFrom ? `Overturn was not closed properly last time (process ${claim.tookOverFrom} is gone); it has taken over this caseload.` : null
  /** Set when the last unlock migrated the database; shown once after that unlock (issue 16). */
  let migration: MigrationNotice | null = null
  let integrity: IntegrityState = { state: 'checking', checkedAt: null }
  /** The running background integrity check, for tests and the benchmark to wait on. */
  let integrityRun: Promise<void> = Promise.resolve()
  const schedule = createBackupSchedule(
    () => {
      if (!core) return
      // In a worker thread on its own connection: requests never wait for it (issue 15).
      return custody.useKey((key) => createBackupInWorker({ dataDir, key: Buffer.from(key), reason: 'auto', now: now() }))
    },
    () => dataDir,
  )

  function status(): SessionStatus {
    if (inUseBy) return { state: 'in_use', message: `Overturn is already open on this caseload (process ${inUseBy}). Close it first.` }
    if (!keyStoreExists(dataDir)) return { state: 'new', ...(notice ? { notice } : {}) }
    if (rescue.isDamaged()) return rescue.status()
    const keys = custody.store()
    const actor = custody.actor()
    if (core && actor) return { state: 'unlocked', user: publicUser(actor), users: keys.users.map(publicUser), idleLockMinutes: keys.settings.idleLockMinutes, integrity, ...(migration ? { migration } : {}) }
    return { state: 'locked', users: keys.users.map(publicUser), idleLockMinutes: keys.settings.idleLockMinutes, ...(notice ? { notice } : {}) }
  }

  /** Opens the core with the held key; `olderKeys` lets it move files still under an earlier key. */
  function openCore(key: Buffer, olderKeys: Buffer[], check = true) {
    let started: ReturnType<typeof migrationStart> | null = null
    const coreOptions: CoreOptions = {
      dataDir,
      now,
      key,
      olderKeys,
      seedDemoOnFirstRun: options.seedDemoOnFirstRun,
      beforeMigrating: (db) => {
        started = migrationStart(db, createBackup(db, { dataDir, key, reason: 'before-migration', now: now() }).fileName)
      },
    }
    const opened = createCore(coreOptions)
    // Issue 16: after an update the first unlock says which version the caseload came from.
    migration = started ? migrationNotice(started, opened.db, options.appVersion ?? null) : null
    if (options.appVersion) recordAppVersion(opened.db, options.appVersion)
    core = opened
    opened.sync.useSigner(sessionSigner(custody))
    coreDispatch = createDispatcher(opened)
    idle.reset()
    const actor = custody.actor()!
    core.caseload.bindUser(actor.id, actor.displayName)
    schedule.start()
    if (check) startIntegrityCheck(opened, key)
  }

  /**
   * The integrity check left the unlock path (issue 15): it runs in a worker thread on its own
   * connection once the board is up, and a failure reaches the user as a notice with the restore path.
   */
  function startIntegrityCheck(opened: Core, key: Buffer) {
    integrity = { state: 'checking', checkedAt: null }
    const keyCopy = Buffer.from(key)
    integrityRun = new Promise<void>((resolve) => setTimeout(resolve, options.integrityCheckDelayMs ?? INTEGRITY_CHECK_DELAY_MS))
      .then(() => (core === opened ? checkIntegrityInWorker(join(dataDir, DATABASE_FILE), keyCopy) : null))
      .then((sound) => {
        if (sound === null || core !== opened) return
        integrity = { state: sound ? 'ok' : 'failed', checkedAt: now().toISOString() }
        if (!sound) audit('security', { detail: 'the caseload failed its integrity check' })
      })
      .finally(() => keyCopy.fill(0))
  }

  function audit(action: AuditAction, fields: { channel?: string; entity?: string; entityId?: string; detail?: string; at?: string; userName?: string } = {}) {
    if (!core) return
    const actor = custody.actor()
    createAuditLog(core.db, custody.signer() ?? undefined).append({
      at: fields.at ?? now().toISOString(),
      userId: actor?.id ?? '',
      userName: fields.userName ?? actor?.displayName ?? '',
      action,
      channel: fields.channel ?? '',
      entity: fields.entity ?? '',
      entityId: fields.entityId ?? '',
      detail: fields.detail ?? '',
    })
  }

  /** Records the trail's head in the key store, signed by the acting account (a cut-off tail then shows). */
  function anchor(resetOthers = false) {
    if (core) custody.anchor(createAuditLog(core.db).head(), resetOthers)
  }

  function lock(): SessionStatus {
    if (core) {
      try {
        audit('lock')
        anchor()
      } catch (error) {
        // Locking never fails: the key is forgotten whatever happened to the last entry.
        console.error(`[overturn] lock: audit anchor not written: ${error instanceof Error ? error.name : 'unknown'}`)
      } finally {
        core.close()
      }
    }
    schedule.stop()
    custody.forget()
    migration = null
    core = null
    coreDispatch = null
    return status()
  }

  /**
   * After a right passphrase: finishes a rotation a crash interrupted (the database may be under either
   * key), opens the core, and records what happened while locked.
   */
  function openUnlocked(opened: Pick<Unlocked, 'dataKey' | 'user' | 'privates' | 'pendingKey'>) {
    const keys = custody.store()
    const current = opened.dataKey
    const next = opened.pendingKey
    if (next && !next.equals(current)) {
      const older = [current, ...previousKeysOf(keys, current)]
      // Under the old key if the crash came before the re-key, else already under the next one.
      bringToKey(join(dataDir, DATABASE_FILE), next, [current])
      custody.hold({ dataKey: next, user: opened.user, privates: opened.privates })
      openCore(next, older)
      custody.finishRotation(current, next)
    } else {
      custody.hold({ dataKey: opened.dataKey, user: opened.user, privates: opened.privates })
      const older = custody.olderKeys()
      // A database from before a rotation (a backup ZIP unzipped into a new folder) is re-keyed first.
      if (older.length > 0) bringToKey(join(dataDir, DATABASE_FILE), opened.dataKey, older)
      openCore(opened.dataKey, older)
    }
    for (const failure of pendingFailures.splice(0)) audit('unlock_failed', { at: failure.at, userName: failure.userName })
    if (notice) {
      audit('security', { detail: notice })
      notice = null
    }
  }

  /**
   * Replaces the data key (issue 13 item 4): the new key is sealed for every account and the recovery
   * key and written beside the old one first; then the database is re-keyed, the attachments moved to
   * the new key as the core reopens, and only then does the new key become current. An interruption at
   * any step is finished at the next unlock (openUnlocked). Answers false when some account still has a
   * version 1 wrap (it has not unlocked since the upgrade) and so could not be given the new key.
   */
  function rotateDataKey(reason: string): boolean {
    if (!core) throw new AppError('locked', 'error.locked')
    if (!custody.canRotate()) {
      audit('security', { detail: `data key not replaced after ${reason}: an account from an older key store has not unlocked since the upgrade` })
      return false
    }
    const oldKey = custody.useKey((key) => Buffer.from(key))
    const older = [oldKey, ...previousKeysOf(custody.store(), oldKey)]
    const next = randomBytes(32)
    custody.beginRotation(next)
    rekey(core.db, next)
    schedule.stop()
    core.close()
    core = null
    coreDispatch = null
    custody.replaceKey(next)
    openCore(next, older, false)
    custody.finishRotation(oldKey, next)
    older.forEach((k) => k.fill(0))
    audit('security', { detail: `data key replaced after ${reason}` })
    anchor()
    return true
  }

  function requireCore(): Core {
    if (!core || !custody.actor()) throw new AppError('locked', 'error.locked')
    return core
  }

  function restoreFrom(fileName: string, key: Buffer, olderKeys: Buffer[]) {
    return restoreWhole(dataDir, fileName, join(dataDir, DATABASE_FILE), key, olderKeys)
  }

  const port: SessionPort = {
    status,
    lock,
    actor: () => {
      const actor = custody.actor()
      return actor ? publicUser(actor) : null
    },
    audit,

    /** First run: the administrator account and the data key; an unencrypted caseload is encrypted in place. */
    setup(displayName, passphrase) {
      if (keyStoreExists(dataDir)) throw new AppError('conflict', 'error.alreadySetUp')
      const created = custody.setup(displayName, passphrase)
      const dbFile = join(dataDir, DATABASE_FILE)
      if (existsSync(dbFile)) encryptInPlace(dbFile, created.dataKey)
      openUnlocked({ dataKey: created.dataKey, user: created.user, privates: created.privates, pendingKey: null })
      audit('security', { detail: 'caseload encrypted; administrator account created' })
      anchor()
      // The first backup now, not at the first 15-minute tick: a new caseload is protected from its
      // first minute (issue 19). It is small, so it is made here rather than in the backup worker.
      try {
        const db = core!.db
        custody.useKey((key) => createBackup(db, { dataDir, key, reason: 'auto', now: now() }))
      } catch (error) {
        console.error(`[overturn] first backup failed: ${error instanceof Error ? error.name : 'unknown'}`)
      }
      return { recoveryKey: created.recoveryKey, status: status() }
    },

    unlock(userId, passphrase) {
      let opened: Unlocked
      try {
        opened = custody.unlock(userId, passphrase)
      } catch (error) {
        if (error instanceof AppError && error.message === 'error.wrongPassphrase') {
          pendingFailures.push({ at: now().toISOString(), userName: custody.store().users.find((u) => u.id === userId)?.displayName ?? '' })
        }
        throw error
      }
      if (core) lock()
      try {
        openUnlocked(opened)
      } catch (error) {
        // The passphrase was right, so the key is: the database itself is damaged. Offer the backups.
        // A database from a newer Overturn is not damaged: say so and change nothing.
        custody.forget()
        core = null
        rescue.openFailed(error)
        return status()
      }
      audit('unlock')
      anchor()
      return status()
    },

    recover(userId, recoveryKey, newPassphrase) {
      const recovered = custody.recover(userId, recoveryKey, newPassphrase)
      if (core) lock()
      openUnlocked({ ...recovered, pendingKey: recovered.pendingKey })
      rescue.clear()
      audit('security', { detail: 'passphrase reset with the recovery key' })
      rotateDataKey('a passphrase reset')
      return status()
    },

    setIdle(minutes) {
      requireCore()
      custody.setIdle(minutes)
      audit('security', { detail: `idle lock set to ${minutes} minutes` })
      return status()
    },

    addAccount(input) {
      requireCore()
      const created = custody.addAccount(input)
      audit('create', { entity: 'user', entityId: created.id, detail: `role ${input.role}` })
      anchor()
      return publicUser(created)
    },

    changePassphrase(currentPassphrase, newPassphrase) {
      requireCore()
      custody.preflightRotation()
      custody.changeOwnPassphrase(currentPassphrase, newPassphrase)
      const actor = custody.actor()!
      audit('security', { entity: 'user', entityId: actor.id, detail: 'passphrase changed' })
      rotateDataKey('a passphrase change')
      return status()
    },

    removeAccount(userId) {
      requireCore()
      custody.preflightRotation()
      const removed = custody.removeAccount(userId)
      audit('delete', { entity: 'user', entityId: removed.id, detail: `account removed (role ${removed.role})` })
      rotateDataKey('an account removal')
      return status()
    },

    rotateRecoveryKey() {
      requireCore()
      const recoveryKey = custody.rotateRecovery()
      audit('security', { detail: 'recovery key replaced' })
      anchor()
      return { recoveryKey }
    },

    listAudit(query) {
      return createAuditLog(requireCore().db)
        .list(query)
        .map(({ id, at, userName, action, channel, entity, entityId, detail }) => ({ id, at, userName, action, channel, entity, entityId, detail }))
    },

    verifyAudit() {
      const db = requireCore().db
      const keys = custody.store()
      const result = createAuditLog(db).verify({ trusted: trustedKeys(keys), anchors: keys.anchors ?? {} })
      audit('security', { detail: `audit trail verified: ${result.isIntact ? 'intact' : `not intact (${result.problem}) at ${result.firstBrokenId ?? '-'}`}` })
      return result
    },

    listBackups: () => (requireCore(), listBackups(dataDir)),

    async createBackup() {
      requireCore()
      // In a worker thread on its own connection: other requests keep being answered (issue 15).
      const backup = await custody.useKey((key) => createBackupInWorker({ dataDir, key: Buffer.from(key), reason: 'manual', now: now() }))
      audit('backup', { detail: backup.fileName })
      anchor()
      return backup
    },

    async downloadBackup(fileName) {
      requireCore()
      if (!listBackups(dataDir).some((b) => b.fileName === fileName)) throw new AppError('not_found', 'error.notFound.backup')
      const zip = await packBackup(dataDir, fileName)
      audit('export', { detail: `backup ${fileName} downloaded` })
      return { fileName: fileName.replace(/\.db$/, '.zip'), base64: zip.toString('base64') }
    },

    previewRestore(fileName) {
      const live = requireCore()
      const backup = listBackups(dataDir).find((b) => b.fileName === fileName)
      if (!backup) throw new AppError('not_found', 'error.notFound.backup')
      const keys = custody.useKey((key) => [key, ...previousKeysOf(custody.store(), key)])
      const file = join(dataDir, BACKUP_FOLDER, fileName)
      let fromBackup: { caseCount: number; schemaVersion: number } | null = null
      for (const key of keys) {
        try {
          fromBackup = describeDatabase(file, key)
          break
        } catch {
          // An earlier generation's key.
        }
      }
      if (!fromBackup) throw new AppError('forbidden', 'error.wrongKeyOrDamaged')
      const info = live.caseload.info()
      return { backup, current: { caseCount: info.caseCount, schemaVersion: info.schemaVersion }, fromBackup }
    },

    restore(fileName, admin) {
      // Checked before anything is copied, audited or locked: a name that is not a listed backup changes nothing.
      if (!listBackups(dataDir).some((b) => b.fileName === fileName)) throw new AppError('not_found', 'error.notFound.backup')
      // A damaged caseload: only an administrator's passphrase opens the way to a restore (issue 13 item 5).
      if (rescue.isDamaged()) return rescue.restore(fileName, admin)
      const live = requireCore()
      const key = custody.useKey((k) => Buffer.from(k))
      const older = previousKeysOf(custody.store(), key)
      const safety = createBackup(live.db, { dataDir, key, reason: 'before-restore', now: now() })
      const before = createAuditLog(live.db).head()
      audit('restore', { detail: `restoring ${fileName}; current state saved as ${safety.fileName}` })
      // Anchors restart from the backup's head before the swap, so a crash between the two never
      // leaves anchors pointing past the restored trail (the manifest holds that head).
      custody.anchor(readManifest(dataDir, fileName)?.auditHead ?? { id: 0, hash: '' }, true)
      schedule.stop()
      live.close()
      core = null
      coreDispatch = null
      try {
        restoreFrom(fileName, key, older)
      } finally {
        // A backup that fails its check leaves the current caseload in place: reopen it either way.
        openCore(key, older)
        anchor(true)
      }
      // The restored trail is shorter than the anchors: they restart from it, and the entry says where the old trail ended.
      audit('restore', { detail: `restored ${fileName}; the trail before the restore ended at entry ${before.id + 1} (saved in ${safety.fileName})` })
      anchor(true)
      return status()
    },
  }
  const sessionTable = sessionHandlers(port)

  return {
    dataDir,
    now,
    status,
    lock,
    /** The open core (tests and the desktop shell's reminders read through it). */
    /** Resolves when the background integrity check of this unlock has finished. */
    get integrityCheck() {
      return integrityRun
    },
    /** Runs the automatic backup now (the timer's job); for tests and the benchmark. */
    autoBackup: () => schedule.run(),
    get core() {
      return core
    },
    get user(): SessionUser | null {
      return port.actor()
    },
    audit,
    setup: port.setup,
    unlock: port.unlock,

    /** Every call from the renderer comes through here: lock state, idle time, role, then the one dispatcher. */
    async dispatch(channel: string, request: unknown): Promise<ApiResult<unknown>> {
      const actor = custody.actor()
      if (isSessionChannel(channel)) {
        // Who may call what, and what works while locked, is the channel's policy in the contract.
        if (!isAllowedWhileLocked(channel) && !rescue.admits(channel)) {
          if (!core || !actor) return LOCKED
          if (!mayCall(actor.role, channel)) return { ok: false, error: { code: 'forbidden', message: 'error.roleForbidden' } }
        }
        return answerCall(sessionTable, channel, request)
      }
      if (!core || !coreDispatch || !actor) return LOCKED
      if (idle.hasExpired(custody.idleLockMinutes())) {
        lock()
        return LOCKED
      }
      idle.touch(channel)
      // An unknown name falls through to the dispatcher, which answers `unknown_channel`.
      if (policyOf(channel) && !mayCall(actor.role, channel)) return { ok: false, error: { code: 'forbidden', message: 'error.roleForbidden' } }
      const result = await coreDispatch(channel, request)
      if (result.ok) auditAfterCall({ audit }, channel as Channel, request, result.data)
      return result
    },

    close() {
      lock()
      if (!inUseBy) claim.release()
      inUseBy = null
    },
  }
}
export type AppSession = ReturnType<typeof createAppSession>
