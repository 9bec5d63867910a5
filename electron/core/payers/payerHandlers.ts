import type { payerChannels } from '../../../shared/contracts/payers'
import type { Core } from '../createCore'
import { notFound } from '../errors'
import type { HandlersFor } from '../handlerTypes'

export function payerHandlers(core: Core): HandlersFor<keyof typeof payerChannels> {
  const now = () => core.now().toISOString()
  return {
    'payers:list': () => core.payers.list(),
    'payers:save': (input) => {
      if (input.id && !core.payers.get(input.id)) throw notFound('destination')
      core.db.transaction(() => core.payers.save(input, now()))()
      return core.payers.list()
    },
    'payers:remove': ({ id }) => {
      if (!core.db.transaction(() => core.payers.remove(id))()) throw notFound('destination')
      return core.payers.list()
    },
  }
}
