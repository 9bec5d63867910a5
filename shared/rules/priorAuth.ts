import type { DayString } from '../domain/days'
import type { PlanFamily, ServiceType, UsState } from '../domain/enums'
import type { ClockUnit, Extension, RuleRef } from './ladders/types'

// Prior-authorization decision clocks, domain-rules.md §2 (and §1A, §1D, §1F–1I for the detail rows).

export type PaTrack = 'standard' | 'expedited'

export interface PriorAuthClock extends RuleRef {
  id: string
  planFamilies: PlanFamily[]
  /** CMS-0057-F clocks cover items and services only; drugs keep their own clocks. */
  appliesTo: 'items_services' | 'drugs' | 'all'
  track: PaTrack
  amount: number
  unit: ClockUnit
  /** Only for these service types (concurrent-care extension requests). */
  serviceTypes?: ServiceType[]
  /** The clock applies to requests made on or after / before these days. */
  requestedOnOrAfter?: DayString
  requestedBefore?: DayString
  extension: Extension | null
  noteEn?: string
}

const ACA_FAMILIES: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace']
const ERISA_PA: RuleRef = { ruleId: 'erisa.pa', citation: '29 CFR 2560.503-1(f)(2)(i), (f)(2)(iii)(A), (f)(4); 45 CFR 147.136(b)', verified: true }
// Grandfathered plans keep the ERISA claim clocks but not 45 CFR 147.136 (exempted by 45 CFR 147.140).
const GRANDFATHERED_PA: RuleRef = { ruleId: 'erisa.grandfathered.pa', citation: '29 CFR 2560.503-1(f)(2)(i), (f)(2)(iii)(A), (f)(4)', verified: true }
const MA_ITEMS: RuleRef = { ruleId: 'medicare.ma.pa.items', citation: '42 CFR 422.568(b)(1) as amended by CMS-0057-F (89 FR 8758)', verified: true }
const MA_DRUGS: RuleRef = { ruleId: 'medicare.ma.pa.part_b_drugs', citation: '42 CFR 422.568(b)(2), 422.572(a)(2)', verified: false }
const PART_D: RuleRef = { ruleId: 'medicare.part_d.coverage_determination', citation: 'cms.gov Part D Exceptions page; 42 CFR 423.568-423.572', verified: true }
const MEDICAID_FFS: RuleRef = { ruleId: 'medicaid.ffs.pa', citation: '42 CFR 440.230(e)(1), 431.80(a); CMCS bulletin 3d5c65a', verified: true }
const MEDICAID_DRUGS: RuleRef = { ruleId: 'medicaid.drugs.pa', citation: 'SSA §1927(d)(5), 42 U.S.C. 1396r-8(d)(5)', verified: true }
const MCO: RuleRef = { ruleId: 'medicaid.mco.pa', citation: '42 CFR 438.210(d)(1)-(2) as amended by CMS-0057-F', verified: true }
const DMEPOS: RuleRef = { ruleId: 'medicare.dmepos.pa', citation: '42 CFR 414.234; 81 FR 93636', verified: false }

const CMS_0057_START = '2026-01-01'
const FOURTEEN_DAY_EXTENSION: Extension = { amount: 14, unit: 'calendar_days', whenEn: 'at the enrollee’s request or when the plan justifies need' }

