export const ROLE_IDS = ['administrator', 'advocate', 'screener', 'read_only'] as const
export type RoleId = (typeof ROLE_IDS)[number]

/** NIST SP 800-63B asks for at least 8 characters; we ask for 10 (the schemas and the lock screen's message read this). */
export const MIN_PASSPHRASE_LENGTH = 10

/** What an audit-trail entry records (HIPAA 45 CFR 164.312(b)). */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'move', 'view', 'export', 'import', 'unlock', 'unlock_failed', 'lock', 'backup', 'restore', 'security'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface SessionUser {
  id: string
  displayName: string
  role: RoleId
}

/** What the lock screen needs to know before anything is unlocked: no patient data in it. */
export type SessionStatus =
  | { state: 'new'; notice?: string }
  | { state: 'locked'; users: SessionUser[]; idleLockMinutes: number; notice?: string }
  | { state: 'unlocked'; user: SessionUser; users: SessionUser[]; idleLockMinutes: number; migration?: MigrationNotice; integrity?: IntegrityState }
  | { state: 'in_use'; message: string }
  | { state: 'damaged'; message: string; backups: BackupInfo[]; administrators?: SessionUser[] }

/**
 * Set on the unlocked status when this unlock updated the caseload's database (after a backup): the
 * app says once which version it came from. `fromAppVersion` is null for databases last opened by an
 * Overturn that did not record its version.
 */
export interface MigrationNotice {
  fromSchema: number
  toSchema: number
  fromAppVersion: string | null
  toAppVersion: string | null
  backupFileName: string
}

/**
 * The caseload's integrity check, which runs in the background after unlocking (issue 15); a failure
 * is shown to the user with the way to restore a backup.
 */
export interface IntegrityState {
  state: 'checking' | 'ok' | 'failed'
  checkedAt: string | null
}

export interface SetupResult {
  /** Shown once, for printing; Overturn keeps only a key wrapped by it. */
  recoveryKey: string
  status: SessionStatus
}

export interface AuditEntryDto {
  id: number
  at: string
  userName: string
  action: string
  channel: string
  entity: string
  entityId: string
  detail: string
}

export interface AuditVerificationDto {
  isIntact: boolean
  checked: number
  /** The first row whose content, link, position or signature does not match (an edit, insertion or deletion). */
  firstBrokenId: number | null
  /** Why it is not intact (issue 13): the hash chain, a signature, a cut-off tail, or the accounts' keys. */
  problem: 'chain' | 'signature' | 'tail_cut' | 'keys' | null
  /** Entries from before signing began. */
  unsigned: number
  /** The root administrator key's id, to compare with a copy kept elsewhere. */
  rootKeyId: string | null
}

export interface BackupInfo {
  fileName: string
  reason: string
  createdAt: string
  sizeBytes: number
}

export interface RestorePreview {
  backup: BackupInfo
  current: { caseCount: number; schemaVersion: number }
  fromBackup: { caseCount: number; schemaVersion: number }
}
