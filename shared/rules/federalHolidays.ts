import { allForYear } from '@18f/us-federal-holidays'
import type { DayString } from '../domain/days'

/**
 * US federal holidays as OPM publishes them (5 U.S.C. 6103; Executive Order 11582 for weekend observance):
 * a holiday on a Saturday is observed the Friday before, one on a Sunday the Monday after. The list
 * comes from 18F's maintained `@18f/us-federal-holidays` (checked against OPM's tables in
 * tests/unit/deadlines/federalHolidays.test.ts, in three time zones); this file only arranges it by
 * observed day. Juneteenth counts from 2021 (Pub. L. 117-17).
 */
export interface FederalHoliday {
  /** The day it is observed (the day federal offices close). */
  observed: DayString
  /** The legal date (differs from `observed` when it falls on a weekend). */
  actual: DayString
  nameEn: string
}

/** The package formats days in local time from local dates, so its strings are calendar days in any zone. */
function holidaysOfLegalYear(year: number): FederalHoliday[] {
  const observed = allForYear(year)
  const actual = allForYear(year, { shiftSaturdayHolidays: false, shiftSundayHolidays: false })
  return observed.map((h, i) => ({ observed: h.dateString, actual: actual[i].dateString, nameEn: h.name }))
}

const byYear = new Map<number, FederalHoliday[]>()

/** Holidays observed in `year` (cached: business-day counts ask about every day they step over). */
function observedIn(year: number): FederalHoliday[] {
  let list = byYear.get(year)
  if (!list) {
    list = [...holidaysOfLegalYear(year), ...holidaysOfLegalYear(year + 1)]
      .filter((h) => h.observed.startsWith(`${year}-`))
      .sort((a, b) => a.observed.localeCompare(b.observed))
    byYear.set(year, list)
  }
  return list
}

/**
 * Federal holidays observed during calendar `year`, in date order, as OPM lists them.
 * New Year's Day falling on a Saturday is observed on December 31 of the year before, so it is
 * listed under that earlier year (OPM does the same, e.g. Friday 2027-12-31 for 2028).
 */
export const federalHolidays = (year: number): FederalHoliday[] => observedIn(year).map((h) => ({ ...h }))

/** The holiday observed on `day`, if any (used to explain a roll-forward). */
export const federalHolidayOn = (day: DayString): FederalHoliday | null => observedIn(Number(day.slice(0, 4))).find((h) => h.observed === day) ?? null

/** True when `day` is the observed date of a federal holiday. */
export const isFederalHoliday = (day: DayString): boolean => federalHolidayOn(day) !== null
