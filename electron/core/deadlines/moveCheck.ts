import type { CaseFacts, MoveCheck } from '../../../shared/domain/deadlines'
import { STAGES, type PlanFamily, type Stage } from '../../../shared/domain/enums'
import { findLevel, LADDERS, LEVEL_NAMES_EN, type LadderLevel } from '../../../shared/rules/ladders'

const ALWAYS_ALLOWED: Stage[] = ['closed', 'intake', 'prior_auth', 'denied']
const stageIndex = (stage: Stage) => STAGES.indexOf(stage)

const refuse = (reasonKey: string, reasonEn: string): MoveCheck => ({ allowed: false, reasonKey, reasonEn })
const caution = (reasonKey: string, reasonEn: string): MoveCheck => ({ allowed: true, reasonKey, reasonEn })

/** Why a ladder has no level in a column: the ladder's own words (rules as data), else a plain refusal. */
function missingLevelReason(planFamily: PlanFamily, toStage: Stage): MoveCheck {
  const missing = LADDERS[planFamily].missingLevels
  const reason = missing?.[toStage] ?? missing?.any
  if (reason) return refuse(reason.reasonKey, reason.reasonEn)
  return refuse('move.refused.no_such_level', `This plan's appeal ladder has no level in the "${toStage}" column.`)
}

function scopeCheck(facts: CaseFacts, target: LadderLevel): MoveCheck | null {
  const reasons = facts.denial?.reasons ?? []
  if (!target.scope || reasons.length === 0) return null
  const excluded = target.scope.excludedReasons
  if (!reasons.every((r) => excluded.includes(r))) return null
  return refuse('move.refused.outside_external_review_scope',
    `External review covers medical-judgment, experimental/investigational and rescission denials only; an eligibility or plan-exclusion denial is outside it (${target.scope.citation}). Consider a complaint or court.`)
}

function prerequisiteCheck(facts: CaseFacts, target: LadderLevel): MoveCheck | null {
  const prerequisite = target.prerequisite
  const before = prerequisite ? findLevel(facts.planFamily, prerequisite.levelId) : null
  if (!prerequisite || !before || stageIndex(facts.stage) >= stageIndex(before.stage)) return null
  const skipped = LEVEL_NAMES_EN[before.id]
  if (prerequisite.waivedByEn) {
    return caution('move.caution.skips_level', `This skips ${skipped.toLowerCase()}, which is allowed only with ${prerequisite.waivedByEn}`)
  }
  return refuse('move.refused.level_comes_first', `${LEVEL_NAMES_EN[target.id]} comes after ${skipped.toLowerCase()}.`)
}

function optionalCheck(facts: CaseFacts, target: LadderLevel): MoveCheck | null {
  if (target.id === 'internal_2' && facts.planFamily !== 'other') {
    if (facts.internalLevels === 1) {
      return refuse('move.refused.one_internal_level', 'This plan has one internal appeal level; a second level exists only when the plan mandates it (29 CFR 2560.503-1(i)(2)(ii)-(iii)).')
    }
    if (facts.internalLevels !== 2) return caution('move.caution.confirm_second_level', 'Only if the plan mandates a second internal level: confirm it in the plan document.')
  }
  if (target.isOptional && target.id !== 'internal_2') {
    return caution('move.caution.optional_level', `${LEVEL_NAMES_EN[target.id]} exists only where offered (${target.citation}${target.verified ? '' : ', unverified'}).`)
  }
  return null
}

/**
 * Whether a board move follows the plan's appeal ladder. Moves back, to closed/intake/prior_auth/denied, and to
 * complaint are always allowed; forward moves into an appeal column need a matching ladder level. A refused move
 * can still be made by an override with a recorded reason (outside this function).
 */
export function checkMove(facts: CaseFacts, toStage: Stage): MoveCheck {
  if (toStage === facts.stage || ALWAYS_ALLOWED.includes(toStage)) return { allowed: true }
  if (toStage === 'complaint') {
    return facts.planFamily.startsWith('medicare_')
      ? caution('move.caution.medicare_complaint_route', 'Medicare complaints go to 1-800-MEDICARE, the plan grievance process or the BFCC-QIO, not a state insurance commissioner.')
      : { allowed: true }
  }
  if (stageIndex(toStage) < stageIndex(facts.stage)) return { allowed: true }
  const candidates = LADDERS[facts.planFamily].levels.filter((l) => l.stage === toStage && !l.isComplaint)
  const target = candidates.find((l) => !l.isOptional) ?? candidates[0]
  if (!target) return missingLevelReason(facts.planFamily, toStage)
  const blocking = [scopeCheck(facts, target), prerequisiteCheck(facts, target), optionalCheck(facts, target)]
  const refused = blocking.find((c) => c && !c.allowed)
  if (refused) return refused
  if (facts.planFamily === 'other') return caution('move.caution.unknown_plan', 'Plan type unknown: check the plan’s appeal rules.')
  return blocking.find((c) => c) ?? { allowed: true }
}
