import { describe, expect, it } from 'vitest'
import { federalHolidays, isFederalHoliday } from '../../../shared/rules/federalHolidays'

// OPM "Federal Holidays" tables (opm.gov/policy-data-oversight/pay-leave/federal-holidays), observed dates.
const OPM: Record<number, string[]> = {
  2025: [
    '2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04',
    '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25',
  ],
  2026: [
    '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19',
    '2026-07-03', // July 4 is a Saturday
    '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
  ],
  2027: [
    '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31',
    '2027-06-18', // June 19 is a Saturday
    '2027-07-05', // July 4 is a Sunday
    '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25',
    '2027-12-24', // Christmas is a Saturday
    '2027-12-31', // New Year's Day 2028 is a Saturday
  ],
}

describe('federalHolidays', () => {
  it.each(Object.entries(OPM))('matches OPM for %s', (year, expected) => {
    expect(federalHolidays(Number(year)).map((h) => h.observed)).toEqual(expected)
  })

  it('records the legal date behind a weekend observance', () => {
    const july = federalHolidays(2026).find((h) => h.nameEn === 'Independence Day')
    expect(july).toEqual({ observed: '2026-07-03', actual: '2026-07-04', nameEn: 'Independence Day' })
  })

  it('lists no New Year holiday in 2028 itself (observed 2027-12-31)', () => {
    expect(federalHolidays(2028)[0].observed).toBe('2028-01-17')
  })

  it('adds Juneteenth from 2021 only (first observed Friday 2021-06-18)', () => {
    expect(federalHolidays(2020).some((h) => h.nameEn.startsWith('Juneteenth'))).toBe(false)
    expect(federalHolidays(2021).find((h) => h.nameEn.startsWith('Juneteenth'))?.observed).toBe('2021-06-18')
  })

  it('puts New Year 2022 (a Saturday) on Friday 2021-12-31', () => {
    expect(federalHolidays(2021).at(-1)?.observed).toBe('2021-12-31')
    expect(isFederalHoliday('2022-01-01')).toBe(false)
  })

  it.each(['2026-07-04', '2027-06-19', '2027-12-25', '2026-07-06'])('%s is not an observed holiday', (day) => {
    expect(isFederalHoliday(day)).toBe(false)
  })

  // The list comes from 18F's package; what this file adds is the arrangement by observed day.
  it.each(Array.from({ length: 2060 - 1990 + 1 }, (_, i) => 1990 + i))('observes every %i holiday on a weekday next to its legal date', (year) => {
    const list = federalHolidays(year)
    expect(list.length).toBeGreaterThanOrEqual(9)
    for (const h of list) {
      const weekday = new Date(`${h.observed}T00:00:00Z`).getUTCDay()
      expect(weekday, h.observed).not.toBe(0)
      expect(weekday, h.observed).not.toBe(6)
      const shift = (Date.parse(h.actual) - Date.parse(h.observed)) / 86_400_000
      expect([0, 1, -1], `${h.nameEn} ${h.actual}`).toContain(shift)
      expect(h.observed.startsWith(`${year}-`)).toBe(true)
    }
    expect(new Set(list.map((h) => h.observed)).size).toBe(list.length)
  })
})
