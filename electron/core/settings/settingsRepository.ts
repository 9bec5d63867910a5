import type { Db } from '../db/openDatabase'

/** Key-value settings kept inside the caseload (so they travel with its backups). */
export function createSettingsRepository(db: Db) {
  const getStatement = db.prepare('SELECT value FROM app_settings WHERE key = ?')
  const setStatement = db.prepare(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  return {
    get: (key: string): string | null => (getStatement.get(key) as { value: string } | undefined)?.value ?? null,
    set: (key: string, value: string): void => void setStatement.run(key, value),
  }
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>
