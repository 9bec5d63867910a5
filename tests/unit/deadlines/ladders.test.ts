import { describe, expect, it } from 'vitest'
import { PLAN_FAMILIES, STAGES } from '../../../shared/domain/enums'
import { AIC_THRESHOLDS, aicFor, ESCALATIONS, LADDERS, LEVEL_NAMES_EN, type LadderLevel } from '../../../shared/rules/ladders'
import { PRIOR_AUTH_CLOCKS, STATE_PA_OVERLAYS } from '../../../shared/rules/priorAuth'

/** [level id, board column, filing amount (null = unknown, '-' = nothing to file), unit, from]. */
type Row = [string, string, number | null | '-', string?, string?]

const EXPECTED: Record<string, Row[]> = {
  employer_self_funded: [
    ['internal_1', 'internal_appeal', 180, 'calendar_days', 'receipt_counted_from_notice_date'],
    ['internal_2', 'second_level', null],
    ['external_review', 'external_review', 4, 'months', 'notice_receipt'],
    ['complaint_ebsa', 'complaint', '-'],
    ['federal_court', 'hearing', null],
  ],
  employer_fully_insured: [
    ['internal_1', 'internal_appeal', 180, 'calendar_days', 'receipt_counted_from_notice_date'],
    ['internal_2', 'second_level', null],
    ['external_review', 'external_review', 4, 'months', 'notice_receipt'],
    ['complaint_ebsa', 'complaint', '-'],
    ['complaint_doi', 'complaint', '-'],
    ['federal_court', 'hearing', null],
  ],
  individual_marketplace: [
    ['internal_1', 'internal_appeal', 180, 'calendar_days', 'receipt_counted_from_notice_date'],
    ['external_review', 'external_review', 4, 'months', 'notice_receipt'],
    ['complaint_doi', 'complaint', '-'],
  ],
  grandfathered: [
    ['internal_1', 'internal_appeal', 180, 'calendar_days', 'receipt_counted_from_notice_date'],
    ['internal_2', 'second_level', null],
    ['complaint_ebsa', 'complaint', '-'],
    ['complaint_doi', 'complaint', '-'],
    ['federal_court', 'hearing', null],
  ],
  medicare_part_b: [
    ['redetermination', 'internal_appeal', 120, 'calendar_days', 'notice_receipt'],
    ['qic_reconsideration', 'external_review', 180, 'calendar_days', 'notice_receipt'],
    ['alj', 'hearing', 60, 'calendar_days', 'notice_receipt'],
    ['council', 'hearing', 60, 'calendar_days', 'notice_receipt'],
    ['federal_court', 'hearing', 60, 'calendar_days', 'notice_receipt'],
    ['complaint_cms', 'complaint', '-'],
  ],
  medicare_advantage: [
    // 42 CFR 422.582(b): "60 calendar days from the date of receipt", receipt presumed 5 days after the notice date.
    ['plan_reconsideration', 'internal_appeal', 60, 'calendar_days', 'notice_receipt'],
    ['ire', 'external_review', '-'],
    ['alj', 'hearing', 60, 'calendar_days', 'notice_receipt'],
    // 42 CFR 422.608 → 405.1102(a)(2): 60 days after receipt of the ALJ decision, presumed 5 days after its date.
    ['council', 'hearing', 60, 'calendar_days', 'notice_receipt'],
    ['federal_court', 'hearing', 60, 'calendar_days', 'notice_date'],
    ['complaint_cms', 'complaint', '-'],
  ],
  medicare_part_d: [
    // 42 CFR 423.582(b): 60 days after receipt, receipt presumed 5 days after the notice date.
    ['redetermination', 'internal_appeal', 60, 'calendar_days', 'notice_receipt'],
    ['ire', 'external_review', 65, 'calendar_days', 'notice_date'],
    ['alj', 'hearing', 60, 'calendar_days', 'notice_receipt'],
    ['council', 'hearing', 60, 'calendar_days', 'notice_receipt'],
    ['federal_court', 'hearing', 60, 'calendar_days', 'notice_date'],
    ['complaint_cms', 'complaint', '-'],
  ],
  medicaid_ffs: [
    ['fair_hearing', 'hearing', 90, 'calendar_days', 'notice_mailed'],
    ['complaint_medicaid', 'complaint', '-'],
  ],
  medicaid_managed_care: [
    ['plan_appeal', 'internal_appeal', 60, 'calendar_days', 'notice_date'],
    ['state_external_review', 'external_review', null],
    // 42 CFR 438.408(f)(2): "no later than 120 calendar days from the date of the MCO's … notice of resolution".
    ['fair_hearing', 'hearing', 120, 'calendar_days', 'notice_date'],
    ['complaint_medicaid', 'complaint', '-'],
  ],
  other: [
    ['internal_1', 'internal_appeal', null],
    ['internal_2', 'second_level', null],
    ['external_review', 'external_review', null],
    ['complaint_doi', 'complaint', '-'],
    ['hearing_or_court', 'hearing', null],
  ],
}

