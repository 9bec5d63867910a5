import { describe, expect, it } from 'vitest'
import type { CaseFacts } from '../../../shared/domain/deadlines'
import { computeDeadlines } from '../../../electron/core/deadlines/deadlineEngine'
import { caseFactsOf, type CaseRecord } from '../../../electron/core/deadlines/deadlineService'
import { facts } from './facts'

// Continuation of benefits while a home therapy is reduced or stopped (issue 14, item 1).
// Notice dated Monday 2026-03-02; "today" 2026-03-04.

const TODAY = '2026-03-04'
const cut = (overrides: Partial<CaseFacts>) => facts({ serviceType: 'concurrent', ...overrides })

describe('continuation of benefits: computed, and shown first', () => {
  it.each([
    // 42 CFR 438.420(a): timely = "on or before the later of … within 10 calendar days of the MCO … sending the notice
    // of adverse benefit determination" or "the intended effective date of the MCO's proposed adverse benefit determination".
    ['Medicaid MCO, effective date unknown: notice + 10', { planFamily: 'medicaid_managed_care' }, '2026-03-12', true],
    ['Medicaid MCO, cut later than notice + 10: the day before it', { planFamily: 'medicaid_managed_care', actionEffectiveDate: '2026-03-20' }, '2026-03-19', true],
    ['Medicaid MCO, cut sooner: still notice + 10', { planFamily: 'medicaid_managed_care', actionEffectiveDate: '2026-03-05' }, '2026-03-12', true],
    // 42 CFR 431.230(a): hearing requested before the date of action → services continue (U: verify).
    ['Medicaid FFS, date of action known', { planFamily: 'medicaid_ffs', actionEffectiveDate: '2026-03-16' }, '2026-03-15', false],
    // 42 CFR 431.211: the notice comes at least 10 days before the date of action (U).
    ['Medicaid FFS, date of action unknown: notice + 10', { planFamily: 'medicaid_ffs' }, '2026-03-12', false],
    // 29 CFR 2560.503-1(f)(2)(ii): notice of a reduction "sufficiently in advance … to allow the claimant to appeal
    // and obtain a determination on review … before the benefit is reduced or terminated".
    ['ERISA self-funded', { planFamily: 'employer_self_funded', actionEffectiveDate: '2026-04-01' }, '2026-03-31', true],
    ['ACA individual', { planFamily: 'individual_marketplace', actionEffectiveDate: '2026-04-01' }, '2026-03-31', true],
    ['Grandfathered ERISA plan', { planFamily: 'grandfathered', actionEffectiveDate: '2026-04-01' }, '2026-03-31', true],
    // 42 CFR 405.1202(b)(1): fast-track QIO request "no later than noon of the day before the effective date" (U: verify).
    ['Original Medicare home health nursing ending', { planFamily: 'medicare_part_b', therapyCategory: 'nursing', actionEffectiveDate: '2026-03-06' }, '2026-03-05', false],
  ] as const)('%s → %s', (_name, overrides, dueDate, verified) => {
    const report = computeDeadlines(cut(overrides as Partial<CaseFacts>), TODAY)
    expect(report.deadlines[0]).toMatchObject({ key: 'continue_benefits', side: 'ours', dueDate, verified })
    expect(report.deadlines[0].flags).toContain('continuation_of_benefits')
    expect(report.deadlines[0].explanation.steps.join(' ')).toMatch(/CFR/)
    // The appeal's own filing deadline is still there, after it.
    expect(report.deadlines.slice(1).some((d) => d.key.startsWith('file_'))).toBe(true)
  })

  it('ERISA with no effective date: no invented date, a clear request for it', () => {
    const report = computeDeadlines(cut({ planFamily: 'employer_self_funded' }), TODAY)
    expect(report.deadlines.find((d) => d.key === 'continue_benefits')).toBeUndefined()
    expect(report.warnings.join(' ')).toMatch(/Enter the date the therapy stops.*2560\.503-1\(f\)\(2\)\(ii\)/)
  })

  it('not for pre-service denials, nor once the appeal is filed', () => {
    expect(computeDeadlines(facts({ planFamily: 'medicaid_managed_care' }), TODAY).deadlines.some((d) => d.key === 'continue_benefits')).toBe(false)
    const filed = cut({ planFamily: 'medicaid_managed_care', stage: 'internal_appeal', appealFiledOn: '2026-03-03' })
    expect(computeDeadlines(filed, TODAY).deadlines.some((d) => d.key === 'continue_benefits')).toBe(false)
  })

  it('passed: flagged overdue, with the advice to ask for reinstatement', () => {
    const deadline = computeDeadlines(cut({ planFamily: 'medicaid_managed_care' }), '2026-03-13').deadlines[0]
    expect(deadline.flags).toContain('overdue')
    expect(deadline.explanation.steps.at(-1)).toMatch(/reinstated/)
  })

  it('the case record supplies the effective date: the day after the current authorization ends', () => {
    const record = {
      coverage: { planFamily: 'medicaid_managed_care', state: 'TX' },
      denials: [{ noticeDate: '2026-03-02', receivedDate: null, statedDeadline: null, reasons: ['not_medically_necessary'], amount: null }],
      priorAuths: [{ id: 1, requestedOn: '2026-01-02', requestedAt: null, expedited: false, outcome: 'approved', decidedOn: '2026-01-05', approvedThrough: '2026-03-20', referenceNumber: 'PA-1' }],
      representation: null,
      urgency: 'standard',
      serviceType: 'concurrent',
      stage: 'denied',
      therapy: { category: 'ivig_scig' },
      appealFiledOn: null,
      appealFiledAt: null,
      previousAppealFiledOn: null,
      payerExtended: false,
      internalLevels: null,
    } as unknown as CaseRecord
    expect(caseFactsOf(record, 'UTC').actionEffectiveDate).toBe('2026-03-21')
    expect(computeDeadlines(caseFactsOf(record, 'UTC'), TODAY).deadlines[0]).toMatchObject({ key: 'continue_benefits', dueDate: '2026-03-20' })
  })
})
