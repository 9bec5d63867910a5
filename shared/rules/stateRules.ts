import type { PlanFamily, UsState } from '../domain/enums'
import type { RuleRef } from './ladders/types'

/**
 * State-law overlays for the ten most populous states: step-therapy exception statutes, prior-authorization
 * laws and state external review. State insurance law reaches fully insured plans only (self-funded plans
 * are ERISA-preempted, domain-rules.md §1D). Only the Illinois PA statute (and the Texas bill, unconfirmed)
 * appear in the research file; every other row is a well-known statute not checked in this research pass,
 * so it carries `verified: false` and the app shows "verify".
 */
export interface StateLawRef extends RuleRef {
  nameEn: string
  noteEn?: string
}

export interface StateRules {
  state: UsState
  nameEn: string
  /** null: no statute encoded; the letter asks the advocate to check state law. */
  stepTherapy: (StateLawRef & { decisionEn?: string }) | null
  priorAuth: StateLawRef | null
  externalReview: StateLawRef | null
}

const unverified = (ruleId: string, citation: string, nameEn: string, noteEn?: string): StateLawRef => ({ ruleId, citation, nameEn, noteEn, verified: false })

export const STATE_RULES: readonly StateRules[] = [
  {
    state: 'CA',
    nameEn: 'California',
    stepTherapy: { ...unverified('state.ca.step_therapy', 'Cal. Health & Safety Code §1367.206; Cal. Ins. Code §10123.201', 'California step-therapy exception law'), decisionEn: '72 hours, or 24 hours when exigent' },
    priorAuth: unverified('state.ca.pa', 'Cal. Health & Safety Code §1367.241', 'California prescription-drug prior-authorization law', '72 hours, or 24 hours when exigent.'),
    externalReview: unverified('state.ca.imr', 'Cal. Health & Safety Code §1374.30 et seq.; Cal. Ins. Code §10169 et seq.', 'Independent Medical Review (IMR)',
      'Through the Department of Managed Health Care for health-plan coverage, or the Department of Insurance for insured policies; the IMR application window and forms differ from the federal external review.'),
  },
  {
    state: 'TX',
    nameEn: 'Texas',
    stepTherapy: { ...unverified('state.tx.step_therapy', 'Tex. Ins. Code §1369.0546', 'Texas step-therapy exception law'), decisionEn: '72 hours, or 24 hours when urgent' },
    priorAuth: unverified('state.tx.pa', 'Tex. Ins. Code 4201.3045', 'Texas preauthorization law', 'Enactment of the 3-day rule not confirmed.'),
    externalReview: unverified('state.tx.iro', 'Tex. Ins. Code ch. 4202', 'Independent review organization (Texas Department of Insurance)'),
  },
  {
    state: 'FL',
    nameEn: 'Florida',
    stepTherapy: unverified('state.fl.step_therapy', 'Fla. Stat. §627.42393', 'Florida step-therapy protocol law'),
    priorAuth: null,
    externalReview: null,
  },
  {
    state: 'NY',
    nameEn: 'New York',
    stepTherapy: { ...unverified('state.ny.step_therapy', 'N.Y. Ins. Law §4903(c-1); N.Y. Pub. Health Law §4903(3-a)', 'New York step-therapy override law'), decisionEn: '72 hours, or 24 hours when urgent' },
    priorAuth: null,
    externalReview: unverified('state.ny.external_appeal', 'N.Y. Ins. Law §§4910-4914', 'New York external appeal (Department of Financial Services)'),
  },
  {
    state: 'PA',
    nameEn: 'Pennsylvania',
    stepTherapy: unverified('state.pa.step_therapy', 'Pa. Act 146 of 2022', 'Pennsylvania step-therapy exception law'),
    priorAuth: unverified('state.pa.pa', 'Pa. Act 146 of 2022', 'Pennsylvania prior-authorization law'),
    externalReview: unverified('state.pa.external_review', 'Pa. Act 146 of 2022', 'Pennsylvania Insurance Department external review'),
  },
  {
    state: 'IL',
    nameEn: 'Illinois',
    stepTherapy: unverified('state.il.step_therapy', '215 ILCS 134/45.1', 'Illinois step-therapy exception law'),
    priorAuth: { ruleId: 'state.il.pa', citation: '215 ILCS 200/25, 200/30', nameEn: 'Illinois Prior Authorization Reform Act', noteEn: '5 calendar days; 48 hours when urgent.', verified: true },
    externalReview: unverified('state.il.external_review', '215 ILCS 180', 'Illinois Health Carrier External Review Act'),
  },
  {
    state: 'OH',
    nameEn: 'Ohio',
    stepTherapy: unverified('state.oh.step_therapy', 'Ohio Rev. Code §3901.83 et seq.', 'Ohio step-therapy exemption law'),
    priorAuth: null,
    externalReview: unverified('state.oh.external_review', 'Ohio Rev. Code ch. 3922', 'Ohio external review'),
  },
  {
    state: 'GA',
    nameEn: 'Georgia',
    stepTherapy: unverified('state.ga.step_therapy', 'O.C.G.A. §33-24-59.25', 'Georgia step-therapy exception law'),
    priorAuth: null,
    externalReview: null,
  },
  {
    state: 'NC',
    nameEn: 'North Carolina',
    stepTherapy: null,
    priorAuth: null,
    externalReview: unverified('state.nc.external_review', 'N.C. Gen. Stat. §58-50-75 et seq.', 'North Carolina external review (Department of Insurance)'),
  },
  {
    state: 'MI',
    nameEn: 'Michigan',
    stepTherapy: null,
    priorAuth: null,
    externalReview: unverified('state.mi.external_review', 'Mich. Comp. Laws §550.1901 et seq.', 'Michigan Patient’s Right to Independent Review Act'),
  },
]

/** State law reaches these plan families (fully insured coverage); self-funded plans are ERISA-preempted. */
export const STATE_LAW_FAMILIES: readonly PlanFamily[] = ['employer_fully_insured', 'individual_marketplace']

export function stateRules(state: string | null | undefined): StateRules | null {
  return STATE_RULES.find((r) => r.state === state) ?? null
}
