import { describe, expect, it } from 'vitest'
import type { CaseFacts } from '../../../shared/domain/deadlines'
import { computeDeadlines } from '../../../electron/core/deadlines/deadlineEngine'
import { facts } from './facts'

const TODAY = '2026-03-10'
const ours = (f: CaseFacts, today = TODAY) => computeDeadlines(f, today).deadlines.find((d) => d.side === 'ours')

describe('our filing deadline, one row per ladder level (notice dated 2026-03-02)', () => {
  it.each([
    ['employer_self_funded', 'denied', null, 'file_internal_1', '2026-08-29', 'notice date + 180 days, no weekend roll'],
    ['employer_fully_insured', 'internal_appeal', 'internal_1', 'file_internal_1', '2026-08-29', '180 days'],
    ['individual_marketplace', 'denied', null, 'file_internal_1', '2026-08-29', '180 days'],
    ['grandfathered', 'denied', null, 'file_internal_1', '2026-08-29', 'ERISA 180 days still applies'],
    ['employer_self_funded', 'external_review', 'external_review', 'file_external_review', '2026-07-02', '4 months → Thu Jul 2'],
    ['individual_marketplace', 'external_review', null, 'file_external_review', '2026-07-02', '4 months'],
    ['medicare_part_b', 'denied', null, 'file_redetermination', '2026-07-05', '+5 presumption, +120'],
    ['medicare_part_b', 'external_review', 'qic_reconsideration', 'file_qic_reconsideration', '2026-09-03', '+5, +180'],
    ['medicare_part_b', 'hearing', 'alj', 'file_alj', '2026-05-06', '+5, +60'],
    ['medicare_part_b', 'hearing', 'council', 'file_council', '2026-05-06', '+5, +60'],
    ['medicare_part_b', 'hearing', 'federal_court', 'file_federal_court', '2026-05-06', '+5, +60'],
    ['medicare_advantage', 'denied', null, 'file_plan_reconsideration', '2026-05-06', '65 days from the notice date'],
    ['medicare_advantage', 'hearing', 'alj', 'file_alj', '2026-05-06', '+5, +60'],
    ['medicare_advantage', 'hearing', 'council', 'file_council', '2026-05-06', '+5, +60 (405.1102(a)(2) via 422.608)'],
    ['medicare_advantage', 'hearing', 'federal_court', 'file_federal_court', '2026-05-01', '60 from the notice date'],
    ['medicare_part_d', 'denied', null, 'file_redetermination', '2026-05-06', '65 days'],
    ['medicare_part_d', 'external_review', 'ire', 'file_ire', '2026-05-06', '65 days'],
    ['medicare_part_d', 'hearing', 'alj', 'file_alj', '2026-05-06', '+5, +60 (423.2002)'],
    ['medicare_part_d', 'hearing', 'council', 'file_council', '2026-05-06', '+5, +60 (423.2102(a))'],
    ['medicare_part_d', 'hearing', 'federal_court', 'file_federal_court', '2026-05-01', '60 days'],
    ['medicaid_ffs', 'denied', null, 'file_fair_hearing', '2026-05-31', '≤ 90 days from mailing'],
    ['medicaid_managed_care', 'denied', null, 'file_plan_appeal', '2026-05-01', '60 days from the notice date'],
    ['medicaid_managed_care', 'hearing', 'fair_hearing', 'file_fair_hearing', '2026-06-30', '120 days (438.408(f)(2))'],
  ] as const)('%s at %s (%s): %s due %s — %s', (planFamily, stage, levelId, key, dueDate, _why) => {
    const deadline = ours(facts({ planFamily, stage, levelId, denial: { receivedDate: stage === 'external_review' && !planFamily.startsWith('medicare') ? '2026-03-02' : null } }))
    expect(deadline).toMatchObject({ key, dueDate, side: 'ours' })
    expect(deadline?.explanation.steps.length).toBeGreaterThan(0)
  })

  it.each([
    ['medicare_advantage', 'external_review', 'ire', 'the IRE review is automatic'],
    ['employer_self_funded', 'complaint', 'complaint_ebsa', 'a complaint has no filing window'],
  ] as const)('%s %s/%s: no filing deadline (%s)', (planFamily, stage, levelId, _why) => {
    expect(ours(facts({ planFamily, stage, levelId }))).toBeUndefined()
  })

  it.each([
    ['other', 'denied', null],
    ['employer_self_funded', 'second_level', 'internal_2'],
    ['employer_self_funded', 'hearing', 'federal_court'],
    ['medicaid_managed_care', 'external_review', 'state_external_review'],
  ] as const)('%s %s: window unknown → no date, "check the notice"', (planFamily, stage, levelId) => {
    const report = computeDeadlines(facts({ planFamily, stage, levelId }), TODAY)
    expect(report.deadlines).toEqual([])
    expect(report.warnings.join(' ')).toMatch(/check the notice/)
  })

  it("uses the notice's own deadline when no legal window exists, flagged", () => {
    const deadline = ours(facts({ stage: 'second_level', levelId: 'internal_2', denial: { statedDeadline: '2026-04-30' } }))
    expect(deadline).toMatchObject({ dueDate: '2026-04-30', flags: ['from_notice_only'] })
  })

  it('asks for the notice date when there is no denial', () => {
    const report = computeDeadlines(facts({ denial: null }), TODAY)
    expect(report.deadlines).toEqual([])
    expect(report.warnings[0]).toMatch(/date on the notice/)
  })
})

