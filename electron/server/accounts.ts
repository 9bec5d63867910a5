import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type pg from 'pg'
import { appendServerAudit } from './serverAudit'
import { inTransaction } from './pgTransaction'

export const SERVER_ROLES = ['admin', 'advocate', 'screener', 'read_only'] as const
export type ServerRole = (typeof SERVER_ROLES)[number]
export interface ServerAccount { id: string; displayName: string; role: ServerRole }

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
/** Enrolment codes are short enough to read aloud, long enough not to guess (40 bits, one use, 24 h). */
const ENROLMENT_HOURS = 24

/**
 * Accounts and laptops of the organization. Roles are decided here, on the server, from the
 * authenticated device: a laptop never tells the server who it is or what it may do.
 */
export function createAccountService(pool: pg.Pool) {
  const audited = <T>(accountId: string | null, action: string, detail: Record<string, unknown>, work: (c: pg.PoolClient) => Promise<T>): Promise<T> =>
    inTransaction(pool, async (client) => {
      const result = await work(client)
      await appendServerAudit(client, accountId, action, detail)
      return result
    })

  return {
    async createAccount(displayName: string, role: ServerRole): Promise<ServerAccount> {
      const id = randomUUID()
      await audited(null, 'account.create', { id, role }, (c) =>
        c.query('INSERT INTO accounts (id, display_name, role) VALUES ($1, $2, $3)', [id, displayName, role]))
      return { id, displayName, role }
    },

    /** A one-time code an administrator gives the person connecting a laptop (shown once, stored hashed). */
    async issueEnrolmentCode(accountId: string, now = new Date()): Promise<string> {
      const code = randomBytes(5).toString('hex').toUpperCase().replace(/(.{5})(.{5})/, '$1-$2')
      await audited(null, 'enrolment.issue', { accountId }, async (c) => {
        const { rowCount } = await c.query('SELECT 1 FROM accounts WHERE id = $1 AND removed_at IS NULL', [accountId])
        if (!rowCount) throw new Error('No such active account.')
        await c.query('INSERT INTO enrolment_codes (code_hash, account_id, expires_at) VALUES ($1, $2, $3)',
          [sha256(code), accountId, new Date(now.getTime() + ENROLMENT_HOURS * 3_600_000)])
      })
      return code
    },

    /** Exchanges a one-time code for a device token; the code is spent whatever happens next. */
    async enrol(code: string, deviceName: string, signingRoot: { keyId: string; signPublic: string } | null = null): Promise<{ token: string; deviceId: number; account: ServerAccount } | null> {
      const token = randomBytes(32).toString('base64url')
      return audited(null, 'enrolment.use', { deviceName: deviceName.slice(0, 40), signingRoot: signingRoot?.keyId ?? null }, async (c) => {
        const { rows } = await c.query<{ account_id: string; display_name: string; role: ServerRole }>(
          `UPDATE enrolment_codes e SET used_at = now() FROM accounts a
           WHERE e.code_hash = $1 AND e.used_at IS NULL AND e.expires_at > now() AND a.id = e.account_id AND a.removed_at IS NULL
           RETURNING e.account_id, a.display_name, a.role`, [sha256(code.trim().toUpperCase())])
        if (!rows[0]) return null
        const device = await c.query<{ id: string }>(
          'INSERT INTO devices (account_id, name, token_hash, signing_root_key_id, signing_root_public) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [rows[0].account_id, deviceName, sha256(token), signingRoot?.keyId ?? null, signingRoot?.signPublic ?? null])
        return { token, deviceId: Number(device.rows[0].id), account: { id: rows[0].account_id, displayName: rows[0].display_name, role: rows[0].role } }
      })
    },

    /** The account behind a device token; `removed` when an administrator removed it (syncing stops). */
    async authenticate(token: string): Promise<{ account: ServerAccount; deviceId: number; signingRoot: string | null } | 'removed' | null> {
      const { rows } = await pool.query<{ device_id: string; id: string; display_name: string; role: ServerRole; removed_at: Date | null; signing_root_key_id: string | null }>(
        `SELECT d.id AS device_id, a.id, a.display_name, a.role, a.removed_at, d.signing_root_key_id FROM devices d JOIN accounts a ON a.id = d.account_id
         WHERE d.token_hash = $1`, [sha256(token)])
      const row = rows[0]
      if (!row) return null
      if (row.removed_at) return 'removed'
      await pool.query('UPDATE devices SET last_seen_at = now() WHERE id = $1', [row.device_id])
      return { account: { id: row.id, displayName: row.display_name, role: row.role }, deviceId: Number(row.device_id), signingRoot: row.signing_root_key_id }
    },

    async removeAccount(accountId: string): Promise<void> {
      await audited(null, 'account.remove', { accountId }, (c) =>
        c.query('UPDATE accounts SET removed_at = now() WHERE id = $1 AND removed_at IS NULL', [accountId]))
    },

    async list(): Promise<(ServerAccount & { removed: boolean })[]> {
      const { rows } = await pool.query<{ id: string; display_name: string; role: ServerRole; removed_at: Date | null }>(
        'SELECT id, display_name, role, removed_at FROM accounts ORDER BY created_at')
      return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role, removed: r.removed_at !== null }))
    },
  }
}

export type AccountService = ReturnType<typeof createAccountService>
