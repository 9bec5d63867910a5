import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaseDetail } from '../../../shared/domain/cases'
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

  return { current, isLoading, loadError, open, create, addContact, replace, updateAppeal, savePriorAuth, saveRepresentation }
})
