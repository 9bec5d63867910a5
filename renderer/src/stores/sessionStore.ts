import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SessionStatus } from '../../../shared/domain/session'
import type { RequestOf } from '../../../shared/contract'
import { call } from '../api/client'

/** The lock state as the core reports it; the app shows nothing of the caseload unless unlocked. */
export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus | null>(null)
  const recoveryKey = ref<string | null>(null)
  const isUnlocked = computed(() => status.value?.state === 'unlocked' && recoveryKey.value === null)
  const user = computed(() => (status.value?.state === 'unlocked' ? status.value.user : null))

  async function load() {
    status.value = await call('session:status', {})
  }
  async function setup(displayName: string, passphrase: string) {
    const result = await call('session:setup', { displayName, passphrase })
    recoveryKey.value = result.recoveryKey
    status.value = result.status
  }
  /** The recovery key has been written down: forget it and open the caseload. */
  function acknowledgeRecoveryKey() {
    recoveryKey.value = null
  }
  async function unlock(userId: string, passphrase: string) {
    status.value = await call('session:unlock', { userId, passphrase })
  }
  async function recover(userId: string, recoveryKeyText: string, newPassphrase: string) {
    status.value = await call('session:recover', { userId, recoveryKey: recoveryKeyText, newPassphrase })
  }
  /** Locks and reloads the page, so nothing of the caseload stays in memory or on screen. */
  async function lock() {
    try {
      await call('session:lock', {})
    } finally {
      window.location.reload()
    }
  }
  /** Administrators add accounts; the status then lists the new one. */
  async function createUser(request: RequestOf<'users:create'>) {
    await call('users:create', request)
    await load()
  }
  async function changePassphrase(request: RequestOf<'users:changePassphrase'>) {
    status.value = await call('users:changePassphrase', request)
  }
  async function setIdle(idleLockMinutes: number) {
    status.value = await call('session:setIdle', { idleLockMinutes })
  }
  /** A damaged caseload: restore a backup over it (the damaged file is kept aside by the core). */
  /** A damaged caseload is restored only with an administrator's passphrase (issue 13). */
  async function rescueWithBackup(fileName: string, admin?: { adminUserId: string; adminPassphrase: string }) {
    status.value = await call('backups:restore', { fileName, ...(admin ?? {}) })
  }
  /** Removes an account; the core then replaces the data key. */
  async function removeUser(userId: string) {
    status.value = await call('users:remove', { userId })
  }
  /** A new recovery key, shown once; the old one stops working. */
  async function rotateRecoveryKey(): Promise<string> {
    return (await call('session:rotateRecoveryKey', {})).recoveryKey
  }
  return { status, recoveryKey, isUnlocked, user, load, setup, acknowledgeRecoveryKey, unlock, recover, lock, createUser, changePassphrase, setIdle, rescueWithBackup, removeUser, rotateRecoveryKey }
})
