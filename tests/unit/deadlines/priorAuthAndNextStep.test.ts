import { describe, expect, it } from 'vitest'
import type { CaseFacts } from '../../../shared/domain/deadlines'
import { computeDeadlines } from '../../../electron/core/deadlines/deadlineEngine'
import { facts } from './facts'

const paCase = (overrides: Partial<CaseFacts> & { requestedOn?: string; requestedAt?: string | null; expedited?: boolean }) => {
  const { requestedOn = '2026-03-02', requestedAt = null, expedited = false, ...rest } = overrides
  return facts({ stage: 'prior_auth', denial: null, priorAuth: { requestedOn, requestedAt, expedited }, ...rest })
}
const paDeadlines = (f: CaseFacts, today = '2026-03-03') => computeDeadlines(f, today).deadlines

describe('prior-authorization decision due (domain-rules §2)', () => {
  it.each([
    ['employer_self_funded', false, false, '2026-03-02', '2026-03-17', true, 'ERISA 15 days'],
    ['individual_marketplace', false, false, '2026-03-02', '2026-03-17', true, 'QHPs keep the 15-day clock'],
    ['medicare_advantage', false, false, '2026-03-02', '2026-03-09', true, 'CMS-0057-F 7 days from 2026'],
    ['medicare_advantage', false, false, '2025-12-20', '2026-01-03', true, '14 days before 2026'],
    ['medicare_advantage', true, false, '2026-03-02', '2026-03-05', false, 'Part B drug 72 h (drugs excluded from CMS-0057-F)'],
    ['medicare_part_d', true, false, '2026-03-02', '2026-03-05', true, '72 h'],
    ['medicaid_ffs', false, false, '2026-03-02', '2026-03-09', true, '7 days from 2026'],
    ['medicaid_ffs', true, false, '2026-03-02', '2026-03-03', true, 'pharmacy benefit 24 h'],
    ['medicaid_managed_care', false, false, '2026-03-02', '2026-03-09', true, '7 days'],
    ['medicare_part_b', false, false, '2026-03-02', '2026-03-09', false, 'DMEPOS 5 business days (unverified)'],
  ] as const)('%s drug=%s expedited=%s requested %s → %s verified=%s (%s)', (planFamily, isDrug, expedited, requestedOn, dueDate, verified, _why) => {
    const [deadline] = paDeadlines(paCase({ planFamily, isDrug, expedited, requestedOn }), requestedOn)
    expect(deadline).toMatchObject({ key: 'pa_decision', side: 'payer', dueDate, verified })
  })

  it.each([
    ['employer_self_funded', false, '2026-03-05T15:00:00.000Z'],
    ['medicare_advantage', false, '2026-03-05T15:00:00.000Z'],
    ['medicare_advantage', true, '2026-03-03T15:00:00.000Z'],
    ['medicare_part_d', false, '2026-03-03T15:00:00.000Z'],
    ['medicaid_ffs', false, '2026-03-05T15:00:00.000Z'],
    ['medicaid_managed_care', false, '2026-03-05T15:00:00.000Z'],
  ] as const)('%s expedited (drug=%s) from an instant → %s', (planFamily, isDrug, dueAt) => {
    const [deadline] = paDeadlines(paCase({ planFamily, isDrug, expedited: true, requestedAt: '2026-03-02T15:00:00Z' }))
    expect(deadline.dueAt).toBe(dueAt)
  })

  it('urgent concurrent-care extension requests get 24 hours (29 CFR 2560.503-1(f)(2)(ii))', () => {
    const [deadline] = paDeadlines(paCase({ serviceType: 'concurrent', expedited: true, requestedAt: '2026-03-02T15:00:00Z' }))
    expect(deadline).toMatchObject({ dueAt: '2026-03-03T15:00:00.000Z', ruleId: 'erisa.pa.concurrent' })
  })

  it('adds the state clock for fully insured plans (Illinois 5 days)', () => {
    const deadlines = paDeadlines(paCase({ planFamily: 'employer_fully_insured', state: 'IL' }))
    expect(deadlines.map((d) => [d.key, d.dueDate])).toEqual([
      ['pa_decision', '2026-03-17'],
      ['pa_decision_state', '2026-03-07'],
    ])
    expect(deadlines[1].flags).toContain('state_rule')
  })

  it('Alabama counts 2 business days, skipping the observed July 3 holiday', () => {
    const deadlines = paDeadlines(paCase({ planFamily: 'individual_marketplace', state: 'AL', requestedOn: '2026-07-02' }), '2026-07-02')
    expect(deadlines[1].dueDate).toBe('2026-07-07')
  })

  it('no state clock for self-funded plans (ERISA preemption)', () => {
    expect(paDeadlines(paCase({ planFamily: 'employer_self_funded', state: 'IL' })).map((d) => d.key)).toEqual(['pa_decision'])
  })

  it('a 2025 Medicaid FFS request has no federal clock in the reference: warn, invent nothing', () => {
    const report = computeDeadlines(paCase({ planFamily: 'medicaid_ffs', requestedOn: '2025-11-03' }), '2025-11-04')
    expect(report.deadlines).toEqual([])
    expect(report.warnings.join(' ')).toMatch(/No federal prior-authorization clock/)
  })

  it('once a denial exists, the PA clock is gone', () => {
    expect(computeDeadlines({ ...paCase({}), stage: 'denied', denial: facts().denial }, '2026-03-03').deadlines.map((d) => d.key)).toEqual(['file_internal_1'])
  })

  it.each([
    ['medicaid_managed_care', ['mco_silence_is_adverse', 'complaint_medicaid']],
    ['medicare_advantage', ['ma_silence_is_adverse', 'complaint_cms']],
    ['employer_self_funded', ['deemed_exhaustion_aca', 'complaint_ebsa']],
  ] as const)('%s: a late PA decision → %j', (planFamily, escalations) => {
    const report = computeDeadlines(paCase({ planFamily }), '2026-03-20')
    expect(report.payerOverdue).toEqual({ since: expect.any(String), escalations })
  })
})

