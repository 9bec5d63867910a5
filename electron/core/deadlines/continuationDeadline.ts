import { addCalendarDays, type DayString } from '../../../shared/domain/days'
import type { CaseFacts, ComputedDeadline, DeadlineFlag } from '../../../shared/domain/deadlines'
import { continuationRuleFor, type ContinuationRule } from '../../../shared/rules/continuation'

/**
 * The continuation-of-benefits deadline: when an ongoing home therapy is being reduced or stopped
 * (a concurrent-care denial), the last day to ask that it keep being paid during the appeal. Shown
 * before every other date while the appeal at the first level is not yet filed.
 */
export function continuationDeadline(facts: CaseFacts, today: DayString): { deadline: ComputedDeadline | null; warnings: string[] } {
  if (facts.serviceType !== 'concurrent' || !facts.denial || facts.appealFiledOn || facts.appealFiledAt) return { deadline: null, warnings: [] }
  if (!['intake', 'prior_auth', 'denied', 'internal_appeal', 'hearing'].includes(facts.stage)) return { deadline: null, warnings: [] }
  const rule = continuationRuleFor(facts.planFamily, facts.therapyCategory)
  if (!rule) {
    const partD = facts.planFamily === 'medicare_part_d' ? ' Part D has no continuation rule; ask for an expedited redetermination instead.' : ''
    return { deadline: null, warnings: facts.planFamily === 'other' ? [] : [`No rule keeps this therapy paid during the appeal for this plan type.${partD}`] }
  }
  const effective = facts.actionEffectiveDate ?? null
  const noticeDate = facts.denial.noticeDate
  const made = lastDay(rule, noticeDate, effective)
  if (!made) {
    return {
      deadline: null,
      warnings: [`Enter the date the therapy stops or is reduced (the day after the current authorization ends): ${rule.whatEn} (${rule.citation})`],
    }
  }
  const flags: DeadlineFlag[] = ['continuation_of_benefits']
  const steps = [...made.steps, rule.whatEn]
  if (rule.noteEn) steps.push(rule.noteEn)
  if (today > made.day) {
    flags.push('overdue')
    steps.push(`This date passed (today is ${today}). Appeal anyway, and ask that the therapy be reinstated.`)
  }
  const deadline: ComputedDeadline = {
    key: 'continue_benefits',
    side: 'ours',
    labelKey: 'deadline.continue_benefits',
    labelEn: rule.labelEn,
    dueDate: made.day,
    dueAt: null,
    ruleId: rule.ruleId,
    citation: rule.citation,
    verified: rule.verified,
    flags,
    explanation: {
      inputs: { planFamily: facts.planFamily, noticeDate, effectiveDate: effective ?? '' },
      steps,
    },
  }
  return { deadline, warnings: [] }
}

function lastDay(rule: ContinuationRule, noticeDate: DayString, effective: DayString | null): { day: DayString; steps: string[] } | null {
  const dayBefore = effective ? addCalendarDays(effective, -1) : null
  switch (rule.count) {
    case 'later_of_notice_plus_or_effective': {
      const fromNotice = addCalendarDays(noticeDate, rule.days ?? 0)
      const steps = [`Notice dated ${noticeDate} + ${rule.days} calendar days = ${fromNotice} (${rule.citation})`]
      if (dayBefore && dayBefore > fromNotice) {
        steps.push(`The therapy is cut on ${effective}, later than that: the request is timely until the day before, ${dayBefore}`)
        return { day: dayBefore, steps }
      }
      return { day: fromNotice, steps }
    }
    case 'before_effective_or_notice_plus':
      if (dayBefore) return { day: dayBefore, steps: [`The therapy is cut on ${effective}: the request must arrive before that day, by ${dayBefore} (${rule.citation})`] }
      return {
        day: addCalendarDays(noticeDate, rule.days ?? 0),
        steps: [`Date of action unknown: the notice must come at least ${rule.days} days before it, so planned on the notice date ${noticeDate} + ${rule.days} days = ${addCalendarDays(noticeDate, rule.days ?? 0)} (${rule.citation})`],
      }
    case 'before_effective':
      return dayBefore ? { day: dayBefore, steps: [`The therapy is cut on ${effective}: appeal by the day before, ${dayBefore} (${rule.citation})`] } : null
    case 'noon_day_before_effective':
      return dayBefore ? { day: dayBefore, steps: [`Covered services end on ${effective}: the request is due by noon on ${dayBefore} (${rule.citation})`] } : null
  }
}
