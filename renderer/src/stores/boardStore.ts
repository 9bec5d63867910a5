import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import type { ApiResult } from '../../../shared/contract'
import { BOARD_PAGE_SIZE, type BoardCard, type BoardCursor, type BoardData } from '../../../shared/domain/cases'
import type { MoveCheck } from '../../../shared/domain/deadlines'
import { STAGES, type PlanFamily, type Stage, type TherapyCategory, type Urgency } from '../../../shared/domain/enums'
import type { RequestOf } from '../../../shared/contract'
import { call, getApi } from '../api/client'

export interface BoardFilters {
  advocateId: number | null
  planFamily: PlanFamily | null
  therapyCategory: TherapyCategory | null
  urgency: Urgency | null
  text: string
}

/** One column as loaded so far: its first pages, how many cases match, where the next page starts. */
export interface BoardColumnState {
  cards: BoardCard[]
  count: number
  next: BoardCursor | null
}

const emptyFilters = (): BoardFilters => ({ advocateId: null, planFamily: null, therapyCategory: null, urgency: null, text: '' })
/** A column reloaded after a move keeps what was already scrolled into view, up to this many cards. */
const RELOAD_AT_MOST = 500

let prefetched: Promise<ApiResult<BoardData>> | null = null

/**
 * Starts the board's first page at once, beside the status call (or as the unlock answers), so the
 * board does not wait for a second round trip (issue 15, "no waterfall"). A raw call: a locked core
 * answers `locked` here, which must not send the app back to the lock screen; `load()` then asks again.
 */
export function prefetchBoard(options: { again?: boolean } = {}): void {
  if (prefetched && !options.again) return
  prefetched = (getApi()['cases:board']({}) as Promise<ApiResult<BoardData>>).catch(() => ({ ok: false, error: { code: 'internal', message: 'error.internal' } }) as const)
}

/**
 * The board's server data, paged per column (issue 15), and its filters. Moves and "load more" go
 * through here, whatever the input. Each column's state is replaced whole when it changes, so the
 * other columns' props keep their identity and do not re-render.
 */
export const useBoardStore = defineStore('board', () => {
  // Plain cards in shallow refs: Vue does not wrap every card in a reactive proxy (issue 8).
  const columns = shallowRef<Record<Stage, BoardColumnState> | null>(null)
  const totals = shallowRef<Record<Stage, number> | null>(null)
  const filters = reactive<BoardFilters>(emptyFilters())
  const isLoading = ref(false)
  const loadError = ref<string | null>(null)
  const loadingMore = reactive(new Set<Stage>())
  let requestSerial = 0

  const cardsByStage = computed(() => Object.fromEntries(STAGES.map((s) => [s, columns.value?.[s].cards ?? []])) as Record<Stage, BoardCard[]>)
  const hasFilters = computed(() => Object.values(filters).some((v) => v !== null && v !== ''))
  const shownCount = computed(() => STAGES.reduce((sum, s) => sum + (columns.value?.[s].count ?? 0), 0))
  const totalCount = computed(() => Object.values(totals.value ?? {}).reduce((a, b) => a + b, 0))
  const isLoaded = computed(() => columns.value !== null)

  const query = () => ({ ...filters, text: filters.text.trim() || undefined })

  function columnsFrom(data: BoardData, base: Record<Stage, BoardColumnState> | null, stages: readonly Stage[]) {
    const next = { ...(base ?? (Object.fromEntries(STAGES.map((s) => [s, { cards: [] as BoardCard[], count: 0, next: null }])) as Record<Stage, BoardColumnState>)) }
    const grouped = new Map<Stage, BoardCard[]>(stages.map((s) => [s, []]))
    for (const card of data.cards) grouped.get(card.stage)?.push(card)
    for (const stage of stages) next[stage] = { cards: grouped.get(stage) ?? [], count: data.counts[stage] ?? 0, next: data.next[stage] ?? null }
    return next
  }

  async function load() {
    const serial = ++requestSerial
    isLoading.value = true
    loadingMore.clear()
    try {
      const early = !hasFilters.value ? prefetched : null
      prefetched = null
      let result: BoardData
      const answered = early ? await early : null
      if (answered?.ok) result = answered.data
      else result = await call('cases:board', query())
      if (serial === requestSerial) {
        columns.value = columnsFrom(result, null, STAGES)
        totals.value = result.totals
        loadError.value = null
      }
    } catch (error) {
      if (serial === requestSerial) loadError.value = error instanceof Error ? error.message : 'error.internal'
    } finally {
      if (serial === requestSerial) isLoading.value = false
    }
  }

  /** The column's next page (keyset on the stage index), when it is scrolled near its end. */
  async function loadMore(stage: Stage) {
    const column = columns.value?.[stage]
    if (!column?.next || loadingMore.has(stage)) return
    const serial = requestSerial
    loadingMore.add(stage)
    try {
      const page = await call('cases:board', { ...query(), stage, after: column.next })
      const current = columns.value?.[stage]
      if (serial !== requestSerial || !current || current.next !== column.next) return
      columns.value = { ...columns.value!, [stage]: { cards: [...current.cards, ...page.cards], count: page.counts[stage] ?? current.count, next: page.next[stage] ?? null } }
      if (page.totals) totals.value = page.totals
    } catch (error) {
      if (serial === requestSerial) loadError.value = error instanceof Error ? error.message : 'error.internal'
    } finally {
      loadingMore.delete(stage)
    }
  }

  /** Reloads some columns from their start, as far as they were loaded (plus one for a card moved in). */
  async function reloadColumns(stages: Stage[]) {
    const serial = requestSerial
    for (const stage of new Set(stages)) {
      const loaded = columns.value?.[stage].cards.length ?? 0
      const limit = Math.min(RELOAD_AT_MOST, Math.max(loaded + 1, BOARD_PAGE_SIZE))
      const page = await call('cases:board', { ...query(), stage, limit })
      if (serial !== requestSerial || !columns.value) return
      columns.value = columnsFrom(page, columns.value, [stage])
      totals.value = page.totals
    }
  }

  function findCard(id: number): BoardCard | undefined {
    for (const stage of STAGES) {
      const card = columns.value?.[stage].cards.find((c) => c.id === id)
      if (card) return card
    }
    return undefined
  }

  function clearFilters() {
    Object.assign(filters, emptyFilters())
  }

  /**
   * Moves a card. The two columns involved reload from the core, so both show what was really saved,
   * however far they had been scrolled; the moved card heads its new column (newest in stage first).
   */
  async function moveCard(caseId: number, toStage: Stage, extras: Omit<RequestOf<'cases:move'>, 'caseId' | 'toStage'> = {}) {
    const from = findCard(caseId)?.stage
    const detail = await call('cases:move', { caseId, toStage, ...extras })
    await reloadColumns(from ? [from, toStage] : [toStage])
    return detail
  }

  /** The ladder's verdict on a move before making it: a refusal or a caution to show. */
  const checkMove = (caseId: number, toStage: Stage): Promise<MoveCheck> => call('cases:checkMove', { caseId, toStage })

  return {
    columns, totals, filters, isLoading, isLoaded, loadError, loadingMore, cardsByStage, hasFilters, shownCount, totalCount,
    load, loadMore, reloadColumns, findCard, clearFilters, moveCard, checkMove,
  }
})
