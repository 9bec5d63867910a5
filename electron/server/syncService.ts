import { createHash, randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import type pg from 'pg'
import { STAGES, type PlanFamily, type Stage } from '../../shared/domain/enums'
import { PLAN_FAMILY_FIELD, STAGE_FIELD, type OrderedOperation, type PushOutcome, type SyncConflict, type SyncOperation } from '../../shared/domain/sync'
import { isEncryptedAttachment } from '../core/documents/attachmentStore'
import { operationSignatureValid } from './laptopSignatures'
import { moveRefusal } from './ladderCheck'
import { appendServerAudit } from './serverAudit'
import { inTransaction } from './pgTransaction'
import type { ServerAccount } from './accounts'

/** Serializes writers so that the order of `seq` is the order of commits: a pull after N never misses a later commit with a lower number. */
const PUSH_LOCK = 7272

interface FieldRow { value: unknown; seq: string; actor: string; made_at: Date; same_old: boolean; same_new: boolean }

const json = (value: unknown) => JSON.stringify(value ?? null)

/** A conflict with both sides' values and the names of the people behind them. */
const CONFLICT_SELECT = `SELECT c.*, o.new_value AS incoming_value, o.old_value AS incoming_old, o.actor AS incoming_actor, o.made_at AS incoming_at,
  COALESCE(ca.display_name, c.current_actor) AS current_actor_name, COALESCE(ia.display_name, o.actor) AS incoming_actor_name
  FROM conflicts c JOIN operations o ON o.id = c.operation_id
  LEFT JOIN accounts ca ON ca.id = c.current_actor LEFT JOIN accounts ia ON ia.id = o.actor`

/**
 * The organization server's heart: applies pushed operations in one order, merges edits to different
 * fields, queues edits to the same field for a person, refuses moves the ladder does not allow, and
 * answers a retried push with the outcome it gave the first time (an operation applies once).
 */
export function createSyncService(pool: pg.Pool) {
  // Writers take turns in this process before taking a database connection, so a crowd of pushes
  // never holds every pooled connection while waiting for the lock and pulls are always served.
  let writerTurn: Promise<unknown> = Promise.resolve()
  function asWriter<T>(work: () => Promise<T>): Promise<T> {
    const turn = writerTurn.then(work, work)
    writerTurn = turn.catch(() => undefined)
    return turn
  }
  // Long-polling pulls wake up when a write commits.
  const committed = new EventEmitter()
  committed.setMaxListeners(0)
  const transaction = <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => inTransaction(pool, work)

  // Writers hold PUSH_LOCK, so the next number is simply one more than the highest: no gaps, no round trip.
  const counters = new WeakMap<pg.PoolClient, number>()
  async function startCounting(client: pg.PoolClient) {
    const { rows } = await client.query<{ head: string | null }>('SELECT MAX(seq) AS head FROM operations')
    counters.set(client, Number(rows[0].head ?? 0))
  }
  async function nextSeq(client: pg.PoolClient): Promise<number> {
    const next = (counters.get(client) ?? 0) + 1
    counters.set(client, next)
    return next
  }
  type SeenRow = { id: string; status: string; seq: string | null; conflict_id: string | null; refusal: string | null }

  async function setField(client: pg.PoolClient, op: SyncOperation, field: string, value: unknown, seq: number) {
    await client.query(
      `INSERT INTO case_fields (case_id, field, value, seq, actor, made_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6)
       ON CONFLICT (case_id, field) DO UPDATE SET value = EXCLUDED.value, seq = EXCLUDED.seq, actor = EXCLUDED.actor, made_at = EXCLUDED.made_at`,
      [op.caseId, field, json(value), seq, op.actor, op.at])
  }

  // The laptop key each stored operation's signature was verified with (set per push, under PUSH_LOCK).
  const verifiedWith = new WeakMap<SyncOperation, string>()

  async function record(client: pg.PoolClient, op: SyncOperation, account: ServerAccount, deviceId: number | null,
    outcome: { status: 'applied'; seq: number } | { status: 'conflict'; conflictId: number } | { status: 'refused'; reason: string }) {
    await client.query(
      `INSERT INTO operations (id, seq, case_id, kind, field, old_value, new_value, actor, made_at, pushed_by, device_id, status, refusal, conflict_id, signature, signed_key_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [op.id, outcome.status === 'applied' ? outcome.seq : null, op.caseId, op.kind, op.field, json(op.oldValue), json(op.newValue),
        op.actor, op.at, account.id, deviceId, outcome.status, outcome.status === 'refused' ? outcome.reason : null,
        outcome.status === 'conflict' ? outcome.conflictId : null, op.signature ?? null, verifiedWith.get(op) ?? null])
  }

  async function currentField(client: pg.PoolClient, op: SyncOperation): Promise<FieldRow | undefined> {
    const { rows } = await client.query<FieldRow>(
      `SELECT value, seq, actor, made_at, value = $3::jsonb AS same_old, value = $4::jsonb AS same_new
       FROM case_fields WHERE case_id = $1 AND field = $2`, [op.caseId, op.field, json(op.oldValue), json(op.newValue)])
    return rows[0]
  }

  async function factOf<T>(client: pg.PoolClient, caseId: string, field: string): Promise<T | null> {
    const { rows } = await client.query<{ value: unknown }>('SELECT value FROM case_fields WHERE case_id = $1 AND field = $2', [caseId, field])
    return (rows[0]?.value as T | undefined) ?? null
  }

  async function applyOne(client: pg.PoolClient, op: SyncOperation, account: ServerAccount, deviceId: number | null, seen: Map<string, SeenRow>): Promise<PushOutcome> {
    const before = seen.get(op.id)
    if (before) return outcomeOf(op.id, before)

    if (op.kind === 'resolve') return refuse(client, op, account, deviceId, 'Conflicts are resolved through the review queue, not pushed.')
    if (op.kind === 'create') {
      const exists = await client.query('SELECT 1 FROM case_fields WHERE case_id = $1 LIMIT 1', [op.caseId])
      if (exists.rowCount) return refuse(client, op, account, deviceId, 'This case already exists on the server.')
      const facts = (op.newValue ?? {}) as Record<string, unknown>
      if (typeof facts !== 'object' || Array.isArray(facts)) return refuse(client, op, account, deviceId, 'A new case must carry its facts.')
      const seq = await nextSeq(client)
      for (const [field, value] of Object.entries(facts)) await setField(client, op, field, value, seq)
      await record(client, op, account, deviceId, { status: 'applied', seq })
      return { id: op.id, status: 'applied', seq }
    }
    if (op.kind === 'append') {
      // Contacts, notes and uploads only ever add to a list: two laptops adding never conflict.
      const seq = await nextSeq(client)
      await record(client, op, account, deviceId, { status: 'applied', seq })
      return { id: op.id, status: 'applied', seq }
    }
    if (op.kind === 'move') {
      const planFamily = await factOf<PlanFamily>(client, op.caseId, PLAN_FAMILY_FIELD)
      const fromStage = await factOf<Stage>(client, op.caseId, STAGE_FIELD)
      const target = op.newValue as Stage
      if (!STAGES.includes(target)) return refuse(client, op, account, deviceId, 'That column does not exist.')
      const refusal = planFamily ? moveRefusal(planFamily, target, fromStage ?? 'intake') : null
      if (refusal) return refuse(client, op, account, deviceId, refusal)
    }
    const current = await currentField(client, op)
    if (!current || current.same_old || current.same_new) {
      const seq = await nextSeq(client)
      await setField(client, op, op.field, op.newValue, seq)
      await record(client, op, account, deviceId, { status: 'applied', seq })
      return { id: op.id, status: 'applied', seq }
    }
    // The laptop changed a value that someone else changed meanwhile: neither wins without a person.
    await record(client, op, account, deviceId, { status: 'conflict', conflictId: 0 })
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO conflicts (case_id, field, current_value, current_actor, current_at, current_seq, operation_id)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7) RETURNING id`,
      [op.caseId, op.field, json(current.value), current.actor, current.made_at, current.seq, op.id])
    const conflictId = Number(rows[0].id)
    await client.query('UPDATE operations SET conflict_id = $2 WHERE id = $1', [op.id, conflictId])
    return { id: op.id, status: 'conflict', conflictId }
  }

  async function refuse(client: pg.PoolClient, op: SyncOperation, account: ServerAccount, deviceId: number | null, reason: string): Promise<PushOutcome> {
    await record(client, op, account, deviceId, { status: 'refused', reason })
    return { id: op.id, status: 'refused', reason }
  }

  return {
    /** Applies a batch in one transaction; every outcome is stored, so a retry answers the same. */
    /**
     * `signing`: the laptop account key this push is signed with, already certified back to the laptop's
     * pinned root (httpApi); then every new operation's signature is checked before anything is applied,
     * and one that does not verify is refused with a sentence (a forged or altered change).
     */
    async push(account: ServerAccount, deviceId: number | null, operations: SyncOperation[], signing: { keyId: string; signPublic: string } | null = null): Promise<PushOutcome[]> {
      const outcomes = await asWriter(() => transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK])
        await startCounting(client)
        const { rows } = await client.query<SeenRow>('SELECT id, status, seq, conflict_id, refusal FROM operations WHERE id = ANY($1::uuid[])',
          [operations.map((op) => op.id)])
        const seen = new Map(rows.map((row) => [row.id, row]))
        const outcomes: PushOutcome[] = []
        let badSignatures = 0
        let verified = 0
        for (const op of operations) {
          let outcome: PushOutcome
          if (signing && !seen.has(op.id) && !operationSignatureValid(op, signing.signPublic)) {
            badSignatures += 1
            outcome = await refuse(client, op, account, deviceId, op.signature
              ? 'The laptop’s signature on this change does not match it: it was altered after it was signed, or forged.'
              : 'This change is not signed by the laptop.')
          } else {
            if (signing && !seen.has(op.id)) {
              verifiedWith.set(op, signing.keyId)
              verified += 1
            }
            outcome = await applyOne(client, op, account, deviceId, seen)
          }
          // The same id twice in one batch is answered like a retry.
          if (!seen.has(op.id)) seen.set(op.id, { id: op.id, status: outcome.status, seq: 'seq' in outcome ? String(outcome.seq) : null,
            conflict_id: 'conflictId' in outcome ? String(outcome.conflictId) : null, refusal: 'reason' in outcome ? outcome.reason : null })
          outcomes.push(outcome)
        }
        const counts = { applied: 0, conflict: 0, refused: 0 }
        for (const outcome of outcomes) counts[outcome.status] += 1
        // The audit entry records how the laptop's signatures were checked (which key, how many failed).
        await appendServerAudit(client, account.id, 'push', { deviceId, operations: operations.length, ...counts,
          signatures: signing ? { keyId: signing.keyId, verified, refused: badSignatures } : 'not required' })
        return outcomes
      }))
      if (outcomes.some((o) => o.status === 'applied')) committed.emit('applied')
      return outcomes
    },

    /** Waits up to `seconds` for an operation after `after` to be applied (a laptop's long poll). */
    async waitForChanges(after: number, seconds: number): Promise<void> {
      const { rows } = await pool.query<{ n: string | null }>("SELECT MAX(seq) AS n FROM operations WHERE status = 'applied'")
      if (Number(rows[0].n ?? 0) > after) return
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, seconds * 1000)
        function done() {
          clearTimeout(timer)
          committed.off('applied', done)
          resolve()
        }
        committed.on('applied', done)
      })
    },

    /** Applied operations after `after`, in the server's order, and the open review queue. */
    async pull(after: number, limit = 500): Promise<{ operations: OrderedOperation[]; headSeq: number; openConflicts: SyncConflict[] }> {
      const { rows } = await pool.query(
        `SELECT id, seq, case_id, kind, field, old_value, new_value, actor, made_at, pushed_by, signature
         FROM operations WHERE status = 'applied' AND seq > $1 ORDER BY seq LIMIT $2`, [after, limit])
      const head = await pool.query<{ head: string | null }>("SELECT MAX(seq) AS head FROM operations WHERE status = 'applied'")
      return {
        operations: rows.map(toOrdered),
        headSeq: Number(head.rows[0].head ?? 0),
        openConflicts: await this.conflicts('open'),
      }
    },

    async conflicts(state: 'open' | 'all' = 'open'): Promise<SyncConflict[]> {
      const { rows } = await pool.query(
        `${CONFLICT_SELECT} ${state === 'open' ? "WHERE c.state = 'open'" : ''} ORDER BY c.id`)
      return rows.map(toConflict)
    },

    /** A person chose: the choice becomes an ordinary operation every laptop pulls. */
    async resolve(account: ServerAccount, conflictId: number, choice: 'current' | 'incoming' | 'value', value?: unknown): Promise<SyncConflict> {
      const resolved = await asWriter(() => transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK])
        await startCounting(client)
        const { rows } = await client.query(
          `SELECT c.*, o.new_value AS incoming_value FROM conflicts c JOIN operations o ON o.id = c.operation_id WHERE c.id = $1 FOR UPDATE OF c`, [conflictId])
        const conflict = rows[0]
        if (!conflict) throw new ServerError(404, 'not_found', 'No such conflict.')
        if (conflict.state !== 'open') throw new ServerError(409, 'conflict', 'This conflict was already resolved.')
        const field = await client.query<{ value: unknown }>('SELECT value FROM case_fields WHERE case_id = $1 AND field = $2', [conflict.case_id, conflict.field])
        const chosen = choice === 'current' ? field.rows[0]?.value ?? null : choice === 'incoming' ? conflict.incoming_value : value ?? null
        const seq = await nextSeq(client)
        const op: SyncOperation = { id: randomUUID(), caseId: conflict.case_id, kind: 'resolve', field: conflict.field,
          oldValue: field.rows[0]?.value ?? null, newValue: chosen, actor: account.id, at: new Date().toISOString() }
        await setField(client, op, conflict.field, chosen, seq)
        await record(client, op, account, null, { status: 'applied', seq })
        await client.query(`UPDATE conflicts SET state = 'resolved', resolved_value = $2::jsonb, resolved_by = $3, resolved_at = now(), resolved_seq = $4 WHERE id = $1`,
          [conflictId, json(chosen), account.id, seq])
        await appendServerAudit(client, account.id, 'resolve', { conflictId, choice })
        const after = await client.query(`${CONFLICT_SELECT} WHERE c.id = $1`, [conflictId])
        return toConflict(after.rows[0])
      }))
      committed.emit('applied')
      return resolved
    },

    /** Current facts of one case as the server holds them (used by tests and a laptop's first sync). */
    async caseFacts(caseId: string): Promise<Record<string, unknown>> {
      const { rows } = await pool.query<{ field: string; value: unknown }>('SELECT field, value FROM case_fields WHERE case_id = $1', [caseId])
      return Object.fromEntries(rows.map((row) => [row.field, row.value]))
    },

    /**
     * Stores one attachment as the laptops encrypted it with the organization key (never plaintext:
     * the bytes must carry the encryption header). The address is the laptops' keyed hash of the
     * content, which the server cannot recompute; the receiving laptop checks it after decrypting. The
     * ciphertext's SHA-256 is kept so damage at rest is detected on the way out.
     */
    async putAttachment(account: ServerAccount, deviceId: number | null, address: string, bytes: Buffer): Promise<void> {
      if (!isEncryptedAttachment(bytes)) throw new ServerError(400, 'validation', 'Attachments must be encrypted with the organization key before they are sent.')
      const digest = createHash('sha256').update(bytes).digest('hex')
      await inTransaction(pool, async (client) => {
        const { rowCount } = await client.query('INSERT INTO attachments (address, bytes, stored_by, ciphertext_sha256) VALUES ($1, $2, $3, $4) ON CONFLICT (address) DO NOTHING',
          [address, bytes, account.id, digest])
        if (rowCount) await appendServerAudit(client, account.id, 'attachment.store', { deviceId, address, bytes: bytes.length })
      })
    },

    async getAttachment(address: string): Promise<Buffer | null> {
      const { rows } = await pool.query<{ bytes: Buffer; ciphertext_sha256: string | null }>('SELECT bytes, ciphertext_sha256 FROM attachments WHERE address = $1', [address])
      const row = rows[0]
      if (!row) return null
      if (row.ciphertext_sha256 && createHash('sha256').update(row.bytes).digest('hex') !== row.ciphertext_sha256) {
        throw new ServerError(500, 'damaged', 'This attachment is damaged on the server.')
      }
      return row.bytes
    },
  }
}

