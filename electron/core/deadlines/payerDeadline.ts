import { addCalendarDays, dayOfInstant, daysBetween, type DayString } from '../../../shared/domain/days'
import type { CaseFacts, ComputedDeadline, DeadlineFlag } from '../../../shared/domain/deadlines'
import { addBusinessDays } from '../../../shared/rules/businessDays'
import { LEVEL_NAMES_EN, type ClockUnit, type DecisionTrack, type DecisionWindow, type Extension, type LadderLevel } from '../../../shared/rules/ladders'
import { countHours, countPeriod, type Counted } from './clockMath'

export interface ClockResult {
  day: DayString
  dueAt: string | null
  steps: string[]
  flags: DeadlineFlag[]
  warnings: string[]
}

/** Counts one payer clock from a start day or instant, then applies an extension the payer has noticed. */
export function runClock(
  input: { startDay: DayString; startAt: string | null; amount: number; unit: ClockUnit; citation: string; startLabel: string },
  extension: Extension | null,
  facts: CaseFacts,
): ClockResult {
  const timeZone = facts.timeZone ?? 'UTC'
  const flags: DeadlineFlag[] = []
  let counted: Counted & { dueAt?: string | null }
  if (input.unit === 'hours') {
    const hours = countHours(input.startAt, input.startDay, input.amount, timeZone, input.citation, input.startLabel)
    if (hours.isTimeUnknown) flags.push('time_of_filing_unknown')
    counted = hours
  } else {
    counted = countPeriod(input.startDay, input.amount, input.unit, input.startLabel, input.citation)
  }
  return withExtension({ day: counted.day, dueAt: counted.dueAt ?? null, steps: counted.steps, flags, warnings: [] }, extension, facts)
}

function withExtension(result: ClockResult, extension: Extension | null, facts: CaseFacts): ClockResult {
  if (!facts.payerExtended) {
    if (!extension || extension.unit !== 'calendar_days') return result
    const extended = addCalendarDays(result.day, extension.amount)
    return { ...result, steps: [...result.steps, `If the payer takes its allowed extension (${extension.amount} days, ${extension.whenEn}): ${extended}`] }
  }
  if (!extension) {
    return {
      ...result,
      flags: [...result.flags, 'extension_not_allowed'],
      steps: [...result.steps, 'The payer claimed an extension, but the rules allow none at this step: the original date stands'],
      warnings: ['The payer claimed an extension the rules do not allow here: the original date stands.'],
    }
  }
  const extendedAt = result.dueAt ? new Date(Date.parse(result.dueAt) + extension.amount * 86_400_000).toISOString() : null
  const day =
    extension.unit === 'business_days'
      ? addBusinessDays(result.day, extension.amount)
      : extendedAt
        ? dayOfInstant(extendedAt, facts.timeZone)
        : addCalendarDays(result.day, extension.amount)
  return {
    ...result,
    day,
    dueAt: extension.unit === 'business_days' ? null : extendedAt,
    flags: [...result.flags, 'extension_applied'],
    steps: [...result.steps, `Extension noticed by the payer (${extension.whenEn}): ${result.day} + ${extension.amount} days = ${day}`],
  }
}

/** Urgent-care clocks exist only for care not yet given (29 CFR 2560.503-1(m)(1)); payment requests are never expedited. */
function trackOrder(facts: CaseFacts, level: LadderLevel): DecisionTrack[] {
  const isPost = facts.serviceType === 'post_service'
  const base: DecisionTrack[] = isPost ? ['post_service', 'payment', 'standard'] : ['pre_service', 'standard']
  if (!isPost && facts.isDrug && level.decisionWindows.some((w) => w.track === 'part_b_drug')) base.unshift('part_b_drug')
  return facts.urgency === 'expedited' && !isPost ? ['expedited', ...base] : base
}

/** The decision clock that fits the request: urgency, service type, drug, and the plan's number of internal levels. */
export function selectDecisionWindow(facts: CaseFacts, level: LadderLevel): { window: DecisionWindow | null; warnings: string[] } {
  const levelsInPlan = level.id === 'internal_2' ? 2 : (facts.internalLevels ?? 1)
  const windows = level.decisionWindows.filter((w) => !w.internalLevels || w.internalLevels === levelsInPlan)
  const warnings: string[] = []
  if (facts.urgency === 'expedited' && facts.serviceType === 'post_service') {
    warnings.push('Expedited review applies to care not yet received; the post-service clock is used.')
  } else if (facts.urgency === 'expedited' && windows.length && !windows.some((w) => w.track === 'expedited')) {
    warnings.push(`${LEVEL_NAMES_EN[level.id]} has no expedited track; the standard clock is used.`)
  }
  for (const track of trackOrder(facts, level)) {
    const window = windows.find((w) => w.track === track)
    if (window) return { window, warnings }
  }
  return { window: null, warnings }
}

/** Medicaid MCO fair hearing: 90 days from the MCO appeal, not counting the days taken to request the hearing. */
function mcoHearingClock(facts: CaseFacts, window: DecisionWindow, filedOn: DayString): ClockResult | null {
  if (!facts.previousAppealFiledOn || !facts.denial) return null
  const pause = Math.max(0, daysBetween(facts.denial.noticeDate, filedOn))
  const day = addCalendarDays(facts.previousAppealFiledOn, window.amount + pause)
  const steps = [
    `Plan appeal filed ${facts.previousAppealFiledOn} + ${window.amount} days, plus the ${pause} days between the plan's notice (${facts.denial.noticeDate}) and the hearing request (${filedOn}) = ${day} (${window.citation})`,
  ]
  return { day, dueAt: null, steps, flags: [], warnings: [] }
}

/**
 * The reviewer's decision due date for the appeal filed at `level`, or null when nothing is filed
 * or the level has no decision clock (federal court).
 */
export function decisionDeadline(facts: CaseFacts, level: LadderLevel): { deadline: ComputedDeadline | null; warnings: string[] } {
  const filedOn = facts.appealFiledOn ?? (facts.appealFiledAt ? dayOfInstant(facts.appealFiledAt, facts.timeZone) : null)
  if (!filedOn || level.isComplaint) return { deadline: null, warnings: [] }
  const { window, warnings } = selectDecisionWindow(facts, level)
  if (!window) return { deadline: null, warnings }
  const startLabel = level.filingWindow ? 'Request received' : 'Case received by the reviewer'
  const result =
    window.from === 'mco_appeal_filed'
      ? mcoHearingClock(facts, window, filedOn)
      : runClock({ startDay: filedOn, startAt: facts.appealFiledAt, amount: window.amount, unit: window.unit, citation: window.citation, startLabel }, window.extension, facts)
  if (!result) return { deadline: null, warnings: [...warnings, 'Enter the date the plan appeal was filed to compute the hearing decision date.'] }
  const note = window.note ? [window.note] : []
  const deadline: ComputedDeadline = {
    key: `decide_${level.id}`,
    side: 'payer',
    labelKey: `deadline.decide.${level.id}`,
    labelEn: `Decision due: ${LEVEL_NAMES_EN[level.id]}`,
    dueDate: result.day,
    dueAt: result.dueAt,
    ruleId: window.ruleId,
    citation: window.citation,
    verified: window.verified,
    flags: result.flags,
    explanation: {
      inputs: { planFamily: facts.planFamily, level: level.id, track: window.track, appealFiledOn: filedOn, appealFiledAt: facts.appealFiledAt ?? '', urgency: facts.urgency, serviceType: facts.serviceType },
      steps: [...result.steps, ...note],
    },
  }
  return { deadline, warnings: [...warnings, ...result.warnings] }
}
