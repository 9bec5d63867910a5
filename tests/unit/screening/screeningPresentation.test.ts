import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { screenApplicant, screenProgram } from '../../../electron/core/screening/screeningEngine'
import { applicantFactIssues, applicationDateIssues, checkBirthDay } from '../../../shared/domain/factChecks'
import { formatMoney } from '../../../shared/domain/money'
import { INSURANCE_TYPES, insuranceGroupOf, type ScreeningOutcome } from '../../../shared/domain/screening'
import { decidingRules, orderResults } from '../../../shared/domain/screeningOrder'
import { applicantFactsSchema } from '../../../shared/schemas/screeningSchemas'
import { makeCore } from '../core/testCore'
import { applicant, program, TODAY } from './facts'

describe('money', () => {
  it('always shows dollars and cents with thousands separators', () => {
    expect(formatMoney(37_701.6)).toBe('$37,701.60')
    expect(formatMoney(2_298.4)).toBe('$2,298.40')
    expect(formatMoney(33_000)).toBe('$33,000.00')
    expect(formatMoney(0)).toBe('$0.00')
    expect(formatMoney(1_234_567.891)).toBe('$1,234,567.89')
    expect(formatMoney(0.005)).toBe('$0.01')
    expect(formatMoney(-12.5)).toBe('-$12.50')
    expect(formatMoney(-0.001)).toBe('$0.00')
  })

  it('any amount has exactly two decimals and reads back as the amount rounded to cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        const shown = formatMoney(cents / 100)
        expect(shown).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/)
        expect(Math.round(Number(shown.replace(/[$,]/g, '')) * 100)).toBe(cents)
      }),
    )
  })
})

describe('result ordering', () => {
  const r = (programName: string, outcome: ScreeningOutcome) => ({ programName, outcome })

  it('puts eligible first, then needs information, then not eligible, keeping catalog order within each', () => {
    const ordered = orderResults([r('A', 'not_eligible'), r('B', 'needs_information'), r('C', 'eligible'), r('D', 'not_eligible'), r('E', 'eligible'), r('F', 'needs_information')])
    expect(ordered.map((x) => x.programName)).toEqual(['C', 'E', 'B', 'F', 'A', 'D'])
  })

  it('is a permutation and never puts a worse outcome before a better one', () => {
    const outcome = fc.constantFrom<ScreeningOutcome>('eligible', 'needs_information', 'not_eligible')
    fc.assert(
      fc.property(fc.array(fc.record({ programName: fc.string(), outcome }), { maxLength: 40 }), (results) => {
        const ordered = orderResults(results)
        expect(ordered).toHaveLength(results.length)
        const rank = { eligible: 0, needs_information: 1, not_eligible: 2 }
        for (let i = 1; i < ordered.length; i++) expect(rank[ordered[i - 1].outcome]).toBeLessThanOrEqual(rank[ordered[i].outcome])
        expect(results).toEqual(results) // the input is not sorted in place
      }),
    )
  })
})

describe('deciding rules', () => {
  it('a not-eligible result is decided by its failing rules, at most two', () => {
    const result = screenProgram(applicant({ annualIncome: 500_000, state: 'TX' }), program({ fundStatus: 'closed', rules: { maxFplPercent: 400, states: ['IL'] } }), TODAY)
    expect(result.outcome).toBe('not_eligible')
    const deciding = decidingRules(result)
    expect(deciding).toHaveLength(2)
    expect(deciding.every((x) => x.outcome === 'fail')).toBe(true)
  })

  it('needs information is decided by the unknown facts', () => {
    const result = screenProgram(applicant({ insuranceType: null, annualIncome: null }), program({ rules: { maxFplPercent: 400, insuranceAllowed: ['commercial'] } }), TODAY)
    expect(result.outcome).toBe('needs_information')
    expect(decidingRules(result).map((x) => x.rule).sort()).toEqual(['income', 'insurance'])
  })

  it('an eligible result is decided by the narrowing rules it met, income first, never by "any"', () => {
    const result = screenProgram(applicant(), program({ rules: { maxFplPercent: 400, diagnosisPrefixes: ['D80'] } }), TODAY)
    expect(result.outcome).toBe('eligible')
    const deciding = decidingRules(result)
    expect(deciding.map((x) => x.rule)).toEqual(['income', 'diagnosis'])
    expect(deciding.map((x) => x.reason)).not.toContain('drug_any')
  })

  it('a program open to everyone is decided by one open rule', () => {
    const result = screenProgram(applicant(), program({ rules: {} }), TODAY)
    expect(decidingRules(result)).toHaveLength(1)
  })
})

