import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiResult, Channel } from '../../../shared/contract'
import type { SessionStatus, SessionUser } from '../../../shared/domain/session'
import { createAuditLog } from '../audit/auditLog'
import { createBackup, listBackups, rotateBackups } from '../backup/backupService'
import { createCore, DATABASE_FILE, type Core, type CoreOptions } from '../createCore'
import { NewerDatabaseError } from '../db/migrate'
import { openDatabase } from '../db/openDatabase'
import { createDispatcher, type Dispatch } from '../dispatcher'
import { AppError } from '../errors'
import { createKeyStore, keyStoreExists, readKeyStore, unlockWithPassphrase, writeKeyStore, type KeyStoreFile, type StoredUser } from '../security/keyStore'
import { auditAfterCall } from './auditRules'
import { handleSessionChannel, isSessionChannel } from './sessionHandlers'
import { mayCall, policyOf } from './permissions'

const LOCK_FILE = 'overturn.lock'
const AUTO_BACKUP_MS = 15 * 60_000
/** After this many wrong passphrases in a row, wait before trying again (slows guessing). */
const MAX_FAILED_ATTEMPTS = 5
const LOCKOUT_MS = 30_000
/** Calls that do not count as the user being active (background refreshes). */
const BACKGROUND_CHANNELS = new Set(['session:status', 'deadlines:agenda', 'deadlines:counts'])

export interface AppSessionOptions {
  dataDir: string
  now?: () => Date
  seedDemoOnFirstRun?: boolean
  /** Cost of the passphrase hash; tests lower it. */
  kdf?: KeyStoreFile['kdf']
}

const publicUser = (u: StoredUser): SessionUser => ({ id: u.id, displayName: u.displayName, role: u.role })

/**
 * The app as a user meets it: locked until a passphrase opens the key store, then a core on the
 * encrypted caseload. It owns the key (and forgets it on lock), checks each call's role, records the
 * audit trail, runs automatic backups and refuses a second running instance on the same data folder.
 */
