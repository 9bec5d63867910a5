import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Agenda } from '../../../shared/domain/agenda'
import { call } from '../api/client'
import { onCoreEvent } from '../api/events'
import { downloadText } from '../composables/download'

/** Deadlines across the caseload: overdue, due soon, later, and the counts the reminder banner shows. */
export const useAgendaStore = defineStore('agenda', () => {
  const agenda = ref<Agenda | null>(null)
  const soonDays = ref(14)

  async function load() {
    agenda.value = await call('deadlines:agenda', { soonDays: soonDays.value, horizonDays: 400 })
  }

  /** The banner's counts come from their own small query, so a big caseload never loads every deadline. */
  const counts = ref<{ overdue: number; dueWithin3Days: number } | null>(null)
  async function loadCounts() {
    counts.value = await call('deadlines:counts', {})
  }
  // The core pushes new counts after every change, and a changed case may move the agenda; only a new
  // day changes them without a change, so the counts are fetched again just after local midnight.
  onCoreEvent('deadlines:counts', (next) => (counts.value = next))
  onCoreEvent('case:changed', () => {
    if (agenda.value) void load()
  })
  let midnightTimer: ReturnType<typeof setTimeout> | undefined
  function followDays() {
    clearTimeout(midnightTimer)
    const now = new Date()
    const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 5)
    midnightTimer = setTimeout(() => {
      void loadCounts()
      followDays()
    }, nextMidnight.getTime() - now.getTime())
  }
  const overdueCount = computed(() => counts.value?.overdue ?? 0)
  /** "Due within 3 days" is the card's red band too (issue 2). */
  const urgentCount = computed(() => counts.value?.dueWithin3Days ?? 0)
  const all = computed(() => (agenda.value ? [...agenda.value.overdue, ...agenda.value.dueSoon, ...agenda.value.later] : []))

  /** An iCalendar file of one case's deadlines, or (null) of the whole caseload's, saved where the user chooses. */
  async function downloadIcs(caseId: number | null) {
    const file = await call('deadlines:ics', { caseId })
    downloadText(file.fileName, file.content, 'text/calendar')
  }

  return { agenda, soonDays, load, loadCounts, followDays, downloadIcs, overdueCount, urgentCount, all }
})
