import { describe, expect, it } from 'vitest'
import type { CaseFacts } from '../../../shared/domain/deadlines'
import { computeDeadlines } from '../../../electron/core/deadlines/deadlineEngine'
import { facts } from './facts'

const TODAY = '2026-03-10'
const payer = (f: CaseFacts, today = TODAY) => computeDeadlines(f, today).deadlines.find((d) => d.side === 'payer')
const filed = (overrides: Partial<CaseFacts>) => facts({ appealFiledOn: '2026-03-10', ...overrides })

describe('decision due dates, appeal filed Tuesday 2026-03-10', () => {
  it.each([
    ['employer_self_funded', 'internal_appeal', 'internal_1', 'pre_service', 1, false, '2026-04-09', '30 days (one level)'],
    ['employer_self_funded', 'internal_appeal', 'internal_1', 'pre_service', 2, false, '2026-03-25', '15 days per level'],
    ['employer_fully_insured', 'internal_appeal', 'internal_1', 'post_service', 1, false, '2026-05-09', '60 days (one level)'],
    ['employer_fully_insured', 'internal_appeal', 'internal_1', 'post_service', 2, false, '2026-04-09', '30 days per level'],
    ['employer_self_funded', 'second_level', 'internal_2', 'pre_service', 2, false, '2026-03-25', '15 days'],
    ['employer_self_funded', 'second_level', 'internal_2', 'post_service', 2, false, '2026-04-09', '30 days'],
    ['grandfathered', 'internal_appeal', 'internal_1', 'post_service', 1, false, '2026-05-09', '60 days'],
    ['individual_marketplace', 'internal_appeal', 'internal_1', 'pre_service', undefined, false, '2026-04-09', '30 days'],
    ['individual_marketplace', 'external_review', 'external_review', 'pre_service', undefined, false, '2026-04-24', 'IRO 45 days'],
    ['employer_self_funded', 'external_review', 'external_review', 'post_service', undefined, false, '2026-04-24', 'IRO 45 days'],
    ['medicare_part_b', 'internal_appeal', 'redetermination', 'post_service', undefined, false, '2026-05-09', '60 days'],
    ['medicare_part_b', 'external_review', 'qic_reconsideration', 'post_service', undefined, false, '2026-05-09', '60 days'],
    ['medicare_part_b', 'hearing', 'alj', 'post_service', undefined, false, '2026-06-08', '90 days'],
    ['medicare_part_b', 'hearing', 'council', 'post_service', undefined, false, '2026-06-08', '90 days'],
    ['medicare_advantage', 'internal_appeal', 'plan_reconsideration', 'pre_service', undefined, false, '2026-04-09', '30 days'],
    ['medicare_advantage', 'internal_appeal', 'plan_reconsideration', 'pre_service', undefined, true, '2026-03-17', 'Part B drug 7 days'],
    ['medicare_advantage', 'internal_appeal', 'plan_reconsideration', 'post_service', undefined, false, '2026-05-09', 'payment 60 days'],
    ['medicare_advantage', 'external_review', 'ire', 'pre_service', undefined, false, '2026-04-09', 'IRE 30 days'],
    ['medicare_advantage', 'external_review', 'ire', 'pre_service', undefined, true, '2026-03-17', 'IRE Part B drug 7 days'],
    ['medicare_advantage', 'hearing', 'alj', 'pre_service', undefined, false, '2026-06-08', '90 days'],
    ['medicare_part_d', 'internal_appeal', 'redetermination', 'pre_service', undefined, true, '2026-03-17', '7 days'],
    ['medicare_part_d', 'internal_appeal', 'redetermination', 'post_service', undefined, true, '2026-03-24', 'payment 14 days'],
    ['medicare_part_d', 'external_review', 'ire', 'pre_service', undefined, true, '2026-03-17', '7 days'],
    ['medicare_part_d', 'hearing', 'alj', 'pre_service', undefined, true, '2026-06-08', '90 days (unverified)'],
    ['medicaid_ffs', 'hearing', 'fair_hearing', 'pre_service', undefined, false, '2026-06-08', '90 days'],
    ['medicaid_managed_care', 'internal_appeal', 'plan_appeal', 'pre_service', undefined, false, '2026-04-09', '30 days'],
  ] as const)('%s %s/%s %s levels=%s drug=%s → %s (%s)', (planFamily, stage, levelId, serviceType, internalLevels, isDrug, dueDate, _why) => {
    const deadline = payer(filed({ planFamily, stage, levelId, serviceType, internalLevels, isDrug }))
    expect(deadline).toMatchObject({ key: `decide_${levelId}`, side: 'payer', dueDate, dueAt: null })
  })

  it('has no decision clock for federal court', () => {
    expect(payer(filed({ planFamily: 'medicare_part_b', stage: 'hearing', levelId: 'federal_court' }))).toBeUndefined()
  })

  it('assumes one internal level when unknown, and says so', () => {
    const report = computeDeadlines(filed({ stage: 'internal_appeal' }), TODAY)
    expect(report.deadlines[0].dueDate).toBe('2026-04-09')
    expect(report.warnings.join(' ')).toMatch(/one internal level/)
  })

  it('marks unverified clocks', () => {
    expect(payer(filed({ planFamily: 'medicare_part_d', stage: 'hearing', levelId: 'alj' }))?.verified).toBe(false)
    expect(payer(filed({ planFamily: 'medicare_part_b', stage: 'internal_appeal' }))?.verified).toBe(true)
  })
})