export type SyncService = ReturnType<typeof createSyncService>

export class ServerError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
    this.name = 'ServerError'
  }
}

function outcomeOf(id: string, row: { status: string; seq: string | null; conflict_id: string | null; refusal: string | null }): PushOutcome {
  if (row.status === 'applied') return { id, status: 'applied', seq: Number(row.seq) }
  if (row.status === 'conflict') return { id, status: 'conflict', conflictId: Number(row.conflict_id) }
  return { id, status: 'refused', reason: row.refusal ?? '' }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toOrdered(row: any): OrderedOperation {
  return {
    id: row.id, seq: Number(row.seq), caseId: row.case_id, kind: row.kind, field: row.field, oldValue: row.old_value,
    newValue: row.new_value, actor: row.actor, at: new Date(row.made_at).toISOString(), pushedBy: row.pushed_by,
    ...(row.signature ? { signature: row.signature } : {}),
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toConflict(row: any): SyncConflict {
  return {
    id: Number(row.id), caseId: row.case_id, field: row.field, state: row.state,
    current: { value: row.current_value, actor: row.current_actor, actorName: row.current_actor_name, at: new Date(row.current_at).toISOString(), seq: Number(row.current_seq) },
    incoming: { value: row.incoming_value, oldValue: row.incoming_old, actor: row.incoming_actor, actorName: row.incoming_actor_name, at: new Date(row.incoming_at).toISOString(), operationId: row.operation_id },
    ...(row.state === 'resolved' ? { resolution: { value: row.resolved_value, by: row.resolved_by, at: new Date(row.resolved_at).toISOString(), seq: Number(row.resolved_seq) } } : {}),
  }
}
