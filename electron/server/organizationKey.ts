import { createHash, hkdfSync, randomBytes } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs'
import type pg from 'pg'
import { aesUnwrap, aesWrap, type Wrapped } from '../core/security/accountKeys'
import { appendServerAudit } from './serverAudit'
import { inTransaction } from './pgTransaction'

const KEY_BYTES = 32
const WRAP_AAD = 'overturn-organization-attachment-key'

/**
 * The server key file: 32 random bytes outside the database (OVERTURN_SERVER_KEY_FILE). It only wraps
 * the organization attachment key in PostgreSQL, so a database dump without this file cannot open any
 * attachment. Created on first start (mode 0600, never overwritten).
 */
export function loadServerKeyFile(path: string): Buffer {
  if (!existsSync(path)) {
    try {
      const fd = openSync(path, 'wx', 0o600)
      try {
        writeSync(fd, randomBytes(KEY_BYTES))
      } finally {
        closeSync(fd)
      }
    } catch (error) {
      // Another server process created it first: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error('The server key file could not be created.', { cause: error })
    }
  }
  const key = readFileSync(path)
  if (key.length !== KEY_BYTES) throw new Error('The server key file is not a server key (it must hold 32 bytes).')
  return key
}

/** A short name for the organization key, so a laptop can tell which key it holds (never the key). */
export const organizationKeyId = (key: Buffer) =>
  createHash('sha256').update(Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'overturn-organization-key-id', 32))).digest('hex').slice(0, 16)

/**
 * The organization attachment key, made once (by the first server start that needs it) and kept in
 * PostgreSQL wrapped by the server key. A key file that does not open the stored key is refused with a
 * sentence rather than silently making a new key, which would strand every attachment already stored.
 */
export function createOrganizationKeyring(pool: pg.Pool, serverKey: Buffer) {
  let cached: { key: Buffer; keyId: string } | null = null
  return {
    async get(): Promise<{ key: Buffer; keyId: string }> {
      if (cached) return cached
      const fresh = randomBytes(KEY_BYTES)
      await pool.query('INSERT INTO organization_key (id, key_id, wrapped) VALUES (1, $1, $2::jsonb) ON CONFLICT (id) DO NOTHING',
        [organizationKeyId(fresh), JSON.stringify(aesWrap(fresh, serverKey, WRAP_AAD))])
      fresh.fill(0)
      const { rows } = await pool.query<{ key_id: string; wrapped: Wrapped }>('SELECT key_id, wrapped FROM organization_key WHERE id = 1')
      const key = aesUnwrap(rows[0].wrapped, serverKey, WRAP_AAD)
      if (!key || organizationKeyId(key) !== rows[0].key_id) {
        throw new Error('The server key file does not open this database\'s organization key. Use the key file this database was made with.')
      }
      cached = { key, keyId: rows[0].key_id }
      return cached
    },

    /** The key for one authenticated laptop, over the pinned TLS channel; the hand-over is audited (never the key). */
    async handTo(accountId: string, deviceId: number | null): Promise<{ organizationKey: string; organizationKeyId: string }> {
      const { key, keyId } = await this.get()
      await inTransaction(pool, (client) => appendServerAudit(client, accountId, 'organization_key.hand', { deviceId, keyId }))
      return { organizationKey: key.toString('base64'), organizationKeyId: keyId }
    },
  }
}

export type OrganizationKeyring = ReturnType<typeof createOrganizationKeyring>
