import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Agenda } from '../../../shared/domain/agenda'
import { addCalendarDays } from '../../../shared/domain/days'
import { call } from '../api/client'

/** Deadlines across the caseload: overdue, due soon, later, and the counts the reminder banner shows. */
export const useAgendaStore = defineStore('agenda', () => {
  const agenda = ref<Agenda | null>(null)
  const soonDays = ref(14)

  async function load() {
    agenda.value = await call('deadlines:agenda', { soonDays: soonDays.value, horizonDays: 400 })
  }

  const overdueCount = computed(() => agenda.value?.overdue.length ?? 0)
  /** "Due within 3 days" is the card's red band too (issue 2). */
  const urgentCount = computed(() => {
    if (!agenda.value) return 0
    const limit = addCalendarDays(agenda.value.today, 3)
    return agenda.value.dueSoon.filter((item) => item.dueDate <= limit).length
  })
  const all = computed(() => (agenda.value ? [...agenda.value.overdue, ...agenda.value.dueSoon, ...agenda.value.later] : []))

  return { agenda, soonDays, load, overdueCount, urgentCount, all }
})