export const PRIOR_AUTH_CLOCKS: readonly PriorAuthClock[] = [
  { id: 'aca_standard', planFamilies: ACA_FAMILIES, appliesTo: 'all', track: 'standard', amount: 15, unit: 'calendar_days',
    extension: { amount: 15, unit: 'calendar_days', whenEn: 'once, for matters beyond the plan’s control, noticed before day 15' },
    noteEn: 'CMS-0057-F clocks do not apply to QHP issuers on the federal exchange; an incomplete request tolls the clock (claimant gets at least 45 days).', ...ERISA_PA },
  { id: 'aca_urgent', planFamilies: ACA_FAMILIES, appliesTo: 'all', track: 'expedited', amount: 72, unit: 'hours', extension: null,
    noteEn: 'If information is missing the plan must say so within 24 hours and allow at least 48 hours to supply it.', ...ERISA_PA },
  { id: 'aca_concurrent_urgent', planFamilies: ACA_FAMILIES, appliesTo: 'all', track: 'expedited', amount: 24, unit: 'hours', serviceTypes: ['concurrent'], extension: null,
    noteEn: 'Request to extend an urgent course made at least 24 hours before it ends.', ruleId: 'erisa.pa.concurrent', citation: '29 CFR 2560.503-1(f)(2)(ii)', verified: true },
  { id: 'grandfathered_standard', planFamilies: ['grandfathered'], appliesTo: 'all', track: 'standard', amount: 15, unit: 'calendar_days',
    extension: { amount: 15, unit: 'calendar_days', whenEn: 'once, for matters beyond the plan’s control, noticed before day 15' }, ...GRANDFATHERED_PA },
  { id: 'grandfathered_urgent', planFamilies: ['grandfathered'], appliesTo: 'all', track: 'expedited', amount: 72, unit: 'hours', extension: null, ...GRANDFATHERED_PA },
  { id: 'grandfathered_concurrent_urgent', planFamilies: ['grandfathered'], appliesTo: 'all', track: 'expedited', amount: 24, unit: 'hours', serviceTypes: ['concurrent'], extension: null,
    ruleId: 'erisa.grandfathered.pa.concurrent', citation: '29 CFR 2560.503-1(f)(2)(ii)', verified: true },
  { id: 'ma_items_standard_pre2026', planFamilies: ['medicare_advantage'], appliesTo: 'items_services', track: 'standard', amount: 14, unit: 'calendar_days',
    requestedBefore: CMS_0057_START, extension: FOURTEEN_DAY_EXTENSION, ...MA_ITEMS },
  { id: 'ma_items_standard', planFamilies: ['medicare_advantage'], appliesTo: 'items_services', track: 'standard', amount: 7, unit: 'calendar_days',
    requestedOnOrAfter: CMS_0057_START, extension: FOURTEEN_DAY_EXTENSION, ...MA_ITEMS },
  { id: 'ma_items_expedited', planFamilies: ['medicare_advantage'], appliesTo: 'items_services', track: 'expedited', amount: 72, unit: 'hours',
    extension: { amount: 14, unit: 'calendar_days', whenEn: 'up to 14 days for items and services' },
    ruleId: 'medicare.ma.pa.expedited', citation: '42 CFR 422.572(a)-(b); 422.566(a)', verified: true },
  { id: 'ma_drug_standard', planFamilies: ['medicare_advantage'], appliesTo: 'drugs', track: 'standard', amount: 72, unit: 'hours', extension: null,
    noteEn: 'CMS-0057-F prior-authorization provisions exclude drugs.', ...MA_DRUGS },
  { id: 'ma_drug_expedited', planFamilies: ['medicare_advantage'], appliesTo: 'drugs', track: 'expedited', amount: 24, unit: 'hours', extension: null, ...MA_DRUGS },
  { id: 'part_d_standard', planFamilies: ['medicare_part_d'], appliesTo: 'all', track: 'standard', amount: 72, unit: 'hours', extension: null,
    noteEn: 'Exception requests run from receipt of the prescriber’s supporting statement.', ...PART_D },
  { id: 'part_d_expedited', planFamilies: ['medicare_part_d'], appliesTo: 'all', track: 'expedited', amount: 24, unit: 'hours', extension: null, ...PART_D },
  // 42 CFR 440.230(e)(1): 7 calendar days, "with a possible extension of up to 14 calendar days" when the
  // beneficiary or provider asks or the agency finds it in the beneficiary's interest.
  { id: 'medicaid_ffs_standard', planFamilies: ['medicaid_ffs'], appliesTo: 'items_services', track: 'standard', amount: 7, unit: 'calendar_days',
    requestedOnOrAfter: CMS_0057_START, extension: { amount: 14, unit: 'calendar_days', whenEn: 'up to 14 days, when the beneficiary or provider asks or the agency finds it in the beneficiary’s interest (42 CFR 440.230(e)(1))' },
    noteEn: 'CMS let some states delay compliance.', ...MEDICAID_FFS },
  { id: 'medicaid_ffs_expedited', planFamilies: ['medicaid_ffs'], appliesTo: 'items_services', track: 'expedited', amount: 72, unit: 'hours',
    requestedOnOrAfter: CMS_0057_START, extension: null, ...MEDICAID_FFS },
  { id: 'medicaid_ffs_drug', planFamilies: ['medicaid_ffs'], appliesTo: 'drugs', track: 'standard', amount: 24, unit: 'hours', extension: null,
    noteEn: 'Pharmacy benefit; a 72-hour emergency supply is due when PA is not available.', ...MEDICAID_DRUGS },
  { id: 'medicaid_ffs_drug_expedited', planFamilies: ['medicaid_ffs'], appliesTo: 'drugs', track: 'expedited', amount: 24, unit: 'hours', extension: null, ...MEDICAID_DRUGS },
  { id: 'mco_standard_pre2026', planFamilies: ['medicaid_managed_care'], appliesTo: 'items_services', track: 'standard', amount: 14, unit: 'calendar_days',
    requestedBefore: CMS_0057_START, extension: FOURTEEN_DAY_EXTENSION, noteEn: 'Keyed to the plan’s rating period, not the request date.', ...MCO },
  { id: 'mco_standard', planFamilies: ['medicaid_managed_care'], appliesTo: 'items_services', track: 'standard', amount: 7, unit: 'calendar_days',
    requestedOnOrAfter: CMS_0057_START, extension: FOURTEEN_DAY_EXTENSION,
    noteEn: 'Rating periods starting on or after 2026-01-01; states may set shorter.', ...MCO },
  // 42 CFR 438.210(d)(2)(ii): an expedited authorization may be extended by up to 14 calendar days.
  { id: 'mco_expedited', planFamilies: ['medicaid_managed_care'], appliesTo: 'items_services', track: 'expedited', amount: 72, unit: 'hours',
    extension: { amount: 14, unit: 'calendar_days', whenEn: 'up to 14 days, when the enrollee asks or the plan justifies the need (42 CFR 438.210(d)(2)(ii))' }, ...MCO },
  { id: 'mco_drug', planFamilies: ['medicaid_managed_care'], appliesTo: 'drugs', track: 'standard', amount: 24, unit: 'hours', extension: null,
    noteEn: 'The 24-hour pharmacy rule is listed for Medicaid outpatient drugs; applying it to MCOs is unconfirmed.', ...MEDICAID_DRUGS, verified: false },
  { id: 'dmepos_standard', planFamilies: ['medicare_part_b'], appliesTo: 'items_services', track: 'standard', amount: 5, unit: 'business_days', extension: null,
    noteEn: 'Original Medicare has no general PA for home infusion; only items on the DMEPOS required-PA list.', ...DMEPOS },
  { id: 'dmepos_expedited', planFamilies: ['medicare_part_b'], appliesTo: 'items_services', track: 'expedited', amount: 2, unit: 'business_days', extension: null, ...DMEPOS },
]

