import type { ChannelsOf } from '../../../shared/contract'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'

export function transferHandlers(core: Core): HandlersFor<ChannelsOf<'transfer'>> {
  return {
    'transfer:exportBundle': ({ caseIds }) => core.transfer.exportBundle(caseIds),
    'transfer:importBundle': ({ base64, mode }) => core.transfer.importBundle(base64, mode),
    'transfer:previewCsv': ({ csv }) => core.transfer.previewCsv(csv),
    'transfer:importCsv': (request) => core.transfer.importCsv(request),
    'transfer:exportCsv': () => core.transfer.exportCsv(),
  }
}
