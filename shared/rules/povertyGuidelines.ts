import type { UsState } from '../domain/enums'
import type { PovertyRegion, Verification } from '../domain/screening'

/**
 * HHS poverty guidelines as data (domain-rules.md §6A). The guideline for a household is
 * `firstPerson + (size − 1) × perAdditionalPerson`, for any size (HHS publishes an add-on amount for
 * each person beyond 8, which is the same increment).
 */
export interface PovertyGuideline {
  year: number
  /** The day HHS made the year's guidelines effective; programs may choose another (see below). */
  effectiveOn: string
  region: PovertyRegion
  firstPerson: number
  perAdditionalPerson: number
  /** How well each figure is confirmed (legend at the top of domain-rules.md). */
  firstPersonVerification: Verification
  perAdditionalPersonVerification: Verification
  citation: string
}

const ASPE = 'aspe.hhs.gov/poverty-guidelines'
const FR_2026 = 'HHS poverty guidelines 2026, 91 FR 1797 (Jan. 15, 2026), FR Doc. 2026-00755; ' + ASPE
const FR_2025 = 'HHS poverty guidelines 2025, 90 FR 5917 (Jan. 17, 2025), FR Doc. 2025-01377 (figures via secondary summaries)'

export const POVERTY_GUIDELINES: readonly PovertyGuideline[] = [
  { year: 2026, effectiveOn: '2026-01-13', region: 'contiguous', firstPerson: 15_960, perAdditionalPerson: 5_680, firstPersonVerification: 'V', perAdditionalPersonVerification: 'V', citation: FR_2026 },
  { year: 2026, effectiveOn: '2026-01-13', region: 'alaska', firstPerson: 19_950, perAdditionalPerson: 7_100, firstPersonVerification: 'V', perAdditionalPersonVerification: 'V', citation: FR_2026 },
  { year: 2026, effectiveOn: '2026-01-13', region: 'hawaii', firstPerson: 18_360, perAdditionalPerson: 6_530, firstPersonVerification: 'V', perAdditionalPersonVerification: 'V', citation: FR_2026 },
  { year: 2025, effectiveOn: '2025-01-15', region: 'contiguous', firstPerson: 15_650, perAdditionalPerson: 5_500, firstPersonVerification: 'S', perAdditionalPersonVerification: 'S', citation: FR_2025 },
  // The 2025 Alaska and Hawaii add-on amounts were not confirmed by a readable source (domain-rules.md §8 item 2).
  { year: 2025, effectiveOn: '2025-01-15', region: 'alaska', firstPerson: 19_550, perAdditionalPerson: 6_880, firstPersonVerification: 'S', perAdditionalPersonVerification: 'U', citation: FR_2025 },
  { year: 2025, effectiveOn: '2025-01-15', region: 'hawaii', firstPerson: 17_990, perAdditionalPerson: 6_330, firstPersonVerification: 'S', perAdditionalPersonVerification: 'U', citation: FR_2025 },
]

export const GUIDELINE_YEARS: readonly number[] = [...new Set(POVERTY_GUIDELINES.map((g) => g.year))].sort((a, b) => b - a)

/**
 * The guideline region of a state. HHS publishes separate figures for Alaska and Hawaii; the 48
 * contiguous states and DC share one table. Territories have no HHS guideline region, so null.
 */
export function povertyRegionOf(state: UsState): PovertyRegion | null {
  if (state === 'AK') return 'alaska'
  if (state === 'HI') return 'hawaii'
  if (['PR', 'GU', 'VI', 'AS', 'MP'].includes(state)) return null
  return 'contiguous'
}

/**
 * The year to use on `day`: the program's own year when it names one (HHS lets an office that
 * administers a program set a different effective date — 91 FR 1797), otherwise the newest year
 * already in effect. Before the oldest table's effective date, the oldest year.
 */
export function guidelineYearFor(day: string, programYear: number | null): number | null {
  if (programYear !== null) return GUIDELINE_YEARS.includes(programYear) ? programYear : null
  const inEffect = POVERTY_GUIDELINES.filter((g) => g.effectiveOn <= day).map((g) => g.year)
  return inEffect.length ? Math.max(...inEffect) : GUIDELINE_YEARS[GUIDELINE_YEARS.length - 1]
}

export function findGuideline(year: number, region: PovertyRegion): PovertyGuideline | null {
  return POVERTY_GUIDELINES.find((g) => g.year === year && g.region === region) ?? null
}

/** The guideline amount for a household of `size` (≥ 1) and how well it is confirmed. */
export function guidelineAmount(guideline: PovertyGuideline, size: number): { amount: number; verification: Verification } {
  const amount = guideline.firstPerson + (size - 1) * guideline.perAdditionalPerson
  const verification = size === 1 ? guideline.firstPersonVerification : worstVerification(guideline.firstPersonVerification, guideline.perAdditionalPersonVerification)
  return { amount, verification }
}

const RANK: Record<Verification, number> = { V: 0, S: 1, U: 2 }
export function worstVerification(...values: Verification[]): Verification {
  return values.reduce((worst, v) => (RANK[v] > RANK[worst] ? v : worst), 'V')
}