describe('hour-based clocks run continuously from an instant', () => {
  const urgent = (overrides: Partial<CaseFacts>) =>
    facts({ stage: 'internal_appeal', urgency: 'expedited', appealFiledOn: '2026-03-10', appealFiledAt: '2026-03-10T18:00:00Z', ...overrides })

  it('72 h from an instant, with the instant kept', () => {
    expect(payer(urgent({}))).toMatchObject({ dueDate: '2026-03-13', dueAt: '2026-03-13T18:00:00.000Z', flags: [] })
  })

  it('runs through a weekend and a holiday: Thu 2026-07-02 15:00Z + 72 h = Sun 07-05 15:00Z', () => {
    expect(payer(urgent({ appealFiledOn: '2026-07-02', appealFiledAt: '2026-07-02T15:00:00Z' }), '2026-07-02')).toMatchObject({
      dueDate: '2026-07-05',
      dueAt: '2026-07-05T15:00:00.000Z',
    })
  })

  it.each([
    ['UTC', '2026-03-13'],
    ['America/Los_Angeles', '2026-03-12'],
    ['Pacific/Honolulu', '2026-03-12'],
    ['Asia/Tokyo', '2026-03-13'],
  ])('turns the due instant into the day in the case zone %s → %s', (timeZone, dueDate) => {
    const deadline = payer(urgent({ appealFiledAt: '2026-03-10T06:30:00Z', timeZone }))
    expect(deadline).toMatchObject({ dueAt: '2026-03-13T06:30:00.000Z', dueDate })
  })

  it('without a filing time counts from the end of the filing day', () => {
    const deadline = payer(urgent({ appealFiledAt: null }))
    expect(deadline).toMatchObject({ dueDate: '2026-03-13', dueAt: null, flags: ['time_of_filing_unknown'] })
  })

  it.each([
    ['medicare_advantage', 'plan_reconsideration', '2026-03-13T18:00:00.000Z'],
    ['medicare_part_d', 'redetermination', '2026-03-13T18:00:00.000Z'],
    ['medicaid_managed_care', 'plan_appeal', '2026-03-13T18:00:00.000Z'],
    ['individual_marketplace', 'internal_1', '2026-03-13T18:00:00.000Z'],
  ] as const)('%s %s expedited: 72 h', (planFamily, levelId, dueAt) => {
    expect(payer(urgent({ planFamily, levelId }))?.dueAt).toBe(dueAt)
  })

  it('Part D ALJ expedited is 10 days, not hours', () => {
    expect(payer(urgent({ planFamily: 'medicare_part_d', stage: 'hearing', levelId: 'alj' }))?.dueDate).toBe('2026-03-20')
  })

  it('Medicaid expedited fair hearing: 3 business days, skipping the observed July 3 holiday', () => {
    const deadline = payer(urgent({ planFamily: 'medicaid_ffs', stage: 'hearing', appealFiledOn: '2026-07-01', appealFiledAt: null }), '2026-07-01')
    expect(deadline?.dueDate).toBe('2026-07-07')
    expect(deadline?.explanation.steps[0]).toMatch(/2026-07-03 Independence Day/)
  })

  it('Original Medicare has no expedited track: standard clock with a warning', () => {
    const report = computeDeadlines(urgent({ planFamily: 'medicare_part_b', levelId: 'redetermination' }), TODAY)
    expect(report.deadlines[0].dueDate).toBe('2026-05-09')
    expect(report.warnings.join(' ')).toMatch(/no expedited track/)
  })

  it('post-service requests are never expedited', () => {
    const report = computeDeadlines(urgent({ serviceType: 'post_service', internalLevels: 1 }), TODAY)
    expect(report.deadlines[0].dueDate).toBe('2026-05-09')
    expect(report.warnings.join(' ')).toMatch(/care not yet received/)
  })
})

