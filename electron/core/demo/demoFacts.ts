import type { DenialReason, PlanFamily, TherapyCategory } from '../../../shared/domain/enums'

/**
 * Plausible home-infusion facts for the demo caseload and the benchmark generator. Names, payers and
 * providers are fictional; drug/HCPCS/ICD-10 pairings follow domain-rules.md §4.
 */
export const FIRST_NAMES = [
  'José', 'María', 'Aaliyah', 'Dmitri', 'Mei', 'Olusegun', 'Hannah', 'Rafael', 'Priya', 'Tomás', 'Grace', 'Liam',
  'Noor', 'Chloé', 'Darnell', 'Ingrid', 'Kenji', 'Lucía', 'Samuel', 'Fatima', 'Björn', 'Esperanza', 'Wei', 'Ruth',
]
export const LAST_NAMES = [
  'Núñez', 'García', 'Washington', 'Petrov', 'Chen', 'Adeyemi', 'Goldberg', 'Ortiz', 'Raman', 'Álvarez', 'Kim',
  'O’Brien', 'Haddad', 'Lefèvre', 'Jackson', 'Lindqvist', 'Tanaka', 'Peña', 'Yazzie', 'Begay', 'Müller', 'Nguyen',
]

export interface TherapyTemplate {
  category: TherapyCategory
  drug: string
  hcpcsCode: string
  icd10Codes: string[]
  reasons: DenialReason[]
}

export const THERAPY_TEMPLATES: TherapyTemplate[] = [
  { category: 'ivig_scig', drug: 'Gammagard Liquid (IVIG) 0.4 g/kg every 4 weeks', hcpcsCode: 'J1569', icd10Codes: ['D80.1'], reasons: ['not_medically_necessary'] },
  { category: 'ivig_scig', drug: 'Privigen (IVIG) for CIDP, 2 g/kg load', hcpcsCode: 'J1459', icd10Codes: ['G61.81'], reasons: ['off_label'] },
  { category: 'ivig_scig', drug: 'Hizentra (SCIG) weekly', hcpcsCode: 'J1559', icd10Codes: ['D83.9'], reasons: ['site_of_care'] },
  { category: 'ivig_scig', drug: 'Octagam 10% for myasthenia gravis exacerbation', hcpcsCode: 'J1568', icd10Codes: ['G70.01'], reasons: ['experimental'] },
  { category: 'tpn', drug: 'Home parenteral nutrition, lipids 20%', hcpcsCode: 'B4185', icd10Codes: ['K91.2'], reasons: ['missing_documentation'] },
  { category: 'tpn', drug: 'Home TPN, amino acids/dextrose compounded', hcpcsCode: 'B4189', icd10Codes: ['K56.69', 'E43'], reasons: ['not_medically_necessary'] },
  { category: 'iv_anti_infective', drug: 'Daptomycin 6 mg/kg daily for 6 weeks', hcpcsCode: 'J0878', icd10Codes: ['M86.161'], reasons: ['site_of_care'] },
  { category: 'iv_anti_infective', drug: 'Ertapenem 1 g daily (OPAT)', hcpcsCode: 'J1335', icd10Codes: ['N39.0', 'B96.20'], reasons: ['no_prior_auth'] },
  { category: 'iv_anti_infective', drug: 'Vancomycin by continuous infusion', hcpcsCode: 'J3370', icd10Codes: ['I33.0'], reasons: ['coding_billing'] },
  { category: 'infused_biologic', drug: 'Infliximab 5 mg/kg every 8 weeks', hcpcsCode: 'J1745', icd10Codes: ['K50.90'], reasons: ['step_therapy'] },
  { category: 'infused_biologic', drug: 'Ocrelizumab 600 mg every 6 months', hcpcsCode: 'J2350', icd10Codes: ['G35'], reasons: ['site_of_care'] },
  { category: 'other_specialty_iv', drug: 'Milrinone continuous infusion', hcpcsCode: 'J2260', icd10Codes: ['I50.22'], reasons: ['not_covered'] },
  { category: 'nursing', drug: 'Home infusion nursing visits, 2 per week', hcpcsCode: 'S9123', icd10Codes: ['D80.1'], reasons: ['not_covered'] },
  { category: 'pump_supplies', drug: 'Ambulatory infusion pump and supplies', hcpcsCode: 'E0781', icd10Codes: ['D83.9'], reasons: ['missing_documentation', 'coding_billing'] },
]

export interface PayerTemplate {
  payer: string
  planFamily: PlanFamily
  state: string
}

export const PAYER_TEMPLATES: PayerTemplate[] = [
  { payer: 'Summit Manufacturing Employee Health Plan (self-funded, TPA Meridian)', planFamily: 'employer_self_funded', state: 'OH' },
  { payer: 'Lakeshore Blue Group Plan', planFamily: 'employer_fully_insured', state: 'IL' },
  { payer: 'Cascadia Marketplace Silver', planFamily: 'individual_marketplace', state: 'WA' },
  { payer: 'Heritage Union Plan (grandfathered)', planFamily: 'grandfathered', state: 'PA' },
  { payer: 'Medicare Part B (DME MAC Jurisdiction B)', planFamily: 'medicare_part_b', state: 'IN' },
  { payer: 'Evergreen Medicare Advantage HMO', planFamily: 'medicare_advantage', state: 'OR' },
  { payer: 'Sunrise Part D Prescription Plan', planFamily: 'medicare_part_d', state: 'FL' },
  { payer: 'State Medicaid (fee-for-service)', planFamily: 'medicaid_ffs', state: 'NM' },
  { payer: 'Desert Sky Medicaid Managed Care', planFamily: 'medicaid_managed_care', state: 'AZ' },
  { payer: 'Tribal health program (other)', planFamily: 'other', state: 'AZ' },
]

export const PRESCRIBERS = ['Dr. Amara Osei, Immunology', 'Dr. Luis Ferrer, Neurology', 'Dr. Helen Park, Infectious Disease', 'Dr. Sara Cohen, Gastroenterology']
export const PROVIDERS = ['Riverbend Home Infusion', 'CarePath Infusion Pharmacy', 'Northstar Specialty Infusion']
export const ADVOCATE_NAMES = ['Jordan Ellis', 'Maya Thompson', 'Ana Ruiz']

/** Seeded PRNG (mulberry32) so every demo and benchmark caseload is reproducible. */
export function seededRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
  }
}
