import { addCalendarDays, dayOfInstant, type DayString } from '../../../shared/domain/days'
import {
  addBusinessDays,
  addMonthsOrFirstOfNext,
  nextBusinessDayOnOrAfter,
  nonBusinessReason,
} from '../../../shared/rules/businessDays'
import type { ClockUnit } from '../../../shared/rules/ladders'

/** A computed day and the plain-English arithmetic that produced it. */
export interface Counted {
  day: DayString
  steps: string[]
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function unitLabel(amount: number, unit: ClockUnit): string {
  const words: Record<ClockUnit, string> = { calendar_days: 'calendar day', business_days: 'business day', hours: 'hour', months: 'month' }
  return `${amount} ${words[unit]}${amount === 1 ? '' : 's'}`
}

/** Non-business days strictly after `from` up to `to`, named, for explaining a business-day count. */
function skippedDays(from: DayString, to: DayString): string[] {
  const skipped: string[] = []
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) {
    const reason = nonBusinessReason(d)
    if (reason && reason !== 'Saturday' && reason !== 'Sunday') skipped.push(`${d} ${reason}`)
  }
  return skipped
}

/**
 * Counts a day-based period from `start` (the start day is day 0, as 29 CFR 2560.503-1 and 42 CFR 405 count).
 * Calendar days never roll forward; months use the ACA four-month rule (45 CFR 147.136(d)(2)(i)).
 */
export function countPeriod(start: DayString, amount: number, unit: Exclude<ClockUnit, 'hours'>, startLabel: string, citation: string): Counted {
  if (unit === 'calendar_days') {
    const day = addCalendarDays(start, amount)
    return { day, steps: [`${startLabel} ${start} + ${unitLabel(amount, unit)} = ${day} (${citation})`] }
  }
  if (unit === 'business_days') {
    const day = addBusinessDays(start, amount)
    const skipped = skippedDays(start, day)
    const note = skipped.length ? `, skipping weekends and ${skipped.join(', ')}` : ', skipping weekends'
    return { day, steps: [`${startLabel} ${start} + ${unitLabel(amount, unit)}${note} = ${day} (${citation})`] }
  }
  return countMonths(start, amount, startLabel, citation)
}

function countMonths(start: DayString, amount: number, startLabel: string, citation: string): Counted {
  const raw = addMonthsOrFirstOfNext(start, amount)
  const steps: string[] = []
  if (raw.hadNoSuchDay) {
    const [y, m] = start.split('-').map(Number)
    const monthName = MONTH_NAMES[(m - 1 + amount) % 12]
    const year = y + Math.floor((m - 1 + amount) / 12)
    steps.push(`${startLabel} ${start} + ${unitLabel(amount, 'months')}: ${monthName} ${year} has no day ${Number(start.slice(8))}, so the first day of the next month, ${raw.day} (${citation})`)
  } else {
    steps.push(`${startLabel} ${start} + ${unitLabel(amount, 'months')} = ${raw.day} (${citation})`)
  }
  const day = nextBusinessDayOnOrAfter(raw.day)
  if (day !== raw.day) {
    const reason = nonBusinessReason(raw.day) ?? ''
    const what = reason.endsWith('day') && !reason.includes('(') ? `a ${reason}` : reason
    steps.push(`${raw.day} is ${what}, so the next business day: ${day} (${citation})`)
  }
  return { day, steps }
}

export interface CountedHours extends Counted {
  dueAt: string | null
  isTimeUnknown: boolean
}

/**
 * An hour clock runs continuously through nights, weekends and holidays (29 CFR 2560.503-1(i)(2)(i):
 * "not later than 72 hours after receipt"). Without a start instant we count from the end of the start day,
 * so a payer is never called late before it truly is.
 */
export function countHours(startAt: string | null, startDay: DayString, hours: number, timeZone: string, citation: string, startLabel: string): CountedHours {
  if (startAt) {
    const dueAt = new Date(Date.parse(startAt) + hours * 3_600_000).toISOString()
    const day = dayOfInstant(dueAt, timeZone)
    const steps = [`${startLabel} ${startAt} + ${hours} hours, running through nights, weekends and holidays = ${dueAt}, which is ${day} in ${timeZone} (${citation})`]
    return { day, dueAt, isTimeUnknown: false, steps }
  }
  const day = addCalendarDays(startDay, Math.ceil(hours / 24))
  const steps = [`${startLabel} ${startDay}, time unknown: ${hours} hours counted from the end of that day = end of ${day} (${citation})`]
  return { day, dueAt: null, isTimeUnknown: true, steps }
}
