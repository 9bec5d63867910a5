import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { KEYSTORE_FILE } from '../security/keyStore'
import { BACKUP_FOLDER, readManifest } from './backupService'

/**
 * One backup as a ZIP to keep off the machine: `overturn.db` (still encrypted), `keystore.json` (the
 * data key wrapped by each passphrase and the recovery key, never in the clear) and `attachments/`
 * (encrypted). Unzipped into an empty data folder, it opens with the same passphrases.
 */
export async function packBackup(dataDir: string, fileName: string): Promise<Buffer> {
  // The zip library loads on first use (issue 15: core memory).
  const zip = new (await import('jszip')).default()
  zip.file('overturn.db', readFileSync(join(dataDir, BACKUP_FOLDER, fileName)))
  zip.file(KEYSTORE_FILE, readFileSync(join(dataDir, KEYSTORE_FILE)))
  const attachments = join(dataDir, BACKUP_FOLDER, 'attachments')
  // The attachments this backup names (its manifest); a backup from before manifests takes the whole mirror.
  const manifest = readManifest(dataDir, fileName)
  if (manifest) {
    for (const file of manifest.files) if (existsSync(join(attachments, file))) zip.file(`attachments/${file}`, readFileSync(join(attachments, file)))
  } else if (existsSync(attachments)) {
    for (const entry of readdirSync(attachments, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const full = join(entry.parentPath, entry.name)
      zip.file(`attachments/${full.slice(attachments.length + 1).replace(/\\/g, '/')}`, readFileSync(full))
    }
  }
  zip.file('README.txt', 'Overturn backup. Unzip into an empty folder and start Overturn with OVERTURN_DATA_DIR pointing at it; unlock with your passphrase or the recovery key.\n')
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
}
