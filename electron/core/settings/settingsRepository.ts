import type { Organization } from '../../../shared/domain/documents'
import { organizationSchema } from '../../../shared/schemas/documentSchemas'
import type { Db } from '../db/openDatabase'
import { EMPTY_ORGANIZATION } from '../documents/letterModel'

/** The settings a caseload keeps; every read and write of `app_settings` goes through this file. */
export type SettingKey =
  /** When the caseload was first set up (ISO instant). */
  | 'initialized'
  /** The advocate row of the account that is signed in: "who" in case history. */
  | 'current_advocate_id'
  /** The advocate row of one account. */
  | `user_advocate:${string}`
  | 'demo_loaded'
  /** The deadline rules the stored deadlines were computed with; a change recomputes them. */
  | 'deadline_rules_version'
  /** The organization that signs letters, as JSON. */
  | 'organization'
  /** The title an account prints under its name on screening letters. */
  | `signer_title:${number}`
  /** The key generation every stored file was last brought to (documents/rehomeAttachments). */
  | 'attachments_current_for'

/** Key-value settings kept inside the caseload (so they travel with its backups). */
export function createSettingsRepository(db: Db) {
  const getStatement = db.prepare('SELECT value FROM app_settings WHERE key = ?')
  const setStatement = db.prepare(
    'INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  const get = (key: SettingKey): string | null => (getStatement.get(key) as { value: string } | undefined)?.value ?? null
  const set = (key: SettingKey, value: string): void => void setStatement.run(key, value)
  return {
    get,
    set,
    /** The organization that signs letters; empty fields when none was saved or the saved one is unreadable. */
    organization(): Organization {
      const stored = get('organization')
      if (!stored) return { ...EMPTY_ORGANIZATION }
      try {
        const parsed = organizationSchema.safeParse(JSON.parse(stored))
        return parsed.success ? parsed.data : { ...EMPTY_ORGANIZATION }
      } catch {
        return { ...EMPTY_ORGANIZATION }
      }
    },
    saveOrganization: (organization: Organization) => set('organization', JSON.stringify(organization)),
  }
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>