/** Decision clocks per level: "track amount unit" strings, from domain-rules §1A–1I. */
const DECISIONS: Record<string, Record<string, string[]>> = {
  employer_self_funded: {
    internal_1: ['expedited 72 hours', 'pre_service 30 calendar_days L1', 'pre_service 15 calendar_days L2', 'post_service 60 calendar_days L1', 'post_service 30 calendar_days L2'],
    internal_2: ['expedited 72 hours', 'pre_service 15 calendar_days L2', 'post_service 30 calendar_days L2'],
    external_review: ['pre_service 45 calendar_days', 'post_service 45 calendar_days', 'expedited 72 hours'],
  },
  individual_marketplace: {
    internal_1: ['expedited 72 hours', 'pre_service 30 calendar_days L1', 'post_service 60 calendar_days L1'],
    external_review: ['pre_service 45 calendar_days', 'post_service 45 calendar_days', 'expedited 72 hours'],
  },
  medicare_part_b: {
    // 42 CFR 405.946(b): late evidence extends the redetermination by up to 14 days per submission.
    redetermination: ['standard 60 calendar_days +14'],
    qic_reconsideration: ['standard 60 calendar_days +14'],
    alj: ['standard 90 calendar_days'],
    council: ['standard 90 calendar_days'],
    federal_court: [],
  },
  medicare_advantage: {
    // 42 CFR 422.590(f): up to 14 days for items and services; none for Part B drugs nor payment (422.590(b)).
    plan_reconsideration: ['expedited 72 hours +14', 'pre_service 30 calendar_days +14', 'part_b_drug 7 calendar_days', 'payment 60 calendar_days'],
    ire: ['expedited 72 hours +14', 'pre_service 30 calendar_days +14', 'part_b_drug 7 calendar_days', 'payment 60 calendar_days'],
  },
  medicare_part_d: {
    redetermination: ['expedited 72 hours', 'standard 7 calendar_days', 'payment 14 calendar_days'],
    ire: ['expedited 72 hours', 'standard 7 calendar_days', 'payment 14 calendar_days'],
    alj: ['standard 90 calendar_days', 'expedited 10 calendar_days'],
  },
  medicaid_ffs: { fair_hearing: ['standard 90 calendar_days', 'expedited 3 business_days'] },
  medicaid_managed_care: {
    plan_appeal: ['standard 30 calendar_days +14', 'expedited 72 hours +14'],
    fair_hearing: ['standard 90 calendar_days', 'expedited 3 business_days'],
  },
}

const describeLevel = (l: LadderLevel): Row =>
  l.filingWindow === null ? [l.id, l.stage, '-'] : l.filingWindow.amount === null ? [l.id, l.stage, null] : [l.id, l.stage, l.filingWindow.amount, l.filingWindow.unit, l.filingWindow.from]

