import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaseDetail } from '../../../shared/domain/cases'
import type { CaseOperation } from '../../../shared/domain/operations'
import type { RequestOf } from '../../../shared/contract'
import type { CaseCreateInput, ContactCreate } from '../../../shared/schemas/caseSchemas'
import { call } from '../api/client'

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

  async function addContact(input: ContactCreate) {
    const entry = await call('contacts:add', input)
    if (current.value?.id === input.caseId) current.value = await call('cases:get', { caseId: input.caseId })
    return entry
  }

  function replace(detail: CaseDetail) {
    current.value = detail
  }

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
    replace,
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
