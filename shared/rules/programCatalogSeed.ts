import type { ProgramFacts, ProgramRules } from '../domain/screening'

/**
 * The example catalog a new caseload starts with. Every entry is marked unverified: the rules are
 * typical values from domain-rules.md §6B (sources in `source`), or illustrative values named as such,
 * and staff must confirm each with the program before relying on it. Names say "Example" so no entry
 * is mistaken for a real fund's current terms.
 */
export interface SeedProgram extends ProgramFacts {
  key: string
}

const rules = (overrides: Partial<ProgramRules>): ProgramRules => ({
  maxFplPercent: null,
  guidelineYear: null,
  insuranceAllowed: [],
  insuranceExcluded: [],
  drugCoverage: 'any',
  diagnosisPrefixes: [],
  drugs: [],
  states: [],
  ...overrides,
})

const VERIFY = 'Example entry — verify every rule with the program before use.'
const base = { isVerified: false, website: '', phone: '', maxAward: null, grantPeriodMonths: null, usageDays: null, usageReminderDays: null, documentsRequired: [], documentsDueDays: null } as const
const FOUNDATION_DOCUMENTS = ['Proof of household income (tax return or pay stubs)', 'Copy of insurance card (front and back)', 'Prescription or letter of medical necessity', 'Signed application and consent']

