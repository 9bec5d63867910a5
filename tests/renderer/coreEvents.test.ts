import { describe, expect, it } from 'vitest'
import { useAgendaStore } from '../../renderer/src/stores/agendaStore'
import { plugins, pushCoreEvent } from './setup'

describe('stores follow the core’s pushed events', () => {
  it('the reminder counts follow deadlines:counts without asking again', () => {
    plugins()
    const agenda = useAgendaStore()
    expect(agenda.overdueCount).toBe(0)
    pushCoreEvent({ name: 'deadlines:counts', payload: { overdue: 3, dueWithin3Days: 5 } })
    expect(agenda.overdueCount).toBe(3)
    expect(agenda.urgentCount).toBe(5)
  })
})