describe('Medicare 5-day receipt presumption (42 CFR 405.942(a)(1))', () => {
  const partB = (receivedDate: string | null) => facts({ planFamily: 'medicare_part_b', denial: { receivedDate } })

  it('explains the presumption step by step', () => {
    expect(ours(partB(null))?.explanation.steps).toEqual([
      'Notice dated 2026-03-02 + 5 days mail presumption = 2026-03-07 (42 CFR 405.942(a)(1))',
      'Start 2026-03-07 + 120 calendar days = 2026-07-05 (42 CFR 405.942)',
    ])
  })

  it('uses an earlier actual receipt to be safe', () => {
    expect(ours(partB('2026-03-04'))?.dueDate).toBe('2026-07-02')
  })

  // 42 CFR 405.942(a)(1): receipt is presumed 5 days after the notice date "unless there is evidence to the
  // contrary": a recorded later receipt is that evidence and moves the deadline.
  it('moves the deadline when a later receipt is recorded, and says so', () => {
    const deadline = ours(partB('2026-03-12'))
    expect(deadline).toMatchObject({ dueDate: '2026-07-10', cautiousDate: '2026-07-05' })
    expect(deadline?.flags).toContain('receipt_later_than_presumed')
    expect(deadline?.explanation.steps.join(' ')).toMatch(/received on 2026-03-12, after the presumed 2026-03-07/)
  })

  it('is not applied to non-Medicare plans', () => {
    expect(ours(facts({ stage: 'external_review', denial: { receivedDate: '2026-03-02' } }))?.explanation.steps[0]).not.toMatch(/presumption/)
  })

  it('mentions good cause when the date has passed', () => {
    const deadline = ours(partB(null), '2026-07-06')
    expect(deadline?.flags).toContain('overdue')
    expect(deadline?.explanation.steps.at(-1)).toMatch(/good cause \(42 CFR 405\.942\(b\)\)/)
  })
})

