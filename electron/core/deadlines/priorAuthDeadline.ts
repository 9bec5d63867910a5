import type { CaseFacts, ComputedDeadline, DeadlineFlag } from '../../../shared/domain/deadlines'
import type { PlanFamily } from '../../../shared/domain/enums'
import type { ClockUnit, EscalationId, Extension, RuleRef } from '../../../shared/rules/ladders'
import { priorAuthClocksFor, STATE_PA_FAMILIES, STATE_PA_OVERLAYS, type PaTrack } from '../../../shared/rules/priorAuth'
import { runClock } from './payerDeadline'

/** What the rules allow when a PA decision is late (domain-rules §1A, §1F, §1I, §3 "PA not obtained"). */
export const PA_LATE_ESCALATIONS: Record<PlanFamily, EscalationId[]> = {
  employer_self_funded: ['deemed_exhaustion_aca', 'complaint_ebsa'],
  employer_fully_insured: ['deemed_exhaustion_aca', 'complaint_ebsa', 'complaint_doi'],
  individual_marketplace: ['deemed_exhaustion_aca', 'complaint_doi'],
  grandfathered: ['deemed_exhaustion_erisa', 'complaint_ebsa', 'complaint_doi'],
  medicare_part_b: ['complaint_cms'],
  medicare_advantage: ['ma_silence_is_adverse', 'complaint_cms'],
  medicare_part_d: ['complaint_cms'],
  medicaid_ffs: ['complaint_medicaid'],
  medicaid_managed_care: ['mco_silence_is_adverse', 'complaint_medicaid'],
  other: [],
}

type PaRequest = NonNullable<CaseFacts['priorAuth']>

function paDeadline(
  key: string,
  labelEn: string,
  rule: RuleRef & { amount: number; unit: ClockUnit; extension?: Extension | null; noteEn?: string },
  pa: PaRequest,
  facts: CaseFacts,
  extraFlags: DeadlineFlag[],
): { deadline: ComputedDeadline; warnings: string[] } {
  const result = runClock(
    { startDay: pa.requestedOn, startAt: pa.requestedAt, amount: rule.amount, unit: rule.unit, citation: rule.citation, startLabel: 'Request received' },
    rule.extension ?? null,
    facts,
  )
  const deadline: ComputedDeadline = {
    key,
    side: 'payer',
    labelKey: `deadline.${key}`,
    labelEn,
    dueDate: result.day,
    dueAt: result.dueAt,
    ruleId: rule.ruleId,
    citation: rule.citation,
    verified: rule.verified,
    flags: [...result.flags, ...extraFlags],
    explanation: {
      inputs: { planFamily: facts.planFamily, requestedOn: pa.requestedOn, requestedAt: pa.requestedAt ?? '', expedited: String(pa.expedited), isDrug: String(Boolean(facts.isDrug)), state: facts.state ?? '' },
      steps: [...result.steps, ...(rule.noteEn ? [rule.noteEn] : [])],
    },
  }
  return { deadline, warnings: result.warnings }
}

/**
 * The payer's prior-authorization decision date (federal clock) and, for fully insured plans in a state
 * with its own PA statute, the state's clock too (domain-rules §2, §1D).
 */
export function priorAuthDeadlines(facts: CaseFacts): { deadlines: ComputedDeadline[]; warnings: string[] } {
  const pa = facts.priorAuth
  if (!pa || facts.denial) return { deadlines: [], warnings: [] }
  const track: PaTrack = pa.expedited ? 'expedited' : 'standard'
  const rows = priorAuthClocksFor(facts.planFamily, { isDrug: Boolean(facts.isDrug), track, serviceType: facts.serviceType, requestedOn: pa.requestedOn })
  const row = rows.find((r) => r.serviceTypes) ?? rows[0]
  const out: ComputedDeadline[] = []
  const warnings: string[] = []
  if (row) {
    const made = paDeadline('pa_decision', 'Prior-authorization decision due', row, pa, facts, [])
    out.push(made.deadline)
    warnings.push(...made.warnings)
  } else {
    warnings.push('No federal prior-authorization clock in our reference fits this plan and request: check state rules and the plan.')
  }
  const overlay = stateOverlay(facts, track)
  if (overlay) {
    const made = paDeadline('pa_decision_state', `Prior-authorization decision due (${overlay.state} law)`, overlay, pa, facts, ['state_rule'])
    out.push(made.deadline)
  }
  return { deadlines: out, warnings }
}

function stateOverlay(facts: CaseFacts, track: PaTrack) {
  if (!facts.state || !STATE_PA_FAMILIES.includes(facts.planFamily)) return null
  return STATE_PA_OVERLAYS.find((o) => o.state === facts.state && o.track === track) ?? null
}
