import type { DecisionWindow, ExpeditedRule, FilingWindow, Ladder, LadderLevel, RuleRef, ScopeLimit } from './types'
import { clock, complaint, level } from './build'

// domain-rules.md §1A–1C, §1K. "S" rows count as verified (good enough to encode), "U" rows do not.

const URGENT_CRITERION =
  'Standard time could seriously jeopardize life, health or ability to regain maximum function, or a physician says ' +
  'the patient has severe pain that cannot be managed; the treating physician’s urgency call is binding. May be requested orally.'

const ERISA_APPEAL_RULE: RuleRef = {
  ruleId: 'erisa.internal_appeal',
  citation: '29 CFR 2560.503-1(h)(3)-(4), (i)(2)(i)-(iii)',
  verified: true,
}

const FILING_180: FilingWindow = {
  amount: 180,
  unit: 'calendar_days',
  from: 'receipt_counted_from_notice_date',
  bound: 'floor',
  ruleId: 'erisa.appeal.filing_180_days',
  citation: '29 CFR 2560.503-1(h)(3)(i) via (h)(4); 45 CFR 147.136(b)(3)(i)',
  verified: true,
  note: 'At least 180 days after receipt; no weekend roll-forward; counted from the letter date to be safe unless receipt is recorded.',
  receiptRule: '29 CFR 2560.503-1(h)(3)(i)',
}

const URGENT_EXPEDITED: ExpeditedRule = {
  available: true,
  criterionEn: URGENT_CRITERION,
  ruleId: 'erisa.urgent_care',
  citation: '29 CFR 2560.503-1(m)(1); 45 CFR 147.136(b)(2)(ii)(B)',
  verified: true,
}

/** Per-level clocks depend on whether the plan has one or two internal levels; no extensions on appeal. */
function erisaAppealClocks(ref: RuleRef): DecisionWindow[] {
  const perLevel = { ...ref, citation: '29 CFR 2560.503-1(i)(2)(ii)-(iii)' }
  return [
    clock('expedited', 72, 'hours', { ...ref, citation: '29 CFR 2560.503-1(i)(2)(i)' }),
    clock('pre_service', 30, 'calendar_days', perLevel, { internalLevels: 1 }),
    clock('pre_service', 15, 'calendar_days', perLevel, { internalLevels: 2 }),
    clock('post_service', 60, 'calendar_days', perLevel, { internalLevels: 1 }),
    clock('post_service', 30, 'calendar_days', perLevel, { internalLevels: 2 }),
  ]
}

const EXTERNAL_SCOPE: ScopeLimit = {
  excludedReasons: ['eligibility', 'not_covered'],
  coversEn:
    'Only denials involving medical judgment (medical necessity, appropriateness, setting, level of care, effectiveness), ' +
    'experimental/investigational treatment, and rescissions; not pure eligibility or contract exclusions.',
  ruleId: 'aca.external_review.scope',
  citation: '45 CFR 147.136(d)(1)(ii); healthcare.gov/appeal-insurance-company-decision/external-review/',
  verified: true,
}

function externalReview(decidedByEn: string, citation: string, noteEn: string): LadderLevel {
  const ref: RuleRef = { ruleId: 'aca.external_review', citation, verified: true }
  return level({
    id: 'external_review',
    stage: 'external_review',
    decidedByEn,
    filingWindow: {
      amount: 4,
      unit: 'months',
      from: 'notice_receipt',
      bound: 'floor',
      ruleId: 'aca.external_review.four_months',
      citation: '45 CFR 147.136(d)(2)(i)',
      verified: true,
      receiptRule: '45 CFR 147.136(d)(2)(i)',
      note: 'Four months after receipt of the final internal denial (or of any denial when exhaustion is deemed or review is expedited).',
    },
    decisionWindows: [
      clock('pre_service', 45, 'calendar_days', { ...ref, citation: '45 CFR 147.136(d)(2)(iii)' }),
      clock('post_service', 45, 'calendar_days', { ...ref, citation: '45 CFR 147.136(d)(2)(iii)' }),
      clock('expedited', 72, 'hours', { ...ref, citation: '45 CFR 147.136(d)(3)' }, { note: 'Oral decision allowed; written within 48 hours.' }),
    ],
    expedited: {
      available: true,
      criterionEn:
        'Filed at the same time as an urgent internal appeal when the internal timeframe would seriously jeopardize life, ' +
        'health or maximum function; also after a final denial meeting that test, or for emergency admissions before discharge.',
      ruleId: 'aca.external_review.expedited',
      citation: '45 CFR 147.136(d)(3)',
      verified: true,
    },
    scope: EXTERNAL_SCOPE,
    prerequisite: {
      levelId: 'internal_1',
      waivedByEn:
        'Deemed exhaustion (45 CFR 147.136(b)(2)(ii)(F)) or expedited external review filed with an urgent internal appeal (45 CFR 147.136(d)(3)).',
    },
    noteEn: `${noteEn} Plan preliminary review within 5 business days, written notice 1 business day later; the claimant may add information within 10 business days.`,
    ...ref,
  })
}

