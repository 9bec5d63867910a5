import { z } from 'zod'
import { ROLE_IDS } from './session'

/**
 * The wire format of an organization caseload's synchronization. A laptop records every change to a
 * case as an operation (STYLE.md "One log of changes"); when online it pushes the operations it has
 * not sent and pulls everyone else's in the server's order. The server is authoritative: it assigns
 * `seq`, merges edits to different fields, and sends an edit whose starting value is no longer the
 * current one to the review queue instead of overwriting anything.
 */

/** Operation kinds the server understands. `create` carries the whole case; the rest one field. */
export const SYNC_OPERATION_KINDS = ['create', 'update', 'move', 'append', 'resolve'] as const
export type SyncOperationKind = (typeof SYNC_OPERATION_KINDS)[number]

const jsonValue: z.ZodType<unknown> = z.unknown()

export const syncOperationSchema = z.strictObject({
  /** Chosen by the laptop (a UUID) so a retried push is recognised and applied once. */
  id: z.uuid(),
  /** The case's organization-wide id (a UUID), not a laptop's local row number. */
  caseId: z.uuid(),
  kind: z.enum(SYNC_OPERATION_KINDS),
  /** The fact changed (`memberId`, `stage`, ...); empty for `create`, a list name for `append`. */
  field: z.string().max(80),
  /** The value the laptop saw before the change: how the server tells a merge from a conflict. */
  oldValue: jsonValue,
  newValue: jsonValue,
  /** Who made the change on the laptop, as the server knows them (account id). */
  actor: z.string().min(1).max(80),
  /** When the change was made on the laptop (ISO-8601 UTC). */
  at: z.iso.datetime(),
  /** The laptop's signature of the operation (issue 13's per-account signing key), kept as given. */
  signature: z.string().max(200).optional(),
})
export type SyncOperation = z.infer<typeof syncOperationSchema>

/** An operation as the server ordered it. */
export interface OrderedOperation extends SyncOperation {
  seq: number
  /** The account the server authenticated for the push (never trusted from the operation). */
  pushedBy: string
}

export type PushOutcome =
  | { id: string; status: 'applied'; seq: number }
  | { id: string; status: 'conflict'; conflictId: number }
  | { id: string; status: 'refused'; reason: string }

export interface SyncConflict {
  id: number
  caseId: string
  field: string
  /** The value on the server when the later edit arrived, and who set it when. */
  current: { value: unknown; actor: string; actorName: string; at: string; seq: number }
  /** The edit that could not be applied without a person choosing. */
  incoming: { value: unknown; oldValue: unknown; actor: string; actorName: string; at: string; operationId: string }
  /** Filled in by the laptop: the patient's name and the local case number, to find the case. */
  caseLabel?: string
  localCaseId?: number
  state: 'open' | 'resolved'
  resolution?: { value: unknown; by: string; at: string; seq: number }
}

/**
 * Laptop signatures (issue 13's per-account Ed25519 keys): the public half of the laptop's key store —
 * every account's key certificates and the recovery key's — so the server can walk each certificate back
 * to the laptop's first administrator, and which account's key signs this push.
 */
const keyCertSchema = z.strictObject({
  keyId: z.string().max(64),
  signPublic: z.string().max(200),
  boxPublic: z.string().max(200),
  role: z.enum(ROLE_IDS),
  at: z.string().max(40),
  certifiedBy: z.string().max(64),
  signature: z.string().max(200),
  selfCertified: z.boolean().optional(),
})
export const syncSignerSchema = z.strictObject({
  /** The laptop account whose key signs (its local id in the key store). */
  holder: z.string().min(1).max(80),
  keyId: z.string().min(1).max(64),
  bundle: z.strictObject({
    users: z.array(z.strictObject({ id: z.string().min(1).max(80), role: z.enum(ROLE_IDS), keys: z.array(keyCertSchema).max(100) })).max(500),
    recovery: z.array(keyCertSchema).max(100),
  }),
})
export type SyncSigner = z.infer<typeof syncSignerSchema>

/** JSON with object keys sorted, so both ends sign and check the same text whatever order the keys travelled in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

/** The exact text a laptop signs for one operation and the server checks (every field but the signature). */
export const operationSigningText = (op: Omit<SyncOperation, 'signature'>): string =>
  `overturn-op:${canonicalJson([op.id, op.caseId, op.kind, op.field, op.oldValue ?? null, op.newValue ?? null, op.actor, op.at])}`

export const pushRequestSchema = z.strictObject({ operations: z.array(syncOperationSchema).max(1000), signer: syncSignerSchema.optional() })
export const resolveRequestSchema = z.strictObject({
  /** `current` keeps the server's value, `incoming` takes the later edit, `value` a third value. */
  choice: z.enum(['current', 'incoming', 'value']),
  value: jsonValue.optional(),
})
export const enrolRequestSchema = z.strictObject({
  code: z.string().min(8).max(64),
  deviceName: z.string().min(1).max(80),
  /** The laptop's key certificates: the server pins its first administrator's key and checks every later push against it. */
  signing: syncSignerSchema.optional(),
})

export interface PullResponse {
  operations: OrderedOperation[]
  /** The newest seq the server has; pull again while `operations` is full. */
  headSeq: number
  openConflicts: SyncConflict[]
}

/** Stages a case can move to on every ladder (STAGES entries not tied to an appeal level). */
export const STAGES_ON_EVERY_LADDER = ['intake', 'prior_auth', 'denied', 'closed'] as const

/** The fact paths the server reads to check a move against the plan's ladder (shared/domain/caseFields paths). */
export const PLAN_FAMILY_FIELD = 'coverage.planFamily'
export const STAGE_FIELD = 'stage'
