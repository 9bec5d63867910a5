import type { syncChannels } from '../../../shared/contracts/sync'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'

export function syncHandlers(core: Core): HandlersFor<keyof typeof syncChannels> {
  return {
    'sync:status': () => core.sync.status(),
    'sync:join': (request) => core.sync.join(request),
    'sync:now': () => core.sync.syncNow(),
    'sync:conflicts': () => core.sync.conflicts(),
    'sync:resolve': ({ conflictId, choice }) => core.sync.resolve(conflictId, choice),
    'sync:keepOffline': ({ caseId, kept }) => core.sync.keepOffline(caseId, kept),
    'sync:case': ({ caseId }) => core.sync.caseView(caseId),
    'sync:caseFiles': ({ caseId }) => core.sync.fetchCaseFiles(caseId),
    'sync:leave': () => core.sync.leave(),
  }
}
