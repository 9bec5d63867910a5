import { formatMoney } from '../domain/money'
import type { InsuranceGroup, InsuranceType, ProgramType, ReminderKind, Verification } from '../domain/screening'

/**
 * The sentences that explain a screening result, as data. The engine fills them for the command
 * line and documents; the renderer's i18n messages are built from the same table
 * (renderer/src/i18n/en/screening.ts), so the app and the CLI say the same thing.
 * Placeholders are `{name}`; avoid `@` and `|`, which vue-i18n treats specially.
 */
export const REASONS_EN = {
  fund_open: 'The fund is open.',
  fund_closed: 'The fund is closed and is not taking applications.',
  fund_waitlist: 'The fund has a waitlist: the applicant can join it, but help is not immediate.',
  state_any: 'Serves every state.',
  state_ok: 'Serves {state}.',
  state_no: 'Serves only {states}; the applicant lives in {state}.',
  state_missing: 'Serves only {states}: enter the applicant’s state.',
  insurance_any: 'Any insurance, or none, is accepted.',
  insurance_missing: 'Enter the applicant’s insurance to check the insurance rule.',
  insurance_aks: '{insurance} is a federal health care program, and manufacturer copay help cannot be used with it (federal Anti-Kickback Statute).',
  insurance_excluded: 'Excludes {group}; the applicant has {insurance}.',
  insurance_not_allowed: 'Accepts only {groups}; the applicant has {insurance}.',
  insurance_ok: '{insurance} is accepted.',
  coverage_any: 'No rule on whether insurance pays for the drug.',
  coverage_must_cover_ok: 'Insurance pays for the drug, as the program requires.',
  coverage_must_cover_no: 'Helps only when insurance pays for the drug; the applicant’s insurance does not.',
  coverage_must_cover_uninsured: 'Helps only insured patients whose plan pays for the drug; the applicant has no insurance.',
  coverage_must_not_cover_ok: 'The applicant has no coverage for the drug, as the program requires.',
  coverage_must_not_cover_no: 'For patients whose insurance does not pay for the drug; the applicant’s insurance pays for it.',
  coverage_unknown: 'Find out whether the applicant’s insurance pays for the drug.',
  diagnosis_any: 'Any diagnosis.',
  diagnosis_ok: 'Diagnosis {code} is covered (matches {prefix}).',
  diagnosis_no: 'Covers diagnoses {prefixes}; the applicant’s {codes} do not match.',
  diagnosis_missing: 'Covers only diagnoses {prefixes}: enter the applicant’s ICD-10 codes.',
  drug_any: 'Any drug.',
  drug_ok: 'The drug {drug} is covered.',
  drug_no: 'Covers only {drugs}; the applicant’s drug is {drug}.',
  drug_missing: 'Covers only {drugs}: enter the drug name or HCPCS code.',
  income_none: 'No income limit.',
  income_ok: 'Income {income} is {percent}% of the poverty guideline, within the {max}% limit of {limit}.',
  income_over: 'Income {income} is {percent}% of the poverty guideline, above the {max}% limit of {limit} by {over}.',
  income_missing: 'Enter household size, annual income and state to compare income with the {max}% limit.',
  income_territory: 'HHS poverty guidelines cover the 48 states and DC, Alaska and Hawaii, not {state}: ask the program which figures it uses.',
  income_year_unknown: 'Uses the {year} poverty guidelines, which Overturn does not have yet.',
  fpl_missing_facts: 'Enter household size, annual income and state to compute the percentage of the poverty level.',
  fpl_territory: 'HHS poverty guidelines cover the 48 states and DC, Alaska and Hawaii, not {state}.',
} as const
export type ReasonId = keyof typeof REASONS_EN

export const REMINDERS_EN: Record<ReminderKind, string> = {
  documents_due: 'Documents for {program} are due {date} ({days} days after pre-approval).',
  usage_check: 'Day {day} of the {days}-day usage rule for {program}: confirm a paid claim before {lapse}.',
  usage_lapse: 'The {program} grant lapses {date} without a paid claim ({days}-day rule).',
  grant_end: 'The {program} grant period ends {date}: reapply if treatment continues.',
}

/** Fills `{name}` placeholders. Unknown names are left as written, so a typo shows rather than vanishes. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? params[name] : whole))
}

export const INSURANCE_TYPE_LABELS_EN: Record<InsuranceType, string> = {
  commercial: 'Commercial / employer coverage',
  employer_self_funded: 'Employer plan, self-funded (ERISA)',
  employer_fully_insured: 'Employer plan, fully insured',
  individual_marketplace: 'Individual / marketplace plan',
  grandfathered: 'Grandfathered plan',
  medicare_part_b: 'Medicare Part B',
  medicare_advantage: 'Medicare Advantage',
  medicare_part_d: 'Medicare Part D',
  medicaid_ffs: 'Medicaid fee-for-service',
  medicaid_managed_care: 'Medicaid managed care',
  tricare: 'TRICARE',
  va: 'VA health care',
  fehb: 'Federal Employees Health Benefits (FEHB)',
  uninsured: 'No insurance',
  other: 'Other coverage',
}

export const INSURANCE_GROUP_LABELS_EN: Record<InsuranceGroup, string> = {
  commercial: 'commercial insurance',
  medicare: 'Medicare',
  medicaid: 'Medicaid',
  other_federal: 'TRICARE or VA',
  fehb: 'FEHB',
  uninsured: 'no insurance',
  other: 'other coverage',
}

export const PROGRAM_TYPE_LABELS_EN: Record<ProgramType, string> = {
  manufacturer_pap: 'Manufacturer patient assistance program',
  manufacturer_copay: 'Manufacturer copay program',
  disease_fund: 'Disease-fund foundation',
  medicaid: 'Medicaid',
  medicare_hit: 'Medicare home infusion therapy benefit',
  hospital_charity: 'Hospital charity care',
  provider_program: 'Home infusion provider program',
  other: 'Other',
}

/**
 * Manufacturer copay coupons are remuneration that can induce the purchase of federally reimbursed
 * drugs, so they cannot be used by people on Medicare, Medicaid, TRICARE or VA care — whatever a
 * program's own rules say (domain-rules.md §6B).
 */
export const ANTI_KICKBACK_RULE = {
  programType: 'manufacturer_copay' as ProgramType,
  excludedGroups: ['medicare', 'medicaid', 'other_federal'] as InsuranceGroup[],
  citation: 'Anti-Kickback Statute, 42 U.S.C. 1320a-7b(b); OIG Special Advisory Bulletin on Pharmaceutical Manufacturer Copayment Coupons (Sept. 2014)',
  verification: 'V' as Verification,
}

/** `$33,000.00`, `$132,000.50`: the one money format (shared/domain/money.ts) for engine text, documents and the CLI. */
export function formatDollars(amount: number): string {
  return formatMoney(amount)
}

/** A percentage as the engine states it: up to two decimals, no trailing zeros. */
export function formatPercent(value: number): string {
  return String(Math.round(value * 100) / 100)
}
