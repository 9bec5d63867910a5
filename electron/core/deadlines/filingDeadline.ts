import { addCalendarDays, type DayString } from '../../../shared/domain/days'
import type { CaseFacts, ComputedDeadline, DeadlineFlag } from '../../../shared/domain/deadlines'
import { FILE_LABELS_EN, LEVEL_NAMES_EN, type FilingWindow, type LadderLevel } from '../../../shared/rules/ladders'
import { countPeriod } from './clockMath'

type Denial = NonNullable<CaseFacts['denial']>

interface Start {
  day: DayString
  /** Set when the legal start (a recorded receipt) is later than the safe one we would otherwise use. */
  cautiousDay?: DayString
  steps: string[]
  flags: DeadlineFlag[]
  warnings: string[]
}

const MEDICARE_PRESUMPTION = '42 CFR 405.942(a)(1), 405.962(a)(1), 423.582(b)(1)'
const NOTICE_GOVERNS = 'state law, the plan or the notice may give more time, never less'

export function isMedicare(facts: CaseFacts): boolean {
  return facts.planFamily.startsWith('medicare_')
}

/**
 * Medicare: a notice is presumed received 5 days after its date "unless there is evidence to the contrary"
 * (42 CFR 405.942(a)(1), 405.962(a)(1), 422.582(b), 423.582(b), 405.1014(b), 405.1102(a)(2)). An earlier
 * recorded receipt is used to be safe; a later recorded receipt is that evidence and moves the deadline.
 */
function medicareReceipt(denial: Denial, window: FilingWindow): Start {
  const presumed = addCalendarDays(denial.noticeDate, 5)
  const rule = window.receiptRule ?? MEDICARE_PRESUMPTION
  const steps = [`Notice dated ${denial.noticeDate} + 5 days mail presumption = ${presumed} (${rule})`]
  const received = denial.receivedDate
  if (received && received < presumed) {
    steps.push(`Received ${received}, earlier than presumed: the earlier date is used`)
    return { day: received, steps, flags: [], warnings: [] }
  }
  if (received && received > presumed) {
    steps.push(
      `The notice was received on ${received}, after the presumed ${presumed}. The rule counts from receipt and the presumption gives way to evidence of a later receipt (${rule}), so the window counts from ${received}. Keep the proof of that date (envelope, portal time stamp or a dated note).`,
    )
    return { day: received, cautiousDay: presumed, steps, flags: ['receipt_later_than_presumed'], warnings: [] }
  }
  return { day: presumed, steps, flags: [], warnings: [] }
}

/** Rules that count from receipt outside Medicare (ERISA 180 days, ACA four months): a recorded receipt moves the start. */
function recordedReceipt(denial: Denial, window: FilingWindow): Start | null {
  const received = denial.receivedDate
  if (!received) return null
  if (received <= denial.noticeDate) return { day: denial.noticeDate, steps: [`Counted from the date on the notice, ${denial.noticeDate}`], flags: [], warnings: [] }
  const rule = window.receiptRule ?? window.citation
  return {
    day: received,
    cautiousDay: denial.noticeDate,
    steps: [`The rule counts from receipt (${rule}); the notice dated ${denial.noticeDate} was received on ${received}, so the window counts from ${received}`],
    flags: ['receipt_later_than_presumed'],
    warnings: [],
  }
}

function resolveStart(facts: CaseFacts, denial: Denial, window: FilingWindow): Start {
  switch (window.from) {
    case 'notice_date':
      return { day: denial.noticeDate, steps: [`Counted from the date on the notice, ${denial.noticeDate}`], flags: [], warnings: [] }
    case 'notice_mailed':
      return { day: denial.noticeDate, steps: [`Counted from the mailing date; the notice date ${denial.noticeDate} is taken as that date`], flags: [], warnings: [] }
    case 'receipt_counted_from_notice_date':
      return (
        recordedReceipt(denial, window) ?? {
          day: denial.noticeDate,
          steps: [`The rule counts from receipt; with no receipt date recorded, counted from the letter date ${denial.noticeDate} to be safe`],
          flags: [],
          warnings: [],
        }
      )
    case 'notice_receipt':
      if (isMedicare(facts)) return medicareReceipt(denial, window)
      return (
        recordedReceipt(denial, window) ?? {
          day: denial.noticeDate,
          steps: [`Date received unknown: counted from the notice date ${denial.noticeDate} to be safe`],
          flags: ['received_date_assumed'],
          warnings: ['Enter the date the notice was received: the deadline counts from receipt.'],
        }
      )
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
    labelEn: FILE_LABELS_EN[level.id],
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
  const cautious = start.cautiousDay ? cautiousDate(start.cautiousDay, window, unit, stated.day, today) : null
  const deadline = build(level, window, stated.day, facts, [...start.steps, ...counted.steps, ...stated.steps, ...(cautious?.steps ?? [])], [...start.flags, ...stated.flags, ...(cautious?.flags ?? [])])
  if (cautious && cautious.day < deadline.dueDate) deadline.cautiousDate = cautious.day
  return { deadline: withOverdue(deadline, facts, today), warnings }
}

/**
 * The safe date counted from the notice (or the presumed receipt) when a later receipt is recorded. Once it
 * has passed while the legal window is still open, the case is "still within the legal window", not overdue.
 */
function cautiousDate(from: DayString, window: FilingWindow, unit: 'calendar_days' | 'business_days' | 'months', legal: DayString, today: DayString) {
  const day = countPeriod(from, window.amount ?? 0, unit, 'Start', window.citation).day
  if (day >= legal) return null
  if (today > day && today <= legal) {
    return { day, flags: ['within_legal_window'] as DeadlineFlag[], steps: [`The cautious date counted without the later receipt, ${day}, has passed, but the legal window is open until ${legal}: still within the legal window. File as soon as you can and enclose the proof of the date of receipt.`] }
  }
  return { day, flags: [] as DeadlineFlag[], steps: [`To be safe, aim to file by ${day}, the date counted without the later receipt; the legal deadline is ${legal}.`] }
}

/** Where each Medicare level lets a late request in for good cause (QIC: 405.962(b), not 405.942(b)). */
const GOOD_CAUSE: Record<string, Record<string, string>> = {
  redetermination: { default: '42 CFR 405.942(b)', medicare_part_d: '42 CFR 423.582(c)' },
  qic_reconsideration: { default: '42 CFR 405.962(b)' },
  plan_reconsideration: { default: '42 CFR 422.582(c)' },
  alj: { default: '42 CFR 405.1014(e)' },
}

function withOverdue(deadline: ComputedDeadline, facts: CaseFacts, today: DayString): ComputedDeadline {
  if (today <= deadline.dueDate || facts.appealFiledOn) return deadline
  const cause = GOOD_CAUSE[deadline.key.replace(/^file_/, '')]
  const goodCause = isMedicare(facts) && cause ? ` Late filing may be accepted for good cause (${cause[facts.planFamily] ?? cause.default}).` : ''
  return {
    ...deadline,
    flags: [...deadline.flags, 'overdue'],
    explanation: { ...deadline.explanation, steps: [...deadline.explanation.steps, `This date passed (today is ${today}).${goodCause}`] },
  }
}
