import { addCalendarDays, type DayString } from '../../../shared/domain/days'
import type { CaseFacts, ComputedDeadline, DeadlineFlag } from '../../../shared/domain/deadlines'
import { LEVEL_NAMES_EN, type FilingWindow, type LadderLevel } from '../../../shared/rules/ladders'
import { countPeriod } from './clockMath'

type Denial = NonNullable<CaseFacts['denial']>

interface Start {
  day: DayString
  steps: string[]
  flags: DeadlineFlag[]
  warnings: string[]
}

const MEDICARE_PRESUMPTION = '42 CFR 405.942(a)(1), 405.962(a)(1), 423.582(b)(1)'
const NOTICE_GOVERNS = 'domain-rules §0: state law, the plan or the notice may give more time, never less'

export function isMedicare(facts: CaseFacts): boolean {
  return facts.planFamily.startsWith('medicare_')
}

/** Medicare: a notice is presumed received 5 days after its date; an earlier actual receipt is used to be safe. */
function medicareReceipt(denial: Denial): Start {
  const presumed = addCalendarDays(denial.noticeDate, 5)
  const steps = [`Notice dated ${denial.noticeDate} + 5 days mail presumption = ${presumed} (${MEDICARE_PRESUMPTION})`]
  const received = denial.receivedDate
  if (received && received < presumed) {
    steps.push(`Received ${received}, earlier than presumed: the earlier date is used`)
    return { day: received, steps, flags: [], warnings: [] }
  }
  const warnings =
    received && received > presumed
      ? [`Notice received ${received}, after the presumed ${presumed}: evidence can rebut the presumption, but plans use ${presumed}.`]
      : []
  return { day: presumed, steps, flags: [], warnings }
}

function resolveStart(facts: CaseFacts, denial: Denial, window: FilingWindow): Start {
  switch (window.from) {
    case 'notice_date':
      return { day: denial.noticeDate, steps: [`Counted from the date on the notice, ${denial.noticeDate}`], flags: [], warnings: [] }
    case 'notice_mailed':
      return { day: denial.noticeDate, steps: [`Counted from the mailing date; the notice date ${denial.noticeDate} is taken as that date`], flags: [], warnings: [] }
    case 'receipt_counted_from_notice_date':
      return {
        day: denial.noticeDate,
        steps: [`The rule counts from receipt${denial.receivedDate ? ` (${denial.receivedDate})` : ''}; counted from the letter date ${denial.noticeDate} to be safe`],
        flags: [],
        warnings: [],
      }
    case 'notice_receipt':
      if (isMedicare(facts)) return medicareReceipt(denial)
      if (denial.receivedDate) return { day: denial.receivedDate, steps: [`Counted from the day the notice was received, ${denial.receivedDate}`], flags: [], warnings: [] }
      return {
        day: denial.noticeDate,
        steps: [`Date received unknown: counted from the notice date ${denial.noticeDate} to be safe`],
        flags: ['received_date_assumed'],
        warnings: ['Enter the date the notice was received: the deadline counts from receipt.'],
      }
  }
}

/** Compares the law's date with the notice's stated deadline: longer governs, shorter is flagged but planned on. */
function applyStated(lawDue: DayString, stated: DayString | null, window: FilingWindow): { day: DayString; steps: string[]; flags: DeadlineFlag[] } {
  if (!stated) {
    return window.bound === 'ceiling'
      ? { day: lawDue, steps: [`The state may set a shorter window; without the notice's date the federal maximum ${lawDue} is shown`], flags: ['state_may_set_shorter'] }
      : { day: lawDue, steps: [], flags: [] }
  }
  if (stated === lawDue) return { day: lawDue, steps: [`The notice states the same date, ${stated}`], flags: [] }
  if (stated > lawDue) {
    return { day: stated, steps: [`The notice allows until ${stated}, later than ${lawDue}: the longer deadline governs (${NOTICE_GOVERNS})`], flags: ['notice_longer_than_law'] }
  }
  if (window.bound === 'ceiling') {
    return { day: stated, steps: [`The notice sets ${stated}, within the federal maximum ${lawDue} (the state may set a shorter window): ${stated} is used`], flags: ['notice_within_state_range'] }
  }
  return {
    day: stated,
    steps: [`The notice says ${stated}, earlier than the law allows (${lawDue}): a possible violation worth citing; the earlier date is used for planning (${window.citation})`],
    flags: ['notice_shorter_than_law'],
  }
}

