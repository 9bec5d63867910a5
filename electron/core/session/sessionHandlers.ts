import { renameSync } from 'node:fs'
import { join } from 'node:path'
import { contract, type ApiResult, type ParsedRequestOf } from '../../../shared/contract'
import { sessionChannels } from '../../../shared/contracts/session'
import { createAuditLog } from '../audit/auditLog'
import { BACKUP_FOLDER, createBackup, describeDatabase, listBackups } from '../backup/backupService'
import { DATABASE_FILE } from '../createCore'
import { fieldErrors } from '../dispatcher'
import { AppError } from '../errors'
import { addUser, changePassphrase, readKeyStore, unlockWithPassphrase, unlockWithRecoveryKey, writeKeyStore } from '../security/keyStore'
import { createBackupInWorker } from '../backup/backupInWorker'
import { packBackup } from '../backup/packBackup'
import { restoreBackup } from '../backup/restore'
import type { AppSession } from './appSession'

type SessionChannel = keyof typeof sessionChannels
export const isSessionChannel = (channel: string): channel is SessionChannel => Object.hasOwn(sessionChannels, channel)

/** Channels that work while locked (everything else under session:/users:/audit:/backups: needs a key). */
const OPEN_WHILE_LOCKED = new Set<SessionChannel>(['session:status', 'session:setup', 'session:unlock', 'session:lock', 'session:recover'])
const ADMIN_ONLY = new Set<SessionChannel>(['users:create', 'session:setIdle', 'backups:restore', 'audit:verify'])

function requireUnlocked(session: AppSession) {
  const { core, user, dataKey } = session
  if (!core || !user || !dataKey) throw new AppError('locked', 'error.locked')
  return { core, user, dataKey }
}

