import { createHash } from 'node:crypto'
import type pg from 'pg'

const GENESIS = '0'.repeat(64)
/** Serializes appends so two transactions never chain onto the same previous entry. */
const AUDIT_LOCK = 7373

/** JSONB stores keys in its own order: hash a canonical form (keys sorted) so reading back verifies. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
const entryHash = (prev: string, at: string, accountId: string | null, action: string, detail: unknown) =>
  createHash('sha256').update(canonical([prev, at, accountId, action, detail])).digest('hex')

/**
 * Appends to the server's hash-chained audit trail inside the caller's transaction. Each entry's hash
 * covers the previous hash, so an edited or deleted row breaks every hash after it; the laptops'
 * signatures travel on the operations themselves and are kept as received.
 */
export async function appendServerAudit(client: pg.PoolClient, accountId: string | null, action: string, detail: Record<string, unknown>): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK])
  const { rows } = await client.query<{ hash: string }>('SELECT hash FROM server_audit ORDER BY seq DESC LIMIT 1')
  const prevHash = rows[0]?.hash ?? GENESIS
  const at = new Date().toISOString()
  const hash = entryHash(prevHash, at, accountId, action, detail)
  await client.query('INSERT INTO server_audit (at, account_id, action, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6)',
    [at, accountId, action, JSON.stringify(detail), prevHash, hash])
}

/** Recomputes the chain; returns the first broken seq, or null when intact. */
export async function verifyServerAudit(pool: pg.Pool): Promise<number | null> {
  const { rows } = await pool.query<{ seq: string; at: Date; account_id: string | null; action: string; detail: Record<string, unknown>; prev_hash: string; hash: string }>(
    'SELECT seq, at, account_id, action, detail, prev_hash, hash FROM server_audit ORDER BY seq')
  let prev = GENESIS
  for (const row of rows) {
    const expected = entryHash(prev, new Date(row.at).toISOString(), row.account_id, row.action, row.detail)
    if (row.prev_hash !== prev || row.hash !== expected) return Number(row.seq)
    prev = row.hash
  }
  return null
}
