import { addCalendarDays, type DayString } from '../../../shared/domain/days'
import type { CaseFacts, ComputedDeadline, DeadlineReport } from '../../../shared/domain/deadlines'
import type { PlanFamily, Stage } from '../../../shared/domain/enums'
import { AIC_THRESHOLDS, aicFor, findLevel, LADDERS, ladderLevelForStage, LEVEL_NAMES_EN, type EscalationId, type LadderLevel } from '../../../shared/rules/ladders'
import { continuationDeadline } from './continuationDeadline'
import { filingDeadline } from './filingDeadline'
import { decisionDeadline } from './payerDeadline'
import { PA_LATE_ESCALATIONS, priorAuthDeadlines } from './priorAuthDeadline'

export { checkMove } from './moveCheck'

const ACA_FAMILIES: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace']

/** The ladder level that a board column stands for in a plan family (null for intake, denied, closed…). */
export function levelForStage(planFamily: PlanFamily, stage: Stage): LadderLevel | null {
  return ladderLevelForStage(planFamily, stage)
}

function firstAppealLevel(planFamily: PlanFamily): LadderLevel | null {
  return LADDERS[planFamily].levels.find((l) => !l.isComplaint && !l.isOptional) ?? null
}

/** The level the case is at: its recorded level, else its column's, else (for "denied") the first appeal level. */
function resolveLevel(facts: CaseFacts): { level: LadderLevel | null; warnings: string[] } {
  const warnings: string[] = []
  if (facts.levelId) {
    const level = findLevel(facts.planFamily, facts.levelId)
    if (level) return { level, warnings }
    warnings.push(`Level "${facts.levelId}" is not on this plan's appeal ladder; the board column is used instead.`)
  }
  const level = levelForStage(facts.planFamily, facts.stage) ?? (facts.stage === 'denied' ? firstAppealLevel(facts.planFamily) : null)
  if (!level && APPEAL_COLUMNS.includes(facts.stage)) {
    const steps = LADDERS[facts.planFamily].levels.filter((l) => !l.isComplaint).map((l) => LEVEL_NAMES_EN[l.id])
    warnings.push(`This plan type's appeal ladder has no ${COLUMN_NAMES_EN[facts.stage]} step in this column; its steps are: ${steps.join(', ')}. Move the case to the column of the step it is at.`)
  }
  return { level, warnings }
}

const APPEAL_COLUMNS: Stage[] = ['internal_appeal', 'second_level', 'external_review', 'hearing']
const COLUMN_NAMES_EN: Partial<Record<Stage, string>> = {
  internal_appeal: 'internal appeal',
  second_level: 'second-level appeal',
  external_review: 'external review',
  hearing: 'hearing',
}

/** Plans the law limits to one internal appeal level. */
const ONE_INTERNAL_LEVEL: Partial<Record<PlanFamily, string>> = {
  individual_marketplace: '45 CFR 147.136(b)(3)(ii)(G)',
  medicaid_managed_care: '42 CFR 438.402(b)',
}

function followingLevel(facts: CaseFacts, level: LadderLevel): LadderLevel | null {
  const levels = LADDERS[facts.planFamily].levels
  const after = levels.slice(levels.indexOf(level) + 1)
  return after.find((l) => !l.isComplaint && (!l.isOptional || (l.id === 'internal_2' && facts.internalLevels === 2))) ?? null
}

function isFiled(facts: CaseFacts): boolean {
  return Boolean(facts.appealFiledOn || facts.appealFiledAt)
}

function nextStep(facts: CaseFacts, level: LadderLevel | null): DeadlineReport['nextStep'] {
  const step = (l: LadderLevel, labelEn: string) => ({ levelId: l.id, stage: l.stage, labelEn })
  if (!level) {
    const first = facts.stage === 'intake' || facts.stage === 'prior_auth' ? firstAppealLevel(facts.planFamily) : null
    return first ? step(first, `If denied: ${LEVEL_NAMES_EN[first.id]}`) : null
  }
  if (level.isComplaint) return null
  if (!isFiled(facts) && level.filingWindow) return step(level, `File: ${LEVEL_NAMES_EN[level.id]}`)
  const following = followingLevel(facts, level)
  if (!following) return null
  const name = LEVEL_NAMES_EN[following.id]
  return level.autoForward?.onAdverse
    ? step(following, `If upheld, the plan must send the case to ${name} automatically (${level.autoForward.citation})`)
    : step(following, `If denied: ${name}`)
}

/** Medicare ALJ and court thresholds for the year the request is (or would be) filed (domain-rules §1J). */
function aicWarnings(facts: CaseFacts, level: LadderLevel | null, today: DayString): string[] {
  if (!level?.aic) return []
  const year = Number((facts.appealFiledOn ?? today).slice(0, 4))
  const row = aicFor(year) ?? AIC_THRESHOLDS[AIC_THRESHOLDS.length - 1]
  const amount = level.aic === 'alj' ? row.alj : row.court
  const isVerified = level.aic === 'alj' ? row.aljVerified : row.courtVerified
  const when = row.year === year ? `for requests filed in ${year}` : `(no ${year} figure in our table; the latest, ${row.year}, is shown: verify)`
  const what = level.aic === 'alj' ? 'An ALJ hearing' : 'Federal court review'
  const warnings = [
    `${what} needs at least $${amount} in controversy ${when} (${row.citation}${isVerified ? '' : ', unverified'}); claims may be combined to reach it (42 CFR 405.1006(e), unverified).`,
  ]
  if (facts.amountInControversy != null && facts.amountInControversy < amount) {
    warnings.push(`The amount in controversy ($${facts.amountInControversy}) is below the $${amount} threshold.`)
  }
  return warnings
}

