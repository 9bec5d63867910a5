import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SyncConflict } from '../../../shared/domain/sync'
import type { SyncConnectRequest, SyncStatusView } from '../../../shared/domain/syncStatus'
import { call } from '../api/client'

/** How often a joined laptop tries to sync while the app is open (offline attempts cost nothing). */
const AUTO_SYNC_MS = 60_000

/** The organization caseload on this laptop: the one place the renderer talks to the sync channels. */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatusView | null>(null)
  const conflicts = ref<SyncConflict[]>([])
  const isSyncing = ref(false)
  const isJoined = computed(() => status.value?.isJoined ?? false)
  let timer: ReturnType<typeof setInterval> | undefined

  async function load() {
    status.value = await call('sync:status', {})
    if (status.value.isJoined) conflicts.value = await call('sync:conflicts', {})
    startAutoSync()
  }
  async function syncNow() {
    if (!isJoined.value || isSyncing.value) return
    isSyncing.value = true
    try {
      status.value = await call('sync:now', {})
      conflicts.value = await call('sync:conflicts', {})
    } finally {
      isSyncing.value = false
    }
  }
  async function join(request: SyncConnectRequest) {
    status.value = await call('sync:join', request)
    conflicts.value = await call('sync:conflicts', {})
    startAutoSync()
  }
  async function resolve(conflictId: number, choice: 'current' | 'incoming') {
    status.value = await call('sync:resolve', { conflictId, choice })
    conflicts.value = await call('sync:conflicts', {})
  }
  async function leave() {
    status.value = await call('sync:leave', {})
    conflicts.value = []
    stopAutoSync()
  }
  async function keepOffline(caseId: number, kept: boolean) {
    await call('sync:keepOffline', { caseId, kept })
  }
  function startAutoSync() {
    if (timer || !isJoined.value) return
    timer = setInterval(() => void syncNow().catch(() => undefined), AUTO_SYNC_MS)
  }
  function stopAutoSync() {
    clearInterval(timer)
    timer = undefined
  }
  return { status, conflicts, isSyncing, isJoined, load, syncNow, join, resolve, leave, keepOffline, stopAutoSync }
})
