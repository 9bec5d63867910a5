import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadMigrations, migrate } from '../../../electron/core/db/migrate'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { makeTempDir } from './testCore'

/**
 * The migrated schema compared with a committed snapshot, so a change to the database's shape is
 * always a visible, reviewed change. After adding a migration on purpose, regenerate it with
 *   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --project unit tests/unit/core/schemaSnapshot.test.ts
 * and commit tests/fixtures/schema.sql with the migration.
 */
const SNAPSHOT = join(__dirname, '../../fixtures/schema.sql')

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

function migratedSchema(): string {
  const temp = makeTempDir()
  const db = openDatabase(join(temp.dir, 'schema.db'))
  cleanups.push(() => {
    db.close()
    temp.cleanup()
  })
  migrate(db, loadMigrations())
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; sql: string }[]
  const versions = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[]
  const header = versions.map((v) => `-- migration ${v.version}: ${v.name}`).join('\n')
  return `${header}\n\n${rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.trim()};`).join('\n\n')}\n`
}

describe('the database schema', () => {
  it('is exactly the committed snapshot (tests/fixtures/schema.sql)', () => {
    const schema = migratedSchema()
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, schema)
    expect(existsSync(SNAPSHOT), 'tests/fixtures/schema.sql is missing: regenerate it (see the comment above)').toBe(true)
    expect(
      schema,
      'The migrated schema differs from tests/fixtures/schema.sql. If the change is intended, regenerate it: UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run --project unit tests/unit/core/schemaSnapshot.test.ts',
    ).toBe(readFileSync(SNAPSHOT, 'utf8'))
  })
})