function build(level: LadderLevel, window: FilingWindow, day: DayString, facts: CaseFacts, steps: string[], flags: DeadlineFlag[]): ComputedDeadline {
  const denial = facts.denial
  return {
    key: `file_${level.id}`,
    side: 'ours',
    labelKey: `deadline.file.${level.id}`,
    labelEn: `File ${LEVEL_NAMES_EN[level.id].charAt(0).toLowerCase()}${LEVEL_NAMES_EN[level.id].slice(1)}`,
    dueDate: day,
    dueAt: null,
    ruleId: window.ruleId,
    citation: window.citation,
    verified: window.verified,
    flags,
    explanation: {
      inputs: {
        planFamily: facts.planFamily,
        level: level.id,
        noticeDate: denial?.noticeDate ?? '',
        receivedDate: denial?.receivedDate ?? '',
        statedDeadline: denial?.statedDeadline ?? '',
        window: window.amount === null ? 'unknown' : `${window.amount} ${window.unit} from ${window.from}`,
      },
      steps,
    },
  }
}

/**
 * Our deadline to file the appeal at `level`, counted from the latest adverse notice.
 * Returns no deadline (and says why in `warnings`) when the notice date or the window is unknown.
 */
export function filingDeadline(facts: CaseFacts, level: LadderLevel, today: DayString): { deadline: ComputedDeadline | null; warnings: string[] } {
  const window = level.filingWindow
  const name = LEVEL_NAMES_EN[level.id]
  if (!window || level.isComplaint) return { deadline: null, warnings: [] }
  if (!facts.denial) return { deadline: null, warnings: [`Enter the date on the notice to compute the deadline to file: ${name}.`] }
  const denial = facts.denial
  if (window.amount === null) {
    if (!denial.statedDeadline) return { deadline: null, warnings: [`No legal filing window is known for ${name}: check the notice.`] }
    const steps = [`No legal window is encoded for this level (${window.citation}); the notice's own deadline ${denial.statedDeadline} is used`]
    return { deadline: withOverdue(build(level, window, denial.statedDeadline, facts, steps, ['from_notice_only']), facts, today), warnings: [] }
  }
  const start = resolveStart(facts, denial, window)
  const unit = window.unit === 'hours' ? 'calendar_days' : window.unit
  const counted = countPeriod(start.day, window.amount, unit, 'Start', window.citation)
  const stated = applyStated(counted.day, denial.statedDeadline, window)
  const warnings = [...start.warnings]
  if (stated.flags.includes('state_may_set_shorter')) warnings.push(`Your state may allow fewer than ${window.amount} days for ${name}: check the notice.`)
  const deadline = build(level, window, stated.day, facts, [...start.steps, ...counted.steps, ...stated.steps], [...start.flags, ...stated.flags])
  return { deadline: withOverdue(deadline, facts, today), warnings }
}

function withOverdue(deadline: ComputedDeadline, facts: CaseFacts, today: DayString): ComputedDeadline {
  if (today <= deadline.dueDate || facts.appealFiledOn) return deadline
  const goodCause = isMedicare(facts) ? ' Late filing may be accepted for good cause (42 CFR 405.942(b)).' : ''
  return {
    ...deadline,
    flags: [...deadline.flags, 'overdue'],
    explanation: { ...deadline.explanation, steps: [...deadline.explanation.steps, `This date passed (today is ${today}).${goodCause}`] },
  }
}