const handlers: { [C in SessionChannel]: (session: AppSession, request: ParsedRequestOf<C>) => unknown } = {
  'session:status': (session) => session.status(),
  'session:setup': (session, { displayName, passphrase }) => session.setup(displayName, passphrase),
  'session:unlock': (session, { userId, passphrase }) => session.unlock(userId, passphrase),
  'session:lock': (session) => session.lock(),
  'session:recover': (session, { userId, recoveryKey, newPassphrase }) => {
    const keys = readKeyStore(session.dataDir)
    const key = unlockWithRecoveryKey(keys, recoveryKey)
    const who = keys.users.find((u) => u.id === userId)
    if (!key || !who) throw new AppError('forbidden', 'error.wrongRecoveryKey')
    changePassphrase(keys, userId, key, newPassphrase)
    writeKeyStore(session.dataDir, keys)
    session.openWith(key, keys.users.find((u) => u.id === userId)!)
    session.audit('security', { detail: 'passphrase reset with the recovery key' })
    return session.status()
  },
  'session:setIdle': (session, { idleLockMinutes }) => {
    requireUnlocked(session)
    const keys = readKeyStore(session.dataDir)
    keys.settings.idleLockMinutes = idleLockMinutes
    writeKeyStore(session.dataDir, keys)
    session.audit('security', { detail: `idle lock set to ${idleLockMinutes} minutes` })
    return session.status()
  },
  'users:create': (session, { displayName, role, passphrase }) => {
    const { dataKey } = requireUnlocked(session)
    const keys = readKeyStore(session.dataDir)
    const created = addUser(keys, dataKey, { displayName, role, passphrase })
    writeKeyStore(session.dataDir, keys)
    session.audit('create', { entity: 'user', entityId: created.id, detail: `role ${role}` })
    return { id: created.id, displayName: created.displayName, role: created.role }
  },
  'users:changePassphrase': (session, { currentPassphrase, newPassphrase }) => {
    const { user, dataKey } = requireUnlocked(session)
    const keys = readKeyStore(session.dataDir)
    if (!unlockWithPassphrase(keys, user.id, currentPassphrase)) throw new AppError('validation', 'error.validation', { currentPassphrase: 'error.wrongPassphrase' })
    changePassphrase(keys, user.id, dataKey, newPassphrase)
    writeKeyStore(session.dataDir, keys)
    session.audit('security', { entity: 'user', entityId: user.id, detail: 'passphrase changed' })
    return session.status()
  },
  'audit:list': (session, query) => {
    const { core } = requireUnlocked(session)
    return createAuditLog(core.db)
      .list({ ...query, action: query.action as never })
      .map(({ id, at, userName, action, channel, entity, entityId, detail }) => ({ id, at, userName, action, channel, entity, entityId, detail }))
  },
  'audit:verify': (session) => {
    const { core } = requireUnlocked(session)
    const result = createAuditLog(core.db).verify()
    session.audit('security', { detail: `audit trail verified: ${result.isIntact ? 'intact' : `broken at ${result.firstBrokenId}`}` })
    return result
  },
  'backups:list': (session) => (requireUnlocked(session), listBackups(session.dataDir)),
  // In a worker thread on its own connection: other requests keep being answered (issue 15).
  'backups:create': async (session) => {
    const { dataKey } = requireUnlocked(session)
    const backup = await createBackupInWorker({ dataDir: session.dataDir, key: dataKey, reason: 'manual', now: session.now() })
    session.audit('backup', { detail: backup.fileName })
    return backup
  },
  'backups:download': async (session, { fileName }) => {
    requireUnlocked(session)
    if (!listBackups(session.dataDir).some((b) => b.fileName === fileName)) throw new AppError('not_found', 'error.notFound.backup')
    const zip = await packBackup(session.dataDir, fileName)
    session.audit('export', { detail: `backup ${fileName} downloaded` })
    return { fileName: fileName.replace(/\.db$/, '.zip'), base64: zip.toString('base64') }
  },
  'backups:previewRestore': (session, { fileName }) => {
    const { core, dataKey } = requireUnlocked(session)
    const backup = listBackups(session.dataDir).find((b) => b.fileName === fileName)
    if (!backup) throw new AppError('not_found', 'error.notFound.backup')
    return {
      backup,
      current: { caseCount: core.caseload.info().caseCount, schemaVersion: core.caseload.info().schemaVersion },
      fromBackup: describeDatabase(join(session.dataDir, BACKUP_FOLDER, fileName), dataKey),
    }
  },
  'backups:restore': (session, { fileName }) => {
    // Checked before anything is copied, audited or locked: a name that is not a listed backup changes nothing.
    if (!listBackups(session.dataDir).some((b) => b.fileName === fileName)) throw new AppError('not_found', 'error.notFound.backup')
    const rescue = session.damaged
    if (rescue) {
      // A damaged caseload: the damaged file is set aside (never deleted), then the backup goes in.
      const databaseFile = join(session.dataDir, DATABASE_FILE)
      renameSync(databaseFile, `${databaseFile}.damaged-${Date.now()}`)
      restoreBackup(session.dataDir, join(session.dataDir, BACKUP_FOLDER, fileName), databaseFile, rescue.key)
      session.openWith(rescue.key, rescue.user)
      session.audit('restore', { detail: `restored ${fileName} over a damaged caseload` })
      return session.status()
    }
    const { core, user, dataKey } = requireUnlocked(session)
    const key = Buffer.from(dataKey)
    const safety = createBackup(core.db, { dataDir: session.dataDir, key, reason: 'before-restore', now: session.now() })
    session.audit('restore', { detail: `restoring ${fileName}; current state saved as ${safety.fileName}` })
    session.lock()
    try {
      restoreBackup(session.dataDir, join(session.dataDir, BACKUP_FOLDER, fileName), join(session.dataDir, DATABASE_FILE), key)
    } finally {
      // A backup that fails its check leaves the current caseload in place: reopen it either way.
      session.openWith(key, user)
    }
    session.audit('restore', { detail: `restored ${fileName}` })
    return session.status()
  },
}

/** Validates with the contract's schema and answers like the core dispatcher does. */
export async function handleSessionChannel(session: AppSession, channel: SessionChannel, request: unknown): Promise<ApiResult<unknown>> {
  const parsed = contract[channel].request.safeParse(request ?? {})
  if (!parsed.success) return { ok: false, error: { code: 'validation', message: 'error.validation', fields: fieldErrors(parsed.error) } }
  const isRescue = channel === 'backups:restore' && session.damaged !== null
  if (!OPEN_WHILE_LOCKED.has(channel) && !session.core && !isRescue) return { ok: false, error: { code: 'locked', message: 'error.locked' } }
  if (ADMIN_ONLY.has(channel) && !isRescue && session.user?.role !== 'administrator') return { ok: false, error: { code: 'forbidden', message: 'error.roleForbidden' } }
  try {
    const handler = handlers[channel] as (session: AppSession, request: unknown) => unknown
    return { ok: true, data: await handler(session, parsed.data) }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } }
    console.error(`[overturn] ${channel} failed: ${error instanceof Error ? error.name : 'unknown error'}`)
    return { ok: false, error: { code: 'internal', message: 'error.internal' } }
  }
}
