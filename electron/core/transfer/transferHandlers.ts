import type { transferChannels } from '../../../shared/contracts/transfer'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'

export function transferHandlers(core: Core): HandlersFor<keyof typeof transferChannels> {
  return {
    'transfer:exportBundle': ({ caseIds }) => core.transfer.exportBundle(caseIds),
    'transfer:importBundle': ({ base64, mode }) => core.transfer.importBundle(base64, mode),
    'transfer:previewCsv': ({ csv }) => core.transfer.previewCsv(csv),
    'transfer:importCsv': (request) => core.transfer.importCsv(request),
    'transfer:exportCsv': () => core.transfer.exportCsv(),
  }
}
