import { appSessionChannels, type AppSessionChannel, type ParsedRequestOf } from '../../../shared/contract'
import type { AuditEntryDto, AuditVerificationDto, BackupInfo, RestorePreview, SessionStatus, SessionUser, SetupResult } from '../../../shared/domain/session'
import type { AuditAction, AuditQuery } from '../audit/auditLog'

type SessionChannel = AppSessionChannel
/** Channels the app session answers itself (lock, accounts, audit trail, backups); their policies are in the contract. */
export const isSessionChannel = (channel: string): channel is SessionChannel => Object.hasOwn(appSessionChannels, channel)

/**
 * The session as its handlers see it (issue 11 item 2): a narrow port of unlock, lock, the current
 * actor and what is done with the key, implemented by appSession.ts. Handlers never hold the key.
 */
export interface SessionPort {
  status(): SessionStatus
  setup(displayName: string, passphrase: string): SetupResult
  unlock(userId: string, passphrase: string): SessionStatus
  recover(userId: string, recoveryKey: string, newPassphrase: string): SessionStatus
  lock(): SessionStatus
  actor(): SessionUser | null
  audit(action: AuditAction, fields?: { channel?: string; entity?: string; entityId?: string; detail?: string }): void
  setIdle(minutes: number): SessionStatus
  addAccount(input: { displayName: string; role: SessionUser['role']; passphrase: string }): SessionUser
  changePassphrase(currentPassphrase: string, newPassphrase: string): SessionStatus
  removeAccount(userId: string): SessionStatus
  rotateRecoveryKey(): { recoveryKey: string }
  listAudit(query: AuditQuery): AuditEntryDto[]
  verifyAudit(): AuditVerificationDto
  listBackups(): BackupInfo[]
  createBackup(): Promise<BackupInfo>
  downloadBackup(fileName: string): Promise<{ fileName: string; base64: string }>
  previewRestore(fileName: string): RestorePreview
  restore(fileName: string, admin?: { userId: string; passphrase: string }): SessionStatus
}

type Handlers = { [C in SessionChannel]: (port: SessionPort, request: ParsedRequestOf<C>) => unknown }

const handlers: Handlers = {
  'session:status': (port) => port.status(),
  'session:setup': (port, { displayName, passphrase }) => port.setup(displayName, passphrase),
  'session:unlock': (port, { userId, passphrase }) => port.unlock(userId, passphrase),
  'session:lock': (port) => port.lock(),
  'session:recover': (port, { userId, recoveryKey, newPassphrase }) => port.recover(userId, recoveryKey, newPassphrase),
  'session:setIdle': (port, { idleLockMinutes }) => port.setIdle(idleLockMinutes),
  'session:rotateRecoveryKey': (port) => port.rotateRecoveryKey(),
  'users:create': (port, input) => port.addAccount(input),
  'users:changePassphrase': (port, { currentPassphrase, newPassphrase }) => port.changePassphrase(currentPassphrase, newPassphrase),
  'users:remove': (port, { userId }) => port.removeAccount(userId),
  'audit:list': (port, query) => port.listAudit({ ...query, action: query.action as AuditQuery['action'] }),
  'audit:verify': (port) => port.verifyAudit(),
  'backups:list': (port) => port.listBackups(),
  'backups:create': (port) => port.createBackup(),
  'backups:download': (port, { fileName }) => port.downloadBackup(fileName),
  'backups:previewRestore': (port, { fileName }) => port.previewRestore(fileName),
  'backups:restore': (port, { fileName, adminUserId, adminPassphrase }) =>
    port.restore(fileName, adminUserId && adminPassphrase ? { userId: adminUserId, passphrase: adminPassphrase } : undefined),
}

/** The session's channel table bound to a port, in the shape the one dispatcher (answerCall) takes. */
export function sessionHandlers(port: SessionPort): Record<string, (request: unknown) => unknown> {
  return Object.fromEntries(Object.entries(handlers).map(([channel, handler]) => [channel, (request: unknown) => (handler as (p: SessionPort, r: unknown) => unknown)(port, request)]))
}