export function createAppSession(options: AppSessionOptions) {
  const now = options.now ?? (() => new Date())
  const dataDir = options.dataDir
  mkdirSync(dataDir, { recursive: true })
  let core: Core | null = null
  let coreDispatch: Dispatch | null = null
  let dataKey: Buffer | null = null
  let user: StoredUser | null = null
  let lastActivity = now().getTime()
  let failedAttempts = 0
  let lockedOutUntil = 0
  const pendingFailures: { at: string; userName: string }[] = []
  let backupTimer: ReturnType<typeof setInterval> | null = null
  let inUseBy: number | null = claimInstance()
  /** Set when the right key could not open the database: only restoring a backup is offered. */
  let damaged: { key: Buffer; user: StoredUser } | null = null

  /** One running Overturn per data folder: a second one would write the same database. */
  function claimInstance(): number | null {
    const file = join(dataDir, LOCK_FILE)
    if (existsSync(file)) {
      const pid = Number(readFileSync(file, 'utf8').trim())
      if (pid && pid !== process.pid && isAlive(pid)) return pid
    }
    try {
      writeFileSync(file, String(process.pid))
    } catch {
      // A read-only folder: the database open will report the real problem.
    }
    return null
  }

  function store(): KeyStoreFile {
    return readKeyStore(dataDir)
  }

  function status(): SessionStatus {
    if (inUseBy) return { state: 'in_use', message: `Overturn is already open on this caseload (process ${inUseBy}). Close it first.` }
    if (!keyStoreExists(dataDir)) return { state: 'new' }
    if (damaged) return { state: 'damaged', message: 'The caseload failed its integrity check or cannot be read. Restore the most recent backup that opens.', backups: listBackups(dataDir) }
    const keys = store()
    if (core && user) return { state: 'unlocked', user: publicUser(user), users: keys.users.map(publicUser), idleLockMinutes: keys.settings.idleLockMinutes }
    return { state: 'locked', users: keys.users.map(publicUser), idleLockMinutes: keys.settings.idleLockMinutes }
  }

  function openCore(key: Buffer, who: StoredUser) {
    const coreOptions: CoreOptions = {
      dataDir,
      now,
      key,
      seedDemoOnFirstRun: options.seedDemoOnFirstRun,
      beforeMigrating: (db) => createBackup(db, { dataDir, key, reason: 'before-migration', now: now() }),
    }
    const opened = createCore(coreOptions)
    const health = opened.db.pragma('quick_check', { simple: true })
    if (health !== 'ok') {
      opened.close()
      throw new AppError('conflict', 'error.databaseDamaged')
    }
    core = opened
    coreDispatch = createDispatcher(opened)
    dataKey = key
    user = who
    lastActivity = now().getTime()
    core.caseload.bindUser(who.id, who.displayName)
    backupTimer = setInterval(() => autoBackup(), AUTO_BACKUP_MS)
    backupTimer.unref?.()
    // Failed attempts happened while the database was closed; they are recorded now, with their times.
    for (const failure of pendingFailures.splice(0)) audit('unlock_failed', { at: failure.at, userName: failure.userName })
  }

  function autoBackup() {
    if (!core || !dataKey) return
    try {
      createBackup(core.db, { dataDir, key: dataKey, reason: 'auto', now: now() })
      rotateBackups(dataDir, now())
    } catch (error) {
      console.error(`[overturn] automatic backup failed: ${error instanceof Error ? error.name : 'unknown'}`)
    }
  }

  function audit(action: Parameters<ReturnType<typeof createAuditLog>['append']>[0]['action'], fields: { channel?: string; entity?: string; entityId?: string; detail?: string; at?: string; userName?: string } = {}) {
    if (!core) return
    createAuditLog(core.db).append({
      at: fields.at ?? now().toISOString(),
      userId: user?.id ?? '',
      userName: fields.userName ?? user?.displayName ?? '',
      action,
      channel: fields.channel ?? '',
      entity: fields.entity ?? '',
      entityId: fields.entityId ?? '',
      detail: fields.detail ?? '',
    })
  }

  function lock(): SessionStatus {
    if (core) {
      audit('lock')
      core.close()
    }
    if (backupTimer) clearInterval(backupTimer)
    dataKey?.fill(0)
    core = null
    coreDispatch = null
    dataKey = null
    user = null
    return status()
  }

  const session = {
    dataDir,
    now,
    status,
    lock,
    get core() {
      return core
    },
    get user() {
      return user
    },
    get dataKey() {
      return dataKey
    },
    audit,

    /** First run: the administrator account and the data key; an unencrypted caseload is encrypted in place. */
    setup(displayName: string, passphrase: string) {
      if (keyStoreExists(dataDir)) throw new AppError('conflict', 'error.alreadySetUp')
      const created = createKeyStore({ displayName, passphrase }, options.kdf)
      const dbFile = join(dataDir, DATABASE_FILE)
      if (existsSync(dbFile)) encryptInPlace(dbFile, created.dataKey)
      writeKeyStore(dataDir, created.store)
      openCore(created.dataKey, created.user)
      audit('security', { detail: 'caseload encrypted; administrator account created' })
      return { recoveryKey: created.recoveryKey, status: status() }
    },

    unlock(userId: string, passphrase: string): SessionStatus {
      if (now().getTime() < lockedOutUntil) throw new AppError('forbidden', 'error.tooManyAttempts')
      const keys = store()
      const opened = unlockWithPassphrase(keys, userId, passphrase)
      if (!opened) {
        failedAttempts++
        pendingFailures.push({ at: now().toISOString(), userName: keys.users.find((u) => u.id === userId)?.displayName ?? '' })
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
          lockedOutUntil = now().getTime() + LOCKOUT_MS
          failedAttempts = 0
        }
        throw new AppError('forbidden', 'error.wrongPassphrase')
      }
      if (core) lock()
      failedAttempts = 0
      try {
        openCore(opened.dataKey, opened.user)
      } catch (error) {
        // The passphrase was right, so the key is: the database itself is damaged. Offer the backups.
        // A database from a newer Overturn is not damaged: say so and change nothing.
        if (error instanceof NewerDatabaseError) throw error
        damaged = { key: opened.dataKey, user: opened.user }
        return status()
      }
      audit('unlock')
      return status()
    },

    /** Opens with a key already unwrapped (the recovery path). */
    openWith(key: Buffer, who: StoredUser) {
      if (core) lock()
      openCore(key, who)
      damaged = null
    },

    /** The key and account of a damaged caseload, for restoring a backup over it. */
    get damaged() {
      return damaged
    },

    /** Every call from the renderer comes through here: session channels, then role, idle and audit. */
    async dispatch(channel: string, request: unknown): Promise<ApiResult<unknown>> {
      if (isSessionChannel(channel)) return handleSessionChannel(session, channel, request)
      if (!core || !coreDispatch || !user) return { ok: false, error: { code: 'locked', message: 'error.locked' } }
      const idleMs = store().settings.idleLockMinutes * 60_000
      if (now().getTime() - lastActivity > idleMs) {
        lock()
        return { ok: false, error: { code: 'locked', message: 'error.locked' } }
      }
      if (!BACKGROUND_CHANNELS.has(channel)) lastActivity = now().getTime()
      // An unknown name falls through to the dispatcher, which answers `unknown_channel`.
      if (policyOf(channel) && !mayCall(user.role, channel)) return { ok: false, error: { code: 'forbidden', message: 'error.roleForbidden' } }
      const result = await coreDispatch(channel, request)
      if (result.ok) auditAfterCall(session, channel as Channel, request, result.data)
      return result
    },

    close() {
      lock()
      if (!inUseBy) rmSync(join(dataDir, LOCK_FILE), { force: true })
      inUseBy = null
    },
  }
  return session
}
export type AppSession = ReturnType<typeof createAppSession>

/** SQLite3MultipleCiphers encrypts a plain database with `rekey`, which needs a rollback journal. */
function encryptInPlace(file: string, key: Buffer) {
  const db = openDatabase(file)
  db.pragma('journal_mode = DELETE')
  db.pragma(`cipher='sqlcipher'`)
  db.pragma('legacy=4')
  db.pragma(`rekey="x'${key.toString('hex')}'"`)
  db.close()
  const check = openDatabase(file, key)
  check.close()
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