function internalOne(whenLate: LadderLevel['whenLate'], decisionWindows: DecisionWindow[], ref: RuleRef, decidedByEn: string): LadderLevel {
  return level({
    id: 'internal_1',
    stage: 'internal_appeal',
    decidedByEn,
    filingWindow: FILING_180,
    decisionWindows,
    expedited: URGENT_EXPEDITED,
    whenLate,
    ...ref,
  })
}

function internalTwo(whenLate: LadderLevel['whenLate'], ref: RuleRef): LadderLevel {
  return level({
    id: 'internal_2',
    stage: 'second_level',
    decidedByEn: 'Plan (second mandatory level)',
    filingWindow: {
      amount: null,
      unit: 'calendar_days',
      from: 'notice_receipt',
      bound: 'floor',
      ruleId: 'erisa.internal_appeal.level_2_filing',
      citation: '29 CFR 2560.503-1(i)(2)(ii)-(iii)(A)',
      verified: true,
      note: 'Set by the plan (must be reasonable): check the notice.',
    },
    decisionWindows: erisaAppealClocks(ref).filter((w) => w.track === 'expedited' || w.internalLevels === 2),
    expedited: URGENT_EXPEDITED,
    whenLate,
    prerequisite: { levelId: 'internal_1' },
    isOptional: true,
    noteEn: 'Only when the plan mandates two internal levels.',
    ...ref,
  })
}

const EBSA: RuleRef = { ruleId: 'complaint.ebsa', citation: 'askebsa.dol.gov/WebIntake', verified: true }
const DOI: RuleRef = { ruleId: 'complaint.doi', citation: 'eapps.naic.org/cis/fileComplaintMap', verified: true }

const ERISA_COURT: RuleRef = {
  ruleId: 'erisa.civil_action',
  citation: 'ERISA §502(a)(1)(B), 29 U.S.C. 1132(a)(1)(B)',
  verified: false,
}

function erisaCourt(): LadderLevel {
  return level({
    id: 'federal_court',
    stage: 'hearing',
    decidedByEn: 'Federal or state court',
    filingWindow: {
      amount: null,
      unit: 'calendar_days',
      from: 'notice_receipt',
      bound: 'floor',
      note: "The plan's contractual limitation period applies: check the plan document.",
      ...ERISA_COURT,
    },
    expedited: { available: false, criterionEn: 'Not applicable.', ...ERISA_COURT },
    prerequisite: { levelId: 'internal_1', waivedByEn: 'Deemed exhaustion of internal appeals.' },
    noteEn: 'After internal appeals are exhausted (or deemed exhausted).',
    ...ERISA_COURT,
  })
}

const ACA_LATE = ['deemed_exhaustion_aca', 'deemed_exhaustion_explanation'] as const

function employerLadder(planFamily: 'employer_self_funded' | 'employer_fully_insured'): Ladder {
  const isInsured = planFamily === 'employer_fully_insured'
  const complaints = isInsured ? (['complaint_ebsa', 'complaint_doi'] as const) : (['complaint_ebsa'] as const)
  const whenLate = [...ACA_LATE, ...complaints]
  return {
    planFamily,
    citation: '29 CFR 2560.503-1; 45 CFR 147.136; 29 CFR 2590.715-2719',
    verified: true,
    levels: [
      internalOne(whenLate, erisaAppealClocks(ERISA_APPEAL_RULE), ERISA_APPEAL_RULE, 'Plan fiduciary (new reviewer; clinical peer for medical judgment)'),
      internalTwo(whenLate, ERISA_APPEAL_RULE),
      isInsured
        ? externalReview('Independent Review Organization via the state process (or the federal process)', '45 CFR 147.136(c)-(d)', 'State DOI process when the state meets the NAIC model.')
        : externalReview('Independent Review Organization contracted by the plan (federal process, not the state DOI)', '29 CFR 2590.715-2719(d); 45 CFR 147.136(d)', 'Federal process unless the plan opted into a state process.'),
      complaint('complaint_ebsa', 'US Department of Labor, EBSA', EBSA),
      ...(isInsured ? [complaint('complaint_doi', 'State Department of Insurance', DOI)] : []),
      erisaCourt(),
    ],
  }
}

