import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { createAccountService } from './accounts'
import { createApiHandler } from './httpApi'
import { createOrganizationKeyring, loadServerKeyFile } from './organizationKey'
import { migrateServer } from './pgMigrate'
import { createSyncService } from './syncService'

export interface OrganizationServerOptions {
  /** A PostgreSQL connection string (postgres://user@host:port/db). */
  databaseUrl: string
  tls: { cert: string | Buffer; key: string | Buffer }
  host?: string
  port?: number
  version?: string
  /** The server key file (32 bytes, outside the database) that wraps the organization attachment key; default OVERTURN_SERVER_KEY_FILE. */
  keyFile?: string
}

/**
 * Opens the organization's PostgreSQL database, migrates it, and serves the sync API over TLS.
 * One composition root for the server, like createCore for the app.
 */
export async function startOrganizationServer(options: OrganizationServerOptions) {
  const keyFile = options.keyFile ?? process.env.OVERTURN_SERVER_KEY_FILE
  if (!keyFile) throw new Error('Set OVERTURN_SERVER_KEY_FILE: the file that keeps the organization attachment key (docs/organization-server.md).')
  const serverKey = loadServerKeyFile(keyFile)
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
  const client = await pool.connect()
  try {
    await migrateServer(client)
  } finally {
    client.release()
  }
  const sync = createSyncService(pool)
  const accounts = createAccountService(pool)
  const keyring = createOrganizationKeyring(pool, serverKey)
  // A key file that does not belong to this database stops the start here, with a sentence.
  try {
    await keyring.get()
  } catch (error) {
    await pool.end()
    throw error
  }
  const handler = createApiHandler(sync, accounts, options.version ?? '1', keyring)
  const server = createHttpsServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, (req, res) => void handler(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8443, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    url: `https://${options.host ?? '127.0.0.1'}:${address.port}`,
    pool, sync, accounts,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await pool.end()
    },
  }
}

export async function openAdmin(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 })
  const client = await pool.connect()
  try {
    await migrateServer(client)
  } finally {
    client.release()
  }
  return { pool, accounts: createAccountService(pool), sync: createSyncService(pool) }
}
