import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ApiResult } from '../../../shared/contract'
import type { SessionStatus, SessionUser } from '../../../shared/domain/session'
import { createAuditLog } from '../audit/auditLog'
import { createBackup, listBackups, rotateBackups } from '../backup/backupService'
import { createBackupInWorker } from '../backup/backupInWorker'
import { checkIntegrityInWorker } from '../db/integrityInWorker'
import type { IntegrityState } from '../../../shared/domain/session'
import { createCore, DATABASE_FILE, type Core, type CoreOptions } from '../createCore'
import { openDatabase } from '../db/openDatabase'
import { createDispatcher, type Dispatch } from '../dispatcher'
import { AppError } from '../errors'
import { createKeyStore, keyStoreExists, readKeyStore, unlockWithPassphrase, writeKeyStore, type KeyStoreFile, type StoredUser } from '../security/keyStore'
import { auditAfterCall } from './auditRules'
import { handleSessionChannel, isSessionChannel } from './sessionHandlers'
import { isReadChannel, mayCall } from './permissions'

const LOCK_FILE = 'overturn.lock'
const AUTO_BACKUP_MS = 15 * 60_000
/** The integrity check starts this long after unlocking, once the board is on screen (issue 15). */
const INTEGRITY_CHECK_DELAY_MS = 2_000
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
  /** Delay before the background integrity check; tests set 0. */
  integrityCheckDelayMs?: number
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
  let integrity: IntegrityState = { state: 'checking', checkedAt: null }
  /** The running background integrity check, for tests and the benchmark to wait on. */
  let integrityRun: Promise<void> = Promise.resolve()

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
    if (core && user) return { state: 'unlocked', user: publicUser(user), users: keys.users.map(publicUser), idleLockMinutes: keys.settings.idleLockMinutes, integrity }
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
    core = opened
    coreDispatch = createDispatcher(opened)
    dataKey = key
    user = who
    lastActivity = now().getTime()
    core.caseload.bindUser(who.id, who.displayName)
    backupTimer = setInterval(() => autoBackup(), AUTO_BACKUP_MS)
    backupTimer.unref?.()
    startIntegrityCheck(opened, key)
    // Failed attempts happened while the database was closed; they are recorded now, with their times.
    for (const failure of pendingFailures.splice(0)) audit('unlock_failed', { at: failure.at, userName: failure.userName })
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

  /** Automatic backups run in a worker thread on their own connection: requests never wait for them (issue 15). */
  function autoBackup(): Promise<void> {
    if (!core || !dataKey) return Promise.resolve()
    return createBackupInWorker({ dataDir, key: dataKey, reason: 'auto', now: now() })
      .then(() => void rotateBackups(dataDir, now()))
      .catch((error: unknown) => console.error(`[overturn] automatic backup failed: ${error instanceof Error ? error.name : 'unknown'}`))
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
    /** Resolves when the background integrity check of this unlock has finished. */
    get integrityCheck() {
      return integrityRun
    },
    /** Runs the automatic backup now (the timer's job); for tests and the benchmark. */
    autoBackup,
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
        if (error instanceof AppError && /newer version/.test(error.message)) throw error
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
      if (!mayCall(user.role, channel)) return { ok: false, error: { code: 'forbidden', message: 'error.roleForbidden' } }
      const result = await coreDispatch(channel, request)
      if (result.ok) auditAfterCall(session, channel, request, result.data, isReadChannel(channel))
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
