import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import pg from 'pg'
import { createAccountService } from './accounts'
import { createApiHandler } from './httpApi'
import { migrateServer } from './pgMigrate'
import { createSyncService } from './syncService'

export interface OrganizationServerOptions {
  /** A PostgreSQL connection string (postgres://user@host:port/db). */
  databaseUrl: string
  tls: { cert: string | Buffer; key: string | Buffer }
  host?: string
  port?: number
  version?: string
}

/**
 * Opens the organization's PostgreSQL database, migrates it, and serves the sync API over TLS.
 * One composition root for the server, like createCore for the app.
 */
export async function startOrganizationServer(options: OrganizationServerOptions) {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
  const client = await pool.connect()
  try {
    await migrateServer(client)
  } finally {
    client.release()
  }
  const sync = createSyncService(pool)
  const accounts = createAccountService(pool)
  const handler = createApiHandler(sync, accounts, options.version ?? '1')
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
