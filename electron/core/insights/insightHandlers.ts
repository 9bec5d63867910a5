import type { ChannelsOf } from '../../../shared/contract'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'

export function insightHandlers(core: Core): HandlersFor<ChannelsOf<'search' | 'outcomes' | 'dashboard' | 'reports'>> {
  return {
    'search:query': ({ text, limitPerKind }) => core.insights.search(text, limitPerKind),
    'outcomes:list': ({ caseId }) => core.insights.listOutcomes(caseId),
    'outcomes:record': (input) => core.insights.recordOutcome(input),
    'outcomes:update': (input) => core.insights.updateOutcome(input),
    'outcomes:remove': ({ id }) => core.insights.removeOutcome(id),
    'dashboard:load': (range) => core.insights.dashboard(range),
    'reports:csv': (request) => core.insights.csv(request),
    'reports:funderDocx': (range) => core.insights.funderReport(range),
  }
}
