import type { ExpeditedRule, FilingWindow, Ladder, LadderLevel, RuleRef } from './types'
import { clock, complaint, level, noExpedited } from './build'

// domain-rules.md §1H (Medicaid fee-for-service), §1I (Medicaid managed care), §7 (complaints).

const MEDICAID_CRITERION =
  'Standard time could jeopardize life, physical or mental health, or the ability to attain, maintain or regain maximum function.'

const MEDICAID_COMPLAINT: RuleRef = {
  ruleId: 'complaint.medicaid',
  citation: 'State Medicaid agency / managed-care ombudsman; MCO grievance (42 CFR 438.408(b)(1))',
  verified: false,
}

const FFS_HEARING: RuleRef = {
  ruleId: 'medicaid.ffs.fair_hearing',
  citation: '42 CFR 431.221(d), 431.224, 431.244(f)(1)(ii), (f)(3)(ii)',
  verified: true,
}

const FAIR_HEARING_EXPEDITED: ExpeditedRule = {
  available: true,
  criterionEn: MEDICAID_CRITERION,
  ruleId: 'medicaid.fair_hearing.expedited',
  citation: '42 CFR 431.224; 431.244(f)(2)-(3)',
  verified: true,
}

const medicaidFfs: Ladder = {
  planFamily: 'medicaid_ffs',
  citation: '42 CFR 431 subpart E',
  verified: true,
  missingLevels: {
    any: {
      reasonKey: 'move.refused.medicaid_ffs_fair_hearing',
      reasonEn: 'Medicaid fee-for-service has no plan-level appeal: the next step is the state fair hearing (42 CFR 431.221).',
    },
  },
  levels: [
    level({
      id: 'fair_hearing',
      stage: 'hearing',
      decidedByEn: 'State fair-hearing officer',
      filingWindow: {
        amount: 90,
        unit: 'calendar_days',
        from: 'notice_mailed',
        bound: 'ceiling',
        ruleId: 'medicaid.ffs.fair_hearing.filing',
        citation: '42 CFR 431.221(d)',
        verified: true,
        note: 'The state sets a reasonable time of at most 90 days from the mailing date: the notice may give less.',
      },
      decisionWindows: [
        clock('standard', 90, 'calendar_days', { ...FFS_HEARING, citation: '42 CFR 431.244(f)(1)' }, { note: 'Final action ordinarily within 90 days of the request.' }),
        clock('expedited', 3, 'business_days', { ...FFS_HEARING, citation: '42 CFR 431.244(f)(3)(ii)' }),
      ],
      expedited: FAIR_HEARING_EXPEDITED,
      whenLate: ['complaint_medicaid'],
      noteEn: 'To keep services during the hearing, request it before the date of action; reinstatement if requested within 10 days after (42 CFR 431.231(c)).',
      ...FFS_HEARING,
    }),
    complaint('complaint_medicaid', 'State Medicaid agency or ombudsman', MEDICAID_COMPLAINT),
  ],
}

const MCO_APPEAL: RuleRef = {
  ruleId: 'medicaid.mco.plan_appeal',
  citation: '42 CFR 438.402(c), 438.408(b)-(c), 438.410',
  verified: true,
}
const MCO_HEARING: RuleRef = {
  ruleId: 'medicaid.mco.fair_hearing',
  citation: '42 CFR 438.408(f)(2); 431.244(f)(1)(ii), (f)(2)',
  verified: true,
}
const MCO_EXTENSION = { amount: 14, unit: 'calendar_days' as const, whenEn: 'at the enrollee’s request or when the plan shows need (written notice within 2 days)' }

/**
 * 42 CFR 438.408(f)(2): the enrollee may request a state fair hearing "no later than 120 calendar days from
 * the date of the MCO's, PIHP's, or PAHP's notice of resolution". A notice that gives less is shorter than the law.
 */
const SFH_FILING: FilingWindow = {
  amount: 120,
  unit: 'calendar_days',
  from: 'notice_date',
  bound: 'floor',
  ruleId: 'medicaid.mco.fair_hearing.filing',
  citation: '42 CFR 438.408(f)(2)',
  verified: true,
  note: 'Up to 120 calendar days from the date of the plan’s notice of resolution.',
}

const stateExternal: RuleRef = { ruleId: 'medicaid.mco.external_medical_review', citation: '42 CFR 438.402(c)(1)(i)(B)', verified: false }

