import type { RuleId, RuleResult, ScreeningOutcome, ScreeningResult } from './screening'

/**
 * How a screener reads results: what the applicant can apply to now, then what needs a fact, then
 * what does not apply. Within a group the catalog order (program name) is kept.
 */
const OUTCOME_RANK: Record<ScreeningOutcome, number> = { eligible: 0, needs_information: 1, not_eligible: 2 }

export function orderResults<T extends Pick<ScreeningResult, 'outcome' | 'programName'>>(results: readonly T[]): T[] {
  // Array.prototype.sort is stable, so ties keep the engine's catalog order.
  return [...results].sort((a, b) => OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome])
}

/** Reasons that say a rule did not narrow anything ("any drug", "no income limit"): never the deciding ones. */
const OPEN_REASONS = new Set(['fund_open', 'state_any', 'insurance_any', 'coverage_any', 'diagnosis_any', 'drug_any', 'income_none'])
/** For an eligible result, the rules a program officer checks first: money, then coverage, then clinical fit. */
const ELIGIBLE_PRIORITY: RuleId[] = ['income', 'insurance', 'drug_coverage', 'diagnosis', 'drug', 'state', 'fund_status']

/**
 * The one or two rules that decided a result, shown while the result is collapsed:
 * not eligible → the failing rules; needs information → the unknown ones; eligible → the
 * narrowest rules met (and a fund note such as a waitlist, which changes what to do next).
 */
export function decidingRules(result: Pick<ScreeningResult, 'outcome' | 'rules'>, limit = 2): RuleResult[] {
  const pick = (outcome: RuleResult['outcome']) => result.rules.filter((r) => r.outcome === outcome)
  if (result.outcome === 'not_eligible') return pick('fail').slice(0, limit)
  if (result.outcome === 'needs_information') return pick('unknown').slice(0, limit)
  const notes = pick('note')
  const met = pick('pass')
    .filter((r) => !OPEN_REASONS.has(r.reason))
    .sort((a, b) => ELIGIBLE_PRIORITY.indexOf(a.rule) - ELIGIBLE_PRIORITY.indexOf(b.rule))
  const chosen = [...notes, ...met].slice(0, limit)
  // A program with no narrowing rule at all is decided by being open to everyone.
  return chosen.length ? chosen : result.rules.filter((r) => r.outcome === 'pass').slice(0, 1)
}
