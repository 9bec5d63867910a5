import { addCalendarDays, utcMsToDay, weekdayOf, type DayString } from '../domain/days'
import { federalHolidayOn, isFederalHoliday } from './federalHolidays'

export function isWeekend(day: DayString): boolean {
  const weekday = weekdayOf(day)
  return weekday === 0 || weekday === 6
}

/** A business day is a weekday that is not an observed federal holiday. */
export function isBusinessDay(day: DayString): boolean {
  return !isWeekend(day) && !isFederalHoliday(day)
}

/** Why `day` is not a business day ("Saturday", "Juneteenth …"), or null when it is one. */
export function nonBusinessReason(day: DayString): string | null {
  const weekday = weekdayOf(day)
  if (weekday === 6) return 'Saturday'
  if (weekday === 0) return 'Sunday'
  const holiday = federalHolidayOn(day)
  return holiday ? `${holiday.nameEn} (federal holiday, observed)` : null
}

/** `day` itself when it is a business day, else the first business day after it. */
export function nextBusinessDayOnOrAfter(day: DayString): DayString {
  let current = day
  while (!isBusinessDay(current)) current = addCalendarDays(current, 1)
  return current
}

/**
 * Counts `count` business days after `day` (the start day itself is not counted, as with calendar
 * periods). addBusinessDays(Fri, 1) = Mon. Negative counts go backwards.
 */
export function addBusinessDays(day: DayString, count: number): DayString {
  const step = count < 0 ? -1 : 1
  let remaining = Math.abs(count)
  let current = day
  while (remaining > 0) {
    current = addCalendarDays(current, step)
    if (isBusinessDay(current)) remaining -= 1
  }
  return current
}

function lastDateOfMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
}

/**
 * The same date `months` later; when that month has no such date, the first day of the month after
 * (45 CFR 147.136(d)(2)(i): Oct 30 + 4 months → Mar 1). No weekend/holiday adjustment here.
 */
export function addMonthsOrFirstOfNext(day: DayString, months: number): { day: DayString; hadNoSuchDay: boolean } {
  const [y, m, d] = day.split('-').map(Number)
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const ty = target.getUTCFullYear()
  const tm = target.getUTCMonth()
  if (d <= lastDateOfMonth(ty, tm)) {
    return { day: utcMsToDay(Date.UTC(ty, tm, d)), hadNoSuchDay: false }
  }
  return { day: utcMsToDay(Date.UTC(ty, tm + 1, 1)), hadNoSuchDay: true }
}

/**
 * The ACA external-review four-month rule (45 CFR 147.136(d)(2)(i)) for any month count: same date
 * `months` later, or the first of the following month when there is no such date; then, if that
 * day is a Saturday, Sunday or federal holiday, the next business day.
 */
export function addMonthsAcaRule(day: DayString, months: number): DayString {
  return nextBusinessDayOnOrAfter(addMonthsOrFirstOfNext(day, months).day)
}