describe('next step on the ladder', () => {
  it.each([
    [{ stage: 'denied' }, 'internal_1', 'File: Internal appeal'],
    [{ stage: 'prior_auth', denial: null }, 'internal_1', 'If denied: Internal appeal'],
    [{ stage: 'internal_appeal', appealFiledOn: '2026-03-10', internalLevels: 2 }, 'internal_2', 'If denied: Second-level internal appeal'],
    [{ stage: 'internal_appeal', appealFiledOn: '2026-03-10', internalLevels: 1 }, 'external_review', 'If denied: External review'],
    [{ planFamily: 'individual_marketplace', stage: 'internal_appeal', appealFiledOn: '2026-03-10' }, 'external_review', 'If denied: External review'],
    [{ planFamily: 'grandfathered', stage: 'internal_appeal', appealFiledOn: '2026-03-10' }, 'federal_court', 'If denied: Federal court'],
    [{ planFamily: 'medicare_part_b', stage: 'internal_appeal', appealFiledOn: '2026-03-10' }, 'qic_reconsideration', 'If denied: Reconsideration by the QIC'],
    [{ planFamily: 'medicare_part_b', stage: 'hearing', levelId: 'alj', appealFiledOn: '2026-03-10' }, 'council', 'If denied: Medicare Appeals Council review'],
    [{ planFamily: 'medicare_advantage', stage: 'external_review' }, 'alj', 'If denied: ALJ hearing'],
    [{ planFamily: 'medicare_part_d', stage: 'internal_appeal', appealFiledOn: '2026-03-10' }, 'ire', 'If denied: Independent Review Entity (IRE) review'],
    [{ planFamily: 'medicaid_ffs', stage: 'denied' }, 'fair_hearing', 'File: State fair hearing'],
    [{ planFamily: 'medicaid_managed_care', stage: 'internal_appeal', appealFiledOn: '2026-03-10' }, 'fair_hearing', 'If denied: State fair hearing'],
  ] as const)('%j → %s', (overrides, levelId, labelEn) => {
    expect(computeDeadlines(facts(overrides as Partial<CaseFacts>), '2026-03-10').nextStep).toMatchObject({ levelId, labelEn })
  })

  it('Medicare Advantage: an upheld reconsideration goes to the IRE automatically', () => {
    const step = computeDeadlines(facts({ planFamily: 'medicare_advantage', stage: 'internal_appeal', appealFiledOn: '2026-03-10' }), '2026-03-10').nextStep
    expect(step).toMatchObject({ levelId: 'ire', stage: 'external_review' })
    expect(step?.labelEn).toMatch(/automatically \(42 CFR 422\.590\(a\)\(2\), 422\.592\)/)
  })

  it.each([
    [{ planFamily: 'medicare_part_b', stage: 'hearing', levelId: 'federal_court', appealFiledOn: '2026-03-10' }],
    [{ stage: 'complaint' }],
    [{ stage: 'closed' }],
  ] as const)('%j → none', (overrides) => {
    expect(computeDeadlines(facts(overrides as Partial<CaseFacts>), '2026-03-10').nextStep).toBeNull()
  })
})

describe('warnings', () => {
  it.each([
    [2026, '$200', 'for requests filed in 2026'],
    [2025, '$190', 'for requests filed in 2025'],
    [2027, '$200', 'no 2027 figure in our table'],
  ])('Medicare ALJ amount in controversy, %i → %s', (year, amount, when) => {
    const report = computeDeadlines(facts({ planFamily: 'medicare_part_b', stage: 'hearing', denial: { noticeDate: `${year}-03-02` } }), `${year}-03-10`)
    const text = report.warnings.join(' ')
    expect(text).toContain(amount)
    expect(text).toContain(when)
  })

  it('warns when the amount is below the threshold, on the next level too', () => {
    const report = computeDeadlines(
      facts({ planFamily: 'medicare_part_b', stage: 'hearing', levelId: 'council', appealFiledOn: '2026-03-10', amountInControversy: 1500 }),
      '2026-03-10',
    )
    expect(report.warnings.join(' ')).toMatch(/Federal court review needs at least \$1960.*below the \$1960 threshold/)
  })

  it('asks to confirm grandfathered status when unknown', () => {
    expect(computeDeadlines(facts({ isGrandfatheredStatusKnown: false }), '2026-03-10').warnings.join(' ')).toMatch(/grandfathered/)
  })

  it('says an unknown level id falls back to the column', () => {
    const report = computeDeadlines(facts({ planFamily: 'individual_marketplace', stage: 'internal_appeal', levelId: 'internal_2' }), '2026-03-10')
    expect(report.warnings[0]).toMatch(/not on this plan's appeal ladder/)
    expect(report.deadlines[0].key).toBe('file_internal_1')
  })
})
