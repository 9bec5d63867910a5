import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { SyncConflict } from '../../../shared/domain/sync'
import type { SyncCaseView, SyncConnectRequest, SyncStatusView } from '../../../shared/domain/syncStatus'
import { call } from '../api/client'
import { useDocumentStore } from './documentStore'

/** How often a joined laptop tries to sync while the app is open (offline attempts cost nothing). */
const AUTO_SYNC_MS = 60_000

/** The organization caseload on this laptop: the one place the renderer talks to the sync channels. */
export const useSyncStore = defineStore('sync', () => {
  const status = ref<SyncStatusView | null>(null)
  const conflicts = ref<SyncConflict[]>([])
  const isSyncing = ref(false)
  const isJoined = computed(() => status.value?.isJoined ?? false)
  /** The open case as the organization caseload sees it on this laptop (taken to a clinic, files on their way). */
  const caseView = ref<SyncCaseView | null>(null)
  const isFetchingFiles = ref(false)
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
  /** After files arrived, the open case's exhibit list follows. */
  async function adoptCaseView(view: SyncCaseView) {
    const before = caseView.value?.caseId === view.caseId ? caseView.value.waitingFiles.length : null
    caseView.value = view
    const documents = useDocumentStore()
    if (before !== null && view.waitingFiles.length < before && documents.caseId === view.caseId) await documents.load(view.caseId)
  }
  /** Opening a case: shows its state, then fetches files other laptops attached to it when the server can be reached. */
  async function openCase(caseId: number) {
    caseView.value = null
    if (!isJoined.value) return
    caseView.value = await call('sync:case', { caseId })
    if (caseView.value.waitingFiles.length && !status.value?.isStopped) await fetchCaseFiles(caseId)
  }
  async function fetchCaseFiles(caseId: number) {
    isFetchingFiles.value = true
    try {
      await adoptCaseView(await call('sync:caseFiles', { caseId }))
    } finally {
      isFetchingFiles.value = false
    }
  }
  /** "Take to a clinic": the case and all its files stay on this laptop for work without internet. */
  async function keepOffline(caseId: number, kept: boolean) {
    isFetchingFiles.value = kept
    try {
      await adoptCaseView(await call('sync:keepOffline', { caseId, kept }))
    } finally {
      isFetchingFiles.value = false
    }
  }
  function startAutoSync() {
    if (timer || !isJoined.value) return
    timer = setInterval(() => void syncNow().catch(() => undefined), AUTO_SYNC_MS)
  }
  function stopAutoSync() {
    clearInterval(timer)
    timer = undefined
  }
  return { status, conflicts, isSyncing, isJoined, caseView, isFetchingFiles, load, syncNow, join, resolve, leave, openCase, fetchCaseFiles, keepOffline, stopAutoSync }
})
