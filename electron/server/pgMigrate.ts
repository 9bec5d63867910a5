import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { loadMigrations, type Migration } from '../core/db/migrate'

/** The server's migrations folder, numbered like the app's (NNNN_description.sql, no gaps). */
export function serverMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations')
}

/**
 * Brings the organization database up to date, forward only, each migration in its own transaction
 * and recorded with its checksum; like the app, it refuses a database whose history is unknown or
 * newer (a server downgrade would otherwise write into a schema it does not understand).
 */
export async function migrateServer(client: pg.PoolClient, migrations: Migration[] = loadMigrations(serverMigrationsDir())): Promise<number[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`)
  // One migrator at a time even if two servers start together.
  await client.query('SELECT pg_advisory_lock(7171)')
  try {
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    if (rows.length > migrations.length) {
      throw new Error(`This organization database was written by a newer Overturn server (version ${rows.length}; this server knows ${migrations.length}). Upgrade the server; nothing was changed.`)
    }
    for (const row of rows) {
      const known = migrations[row.version - 1]
      if (!known || known.name !== row.name || known.checksum !== row.checksum) {
        throw new Error(`The organization database's history is not one this server recognizes (migration ${row.version}). Nothing was changed.`)
      }
    }
    const applied: number[] = []
    for (const migration of migrations.slice(rows.length)) {
      await client.query('BEGIN')
      try {
        await client.query(migration.sql)
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)',
          [migration.version, migration.name, migration.checksum])
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK')
        throw error
      }
      applied.push(migration.version)
    }
    return applied
  } finally {
    await client.query('SELECT pg_advisory_unlock(7171)')
  }
}