describe('extensions', () => {
  it.each([
    ['medicare_part_b', 'external_review', 'qic_reconsideration', '2026-05-23', 'extension_applied'],
    ['medicaid_managed_care', 'internal_appeal', 'plan_appeal', '2026-04-23', 'extension_applied'],
    ['medicare_advantage', 'external_review', 'ire', '2026-04-23', 'extension_applied'],
    ['employer_self_funded', 'internal_appeal', 'internal_1', '2026-04-09', 'extension_not_allowed'],
    // 42 CFR 422.590(f): a standard pre-service MA reconsideration may be extended by up to 14 days.
    ['medicare_advantage', 'internal_appeal', 'plan_reconsideration', '2026-04-23', 'extension_applied'],
  ] as const)('%s %s/%s with a payer extension → %s (%s)', (planFamily, stage, levelId, dueDate, flag) => {
    const deadline = payer(filed({ planFamily, stage, levelId, internalLevels: 1, payerExtended: true }))
    expect(deadline?.dueDate).toBe(dueDate)
    expect(deadline?.flags).toContain(flag)
  })

  it('no extension on Part B drugs at the MA IRE', () => {
    const deadline = payer(filed({ planFamily: 'medicare_advantage', stage: 'external_review', isDrug: true, payerExtended: true }))
    expect(deadline).toMatchObject({ dueDate: '2026-03-17', flags: ['extension_not_allowed'] })
  })

  it('shows the extended date as a possibility when not yet taken', () => {
    const deadline = payer(filed({ planFamily: 'medicaid_managed_care', stage: 'internal_appeal' }))
    expect(deadline?.explanation.steps.at(-1)).toMatch(/allowed extension .*: 2026-04-23/)
  })
})

describe('Medicaid MCO fair hearing decision (42 CFR 431.244(f)(1)(ii))', () => {
  const hearing = (previousAppealFiledOn: string | null) =>
    facts({ planFamily: 'medicaid_managed_care', stage: 'hearing', denial: { noticeDate: '2026-02-02' }, appealFiledOn: '2026-02-12', previousAppealFiledOn })

  it('90 days from the plan appeal plus the days taken to request the hearing', () => {
    const deadline = payer(hearing('2026-01-05'), '2026-02-12')
    expect(deadline?.dueDate).toBe('2026-04-15')
    expect(deadline?.explanation.steps[0]).toMatch(/plus the 10 days/)
  })

  it('asks for the plan appeal date when missing', () => {
    const report = computeDeadlines(hearing(null), '2026-02-12')
    expect(report.deadlines).toEqual([])
    expect(report.warnings.join(' ')).toMatch(/plan appeal was filed/)
  })
})

describe("payer's clock: overdue and escalations", () => {
  it.each([
    ['employer_self_funded', 'internal_appeal', 'internal_1', ['deemed_exhaustion_aca', 'deemed_exhaustion_explanation', 'complaint_ebsa']],
    ['employer_fully_insured', 'internal_appeal', 'internal_1', ['deemed_exhaustion_aca', 'deemed_exhaustion_explanation', 'complaint_ebsa', 'complaint_doi']],
    ['individual_marketplace', 'internal_appeal', 'internal_1', ['deemed_exhaustion_aca', 'deemed_exhaustion_explanation', 'complaint_doi']],
    ['grandfathered', 'internal_appeal', 'internal_1', ['deemed_exhaustion_erisa', 'complaint_ebsa', 'complaint_doi']],
    ['medicare_part_b', 'external_review', 'qic_reconsideration', ['medicare_escalate_to_alj']],
    ['medicare_part_b', 'hearing', 'alj', ['medicare_escalate_to_council']],
    ['medicare_part_b', 'hearing', 'council', ['medicare_escalate_to_court']],
    ['medicare_advantage', 'internal_appeal', 'plan_reconsideration', ['ma_auto_forward_ire', 'complaint_cms']],
    ['medicare_part_d', 'internal_appeal', 'redetermination', ['part_d_forward_ire', 'complaint_cms']],
    ['medicaid_managed_care', 'internal_appeal', 'plan_appeal', ['mco_deemed_exhaustion', 'complaint_medicaid']],
    ['medicaid_ffs', 'hearing', 'fair_hearing', ['complaint_medicaid']],
  ] as const)('%s %s/%s late → %j', (planFamily, stage, levelId, escalations) => {
    const report = computeDeadlines(facts({ planFamily, stage, levelId, appealFiledOn: '2025-06-02', internalLevels: 1 }), TODAY)
    expect(report.payerOverdue?.escalations).toEqual(escalations)
    expect(report.deadlines.find((d) => d.side === 'payer')?.flags).toContain('overdue')
  })

  it('is overdue from the day after the due date, not on it', () => {
    const f = facts({ stage: 'internal_appeal', appealFiledOn: '2026-01-02', internalLevels: 1 })
    expect(computeDeadlines(f, '2026-02-01').payerOverdue).toBeNull()
    expect(computeDeadlines(f, '2026-02-02').payerOverdue).toEqual({
      since: '2026-02-02',
      escalations: ['deemed_exhaustion_aca', 'deemed_exhaustion_explanation', 'complaint_ebsa'],
    })
  })

  it('a closed case has no deadlines', () => {
    expect(computeDeadlines(facts({ stage: 'closed', appealFiledOn: '2025-01-01' }), TODAY)).toEqual({ deadlines: [], nextStep: null, payerOverdue: null, warnings: [] })
  })
})