export interface StatePaOverlay extends RuleRef {
  state: UsState
  track: PaTrack
  amount: number
  unit: ClockUnit
  noteEn?: string
}

/** State PA statutes reach fully insured plans only; ERISA preempts them for self-funded plans (domain-rules §1D). */
export const STATE_PA_FAMILIES: PlanFamily[] = ['employer_fully_insured', 'individual_marketplace']

export const STATE_PA_OVERLAYS: readonly StatePaOverlay[] = [
  { state: 'IL', track: 'standard', amount: 5, unit: 'calendar_days', ruleId: 'state.il.pa', citation: '215 ILCS 200/25', verified: true },
  { state: 'IL', track: 'expedited', amount: 48, unit: 'hours', ruleId: 'state.il.pa.urgent', citation: '215 ILCS 200/30', verified: true, noteEn: 'After all information is received.' },
  { state: 'AL', track: 'standard', amount: 2, unit: 'business_days', ruleId: 'state.al.pa', citation: 'Ala. Code §27-3A-5', verified: true },
  { state: 'AZ', track: 'standard', amount: 14, unit: 'calendar_days', ruleId: 'state.az.pa', citation: 'A.R.S. §20-3404', verified: true },
  { state: 'AZ', track: 'expedited', amount: 5, unit: 'calendar_days', ruleId: 'state.az.pa.urgent', citation: 'A.R.S. §20-3404', verified: true },
  { state: 'TX', track: 'standard', amount: 3, unit: 'calendar_days', ruleId: 'state.tx.pa', citation: 'Tex. Ins. Code 4201.3045 (bill eff. 9/1/2025)', verified: false, noteEn: 'Enactment not confirmed.' },
]

/** The PA clock rows that fit a request: plan family, drug or not, track, service type and request date. */
export function priorAuthClocksFor(
  planFamily: PlanFamily,
  input: { isDrug: boolean; track: PaTrack; serviceType: ServiceType; requestedOn: DayString },
): PriorAuthClock[] {
  return PRIOR_AUTH_CLOCKS.filter(
    (c) =>
      c.planFamilies.includes(planFamily) &&
      c.track === input.track &&
      (c.appliesTo === 'all' || c.appliesTo === (input.isDrug ? 'drugs' : 'items_services')) &&
      (!c.serviceTypes || c.serviceTypes.includes(input.serviceType)) &&
      (!c.requestedOnOrAfter || input.requestedOn >= c.requestedOnOrAfter) &&
      (!c.requestedBefore || input.requestedOn < c.requestedBefore),
  )
}
