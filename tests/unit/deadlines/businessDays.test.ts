import { describe, expect, it } from 'vitest'
import {
  addBusinessDays,
  addMonthsAcaRule,
  addMonthsOrFirstOfNext,
  isBusinessDay,
  nextBusinessDayOnOrAfter,
} from '../../../shared/rules/businessDays'

describe('isBusinessDay', () => {
  it.each([
    ['2026-03-02', true, 'Monday'],
    ['2026-03-07', false, 'Saturday'],
    ['2026-03-08', false, 'Sunday'],
    ['2026-07-03', false, 'Independence Day observed (Friday)'],
    ['2026-07-04', false, 'Saturday, the legal holiday'],
    ['2027-06-18', false, 'Juneteenth observed (Friday)'],
    ['2027-12-24', false, 'Christmas observed'],
    ['2027-12-31', false, 'New Year 2028 observed'],
    ['2028-02-29', true, 'leap day, a Tuesday'],
  ])('%s → %s (%s)', (day, expected) => {
    expect(isBusinessDay(day)).toBe(expected)
  })
})

describe('addBusinessDays', () => {
  it.each([
    ['2026-03-06', 1, '2026-03-09', 'Friday + 1 = Monday'],
    ['2026-03-02', 5, '2026-03-09', 'a full week'],
    ['2026-07-01', 3, '2026-07-07', 'skips Fri Jul 3 (observed) and the weekend'],
    ['2026-11-25', 3, '2026-12-01', 'skips Thanksgiving and the weekend'],
    ['2027-12-23', 1, '2027-12-27', 'skips observed Christmas and the weekend'],
    ['2027-12-30', 1, '2028-01-03', 'year end: skips observed New Year (Dec 31) and the weekend'],
    ['2026-12-31', 1, '2027-01-04', 'year end: skips New Year (Fri) and the weekend'],
    ['2028-02-28', 1, '2028-02-29', 'leap day'],
    ['2026-03-09', -1, '2026-03-06', 'backwards'],
    ['2026-03-09', 0, '2026-03-09', 'zero'],
  ])('%s + %i = %s (%s)', (day, count, expected) => {
    expect(addBusinessDays(day, count)).toBe(expected)
  })
})

describe('nextBusinessDayOnOrAfter', () => {
  it.each([
    ['2026-03-02', '2026-03-02'],
    ['2026-03-07', '2026-03-09'],
    ['2026-07-03', '2026-07-06'],
    ['2027-12-24', '2027-12-27'],
    ['2027-12-31', '2028-01-03'],
    ['2026-01-17', '2026-01-20'], // Sat, Sun, then MLK Day Monday
  ])('%s → %s', (day, expected) => {
    expect(nextBusinessDayOnOrAfter(day)).toBe(expected)
  })
})

describe('the ACA four-month rule (45 CFR 147.136(d)(2)(i))', () => {
  it.each([
    ['2026-10-30', { day: '2027-03-01', hadNoSuchDay: true }, 'Oct 30 → Mar 1 (no Feb 30)'],
    ['2026-10-31', { day: '2027-03-01', hadNoSuchDay: true }, 'Oct 31 → Mar 1'],
    ['2026-10-29', { day: '2027-03-01', hadNoSuchDay: true }, 'no Feb 29 in 2027'],
    ['2027-10-29', { day: '2028-02-29', hadNoSuchDay: false }, 'leap year has Feb 29'],
    ['2027-10-30', { day: '2028-03-01', hadNoSuchDay: true }, 'leap year still has no Feb 30'],
    ['2028-02-29', { day: '2028-06-29', hadNoSuchDay: false }, 'from a leap day'],
    ['2026-03-15', { day: '2026-07-15', hadNoSuchDay: false }, 'plain case'],
    ['2026-09-01', { day: '2027-01-01', hadNoSuchDay: false }, 'crosses the year'],
  ])('same date 4 months later: %s', (day, expected) => {
    expect(addMonthsOrFirstOfNext(day, 4)).toEqual(expected)
  })

  it.each([
    ['2026-10-30', '2027-03-01', 'Mar 1 2027 is a Monday'],
    ['2025-10-30', '2026-03-02', 'Mar 1 2026 is a Sunday → Monday'],
    ['2026-09-01', '2027-01-04', 'New Year (Friday) → Monday'],
    ['2026-02-19', '2026-06-22', 'Juneteenth (Friday) → Monday'],
    ['2027-08-24', '2027-12-27', 'observed Christmas (Friday Dec 24) → Monday'],
    ['2027-08-31', '2028-01-03', 'observed New Year (Friday Dec 31) → Monday Jan 3'],
    ['2026-03-04', '2026-07-06', 'Jul 4 is a Saturday, Jul 3 observed… Jul 4 itself → Monday Jul 6'],
    ['2027-10-30', '2028-03-01', 'leap year: Mar 1 2028 is a Wednesday'],
  ])('with business-day roll: %s → %s (%s)', (day, expected) => {
    expect(addMonthsAcaRule(day, 4)).toBe(expected)
  })
})