function generalWarnings(facts: CaseFacts, level: LadderLevel | null): string[] {
  const warnings: string[] = []
  if (ACA_FAMILIES.includes(facts.planFamily) && facts.isGrandfatheredStatusKnown === false) {
    warnings.push('Confirm the plan is not grandfathered (its SPD must say so): grandfathered plans have no federal external review (45 CFR 147.140(a)(2), unverified).')
  }
  if (facts.planFamily === 'other') warnings.push('Plan type unknown: no federal deadlines apply here; check the notice and the plan documents.')
  const dependsOnLevels = level?.id === 'internal_1' && level.decisionWindows.some((w) => w.internalLevels)
  if (dependsOnLevels && isFiled(facts) && !facts.internalLevels && facts.urgency !== 'expedited') {
    warnings.push('Assumed the plan has one internal level (30 days pre-service, 60 post-service); with two levels each has 15 or 30 days (29 CFR 2560.503-1(i)(2)).')
  }
  if (level?.id === 'internal_2' && facts.internalLevels === 1) warnings.push('The plan is recorded as having one internal level, yet the case is at a second level.')
  const oneLevel = ONE_INTERNAL_LEVEL[facts.planFamily]
  if (oneLevel && facts.internalLevels === 2) {
    warnings.push(`The plan is recorded with two internal levels, but the law allows only one internal appeal level here (${oneLevel}): after the first internal decision, go on to the next step.`)
  }
  return warnings
}

/**
 * ERISA §104(b)(4) (29 U.S.C. 1024(b)(4)): the administrator must furnish plan documents on written request;
 * §502(c)(1) (29 U.S.C. 1132(c)(1)) makes one who fails to within 30 days liable. Unverified in our research.
 */
function documentRequestDeadlines(facts: CaseFacts): ComputedDeadline[] {
  if (!['employer_self_funded', 'employer_fully_insured', 'grandfathered'].includes(facts.planFamily)) return []
  return (facts.documentRequests ?? []).filter((r) => r.kind === 'plan_documents').map((request) => {
    const due = addCalendarDays(request.sentOn, 30)
    return {
      key: 'plan_documents_due',
      side: 'payer' as const,
      labelKey: 'deadline.plan_documents_due',
      labelEn: 'Plan documents due from the plan administrator',
      dueDate: due,
      dueAt: null,
      ruleId: 'erisa.plan_documents_30_days',
      citation: 'ERISA §104(b)(4), 29 U.S.C. 1024(b)(4); ERISA §502(c)(1), 29 U.S.C. 1132(c)(1)',
      verified: false,
      flags: [],
      explanation: {
        inputs: { sentOn: request.sentOn },
        steps: [`The written request for the plan documents was sent on ${request.sentOn}; the administrator has 30 days to furnish them: ${due} (ERISA §502(c)(1)). After that, a complaint to the Department of Labor can follow.`],
      },
    }
  })
}

/** Marks payer dates that have passed and lists the escalations the rules allow for the earliest one. */
function payerOverdue(deadlines: ComputedDeadline[], facts: CaseFacts, level: LadderLevel | null, today: DayString) {
  const late = deadlines.filter((d) => d.side === 'payer' && d.dueDate < today)
  for (const d of late) d.flags.push('overdue')
  if (!late.length) return null
  const escalations = new Set<EscalationId>()
  for (const d of late) {
    const ids = d.key.startsWith('pa_') ? PA_LATE_ESCALATIONS[facts.planFamily] : d.key === 'plan_documents_due' ? (['complaint_ebsa'] as EscalationId[]) : (level?.whenLate ?? [])
    ids.forEach((id) => escalations.add(id))
    if (d.flags.includes('state_rule')) escalations.add('complaint_doi')
  }
  const earliest = late.map((d) => d.dueDate).sort()[0]
  return { since: addCalendarDays(earliest, 1), escalations: [...escalations] }
}

/**
 * Every date a case must meet (our filing deadline) or the payer must meet (decision and prior-auth dates),
 * the next step on the ladder, payer lateness with its escalations, and warnings. Pure: same facts, same report.
 */
export function computeDeadlines(facts: CaseFacts, today: DayString): DeadlineReport {
  if (facts.stage === 'closed') return { deadlines: [], nextStep: null, payerOverdue: null, warnings: [] }
  const { level, warnings } = resolveLevel(facts)
  warnings.push(...generalWarnings(facts, level))
  // Keeping a home therapy paid during the appeal comes first (42 CFR 438.420; 29 CFR 2560.503-1(f)(2)(ii)).
  const continuation = continuationDeadline(facts, today)
  const pa = priorAuthDeadlines(facts)
  const deadlines: ComputedDeadline[] = [...(continuation.deadline ? [continuation.deadline] : []), ...pa.deadlines]
  warnings.push(...continuation.warnings, ...pa.warnings)
  if (level) {
    const made = isFiled(facts) ? decisionDeadline(facts, level) : filingDeadline(facts, level, today)
    if (made.deadline) deadlines.push(made.deadline)
    warnings.push(...made.warnings)
  }
  deadlines.push(...documentRequestDeadlines(facts))
  const step = nextStep(facts, level)
  const levelToFile = level && !isFiled(facts) ? level : step ? findLevel(facts.planFamily, step.levelId) : null
  warnings.push(...aicWarnings(facts, levelToFile, today))
  const overdue = payerOverdue(deadlines, facts, level, today)
  return { deadlines, nextStep: step, payerOverdue: overdue, warnings }
}