const INDIVIDUAL_RULE: RuleRef = {
  ruleId: 'aca.individual.internal_appeal',
  citation: '45 CFR 147.136(b)(3)(ii)(G); 29 CFR 2560.503-1(i)(2)',
  verified: true,
}

const individualMarketplace: Ladder = {
  planFamily: 'individual_marketplace',
  citation: '45 CFR 147.136(b)(3), (c), (d)',
  verified: true,
  missingLevels: {
    second_level: {
      reasonKey: 'move.refused.individual_one_level',
      reasonEn: 'Individual-market plans have one internal appeal level (45 CFR 147.136(b)(3)(ii)(G)); the next step is external review.',
    },
  },
  levels: [
    internalOne(
      [...ACA_LATE, 'complaint_doi'],
      erisaAppealClocks(INDIVIDUAL_RULE).filter((w) => w.internalLevels !== 2),
      INDIVIDUAL_RULE,
      'Issuer (one internal level only)',
    ),
    externalReview(
      'State IRO process, or the HHS-administered / accredited-IRO federal process',
      '45 CFR 147.136(c)(2)(vi), (d)',
      'healthcare.gov says "within 60 days"; the 4-month regulation controls and a shorter notice is flagged.',
    ),
    complaint('complaint_doi', 'State Department of Insurance (CMS for FFE QHP issues)', { ...DOI, verified: true }),
  ],
}

// Grandfathered plans: 45 CFR 147.136 does not apply (45 CFR 147.140), so their rows cite ERISA alone.
const GRANDFATHERED_FILING: FilingWindow = {
  ...FILING_180,
  ruleId: 'erisa.grandfathered.filing_180_days',
  citation: '29 CFR 2560.503-1(h)(3)(i) via (h)(4)',
}
const GRANDFATHERED_URGENT: ExpeditedRule = { ...URGENT_EXPEDITED, ruleId: 'erisa.grandfathered.urgent_care', citation: '29 CFR 2560.503-1(m)(1)' }

const GRANDFATHERED_RULE: RuleRef = {
  ruleId: 'erisa.grandfathered.internal_appeal',
  citation: '29 CFR 2560.503-1(h)-(i)',
  verified: true,
}

const grandfathered: Ladder = {
  planFamily: 'grandfathered',
  citation: '45 CFR 147.140 (ACA appeal rules do not apply); 29 CFR 2560.503-1(h)-(i), (l)',
  verified: true,
  missingLevels: {
    external_review: {
      reasonKey: 'move.refused.grandfathered_no_external_review',
      reasonEn:
        'Grandfathered plans have no federal external review (45 CFR 147.140). An insured plan may have a state review under state law: override with that reason if so.',
    },
  },
  levels: [
    { ...internalOne(
      ['deemed_exhaustion_erisa', 'complaint_ebsa', 'complaint_doi'],
      erisaAppealClocks(GRANDFATHERED_RULE),
      GRANDFATHERED_RULE,
      'Plan (ERISA claims rules still apply)',
    ), filingWindow: GRANDFATHERED_FILING, expedited: GRANDFATHERED_URGENT },
    { ...internalTwo(['deemed_exhaustion_erisa', 'complaint_ebsa', 'complaint_doi'], GRANDFATHERED_RULE), expedited: GRANDFATHERED_URGENT },
    complaint('complaint_ebsa', 'US Department of Labor, EBSA', EBSA),
    complaint('complaint_doi', 'State Department of Insurance', DOI, 'Insured grandfathered plans: state review statutes may apply (unverified).'),
    erisaCourt(),
  ],
}

export const ACA_LADDERS = {
  employer_self_funded: employerLadder('employer_self_funded'),
  employer_fully_insured: employerLadder('employer_fully_insured'),
  individual_marketplace: individualMarketplace,
  grandfathered,
} satisfies Record<string, Ladder>
