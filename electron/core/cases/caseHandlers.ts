import { localDayOf } from '../../../shared/domain/days'
import type { caseChannels } from '../../../shared/contracts/cases'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'

export function caseHandlers(core: Core): HandlersFor<keyof typeof caseChannels> {
  return {
    'cases:board': (query) => core.board.load(query, localDayOf(core.now())),
    'cases:get': ({ caseId }) => core.cases.get(caseId),
    'cases:create': (input) => core.cases.create(input),
    'cases:move': (input) => core.cases.move(input),
    'cases:update': (input) => core.cases.update(input),
    'cases:addDenial': (input) => core.cases.addDenial(input),
    'cases:updateDenial': (input) => core.cases.updateDenial(input),
    'cases:removeDenial': (input) => core.cases.removeDenial(input),
    'operations:list': ({ caseId, sinceVersion }) => core.cases.operations(caseId, sinceVersion),
    'contacts:add': (input) => core.cases.addContact(input),
    'advocates:list': () => core.advocates.list(),
    'caseload:info': () => core.caseload.info(),
    'caseload:removeDemo': () => core.caseload.removeDemo(),
    'caseload:resetEmpty': () => core.caseload.resetEmpty(),
    'caseload:loadDemo': () => core.caseload.loadDemo(),
  }
}
