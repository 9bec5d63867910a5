import { describe, expect, it } from 'vitest'
import { POVERTY_GUIDELINES, findGuideline, guidelineAmount, guidelineYearFor, povertyRegionOf } from '../../../shared/rules/povertyGuidelines'

// Published 2026 tables for persons 1–8 (domain-rules.md §6A, aspe.hhs.gov).
const TABLE_2026 = {
  contiguous: [15_960, 21_640, 27_320, 33_000, 38_680, 44_360, 50_040, 55_720],
  alaska: [19_950, 27_050, 34_150, 41_250, 48_350, 55_450, 62_550, 69_650],
  hawaii: [18_360, 24_890, 31_420, 37_950, 44_480, 51_010, 57_540, 64_070],
} as const

describe('HHS poverty guidelines as data', () => {
  for (const [region, amounts] of Object.entries(TABLE_2026)) {
    it(`2026 ${region}: households of 1 to 8 match the published table`, () => {
      const g = findGuideline(2026, region as keyof typeof TABLE_2026)!
      amounts.forEach((amount, i) => expect(guidelineAmount(g, i + 1)).toEqual({ amount, verification: 'V' }))
    })
  }

  it('households beyond 8 add the per-person amount for each extra person', () => {
    const g = findGuideline(2026, 'contiguous')!
    expect(guidelineAmount(g, 9).amount).toBe(55_720 + 5_680)
    expect(guidelineAmount(g, 10).amount).toBe(55_720 + 2 * 5_680)
    expect(guidelineAmount(g, 14).amount).toBe(15_960 + 13 * 5_680)
    expect(guidelineAmount(findGuideline(2026, 'alaska')!, 10).amount).toBe(69_650 + 2 * 7_100)
    expect(guidelineAmount(findGuideline(2026, 'hawaii')!, 10).amount).toBe(64_070 + 2 * 6_530)
  })

  it('2025: the 4-person figures; Alaska and Hawaii add-ons carry the verify flag', () => {
    expect(guidelineAmount(findGuideline(2025, 'contiguous')!, 4)).toEqual({ amount: 32_150, verification: 'S' })
    expect(guidelineAmount(findGuideline(2025, 'alaska')!, 4)).toEqual({ amount: 40_190, verification: 'U' })
    expect(guidelineAmount(findGuideline(2025, 'hawaii')!, 4)).toEqual({ amount: 36_980, verification: 'U' })
    // A household of one uses only the base amount, which a secondary source confirms.
    expect(guidelineAmount(findGuideline(2025, 'alaska')!, 1)).toEqual({ amount: 19_550, verification: 'S' })
  })

  it('every row names its source', () => {
    for (const g of POVERTY_GUIDELINES) expect(g.citation).toMatch(/FR/)
    expect(POVERTY_GUIDELINES).toHaveLength(6)
  })

  it('maps states to regions: Alaska, Hawaii, DC with the 48 states, territories to none', () => {
    expect(povertyRegionOf('AK')).toBe('alaska')
    expect(povertyRegionOf('HI')).toBe('hawaii')
    expect(povertyRegionOf('DC')).toBe('contiguous')
    expect(povertyRegionOf('TX')).toBe('contiguous')
    expect(povertyRegionOf('PR')).toBeNull()
    expect(povertyRegionOf('GU')).toBeNull()
  })

  it('uses the newest year in effect on the day, or the year a program names', () => {
    expect(guidelineYearFor('2026-01-12', null)).toBe(2025)
    expect(guidelineYearFor('2026-01-13', null)).toBe(2026)
    expect(guidelineYearFor('2024-06-01', null)).toBe(2025)
    expect(guidelineYearFor('2026-11-25', 2025)).toBe(2025)
    expect(guidelineYearFor('2026-11-25', 2019)).toBeNull()
  })
})
