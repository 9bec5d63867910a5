import type { CaseFacts } from '../../shared/domain/deadlines'
import type { PlanFamily, Stage } from '../../shared/domain/enums'
import { checkMove } from '../core/deadlines/moveCheck'

/**
 * The server applies the same ladder as the laptop (one home for the rule: core/deadlines/moveCheck):
 * a move into a column the plan's ladder does not have comes back to the laptop as a refusal with the
 * reason, never as a silent revert. Overrides are a laptop decision recorded as their own operation.
 */
export function moveRefusal(planFamily: PlanFamily, toStage: Stage, fromStage: Stage = 'intake'): string | null {
  const facts = {
    planFamily, state: null, urgency: 'standard', serviceType: 'pre_service', stage: fromStage, levelId: null,
    therapyCategory: 'other', denial: null, appealFiledOn: null, appealFiledAt: null,
  } as unknown as CaseFacts
  const check = checkMove(facts, toStage)
  return check.allowed ? null : check.reasonEn ?? 'The appeal ladder does not allow this move.'
}
