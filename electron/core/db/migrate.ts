import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppError } from '../errors'
import type { Db } from './openDatabase'

export interface Migration {
  version: number
  name: string
  sql: string
  checksum: string
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/

/** The migrations folder beside this module; the Electron build copies it next to the bundle. */
export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations')
}

/** Reads `NNNN_description.sql` files in order; numbering must have no gaps. */
export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => FILE_PATTERN.test(file))
    .sort()
    .map((file) => {
      const [, version, name] = FILE_PATTERN.exec(file)!
      const sql = readFileSync(join(dir, file), 'utf8')
      return { version: Number(version), name, sql, checksum: createHash('sha256').update(sql).digest('hex') }
    })
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migration numbering has a gap at ${migration.name}`)
  })
  return migrations
}

interface AppliedRow {
  version: number
  name: string
  checksum: string
}

/**
 * Brings the database up to date, forward only, each migration in its own transaction and recorded
 * in `schema_migrations`. Refuses a database written by a newer Overturn, or one whose recorded history
 * differs from ours (Actual Budget's rule: never guess about unknown history).
 * Returns the versions it applied.
 */
/** A caseload saved by a newer Overturn: not damaged, just not ours to open (callers test the class, not the text). */
export class NewerDatabaseError extends AppError {
  constructor(
    readonly databaseVersion: number,
    readonly latestKnown: number,
  ) {
    super(
      'conflict',
      `This caseload was saved by a newer version of Overturn (database version ${databaseVersion}; this app knows up to ${latestKnown}). Update Overturn to open it; nothing was changed.`,
    )
    this.name = 'NewerDatabaseError'
  }
}

export function migrate(db: Db, migrations: Migration[], beforeApplying?: () => void): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const applied = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as AppliedRow[]
  const latestKnown = migrations.length
  const newest = applied.at(-1)
  if (newest && newest.version > latestKnown) {
    throw new NewerDatabaseError(newest.version, latestKnown)
  }
  for (const row of applied) {
    const known = migrations[row.version - 1]
    if (!known || known.name !== row.name || known.checksum !== row.checksum) {
      throw new AppError('conflict', `This caseload's database history is not one Overturn recognizes (migration ${row.version}). Nothing was changed.`)
    }
  }
  const pending = migrations.slice(applied.length)
  // A new, empty database has nothing to protect; an existing one is backed up before it changes.
  if (pending.length > 0 && applied.length > 0) beforeApplying?.()
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql)
      record.run(migration.version, migration.name, migration.checksum, new Date().toISOString())
    })()
  }
  return pending.map((m) => m.version)
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null }
  return row.v ?? 0
}
