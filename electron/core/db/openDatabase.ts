import Database from 'better-sqlite3-multiple-ciphers'

export type Db = Database.Database

/**
 * The one place a caseload database is opened. Pragmas are set on every open because
 * `synchronous` drifts back to NORMAL when an existing WAL database is reopened
 * (anchors-ecosystem-security F10), and foreign keys are off by default in SQLite.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('busy_timeout = 5000')
  } catch (error) {
    db.close()
    throw error
  }
  return db
}
