import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Advocate, CaseloadInfo } from '../../../shared/domain/cases'
import { call } from '../api/client'

/** The caseload's reference data (advocates) and whole-caseload actions. */
export const useCaseloadStore = defineStore('caseload', () => {
  const info = ref<CaseloadInfo | null>(null)
  const advocates = ref<Advocate[]>([])
  const hasDemoCases = computed(() => (info.value?.demoCaseCount ?? 0) > 0)

  async function load() {
    ;[info.value, advocates.value] = await Promise.all([call('caseload:info', {}), call('advocates:list', {})])
  }
  async function removeDemo() {
    info.value = await call('caseload:removeDemo', {})
  }
  async function loadDemo() {
    info.value = await call('caseload:loadDemo', {})
    advocates.value = await call('advocates:list', {})
  }
  async function resetEmpty() {
    info.value = await call('caseload:resetEmpty', {})
  }
  return { info, advocates, hasDemoCases, load, removeDemo, loadDemo, resetEmpty }
})
