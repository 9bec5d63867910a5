import { z } from 'zod'
import { ROLE_IDS, type AuditAction, type RoleId } from '../domain/session'

/**
 * What a call does to the caseload, which decides who may make it:
 * `read` changes nothing; `write` changes the caseload; `export` hands patient data out of the app
 * (and is always audited); `admin` is reserved to administrators (accounts, restore, wiping).
 */
export type ChannelAccess = 'read' | 'write' | 'export' | 'admin'

/**
 * A channel's policy, declared beside its schema (STYLE.md, "One typed contract"). Permissions, the
 * audit trail and the browser bridge read this and nothing else: nothing is inferred from a channel's
 * name. Access control and audit controls: HIPAA 45 CFR 164.312(a)(1) and 164.312(b).
 */
export interface ChannelPolicy {
  access: ChannelAccess
  /** The roles that may call it once unlocked. */
  roles: readonly RoleId[]
  /** Whether it answers while the caseload is locked (lock screen, first run, recovery). */
  allowedWhileLocked: boolean
  /** The largest request body the bridge reads for it, in bytes. */
  maxBodyBytes: number
  /** What the audit trail records after a successful call; `null`: nothing (a plain read). */
  audit: AuditAction | null
  /** The audit entry's entity when it is not the channel's prefix (`cases:get` records a `case`). */
  auditEntity?: string
}

export const EVERY_ROLE: readonly RoleId[] = ROLE_IDS
/** Roles that work cases: read-only accounts look, screeners work in screening only. */
export const CASEWORK: readonly RoleId[] = ['administrator', 'advocate']
/** Roles that work financial-assistance screening. */
export const SCREENING_WORK: readonly RoleId[] = ['administrator', 'advocate', 'screener']
export const ADMINISTRATORS: readonly RoleId[] = ['administrator']

/** Far above any form, far below a memory problem. */
export const DEFAULT_MAX_BODY_BYTES = 1_000_000
/** A file of up to 25 MB sent as base64 (a third more), with room for the rest of the request. */
export const FILE_BODY_BYTES = 40_000_000
/** A spreadsheet of up to 30 MB as text or base64. */
export const SPREADSHEET_BODY_BYTES = 42_000_000
/** A case bundle of up to 200 MB as base64. */
export const BUNDLE_BODY_BYTES = 280_000_000

type Overrides = Partial<Omit<ChannelPolicy, 'access'>>
const base = { allowedWhileLocked: false, maxBodyBytes: DEFAULT_MAX_BODY_BYTES } as const

/** Reads anyone signed in may make; not audited unless `audit` says so (opening a record is a `view`). */
export const read = (overrides: Overrides = {}): ChannelPolicy => ({ ...base, access: 'read', roles: EVERY_ROLE, audit: null, ...overrides })
/** A change to the caseload, recorded in the audit trail as `action`; case workers by default. */
export const write = (action: AuditAction, overrides: Overrides = {}): ChannelPolicy => ({ ...base, access: 'write', roles: CASEWORK, audit: action, ...overrides })
/** Patient data leaving the app: always audited as an export. */
export const exporting = (overrides: Omit<Overrides, 'audit'> = {}): ChannelPolicy => ({ ...base, access: 'export', roles: EVERY_ROLE, audit: 'export', ...overrides })
/** Administrators only. */
export const admin = (action: AuditAction, overrides: Omit<Overrides, 'roles'> = {}): ChannelPolicy => ({ ...base, access: 'admin', roles: ADMINISTRATORS, audit: action, ...overrides })

/** One contract entry: the request schema, its policy, and the response type carried at the type level only. */
export function channel<Req extends z.ZodType, Res>(request: Req, policy: ChannelPolicy) {
  return { request, policy, response: undefined as unknown as Res }
}

export const emptyRequest = z.strictObject({})
