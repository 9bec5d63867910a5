import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applicationReminders, buildScreeningReport, screenApplicant, screenProgram } from '../../../electron/core/screening/screeningEngine'
import { INSURANCE_TYPES, type InsuranceType } from '../../../shared/domain/screening'
import { findGuideline, guidelineAmount } from '../../../shared/rules/povertyGuidelines'
import { applicant, program, TODAY } from './facts'

const incomeRule = (r: ReturnType<typeof screenProgram>) => r.rules.find((x) => x.rule === 'income')!

describe('income against the poverty level', () => {
  const fund = program({ rules: { maxFplPercent: 400 } })

  it('exactly at the limit is eligible; one dollar over is not', () => {
    // 2026, 48 states, household of 4: $33,000 × 400% = $132,000.
    const at = screenProgram(applicant({ annualIncome: 132_000 }), fund, TODAY)
    expect(at.outcome).toBe('eligible')
    expect(at.incomeLimit).toBe(132_000)
    expect(incomeRule(at).text).toBe('Income $132,000.00 is 400% of the poverty guideline, within the 400% limit of $132,000.00.')
    const over = screenProgram(applicant({ annualIncome: 132_001 }), fund, TODAY)
    expect(over.outcome).toBe('not_eligible')
    expect(incomeRule(over).text).toBe('Income $132,001.00 is 400% of the poverty guideline, above the 400% limit of $132,000.00 by $1.00.')
    expect(screenProgram(applicant({ annualIncome: 132_000.01 }), fund, TODAY).outcome).toBe('not_eligible')
    expect(screenProgram(applicant({ annualIncome: 131_999.99 }), fund, TODAY).outcome).toBe('eligible')
  })

  it('households of 1 to 10 and beyond: at the limit passes, a dollar over fails, in every region', () => {
    for (const [state, region] of [['IL', 'contiguous'], ['AK', 'alaska'], ['HI', 'hawaii']] as const) {
      for (const size of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 20]) {
        const limit = (guidelineAmount(findGuideline(2026, region)!, size).amount * 250) / 100
        const p = program({ rules: { maxFplPercent: 250 } })
        expect(screenProgram(applicant({ state, householdSize: size, annualIncome: limit }), p, TODAY).outcome, `${state} ${size}`).toBe('eligible')
        expect(screenProgram(applicant({ state, householdSize: size, annualIncome: limit + 1 }), p, TODAY).outcome, `${state} ${size} +1`).toBe('not_eligible')
      }
    }
  })

  it('Alaska and Hawaii use their own, higher guidelines', () => {
    const alaska = screenProgram(applicant({ state: 'AK', annualIncome: 165_000 }), fund, TODAY)
    expect(alaska.incomeLimit).toBe(165_000) // $41,250.00 × 4
    expect(alaska.outcome).toBe('eligible')
    const hawaii = screenProgram(applicant({ state: 'HI', annualIncome: 151_801 }), fund, TODAY)
    expect(hawaii.incomeLimit).toBe(151_800) // $37,950.00 × 4
    expect(hawaii.outcome).toBe('not_eligible')
    // The same income is over the limit in Illinois.
    expect(screenProgram(applicant({ state: 'IL', annualIncome: 140_000 }), fund, TODAY).outcome).toBe('not_eligible')
  })

  it('a program on the 2025 guidelines in Alaska carries the verify flag', () => {
    const r = screenProgram(applicant({ state: 'AK' }), program({ rules: { maxFplPercent: 400, guidelineYear: 2025 } }), TODAY)
    expect(r.incomeLimit).toBe(160_760) // $40,190.00 × 4
    expect(incomeRule(r).verification).toBe('U')
  })

  it('missing facts or a territory ask for information instead of guessing', () => {
    expect(screenProgram(applicant({ annualIncome: null }), fund, TODAY).outcome).toBe('needs_information')
    expect(screenProgram(applicant({ householdSize: null }), fund, TODAY).outcome).toBe('needs_information')
    const pr = screenProgram(applicant({ state: 'PR' }), fund, TODAY)
    expect(pr.outcome).toBe('needs_information')
    expect(incomeRule(pr).reason).toBe('income_territory')
    // No income rule: missing income does not matter.
    expect(screenProgram(applicant({ annualIncome: null }), program(), TODAY).outcome).toBe('eligible')
  })

  it('the report shows the percentage with its arithmetic inputs', () => {
    const report = buildScreeningReport(applicant({ annualIncome: 52_000 }), [fund], TODAY)
    expect(report.fpl).toMatchObject({ year: 2026, region: 'contiguous', householdSize: 4, firstPerson: 15_960, perAdditionalPerson: 5_680, guideline: 33_000, percent: 157.58, verification: 'V' })
    expect(buildScreeningReport(applicant({ state: null }), [fund], TODAY).fplMissing).toMatch(/household size, annual income and state/)
  })
})