describe("the notice's stated deadline", () => {
  it('a longer stated deadline governs', () => {
    const deadline = ours(facts({ denial: { statedDeadline: '2026-09-30' } }))
    expect(deadline).toMatchObject({ dueDate: '2026-09-30', flags: ['notice_longer_than_law'] })
  })

  it('a shorter one is flagged as a possible violation and planned on', () => {
    const deadline = ours(facts({ denial: { statedDeadline: '2026-05-01' } }))
    expect(deadline).toMatchObject({ dueDate: '2026-05-01', flags: ['notice_shorter_than_law'] })
    expect(deadline?.explanation.steps.at(-1)).toMatch(/possible violation/)
  })

  it('flags the healthcare.gov "60 days" for external review as shorter than the 4-month rule', () => {
    const deadline = ours(facts({ planFamily: 'individual_marketplace', stage: 'external_review', denial: { receivedDate: '2026-03-02', statedDeadline: '2026-05-01' } }))
    expect(deadline?.flags).toContain('notice_shorter_than_law')
  })

  it('a same-date notice changes nothing', () => {
    expect(ours(facts({ denial: { statedDeadline: '2026-08-29' } }))).toMatchObject({ dueDate: '2026-08-29', flags: [] })
  })

  it('Medicaid FFS: a state window shorter than 90 days is normal, not a violation', () => {
    const deadline = ours(facts({ planFamily: 'medicaid_ffs', denial: { statedDeadline: '2026-04-01' } }))
    expect(deadline).toMatchObject({ dueDate: '2026-04-01', flags: ['notice_within_state_range'] })
  })

  it('Medicaid FFS without a stated date warns that the state may allow less', () => {
    const report = computeDeadlines(facts({ planFamily: 'medicaid_ffs' }), TODAY)
    expect(report.deadlines[0].flags).toContain('state_may_set_shorter')
    expect(report.warnings.join(' ')).toMatch(/fewer than 90 days/)
  })

  it.each([
    // 42 CFR 438.408(f)(2): 120 calendar days from the notice of resolution; a notice giving 90 is shorter than the law.
    ['2026-05-31', '2026-05-31', 'notice_shorter_than_law'],
    ['2026-07-15', '2026-07-15', 'notice_longer_than_law'],
  ])('Medicaid MCO fair hearing: stated %s → %s (%s)', (statedDeadline, dueDate, flag) => {
    const deadline = ours(facts({ planFamily: 'medicaid_managed_care', stage: 'hearing', denial: { statedDeadline } }))
    expect(deadline).toMatchObject({ dueDate, flags: [flag] })
  })
})

describe('receipt dates for the ACA four-month rule', () => {
  it('counts from receipt: Oct 30 → Mar 1 (a Monday in 2027)', () => {
    const deadline = ours(facts({ stage: 'external_review', denial: { noticeDate: '2026-10-27', receivedDate: '2026-10-30' } }), '2026-11-01')
    expect(deadline?.dueDate).toBe('2027-03-01')
    expect(deadline?.explanation.steps[1]).toMatch(/February 2027 has no day 30, so the first day of the next month, 2027-03-01/)
  })

  it('rolls a Sunday to Monday: received 2025-10-30 → 2026-03-02', () => {
    const deadline = ours(facts({ stage: 'external_review', denial: { noticeDate: '2025-10-28', receivedDate: '2025-10-30' } }), '2025-11-01')
    expect(deadline?.dueDate).toBe('2026-03-02')
    expect(deadline?.explanation.steps[2]).toMatch(/Sunday, so the next business day: 2026-03-02/)
  })

  it('rolls an observed holiday: received 2027-08-31 → 2028-01-03', () => {
    const deadline = ours(facts({ stage: 'external_review', denial: { noticeDate: '2027-08-30', receivedDate: '2027-08-31' } }), '2027-09-01')
    expect(deadline?.dueDate).toBe('2028-01-03')
    expect(deadline?.explanation.steps[2]).toBe(
      "2027-12-31 is New Year's Day (federal holiday, observed), so the next business day: 2028-01-03 (45 CFR 147.136(d)(2)(i))",
    )
  })

  it('without a received date, counts from the notice date and says so', () => {
    const report = computeDeadlines(facts({ stage: 'external_review' }), TODAY)
    expect(report.deadlines[0]).toMatchObject({ dueDate: '2026-07-02', flags: ['received_date_assumed'] })
    expect(report.warnings.join(' ')).toMatch(/date the notice was received/)
  })

  it('leap year: received 2027-10-29 → 2028-02-29', () => {
    expect(ours(facts({ stage: 'external_review', denial: { noticeDate: '2027-10-29', receivedDate: '2027-10-29' } }), '2027-11-01')?.dueDate).toBe('2028-02-29')
  })
})

describe('180-day window across year end and leap day', () => {
  it.each([
    ['2026-12-31', '2027-06-29'],
    ['2027-09-01', '2028-02-28'],
    ['2027-09-02', '2028-02-29'],
    ['2027-09-03', '2028-03-01'],
  ])('notice %s → %s', (noticeDate, dueDate) => {
    expect(ours(facts({ denial: { noticeDate } }), noticeDate)?.dueDate).toBe(dueDate)
  })
})