export const PROGRAM_CATALOG_SEED: readonly SeedProgram[] = [
  {
    ...base,
    key: 'example-pi-copay-fund',
    name: 'Example: primary immunodeficiency copay fund',
    sponsor: 'Independent charity foundation (example)',
    type: 'disease_fund',
    fundStatus: 'open',
    rules: rules({ maxFplPercent: 400, insuranceAllowed: ['commercial', 'medicare', 'medicaid', 'other_federal', 'fehb', 'other'], drugCoverage: 'must_cover', diagnosisPrefixes: ['D80', 'D81', 'D82', 'D83', 'D84'] }),
    grantPeriodMonths: 12,
    usageDays: 120,
    usageReminderDays: 90,
    documentsRequired: FOUNDATION_DOCUMENTS,
    documentsDueDays: 30,
    notes: `${VERIFY} Independent disease funds may help Medicare and Medicaid patients. The 120-day usage rule, its day-90 reminder and the 30-day document deadline are illustrative.`,
    source: 'Typical foundation rules: HealthWell Foundation FAQ (insurance must cover the treatment; 400% or 500% FPL); PAN Foundation FAQ (12-month grants); OIG 70 FR 70623 (independent charities). Diagnosis range illustrative.',
  },
  {
    ...base,
    key: 'example-ivig-copay-card',
    name: 'Example: immune globulin manufacturer copay program',
    sponsor: 'Drug manufacturer (example)',
    type: 'manufacturer_copay',
    fundStatus: 'open',
    rules: rules({ insuranceAllowed: ['commercial'], insuranceExcluded: ['medicare', 'medicaid', 'other_federal'], drugCoverage: 'must_cover', drugs: ['J1569', 'J1561', 'J1559', 'Gammagard', 'Gamunex', 'Hizentra'] }),
    grantPeriodMonths: 12,
    documentsRequired: ['Copy of commercial insurance card', 'Enrollment form signed by the patient'],
    notes: `${VERIFY} Copay cards are for commercial insurance only.`,
    source: 'OIG Special Advisory Bulletin on Pharmaceutical Manufacturer Copayment Coupons (Sept. 2014); 42 U.S.C. 1320a-7b(b). Drug list illustrative.',
  },
  {
    ...base,
    key: 'example-free-drug-pap',
    name: 'Example: manufacturer free-drug patient assistance program',
    sponsor: 'Drug manufacturer (example)',
    type: 'manufacturer_pap',
    fundStatus: 'open',
    rules: rules({ maxFplPercent: 300, drugCoverage: 'must_not_cover', drugs: ['J1569', 'J1561', 'J1559', 'Gammagard', 'Gamunex', 'Hizentra', 'Privigen', 'Octagam'] }),
    grantPeriodMonths: 12,
    documentsRequired: ['Proof of household income', 'Proof of no coverage or a coverage denial for the drug', 'Prescription signed by the prescriber'],
    documentsDueDays: 30,
    notes: `${VERIFY} Free-drug programs usually want the patient uninsured or the drug not covered; some ask for an Extra Help denial first.`,
    source: 'rxassist.org FAQ and secondary PAP summaries (income caps commonly 200%–600% FPL; 300% illustrative). Unverified.',
  },
  {
    ...base,
    key: 'example-cidp-fund',
    name: 'Example: CIDP and neuropathy fund',
    sponsor: 'Independent charity foundation (example)',
    type: 'disease_fund',
    fundStatus: 'closed',
    rules: rules({ maxFplPercent: 500, drugCoverage: 'must_cover', diagnosisPrefixes: ['G61.8'] }),
    grantPeriodMonths: 12,
    documentsRequired: FOUNDATION_DOCUMENTS,
    documentsDueDays: 30,
    notes: `${VERIFY} Shown closed: disease funds open and close as donations allow.`,
    source: 'HealthWell Foundation FAQ (500% FPL in some funds). Diagnosis prefix illustrative.',
  },
  {
    ...base,
    key: 'example-pah-fund',
    name: 'Example: pulmonary hypertension fund',
    sponsor: 'Independent charity foundation (example)',
    type: 'disease_fund',
    fundStatus: 'waitlist',
    rules: rules({ maxFplPercent: 400, drugCoverage: 'must_cover', diagnosisPrefixes: ['I27'] }),
    grantPeriodMonths: 12,
    documentsRequired: FOUNDATION_DOCUMENTS,
    documentsDueDays: 30,
    notes: `${VERIFY} Shown with a waitlist.`,
    source: 'Patient Advocate Foundation Co-Pay Relief FAQ (300% or 400% FPG). Diagnosis prefix illustrative.',
  },
  {
    ...base,
    key: 'example-medicaid-expansion',
    name: 'Example: Medicaid for adults 19–64 (expansion states)',
    sponsor: 'State Medicaid agency',
    type: 'medicaid',
    fundStatus: 'open',
    rules: rules({ maxFplPercent: 138, insuranceExcluded: ['medicare'] }),
    documentsRequired: ['Proof of income', 'Proof of state residence', 'Identity and citizenship or immigration documents'],
    notes: `${VERIFY} Applies only in states that expanded Medicaid; no asset test. Check the applicant's age (19–64) and state. Non-expansion states have lower limits.`,
    source: '133% FPL plus a 5-point disregard = 138% (shadac.org "When 133 equals 138"; macpac.gov Medicaid expansion).',
  },
  {
    ...base,
    key: 'example-medicare-hit',
    name: 'Example: Medicare home infusion therapy benefit',
    sponsor: 'Medicare Part B',
    type: 'medicare_hit',
    fundStatus: 'open',
    rules: rules({ insuranceAllowed: ['medicare'] }),
    documentsRequired: ['Physician-established plan of care', 'Drug covered under the External Infusion Pumps LCD (L33794)'],
    notes: `${VERIFY} Pays for nursing, training and monitoring, not the drug or pump (those fall under the DME benefit). Homebound status is not required. Part D drugs do not qualify.`,
    source: 'Medicare Benefit Policy Manual ch. 15 §320; SSA §1861(iii); 42 CFR 414.1550.',
  },
  {
    ...base,
    key: 'example-hospital-charity',
    name: 'Example: hospital financial assistance policy (charity care)',
    sponsor: 'Tax-exempt hospital (example)',
    type: 'hospital_charity',
    fundStatus: 'open',
    rules: rules({}),
    documentsRequired: ['Financial assistance application', 'Proof of household income'],
    notes: `${VERIFY} Only tax-exempt hospital facilities must have a policy, and each sets its own income thresholds: enter this hospital's limit. Freestanding infusion pharmacies are not hospital facilities.`,
    source: 'IRC §501(r); 26 CFR 1.501(r)-6 (irs.gov billing and collections page).',
  },
  {
    ...base,
    key: 'example-provider-hardship',
    name: 'Example: home infusion provider hardship waiver',
    sponsor: 'Home infusion pharmacy (example)',
    type: 'provider_program',
    fundStatus: 'open',
    rules: rules({}),
    documentsRequired: ['Hardship application with documented financial need'],
    notes: `${VERIFY} A waiver must be individual and documented, not routine or advertised.`,
    source: '42 U.S.C. 1320a-7a(i)(6)(A) (unverified).',
  },
]