const medicaidManagedCare: Ladder = {
  planFamily: 'medicaid_managed_care',
  citation: '42 CFR 438 subpart F; 42 CFR 431 subpart E',
  verified: true,
  missingLevels: {
    second_level: {
      reasonKey: 'move.refused.mco_one_level',
      reasonEn: 'Medicaid managed care has one plan appeal level; the next step is the state fair hearing (42 CFR 438.402(c), 438.408(f)).',
    },
  },
  levels: [
    level({
      id: 'plan_appeal',
      stage: 'internal_appeal',
      decidedByEn: 'Managed-care plan (clinician with expertise, not the first decision-maker); one level only',
      filingWindow: {
        amount: 60,
        unit: 'calendar_days',
        from: 'notice_date',
        bound: 'floor',
        ruleId: 'medicaid.mco.plan_appeal.filing',
        citation: '42 CFR 438.402(c)(2)(ii)',
        verified: true,
        note: 'Oral or written; a provider may file with written consent.',
      },
      decisionWindows: [
        clock('standard', 30, 'calendar_days', MCO_APPEAL, { extension: MCO_EXTENSION }),
        clock('expedited', 72, 'hours', MCO_APPEAL, { extension: MCO_EXTENSION }),
      ],
      expedited: { available: true, criterionEn: MEDICAID_CRITERION, ...MCO_APPEAL, ruleId: 'medicaid.mco.expedited' },
      whenLate: ['mco_deemed_exhaustion', 'complaint_medicaid'],
      noteEn: 'To keep an authorized service during the appeal, file within 10 calendar days of the notice or before its effective date (42 CFR 438.420).',
      ...MCO_APPEAL,
    }),
    level({
      id: 'state_external_review',
      stage: 'external_review',
      decidedByEn: 'State-designated external medical reviewer',
      filingWindow: { amount: null, unit: 'calendar_days', from: 'notice_date', bound: 'floor', note: 'State option: check the notice.', ...stateExternal },
      expedited: noExpedited(stateExternal, 'Per state rules.'),
      prerequisite: { levelId: 'plan_appeal' },
      isOptional: true,
      noteEn: 'Only where the state offers it; it cannot be required before the fair hearing.',
      ...stateExternal,
    }),
    level({
      id: 'fair_hearing',
      stage: 'hearing',
      decidedByEn: 'State fair-hearing officer',
      filingWindow: SFH_FILING,
      decisionWindows: [
        clock('standard', 90, 'calendar_days', { ...MCO_HEARING, citation: '42 CFR 431.244(f)(1)(ii)' }, {
          from: 'mco_appeal_filed',
          note: '90 days from the MCO appeal filing, not counting the days the enrollee took to request the hearing.',
        }),
        clock('expedited', 3, 'business_days', { ...MCO_HEARING, citation: '42 CFR 431.244(f)(2)' }, {
          note: 'Counted from the day the agency receives the case file; the request date is used.',
        }),
      ],
      expedited: FAIR_HEARING_EXPEDITED,
      prerequisite: { levelId: 'plan_appeal', waivedByEn: 'Deemed exhaustion when the plan misses notice or timing rules (42 CFR 438.408(c)(3)).' },
      whenLate: ['complaint_medicaid'],
      ...MCO_HEARING,
    }),
    complaint('complaint_medicaid', 'State Medicaid agency or managed-care ombudsman', MEDICAID_COMPLAINT),
  ],
}

const GENERIC: RuleRef = {
  ruleId: 'other.generic',
  citation: 'The plan documents and the denial notice (no federal rule encoded for this plan family)',
  verified: false,
}

function genericLevel(id: LadderLevel['id'], stage: LadderLevel['stage'], decidedByEn: string, extra: Partial<LadderLevel> = {}): LadderLevel {
  return level({
    id,
    stage,
    decidedByEn,
    filingWindow: { amount: null, unit: 'calendar_days', from: 'notice_receipt', bound: 'floor', note: 'Check the notice.', ...GENERIC },
    expedited: noExpedited(GENERIC, 'Check the plan documents.'),
    ...GENERIC,
    ...extra,
  })
}

/** Unknown plan type: the shape of a typical ladder, no numbers (the engine says "check the notice"). */
const other: Ladder = {
  planFamily: 'other',
  citation: GENERIC.citation,
  verified: false,
  levels: [
    genericLevel('internal_1', 'internal_appeal', 'Plan'),
    genericLevel('internal_2', 'second_level', 'Plan', { isOptional: true }),
    genericLevel('external_review', 'external_review', 'Independent reviewer, if the plan has one'),
    complaint('complaint_doi', 'The plan’s regulator', GENERIC),
    genericLevel('hearing_or_court', 'hearing', 'Hearing officer or court, if available'),
  ],
}

export const MEDICAID_AND_OTHER_LADDERS = {
  medicaid_ffs: medicaidFfs,
  medicaid_managed_care: medicaidManagedCare,
  other,
} satisfies Record<string, Ladder>
