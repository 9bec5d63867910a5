export const ROLE_IDS = ['administrator', 'advocate', 'screener', 'read_only'] as const
export type RoleId = (typeof ROLE_IDS)[number]

export interface SessionUser {
  id: string
  displayName: string
  role: RoleId
}

/** What the lock screen needs to know before anything is unlocked: no patient data in it. */
export type SessionStatus =
  | { state: 'new' }
  | { state: 'locked'; users: SessionUser[]; idleLockMinutes: number }
  | { state: 'unlocked'; user: SessionUser; users: SessionUser[]; idleLockMinutes: number; integrity?: IntegrityState }
  | { state: 'in_use'; message: string }
  | { state: 'damaged'; message: string; backups: BackupInfo[] }

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
  firstBrokenId: number | null
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
