import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { SearchResponse } from '../../../shared/domain/insights'
import { call } from '../api/client'

/** The search overlay: whether it is open and the latest answer. Older answers never replace newer ones. */
export const useSearchStore = defineStore('search', () => {
  const isOpen = ref(false)
  const response = ref<SearchResponse | null>(null)
  const isSearching = ref(false)
  let latest = 0

  async function query(text: string) {
    const ticket = ++latest
    if (!text.trim()) {
      response.value = null
      return
    }
    isSearching.value = true
    try {
      const answer = await call('search:query', { text: text.slice(0, 200) })
      if (ticket === latest) response.value = answer
    } finally {
      if (ticket === latest) isSearching.value = false
    }
  }

  const open = () => (isOpen.value = true)
  function close() {
    isOpen.value = false
  }

  return { isOpen, response, isSearching, query, open, close }
})
