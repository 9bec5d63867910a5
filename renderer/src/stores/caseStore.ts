import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaseDetail } from '../../../shared/domain/cases'
import type { CaseOperation } from '../../../shared/domain/operations'
import type { RequestOf } from '../../../shared/contract'
import type { CaseCreateInput, ContactCreate } from '../../../shared/schemas/caseSchemas'
import { call } from '../api/client'
import { onCoreEvent } from '../api/events'

/** The open case page's data. */
export const useCaseStore = defineStore('case', () => {
  const current = ref<CaseDetail | null>(null)
  const isLoading = ref(false)
  const loadError = ref<string | null>(null)

  async function open(caseId: number) {
    isLoading.value = true
    loadError.value = null
    try {
      current.value = await call('cases:get', { caseId })
    } catch (error) {
      current.value = null
      loadError.value = error instanceof Error ? error.message : 'error.internal'
    } finally {
      isLoading.value = false
    }
  }

  async function create(input: CaseCreateInput) {
    const created = await call('cases:create', input)
    current.value = created
    return created
  }

  /** The case's contact log shows the new entry when the core pushes `case:changed` (below). */
  const addContact = (input: ContactCreate) => call('contacts:add', input)

  function replace(detail: CaseDetail) {
    current.value = detail
  }

  /**
   * The core pushes `case:changed` after every write (electron/core/events.ts): the open case is read
   * again when it is the one that changed, or when the write named no case (`null`, e.g. "Mark sent",
   * which names an export). So a write made through another store (a packet marked sent, an upload)
   * shows here without that store reaching into this one. A copy older than the one shown (a save's
   * own answer arrived first) is not put back; a failed read leaves the page as it was.
   */
  async function refresh(caseId: number) {
    try {
      const latest = await call('cases:get', { caseId })
      if (current.value?.id === caseId && latest.version >= current.value.version) current.value = latest
    } catch {
      // Locked meanwhile, or the case is gone: the lock screen or the next open says so.
    }
  }
  onCoreEvent('case:changed', ({ caseId }) => {
    const open = current.value
    if (open && (caseId === null || caseId === open.id)) void refresh(open.id)
  })

  /** Writes that answer with the whole case: the page shows what was saved, deadlines recomputed. */
  const updateAppeal = async (input: RequestOf<'cases:updateAppeal'>) => replace(await call('cases:updateAppeal', input))
  const savePriorAuth = async (input: RequestOf<'priorAuth:save'>) => replace(await call('priorAuth:save', input))
  const saveRepresentation = async (input: RequestOf<'representation:save'>) => replace(await call('representation:save', input))

  /** The open case's recorded operations (its history), newest first. */
  const operations = ref<CaseOperation[]>([])
  async function loadOperations(caseId: number) {
    operations.value = await call('operations:list', { caseId })
  }
  /** A save replaces the case and refreshes its history, so both show what was just written. */
  async function saved(detail: CaseDetail) {
    replace(detail)
    await loadOperations(detail.id)
    return detail
  }
  const update = async (input: RequestOf<'cases:update'>) => saved(await call('cases:update', input))
  /** Moves the open case (the case page's own path, e.g. after "Mark sent"); the filing day is kept. */
  const move = async (input: RequestOf<'cases:move'>) => saved(await call('cases:move', input))
  const addDenial = async (input: RequestOf<'cases:addDenial'>) => saved(await call('cases:addDenial', input))
  const updateDenial = async (input: RequestOf<'cases:updateDenial'>) => saved(await call('cases:updateDenial', input))
  const removeDenial = async (input: RequestOf<'cases:removeDenial'>) => saved(await call('cases:removeDenial', input))
  /** What others saved after a version: shown beside the fields of a refused (conflicting) save. */
  const changesSince = (caseId: number, sinceVersion: number) => call('operations:list', { caseId, sinceVersion })
  /** The stored case without touching the page's copy (a conflicting form compares against it). */
  const fetchLatest = (caseId: number) => call('cases:get', { caseId })

  /** The ids of the cases whose patient's name contains the text (the audit trail's patient filter). */
  async function caseIdsForPatient(text: string): Promise<number[]> {
    const needle = text.trim().toLowerCase()
    const board = await call('cases:board', { text: text.trim() })
    return board.cards.filter((c) => c.patientName.toLowerCase().includes(needle)).map((c) => c.id)
  }

  return {
    caseIdsForPatient,
    current,
    isLoading,
    loadError,
    open,
    create,
    addContact,
    updateAppeal,
    savePriorAuth,
    saveRepresentation,
    operations,
    loadOperations,
    update,
    move,
    addDenial,
    updateDenial,
    removeDenial,
    changesSince,
    fetchLatest,
  }
})
