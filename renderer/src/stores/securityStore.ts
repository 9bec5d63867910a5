import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AuditEntryDto, AuditVerificationDto, BackupInfo, RestorePreview } from '../../../shared/domain/session'
import type { RequestOf } from '../../../shared/contract'
import { call } from '../api/client'
import { onCoreEvent } from '../api/events'
import { downloadBase64, ZIP_MIME } from '../composables/download'

/** Backups and the audit trail: the security screen's one way to the core. */
export const useSecurityStore = defineStore('security', () => {
  const backups = ref<BackupInfo[]>([])
  const restorePreview = ref<RestorePreview | null>(null)
  const auditEntries = ref<AuditEntryDto[]>([])
  const verification = ref<AuditVerificationDto | null>(null)
  /** A backup being written (pushed by the core, also for the scheduled ones). */
  const isBackingUp = ref(false)

  onCoreEvent('backup:progress', ({ phase }) => {
    isBackingUp.value = phase === 'started'
    if (phase === 'done') void loadBackups()
  })

  async function loadBackups() {
    backups.value = await call('backups:list', {})
  }
  /** Makes a backup now; answers the new backup (the list follows through the pushed progress). */
  async function backUpNow(): Promise<BackupInfo> {
    const made = await call('backups:create', {})
    await loadBackups()
    return made
  }
  /** Saves a backup (encrypted) where the user chooses, e.g. a USB stick. */
  async function downloadBackup(backup: BackupInfo) {
    const file = await call('backups:download', { fileName: backup.fileName })
    downloadBase64(file.fileName, file.base64, ZIP_MIME)
  }
  async function previewRestore(backup: BackupInfo) {
    restorePreview.value = await call('backups:previewRestore', { fileName: backup.fileName })
  }
  /** Restores the previewed backup (the core first backs up the current state). */
  async function restorePreviewed() {
    if (!restorePreview.value) return
    await call('backups:restore', { fileName: restorePreview.value.backup.fileName })
  }

  async function loadAudit(query: RequestOf<'audit:list'>) {
    auditEntries.value = await call('audit:list', query)
  }
  async function verifyAudit(query: RequestOf<'audit:list'>) {
    verification.value = await call('audit:verify', {})
    await loadAudit(query)
  }

  return { backups, restorePreview, auditEntries, verification, isBackingUp, loadBackups, backUpNow, downloadBackup, previewRestore, restorePreviewed, loadAudit, verifyAudit }
})
