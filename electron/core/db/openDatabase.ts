import Database from 'better-sqlite3-multiple-ciphers'
import { AppError } from '../errors'

export type Db = Database.Database

/**
 * Applies the caseload's data key: SQLCipher-4-compatible encryption through SQLite3MultipleCiphers
 * (anchors-ecosystem-security F9), the key given raw so no second key derivation runs.
 */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`)
  db.pragma('legacy=4')
  db.pragma(`key="x'${key.toString('hex')}'"`)
}

/**
 * The one place a caseload database is opened. Pragmas are set on every open because
 * `synchronous` drifts back to NORMAL when an existing WAL database is reopened
 * (anchors-ecosystem-security F10), and foreign keys are off by default in SQLite.
 * With a key, a wrong key fails here ("file is not a database") and nothing is read.
 * `temp_store = MEMORY`: SQLite3MultipleCiphers does not encrypt temporary files, and large sorts,
 * index builds and VACUUM would otherwise spill plaintext pages into the system temp folder
 * (STACK.md, November 2026; issue 13 item 1). It is set before anything else can need a temp file.
 */
export function openDatabase(file: string, key?: Buffer, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false })
  try {
    db.pragma('temp_store = MEMORY')
    if (key) applyKey(db, key)
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get()
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
  } catch (error) {
    db.close()
    // SQLite's own code, not its English message: a wrong key reads as "not a database".
    if (error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_NOTADB') {
      throw new AppError('forbidden', key ? 'error.wrongKeyOrDamaged' : 'error.databaseEncrypted')
    }
    throw error
  }
  return db
}