describe('insurance rules', () => {
  const FEDERAL: InsuranceType[] = ['medicare_part_b', 'medicare_advantage', 'medicare_part_d', 'medicaid_ffs', 'medicaid_managed_care', 'tricare', 'va']
  const copay = program({ type: 'manufacturer_copay' })

  for (const insuranceType of FEDERAL) {
    it(`a manufacturer copay program refuses ${insuranceType} under the Anti-Kickback Statute, even with no exclusions listed`, () => {
      const r = screenProgram(applicant({ insuranceType }), copay, TODAY)
      expect(r.outcome).toBe('not_eligible')
      const insurance = r.rules.find((x) => x.rule === 'insurance')!
      expect(insurance.reason).toBe('insurance_aks')
      expect(insurance.citation).toMatch(/1320a-7b\(b\)/)
    })
  }

  it('commercial insurance and FEHB may use a copay program', () => {
    expect(screenProgram(applicant({ insuranceType: 'employer_self_funded' }), copay, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ insuranceType: 'fehb' }), copay, TODAY).outcome).toBe('eligible')
  })

  it('independent disease funds may serve Medicare and Medicaid patients', () => {
    for (const insuranceType of FEDERAL) expect(screenProgram(applicant({ insuranceType }), program(), TODAY).outcome).toBe('eligible')
  })

  it('excluded and allowed groups from the program rules', () => {
    const noMedicare = program({ rules: { insuranceExcluded: ['medicare'] } })
    expect(screenProgram(applicant({ insuranceType: 'medicare_advantage' }), noMedicare, TODAY).rules[2].text).toBe('Excludes Medicare; the applicant has Medicare Advantage.')
    const medicareOnly = program({ rules: { insuranceAllowed: ['medicare'] } })
    expect(screenProgram(applicant({ insuranceType: 'medicare_part_b' }), medicareOnly, TODAY).outcome).toBe('eligible')
    const commercial = screenProgram(applicant(), medicareOnly, TODAY)
    expect(commercial.outcome).toBe('not_eligible')
    expect(commercial.rules[2].reason).toBe('insurance_not_allowed')
    expect(screenProgram(applicant({ insuranceType: null }), medicareOnly, TODAY).outcome).toBe('needs_information')
  })

  it('drug coverage: copay funds need covered drugs, free-drug programs uncovered ones', () => {
    const mustCover = program({ rules: { drugCoverage: 'must_cover' } })
    const mustNot = program({ rules: { drugCoverage: 'must_not_cover' } })
    expect(screenProgram(applicant({ drugCovered: 'yes' }), mustCover, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ drugCovered: 'no' }), mustCover, TODAY).outcome).toBe('not_eligible')
    expect(screenProgram(applicant({ insuranceType: 'uninsured' }), mustCover, TODAY).outcome).toBe('not_eligible')
    expect(screenProgram(applicant({ drugCovered: 'unknown' }), mustCover, TODAY).outcome).toBe('needs_information')
    expect(screenProgram(applicant({ insuranceType: 'uninsured', drugCovered: 'unknown' }), mustNot, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ drugCovered: 'no' }), mustNot, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ drugCovered: 'yes' }), mustNot, TODAY).outcome).toBe('not_eligible')
  })
})

