import type { PlanFamily, TherapyCategory } from '../domain/enums'
import { icd10Row } from './icd10'
import type { RuleRef } from './ladders/types'

/**
 * Which Medicare benefit pays for a home infusion, as data (domain-rules.md §5). The route decides the
 * argument a Medicare letter makes and whether the request or the denial went down the wrong route
 * (e.g. home IVIG for CIDP billed to Part B, whose home IVIG benefit covers primary immunodeficiency only).
 */
export type MedicareRouteId = 'home_ivig_pid' | 'scig_pump' | 'ivig_not_pid' | 'parenteral_nutrition' | 'part_d_anti_infective' | 'dme_pump_drug' | 'hit_services' | 'part_d_drug'

export interface MedicareRoute extends RuleRef {
  id: MedicareRouteId
  benefitEn: string
  /** The Medicare part that pays at home: B (Original Medicare, DME MAC / A/B MAC) or D (drug only). */
  part: 'B' | 'D'
  /** A paragraph for Medicare letters, in the advocate's voice. */
  argumentEn: string
}

const ROUTES: Record<MedicareRouteId, MedicareRoute> = {
  home_ivig_pid: {
    id: 'home_ivig_pid', part: 'B', benefitEn: 'Part B home IVIG benefit for primary immunodeficiency',
    argumentEn:
      'Medicare Part B covers intravenous immune globulin given at home to a patient with a diagnosed primary immunodeficiency when the physician finds home administration appropriate (Social Security Act §1861(zz)); since January 1, 2024 the items and services needed to give it at home are covered as well (HCPCS Q2052). The diagnosis here is on the primary immunodeficiency list in the Medicare Benefit Policy Manual, chapter 15, §50.6.',
    ruleId: 'medicare.route.home_ivig_pid', citation: 'SSA §1861(zz); MBPM ch. 15 §50.6; Q2052 (from 1/1/2024)', verified: true,
  },
  scig_pump: {
    id: 'scig_pump', part: 'B', benefitEn: 'Part B DME benefit (external infusion pump) with home infusion therapy services',
    argumentEn:
      'Subcutaneous immune globulin for primary immunodeficiency is covered as a supply to a covered external infusion pump under the Part B durable medical equipment benefit (LCD L33794), and the professional services to give it at home are covered under the home infusion therapy benefit, Category 2 (Social Security Act §1861(iii); 42 CFR 414.1550).',
    ruleId: 'medicare.route.scig_pump', citation: 'LCD L33794; SSA §1861(iii); 42 CFR 414.1550(c)', verified: true,
  },
  ivig_not_pid: {
    id: 'ivig_not_pid', part: 'D', benefitEn: 'Part D (drug only) for home IVIG outside primary immunodeficiency',
    argumentEn:
      'Medicare’s Part B home IVIG benefit is limited to primary immunodeficiency, so for this diagnosis the immune globulin given at home is a Part D drug (Part B pays for it only in a physician’s office or hospital outpatient setting). Part D covers the drug itself; it does not pay for the pump, supplies or nursing.',
    ruleId: 'medicare.route.ivig_not_pid', citation: 'MBPM ch. 15 §50.6; Part D coverage of home infusion drugs (NHIA)', verified: true,
  },
  parenteral_nutrition: {
    id: 'parenteral_nutrition', part: 'B', benefitEn: 'Part B prosthetic device benefit (parenteral nutrition)',
    argumentEn:
      'Home parenteral nutrition is covered under the Part B prosthetic device benefit (Social Security Act §1861(s)(8); NCD 180.2; LCD L38953) for a permanent impairment of the small intestine or its motility where enteral nutrition has been ruled out or has failed. It is an item, not a drug.',
    ruleId: 'medicare.route.parenteral_nutrition', citation: 'SSA §1861(s)(8); NCD 180.2; LCD L38953', verified: true,
  },
  part_d_anti_infective: {
    id: 'part_d_anti_infective', part: 'D', benefitEn: 'Part D for home IV anti-infectives not payable under Part B',
    argumentEn:
      'Most home IV antibiotics (for example vancomycin, ceftriaxone, daptomycin and ertapenem) are not payable under Part B at home and are covered as Part D drugs; the anti-infectives on the external infusion pump LCD (acyclovir, foscarnet, ganciclovir, amphotericin B) are Part B DME drugs with home infusion therapy services.',
    ruleId: 'medicare.route.part_d_anti_infective', citation: 'LCD L33794; Part D coverage of home infusion drugs (NHIA)', verified: true,
  },
  dme_pump_drug: {
    id: 'dme_pump_drug', part: 'B', benefitEn: 'Part B DME benefit (external infusion pump) with home infusion therapy services',
    argumentEn:
      'The drug is given through an external infusion pump covered under the Part B durable medical equipment benefit (LCD L33794); the drug is covered as a supply to the pump, and the professional services are covered under the home infusion therapy benefit (Social Security Act §1861(iii); 42 CFR 414.1550).',
    ruleId: 'medicare.route.dme_pump_drug', citation: 'LCD L33794; SSA §1861(iii); 42 CFR 414.1550', verified: true,
  },
  hit_services: {
    id: 'hit_services', part: 'B', benefitEn: 'Part B home infusion therapy services benefit',
    argumentEn:
      'The home infusion therapy services benefit covers the nursing, training and monitoring needed to give a home infusion drug under a physician’s plan of care, without a homebound requirement (Social Security Act §1861(iii); 21st Century Cures Act §5012; codes G0068–G0070 and G0088–G0090). It applies when the drug is covered under the Part B DME benefit.',
    ruleId: 'medicare.route.hit_services', citation: 'SSA §1861(iii); 42 CFR 486 subpart I; MBPM ch. 15 §320', verified: true,
  },
  part_d_drug: {
    id: 'part_d_drug', part: 'D', benefitEn: 'Part D (drug only)',
    argumentEn: 'The drug is covered under Part D when Part B does not pay for it at home; Part D does not pay for the pump, supplies or nursing.',
    ruleId: 'medicare.route.part_d_drug', citation: 'Part D coverage of home infusion drugs (NHIA)', verified: true,
  },
}

