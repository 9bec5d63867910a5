import { addCalendarDays, localDayOf } from '../../../shared/domain/days'
import type { ChannelsOf } from '../../../shared/contract'
import type { Core } from '../createCore'
import { buildIcs } from './icsCalendar'
import type { HandlersFor } from '../handlerTypes'

/** The case channels the deadline engine answers: checking a move against the ladder, and filing facts. */
export type DeadlineCaseChannel = 'cases:checkMove' | 'cases:updateAppeal'

export function deadlineHandlers(core: Core): HandlersFor<ChannelsOf<'deadlines' | 'priorAuth' | 'representation'> | DeadlineCaseChannel> {
  return {
    'cases:checkMove': ({ caseId, toStage }) => core.cases.checkMove(caseId, toStage),
    'cases:updateAppeal': (input) => core.cases.updateAppeal(input),
    'priorAuth:save': (input) => core.cases.savePriorAuth(input),
    'representation:save': (input) => core.cases.saveRepresentation(input),
    'deadlines:agenda': ({ soonDays, horizonDays }) => {
      const today = localDayOf(core.now())
      const soonEnd = addCalendarDays(today, soonDays)
      const items = core.agenda.until(addCalendarDays(today, Math.max(soonDays, horizonDays)))
      return {
        today,
        overdue: items.filter((i) => i.dueDate < today),
        dueSoon: items.filter((i) => i.dueDate >= today && i.dueDate <= soonEnd),
        later: items.filter((i) => i.dueDate > soonEnd),
      }
    },
    'deadlines:counts': () => {
      const today = localDayOf(core.now())
      return core.agenda.counts(today, addCalendarDays(today, 3))
    },
    'deadlines:ics': ({ caseId }) => {
      const today = localDayOf(core.now())
      const items = caseId ? core.agenda.forCase(caseId) : core.agenda.until(addCalendarDays(today, 400))
      return { fileName: caseId ? `overturn-case-${caseId}-deadlines.ics` : 'overturn-deadlines.ics', content: buildIcs(items, core.now().toISOString()) }
    },
  }
}
