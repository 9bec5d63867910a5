import type { DayString } from '../domain/days'

/**
 * US federal holidays as OPM publishes them (5 U.S.C. 6103; Executive Order 11582 for weekend observance):
 * a holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after.
 * Everything is computed on UTC calendar days so no local time zone can move a holiday.
 * Valid from 1986 (MLK Day); Monday holidays follow the Uniform Monday Holiday Act (1971).
 */
export interface FederalHoliday {
  /** The day it is observed (the day federal offices close). */
  observed: DayString
  /** The legal date (differs from `observed` when it falls on a weekend). */
  actual: DayString
  nameEn: string
}

const DAY_MS = 86_400_000

function toDay(year: number, monthIndex: number, date: number): DayString {
  return new Date(Date.UTC(year, monthIndex, date)).toISOString().slice(0, 10)
}

/** The `nth` given weekday (0 = Sunday) of a month; nth = -1 means the last one. */
function nthWeekday(year: number, monthIndex: number, weekday: number, nth: number): DayString {
  if (nth > 0) {
    const firstWeekday = new Date(Date.UTC(year, monthIndex, 1)).getUTCDay()
    const date = 1 + ((weekday - firstWeekday + 7) % 7) + (nth - 1) * 7
    return toDay(year, monthIndex, date)
  }
  const lastDate = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
  const lastWeekday = new Date(Date.UTC(year, monthIndex, lastDate)).getUTCDay()
  return toDay(year, monthIndex, lastDate - ((lastWeekday - weekday + 7) % 7))
}

/** Saturday → Friday before, Sunday → Monday after (5 U.S.C. 6103(b); E.O. 11582). */
function observedDay(actual: DayString): DayString {
  const ms = Date.parse(`${actual}T00:00:00Z`)
  const weekday = new Date(ms).getUTCDay()
  if (weekday === 6) return new Date(ms - DAY_MS).toISOString().slice(0, 10)
  if (weekday === 0) return new Date(ms + DAY_MS).toISOString().slice(0, 10)
  return actual
}

/** Every holiday whose legal date falls in `year`, before moving weekend dates. */
function legalHolidays(year: number): Array<{ actual: DayString; nameEn: string }> {
  const fixed = (monthIndex: number, date: number, nameEn: string) => ({ actual: toDay(year, monthIndex, date), nameEn })
  const list = [
    fixed(0, 1, "New Year's Day"),
    { actual: nthWeekday(year, 0, 1, 3), nameEn: 'Birthday of Martin Luther King, Jr.' },
    { actual: nthWeekday(year, 1, 1, 3), nameEn: "Washington's Birthday" },
    { actual: nthWeekday(year, 4, 1, -1), nameEn: 'Memorial Day' },
    fixed(6, 4, 'Independence Day'),
    { actual: nthWeekday(year, 8, 1, 1), nameEn: 'Labor Day' },
    { actual: nthWeekday(year, 9, 1, 2), nameEn: 'Columbus Day' },
    fixed(10, 11, 'Veterans Day'),
    { actual: nthWeekday(year, 10, 4, 4), nameEn: 'Thanksgiving Day' },
    fixed(11, 25, 'Christmas Day'),
  ]
  // Juneteenth National Independence Day Act (Pub. L. 117-17), first observed June 18, 2021.
  if (year >= 2021) list.splice(4, 0, fixed(5, 19, 'Juneteenth National Independence Day'))
  return list
}

/**
 * Federal holidays observed during calendar `year`, in date order, as OPM lists them.
 * New Year's Day falling on a Saturday is observed on December 31 of the year before, so it is
 * listed under that earlier year (OPM does the same, e.g. Friday 2027-12-31 for 2028).
 */
export function federalHolidays(year: number): FederalHoliday[] {
  const all = [...legalHolidays(year), ...legalHolidays(year + 1).slice(0, 1)]
  return all
    .map((h) => ({ ...h, observed: observedDay(h.actual) }))
    .filter((h) => h.observed.startsWith(`${year}-`))
    .sort((a, b) => a.observed.localeCompare(b.observed))
}

const cache = new Map<number, Set<DayString>>()

/** True when `day` is the observed date of a federal holiday. */
export function isFederalHoliday(day: DayString): boolean {
  const year = Number(day.slice(0, 4))
  let set = cache.get(year)
  if (!set) {
    set = new Set(federalHolidays(year).map((h) => h.observed))
    cache.set(year, set)
  }
  return set.has(day)
}

/** The holiday observed on `day`, if any (used to explain a roll-forward). */
export function federalHolidayOn(day: DayString): FederalHoliday | null {
  return federalHolidays(Number(day.slice(0, 4))).find((h) => h.observed === day) ?? null
}
