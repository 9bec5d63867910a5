/**
 * Day values (a notice date, a deadline) are `YYYY-MM-DD` strings, never `Date` at local midnight,
 * so that no time zone can shift them by a day (STYLE.md, Database). Arithmetic is done in UTC.
 * This file is the home of calendar arithmetic; business days and the months rule, which need the
 * federal holidays, are in shared/rules/businessDays.ts; the deadline engine's explained counting in
 * electron/core/deadlines/clockMath.ts uses both and does no arithmetic of its own.
 */
export type DayString = string

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isDayString(value: string): boolean {
  const match = DAY_PATTERN.exec(value)
  if (!match) return false
  const [, y, m, d] = match
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d)
}

export function dayToUtcMs(day: DayString): number {
  const [y, m, d] = day.split('-').map(Number)
  return Date.UTC(y, m - 1, d)
}

export function utcMsToDay(ms: number): DayString {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addCalendarDays(day: DayString, days: number): DayString {
  return utcMsToDay(dayToUtcMs(day) + days * 86_400_000)
}

/** 0 = Sunday … 6 = Saturday, on the UTC calendar. */
export function weekdayOf(day: DayString): number {
  return new Date(dayToUtcMs(day)).getUTCDay()
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: DayString, to: DayString): number {
  return Math.round((dayToUtcMs(to) - dayToUtcMs(from)) / 86_400_000)
}

/** The local calendar day of an instant, for "today" in the user's own zone. */
export function localDayOf(instant: Date): DayString {
  const y = instant.getFullYear()
  const m = String(instant.getMonth() + 1).padStart(2, '0')
  const d = String(instant.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** The calendar day of an instant in an IANA zone (UTC when the zone is unknown). Pure ECMA-402, no host zone. */
export function dayOfInstant(iso: string, timeZone = 'UTC'): DayString {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  } catch {
    format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
  }
  const parts = format.formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')}`
}
