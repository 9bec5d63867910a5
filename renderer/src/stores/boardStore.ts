import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { BoardCard, BoardData } from '../../../shared/domain/cases'
import type { MoveCheck } from '../../../shared/domain/deadlines'
import { STAGES, type PlanFamily, type Stage, type TherapyCategory, type Urgency } from '../../../shared/domain/enums'
import type { RequestOf } from '../../../shared/contract'
import { call } from '../api/client'

export interface BoardFilters {
  advocateId: number | null
  planFamily: PlanFamily | null
  therapyCategory: TherapyCategory | null
  urgency: Urgency | null
  text: string
}

const emptyFilters = (): BoardFilters => ({ advocateId: null, planFamily: null, therapyCategory: null, urgency: null, text: '' })

/** The board's server data (cards, totals) and its filters. Moves go through here, whatever the input. */
export const useBoardStore = defineStore('board', () => {
  // Thousands of plain cards: shallow, so Vue does not wrap every card in a reactive proxy (issue 8).
  const data = shallowRef<BoardData | null>(null)
  const filters = reactive<BoardFilters>(emptyFilters())
  const isLoading = ref(false)
  const loadError = ref<string | null>(null)
  let requestSerial = 0

  const cardsByStage = computed(() => {
    const groups = Object.fromEntries(STAGES.map((s) => [s, [] as BoardCard[]])) as Record<Stage, BoardCard[]>
    for (const card of data.value?.cards ?? []) groups[card.stage].push(card)
    return groups
  })
  const hasFilters = computed(() => Object.values(filters).some((v) => v !== null && v !== ''))
  const shownCount = computed(() => data.value?.cards.length ?? 0)
  const totalCount = computed(() => Object.values(data.value?.totals ?? {}).reduce((a, b) => a + b, 0))

  async function load() {
    const serial = ++requestSerial
    isLoading.value = true
    try {
      const result = await call('cases:board', { ...filters, text: filters.text.trim() || undefined })
      if (serial === requestSerial) {
        data.value = result
        loadError.value = null
      }
    } catch (error) {
      if (serial === requestSerial) loadError.value = error instanceof Error ? error.message : 'error.internal'
    } finally {
      if (serial === requestSerial) isLoading.value = false
    }
  }

  function clearFilters() {
    Object.assign(filters, emptyFilters())
  }

  /** Moves a card; the board reloads from the core so it shows what was really saved. */
  async function moveCard(caseId: number, toStage: Stage, extras: Omit<RequestOf<'cases:move'>, 'caseId' | 'toStage'> = {}) {
    const detail = await call('cases:move', { caseId, toStage, ...extras })
    await load()
    return detail
  }

  /** The ladder's verdict on a move before making it: a refusal or a caution to show. */
  const checkMove = (caseId: number, toStage: Stage): Promise<MoveCheck> => call('cases:checkMove', { caseId, toStage })

  return { data, filters, isLoading, loadError, cardsByStage, hasFilters, shownCount, totalCount, load, clearFilters, moveCard, checkMove }
})