describe('fund status, diagnosis, drug and state', () => {
  it('a closed fund is not eligible; a waitlisted fund is eligible with a waitlist note', () => {
    const closed = screenProgram(applicant(), program({ fundStatus: 'closed' }), TODAY)
    expect(closed.outcome).toBe('not_eligible')
    expect(closed.rules[0]).toMatchObject({ rule: 'fund_status', outcome: 'fail', text: 'The fund is closed and is not taking applications.' })
    const waitlist = screenProgram(applicant(), program({ fundStatus: 'waitlist' }), TODAY)
    expect(waitlist.outcome).toBe('eligible')
    expect(waitlist.rules[0]).toMatchObject({ outcome: 'note', reason: 'fund_waitlist' })
    // A waitlist does not hide another failure.
    expect(screenProgram(applicant({ drugCovered: 'no' }), program({ fundStatus: 'waitlist', rules: { drugCoverage: 'must_cover' } }), TODAY).outcome).toBe('not_eligible')
  })

  it('diagnosis prefixes match with or without the dot', () => {
    const pi = program({ rules: { diagnosisPrefixes: ['D80', 'G61.8'] } })
    expect(screenProgram(applicant({ icd10Codes: ['D80.1'] }), pi, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ icd10Codes: ['G6181'] }), pi, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ icd10Codes: ['K50.9'] }), pi, TODAY).outcome).toBe('not_eligible')
    expect(screenProgram(applicant({ icd10Codes: [] }), pi, TODAY).outcome).toBe('needs_information')
  })

  it('drugs match by HCPCS code or by name', () => {
    const ivig = program({ rules: { drugs: ['J1569', 'Hizentra'] } })
    expect(screenProgram(applicant({ drugName: '', hcpcsCode: 'J1569' }), ivig, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ drugName: 'Hizentra 20%', hcpcsCode: '' }), ivig, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ drugName: 'Vancomycin', hcpcsCode: 'J3370' }), ivig, TODAY).outcome).toBe('not_eligible')
    expect(screenProgram(applicant({ drugName: '', hcpcsCode: '' }), ivig, TODAY).outcome).toBe('needs_information')
  })

  it('state lists', () => {
    const texas = program({ rules: { states: ['TX'] } })
    expect(screenProgram(applicant({ state: 'TX' }), texas, TODAY).outcome).toBe('eligible')
    expect(screenProgram(applicant({ state: 'IL' }), texas, TODAY).outcome).toBe('not_eligible')
  })
})

describe('determinism', () => {
  it('same facts, catalog and day give the same results in program-name order', () => {
    const programs = [program({ id: 2, key: 'b', name: 'Beta' }), program({ id: 1, key: 'a', name: 'Alpha', fundStatus: 'closed' })]
    const first = screenApplicant(applicant(), programs, TODAY)
    expect(first.map((r) => r.programName)).toEqual(['Alpha', 'Beta'])
    expect(screenApplicant(applicant(), [...programs].reverse(), TODAY)).toEqual(first)
  })

  it('the outcome always follows from the rule outcomes', () => {
    fc.assert(
      fc.property(
        fc.record({
          householdSize: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
          annualIncome: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: null }),
          insuranceType: fc.option(fc.constantFrom(...INSURANCE_TYPES), { nil: null }),
          drugCovered: fc.constantFrom('yes' as const, 'no' as const, 'unknown' as const),
        }),
        fc.constantFrom('open' as const, 'closed' as const, 'waitlist' as const),
        fc.integer({ min: 100, max: 600 }),
        (facts, fundStatus, max) => {
          const r = screenProgram(applicant(facts), program({ type: 'manufacturer_copay', fundStatus, rules: { maxFplPercent: max, drugCoverage: 'must_cover' } }), TODAY)
          const outcomes = r.rules.map((x) => x.outcome)
          const expected = outcomes.includes('fail') ? 'not_eligible' : outcomes.includes('unknown') ? 'needs_information' : 'eligible'
          expect(r.outcome).toBe(expected)
          expect(r.rules.map((x) => x.rule)).toEqual(['fund_status', 'state', 'insurance', 'drug_coverage', 'diagnosis', 'drug', 'income'])
        },
      ),
    )
  })
})

describe('application reminders', () => {
  const grant = program({ name: 'PI fund', usageDays: 120, usageReminderDays: 90, documentsDueDays: 30 })
  const approved = { status: 'approved' as const, documentsDueOn: null, lastPaidClaimOn: null, grantStart: '2026-09-01', grantEnd: '2027-08-31', decidedOn: '2026-08-25' }

  it('a day-90 reminder and a day-120 lapse on a 120-day usage rule, from the grant start', () => {
    const reminders = applicationReminders(approved, grant, TODAY)
    expect(reminders.map((r) => [r.kind, r.dueOn])).toEqual([
      ['usage_check', '2026-11-30'],
      ['usage_lapse', '2026-12-30'],
      ['grant_end', '2027-08-31'],
    ])
    expect(reminders[0].text).toBe('Day 90 of the 120-day usage rule for PI fund: confirm a paid claim before 2026-12-30.')
  })

  it('a paid claim restarts the usage clock', () => {
    const reminders = applicationReminders({ ...approved, lastPaidClaimOn: '2026-11-20' }, grant, TODAY)
    expect(reminders.find((r) => r.kind === 'usage_lapse')!.dueOn).toBe('2027-03-20')
  })

  it('documents due after pre-approval, overdue once past', () => {
    const [due] = applicationReminders({ ...approved, status: 'pre_approved', documentsDueOn: '2026-11-20' }, grant, TODAY)
    expect(due).toMatchObject({ kind: 'documents_due', dueOn: '2026-11-20', isOverdue: true })
    expect(applicationReminders({ ...approved, status: 'denied' }, grant, TODAY)).toEqual([])
  })
})