describe('applicant facts that fit real applicants', () => {
  const parse = (over: Record<string, unknown>) => applicantFactsSchema.safeParse({ firstName: 'A', lastName: 'B', ...over })
  const message = (over: Record<string, unknown>, field: string) => {
    const parsed = parse(over)
    return parsed.success ? null : parsed.error.issues.find((i) => i.path[0] === field)?.message
  }

  it('"Commercial / employer" and "Uninsured" are plain choices that screen as their groups', () => {
    expect(INSURANCE_TYPES).toContain('commercial')
    expect(INSURANCE_TYPES).toContain('uninsured')
    expect(insuranceGroupOf('commercial')).toBe('commercial')
    const copay = program({ type: 'manufacturer_copay', rules: { insuranceAllowed: ['commercial'] } })
    expect(screenApplicant(applicant({ insuranceType: 'commercial' }), [copay], TODAY)[0].outcome).toBe('eligible')
    expect(screenApplicant(applicant({ insuranceType: 'uninsured' }), [copay], TODAY)[0].outcome).toBe('not_eligible')
  })

  it('household and income messages say what is wrong', () => {
    expect(message({ annualIncome: -5000 }, 'annualIncome')).toBe('error.incomeNegative')
    expect(message({ annualIncome: 50_000_000 }, 'annualIncome')).toBe('error.incomeImplausible')
    expect(message({ annualIncome: 'lots' }, 'annualIncome')).toBe('error.number')
    expect(message({ householdSize: 0 }, 'householdSize')).toBe('error.householdTooSmall')
    expect(message({ householdSize: -2 }, 'householdSize')).toBe('error.householdTooSmall')
    expect(message({ householdSize: 75 }, 'householdSize')).toBe('error.householdImplausible')
    expect(message({ householdSize: 2.5 }, 'householdSize')).toBe('error.wholeNumber')
    expect(message({ outOfPocket: -1 }, 'outOfPocket')).toBe('error.costNegative')
    expect(parse({ householdSize: 4, annualIncome: 0 }).success).toBe(true)
  })

  const facts = (over: Partial<Parameters<typeof applicantFactIssues>[0]>) => ({ dateOfBirth: null, treatmentStart: null, treatmentEnd: null, householdSize: null, annualIncome: null, ...over })

  it('a household without an income, or an income without a household, names the missing one', () => {
    expect(applicantFactIssues(facts({ householdSize: 3 }), TODAY)).toEqual({ annualIncome: 'error.incomeMissing' })
    expect(applicantFactIssues(facts({ annualIncome: 40_000 }), TODAY)).toEqual({ householdSize: 'error.householdMissing' })
    expect(applicantFactIssues(facts({ householdSize: 3, annualIncome: 40_000 }), TODAY)).toEqual({})
    expect(applicantFactIssues(facts({}), TODAY)).toEqual({})
  })

  it('dates of birth: not in the future, not before 1900; today and 1900-01-01 are fine', () => {
    expect(checkBirthDay('2027-01-01', '2026-11-29')).toBe('error.birthInFuture')
    expect(checkBirthDay('2026-11-30', '2026-11-29')).toBe('error.birthInFuture')
    expect(checkBirthDay('2026-11-29', '2026-11-29')).toBeNull()
    expect(checkBirthDay('1899-12-31', '2026-11-29')).toBe('error.dayBefore1900')
    expect(checkBirthDay('1900-01-01', '2026-11-29')).toBeNull()
    expect(applicantFactIssues(facts({ dateOfBirth: '2030-05-01', treatmentStart: '1026-01-01' }), '2026-11-29')).toEqual({ dateOfBirth: 'error.birthInFuture', treatmentStart: 'error.dayBefore1900' })
  })

  it('application dates: what already happened cannot be after today; planned days may be', () => {
    expect(applicationDateIssues({ appliedOn: '2026-12-01', decidedOn: '2026-11-29', grantEnd: '2027-11-29' }, '2026-11-29')).toEqual({ appliedOn: 'error.dayInFuture' })
    expect(applicationDateIssues({ preApprovedOn: '1800-01-01', grantStart: '1899-01-01' }, '2026-11-29')).toEqual({ preApprovedOn: 'error.dayBefore1900', grantStart: 'error.dayBefore1900' })
  })
})

describe('the core refuses what the form refuses', () => {
  it('a future date of birth, income without a household and a future application date are named by field; nothing is saved', async () => {
    const made = makeCore()
    try {
      const dispatch = createDispatcher(made.core)
      const before = made.core.screening.applicants.list({}).rows.length
      const base = { firstName: 'Marisol', lastName: 'Delgado' }
      expect(await dispatch('applicants:create', { applicant: { ...base, dateOfBirth: '2030-01-01' } })).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'applicant.dateOfBirth': 'error.birthInFuture' } } })
      expect(await dispatch('applicants:create', { applicant: { ...base, annualIncome: 40_000 } })).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'applicant.householdSize': 'error.householdMissing' } } })
      expect(await dispatch('applicants:create', { applicant: { ...base, annualIncome: -1, householdSize: 2 } })).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'applicant.annualIncome': 'error.incomeNegative' } } })
      expect(made.core.screening.applicants.list({}).rows).toHaveLength(before)
      const created = made.core.screening.applicants.create({ ...applicant(), ...base }, null).applicant
      const fund = made.core.screening.programs.list()[0]
      const app = made.core.screening.applications.create(created.id, fund.id)
      const update = { applicationId: app.id, status: 'applied', awardAmount: null, appliedOn: '2026-12-01', preApprovedOn: null, documentsDueOn: null, decidedOn: null, grantStart: null, grantEnd: null, lastPaidClaimOn: null, notes: '' }
      expect(await dispatch('applications:update', update)).toMatchObject({ ok: false, error: { code: 'validation', fields: { appliedOn: 'error.dayInFuture' } } })
      expect(made.core.screening.applicants.get(created.id).applications[0].status).toBe('screened')
    } finally {
      made.dispose()
    }
  })
})
