import { existsSync } from 'node:fs'
import { openDatabase, type Db } from '../db/openDatabase'

/**
 * Re-keying the database file (issue 13 item 4): SQLite3MultipleCiphers rewrites every page under the
 * new key with `PRAGMA rekey` (it works in WAL mode on this build; checked November 2026).
 */
export function rekey(db: Db, next: Buffer): void {
  db.pragma(`rekey="x'${next.toString('hex')}'"`)
}

/**
 * Brings a closed database file to `key` when it is still under another key of this caseload: the
 * current key before an interrupted rotation (`from`), or an earlier generation (a backup ZIP made
 * before a rotation, unzipped into a new folder). A file that opens with `key` is left alone; one that
 * opens with none of them is left for the open that follows to report as damaged.
 */
export function bringToKey(file: string, key: Buffer, candidates: Buffer[]): void {
  if (!existsSync(file)) return
  try {
    openDatabase(file, key, { readonly: true }).close()
    return
  } catch {
    // Not under `key` yet: try the others.
  }
  for (const candidate of candidates) {
    try {
      const db = openDatabase(file, candidate)
      rekey(db, key)
      db.close()
      return
    } catch {
      // Not this one either.
    }
  }
}

/** SQLite3MultipleCiphers encrypts a plain database with `rekey`, which needs a rollback journal. */
export function encryptInPlace(file: string, key: Buffer) {
  const db = openDatabase(file)
  db.pragma('journal_mode = DELETE')
  db.pragma(`cipher='sqlcipher'`)
  db.pragma('legacy=4')
  db.pragma(`rekey="x'${key.toString('hex')}'"`)
  db.close()
  const check = openDatabase(file, key)
  check.close()
}