describe('LADDERS', () => {
  it('has one ladder per plan family', () => {
    expect(Object.keys(LADDERS).sort()).toEqual([...PLAN_FAMILIES].sort())
  })

  it.each(Object.entries(EXPECTED))('%s: levels, columns and filing windows', (family, rows) => {
    expect(LADDERS[family as keyof typeof LADDERS].levels.map(describeLevel)).toEqual(rows)
  })

  it.each(Object.entries(DECISIONS))('%s: decision clocks', (family, byLevel) => {
    for (const [levelId, expected] of Object.entries(byLevel)) {
      const level = LADDERS[family as keyof typeof LADDERS].levels.find((l) => l.id === levelId)!
      const actual = level.decisionWindows.map(
        (w) => `${w.track} ${w.amount} ${w.unit}${w.internalLevels ? ` L${w.internalLevels}` : ''}${w.extension ? ` +${w.extension.amount}` : ''}`,
      )
      expect(actual, `${family}.${levelId}`).toEqual(expected)
    }
  })

  const allLevels = Object.values(LADDERS).flatMap((ladder) => ladder.levels.map((l) => [ladder.planFamily, l.id, l] as const))

  it.each(allLevels)('%s.%s is well formed', (_family, id, level) => {
    expect(STAGES).toContain(level.stage)
    expect(level.nameKey).toBe(`ladder.level.${id}`)
    expect(LEVEL_NAMES_EN[level.id]).toBeTruthy()
    expect(level.citation.length).toBeGreaterThan(5)
    expect(level.ruleId).toMatch(/^[a-z_.0-9]+$/)
    for (const w of level.decisionWindows) expect(w.citation.length).toBeGreaterThan(5)
    if (level.filingWindow) expect(level.filingWindow.citation.length).toBeGreaterThan(5)
    for (const e of level.whenLate) expect(ESCALATIONS[e]).toBeDefined()
  })

  it('encodes every U row of domain-rules.md with verified:false', () => {
    const byKey = (family: keyof typeof LADDERS, id: string) => LADDERS[family].levels.find((l) => l.id === id)!
    expect(LADDERS.other.levels.every((l) => !l.verified)).toBe(true)
    expect(byKey('grandfathered', 'federal_court').verified).toBe(false) // ERISA §502(a) — U
    expect(byKey('employer_self_funded', 'federal_court').verified).toBe(false)
    expect(byKey('medicare_part_d', 'redetermination').autoForward?.verified).toBe(false) // 423.590(c),(e) — U
    expect(byKey('medicare_part_b', 'redetermination').expedited.verified).toBe(false) // 405.1200-1204 — U
    expect(byKey('medicare_part_d', 'alj').decisionWindows.every((w) => !w.verified)).toBe(true) // 423.2016 — U
    expect(byKey('medicaid_managed_care', 'state_external_review').verified).toBe(false) // 438.402(c)(1)(i)(B) — U
    expect(byKey('medicare_part_b', 'complaint_cms').verified).toBe(false)
    expect(ESCALATIONS.deemed_exhaustion_explanation.verified).toBe(false)
    expect(ESCALATIONS.deemed_exhaustion_erisa.verified).toBe(false)
    expect(ESCALATIONS.ma_silence_is_adverse.verified).toBe(false)
  })

  it('has the ACA external-review scope limit on every ACA external review', () => {
    for (const family of ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace'] as const) {
      const level = LADDERS[family].levels.find((l) => l.id === 'external_review')!
      expect(level.scope?.excludedReasons).toEqual(['eligibility', 'not_covered'])
    }
  })

  it('has Medicare Advantage auto-forward to the IRE on adverse and late decisions', () => {
    const recon = LADDERS.medicare_advantage.levels[0]
    expect(recon.autoForward).toMatchObject({ onAdverse: true, onLate: true, toLevelId: 'ire', verified: true })
  })
})

describe('AIC thresholds (domain-rules §1J)', () => {
  it.each([
    [2023, 180, false, 1850, true],
    [2024, 190, false, 1840, true],
    [2025, 190, true, 1900, true],
    [2026, 200, true, 1960, true],
  ])('%i: ALJ $%i (verified %s), court $%i', (year, alj, aljVerified, court, courtVerified) => {
    expect(aicFor(year)).toMatchObject({ alj, aljVerified, court, courtVerified })
  })

  it('has a citation on every row and no invented year', () => {
    expect(AIC_THRESHOLDS.map((r) => r.year)).toEqual([2023, 2024, 2025, 2026])
    expect(aicFor(2027)).toBeNull()
    for (const row of AIC_THRESHOLDS) expect(row.citation).toMatch(/cms\.gov|FR /)
  })
})

describe('prior-authorization clocks (domain-rules §2)', () => {
  it.each([
    ['aca_standard', 15, 'calendar_days', true],
    ['aca_urgent', 72, 'hours', true],
    ['ma_items_standard', 7, 'calendar_days', true],
    ['ma_items_standard_pre2026', 14, 'calendar_days', true],
    ['ma_items_expedited', 72, 'hours', true],
    ['ma_drug_standard', 72, 'hours', false],
    ['ma_drug_expedited', 24, 'hours', false],
    ['part_d_standard', 72, 'hours', true],
    ['part_d_expedited', 24, 'hours', true],
    ['medicaid_ffs_standard', 7, 'calendar_days', true],
    ['medicaid_ffs_expedited', 72, 'hours', true],
    ['mco_standard', 7, 'calendar_days', true],
    ['mco_expedited', 72, 'hours', true],
    ['dmepos_standard', 5, 'business_days', false],
    ['dmepos_expedited', 2, 'business_days', false],
  ])('%s: %i %s (verified %s)', (id, amount, unit, verified) => {
    expect(PRIOR_AUTH_CLOCKS.find((c) => c.id === id)).toMatchObject({ amount, unit, verified })
  })

  it('marks the unconfirmed Texas statute unverified', () => {
    expect(STATE_PA_OVERLAYS.find((o) => o.state === 'TX')?.verified).toBe(false)
  })
})
