export const ROLE_IDS = ['administrator', 'advocate', 'screener', 'read_only'] as const
export type RoleId = (typeof ROLE_IDS)[number]

export interface SessionUser {
  id: string
  displayName: string
  role: RoleId
}

/** What the lock screen needs to know before anything is unlocked: no patient data in it. */
export type SessionStatus =
  | { state: 'new'; notice?: string }
  | { state: 'locked'; users: SessionUser[]; idleLockMinutes: number; notice?: string }
  | { state: 'unlocked'; user: SessionUser; users: SessionUser[]; idleLockMinutes: number }
  | { state: 'in_use'; message: string }
  | { state: 'damaged'; message: string; backups: BackupInfo[]; administrators?: SessionUser[] }

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
