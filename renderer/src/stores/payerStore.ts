import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppealDestination } from '../../../shared/domain/payers'
import type { RequestOf } from '../../../shared/contract'
import { call } from '../api/client'

/** The organization's payer directory (issue 12, item 3). */
export const usePayerStore = defineStore('payers', () => {
  const destinations = ref<AppealDestination[]>([])
  async function load() {
    destinations.value = await call('payers:list', {})
  }
  async function save(input: RequestOf<'payers:save'>) {
    destinations.value = await call('payers:save', input)
  }
  async function remove(id: number) {
    destinations.value = await call('payers:remove', { id })
  }
  return { destinations, load, save, remove }
})