/** HCPCS codes of subcutaneous immune globulins (HIT Category 2, 42 CFR 414.1550(c)(1)). */
const SCIG_CODES = new Set(['J1551', 'J1555', 'J1558', 'J1559', 'J1562', 'J1575'])

/** The Medicare route for a therapy and its diagnoses; null for therapies with no home route rule. */
export function medicareRoute(input: { therapy: TherapyCategory; icd10Codes: string[]; hcpcsCode: string; drug: string }): MedicareRoute {
  const isPid = input.icd10Codes.some((c) => icd10Row(c)?.isPrimaryImmunodeficiency)
  switch (input.therapy) {
    case 'ivig_scig': {
      const isSubcutaneous = SCIG_CODES.has(input.hcpcsCode.toUpperCase()) || /subcutaneous|scig|hizentra|cuvitru|xembify|cutaquig|hyqvia/i.test(input.drug)
      if (!isPid) return ROUTES.ivig_not_pid
      return isSubcutaneous ? ROUTES.scig_pump : ROUTES.home_ivig_pid
    }
    case 'tpn':
      return ROUTES.parenteral_nutrition
    case 'iv_anti_infective':
      return ROUTES.part_d_anti_infective
    case 'other_specialty_iv':
    case 'pump_supplies':
      return ROUTES.dme_pump_drug
    case 'nursing':
      return ROUTES.hit_services
    case 'infused_biologic':
      return ROUTES.part_d_drug
  }
}

const MA_DUTY: RuleRef = { ruleId: 'medicare.ma.covers_part_b', citation: '42 CFR 422.101', verified: false }

/** Medicare Advantage must cover every Part B benefit (home IVIG, Q2052, parenteral nutrition, HIT services). */
export const MA_PART_B_DUTY_EN = {
  ...MA_DUTY,
  textEn: 'A Medicare Advantage plan must cover every benefit Original Medicare Part B covers, including each piece of this home infusion (42 CFR 422.101).',
}

/**
 * A sentence when the case's coverage and the route disagree: a Part B denial of a Part D drug, or a Part D
 * denial of something Part B covers. Null when they agree or the case is not Medicare.
 */
export function wrongRouteWarning(family: PlanFamily, route: MedicareRoute): string | null {
  if (family === 'medicare_part_b' && route.part === 'D') {
    return `This therapy goes through Medicare Part D at home, not Part B (${route.benefitEn}; ${route.citation}): check whether the request or the denial went down the wrong route, and file with the Part D plan.`
  }
  if (family === 'medicare_part_d' && route.part === 'B') {
    return `This therapy is a Medicare Part B benefit at home (${route.benefitEn}; ${route.citation}): a Part D denial may be the wrong route; ask the supplier to bill Part B.`
  }
  return null
}
