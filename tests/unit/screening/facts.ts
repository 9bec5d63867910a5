import type { ApplicantFacts, Program, ProgramRules } from '../../../shared/domain/screening'
import type { ScreenableProgram } from '../../../electron/core/screening/screeningEngine'

/** An applicant with every fact known: commercial insurance that pays for an IVIG drug, 4 people, Illinois. */
export function applicant(overrides: Partial<ApplicantFacts> = {}): ApplicantFacts {
  return {
    firstName: 'Ana',
    lastName: 'Ruiz',
    dateOfBirth: null,
    householdSize: 4,
    annualIncome: 60_000,
    state: 'IL',
    insuranceType: 'employer_fully_insured',
    payer: 'Lakeshore Blue',
    drugCovered: 'yes',
    icd10Codes: ['D80.1'],
    drugName: 'Gammagard Liquid',
    hcpcsCode: 'J1569',
    treatmentStart: '2026-11-01',
    treatmentEnd: null,
    outOfPocket: 4_000,
    notes: '',
    ...overrides,
  }
}

export function program(overrides: Partial<Omit<ScreenableProgram, 'rules'>> & Partial<Pick<Program, 'usageDays' | 'usageReminderDays' | 'documentsDueDays'>> & { rules?: Partial<ProgramRules> } = {}): ScreenableProgram & Pick<Program, 'usageDays' | 'usageReminderDays' | 'documentsDueDays'> {
  const { rules, ...rest } = overrides
  return {
    id: 1,
    key: 'test-program',
    name: 'Test fund',
    type: 'disease_fund',
    fundStatus: 'open',
    isVerified: false,
    usageDays: null,
    usageReminderDays: null,
    documentsDueDays: null,
    ...rest,
    rules: { maxFplPercent: null, guidelineYear: null, insuranceAllowed: [], insuranceExcluded: [], drugCoverage: 'any', diagnosisPrefixes: [], drugs: [], states: [], ...rules },
  }
}

/** A day when the 2026 guidelines are in effect. */
export const TODAY = '2026-11-25'
