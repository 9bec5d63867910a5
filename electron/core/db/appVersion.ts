import type { MigrationNotice } from '../../../shared/domain/session'
import type { Db } from './openDatabase'
import { schemaVersion } from './migrate'

/** Where the caseload remembers which Overturn last opened it (README, "Updating Overturn"). */
const APP_VERSION_KEY = 'app.version'

/** The Overturn version that last opened this database, when it recorded one (0.1.0 did not). */
export function lastAppVersion(db: Db): string | null {
  try {
    return (db.prepare('SELECT value FROM app_settings WHERE key = ?').get(APP_VERSION_KEY) as { value: string } | undefined)?.value ?? null
  } catch {
    return null
  }
}

export function recordAppVersion(db: Db, version: string): void {
  db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(APP_VERSION_KEY, version)
}

/** What is known before migrating: read right after the pre-migration backup, before anything changes. */
export function migrationStart(db: Db, backupFileName: string) {
  return { fromSchema: schemaVersion(db), fromAppVersion: lastAppVersion(db), backupFileName }
}

export function migrationNotice(start: ReturnType<typeof migrationStart>, db: Db, appVersion: string | null): MigrationNotice {
  return { ...start, toSchema: schemaVersion(db), toAppVersion: appVersion }
}
