import type { PlanFamily, TherapyCategory } from '../domain/enums'
import type { LevelId, RuleRef } from './ladders/types'

/**
 * Continuation of benefits: keeping an ongoing home therapy paid while its reduction or termination is
 * appealed ("aid paid pending"). The window to ask for it is usually far shorter than the appeal window,
 * so it is the first date an advocate must meet when a therapy is being cut (domain-rules.md §1A, §1E,
 * §1H, §1I). Rows marked U there carry `verified: false`.
 */
export interface ContinuationRule extends RuleRef {
  id: string
  planFamilies: PlanFamily[]
  /** Only for these therapies (the Medicare fast-track QIO appeal covers home health services ending). */
  therapies?: TherapyCategory[]
  /**
   * How the last day is found:
   * - later_of_notice_plus_or_effective: the later of `days` after the notice date and the effective date (42 CFR 438.420(a));
   * - before_effective_or_notice_plus: the day before the action takes effect; unknown effective date → `days` after the notice;
   * - before_effective: the day before the action takes effect; unknown → no date, ask for it;
   * - noon_day_before_effective: by noon of the day before services end (42 CFR 405.1202(b)(1)).
   */
  count: 'later_of_notice_plus_or_effective' | 'before_effective_or_notice_plus' | 'before_effective' | 'noon_day_before_effective'
  days: number | null
  /** The level whose request carries the ask. */
  levelId: LevelId | null
  labelEn: string
  /** What to do, in a sentence, for the explanation and the letter. */
  whatEn: string
  noteEn?: string
}

export const CONTINUATION_RULES: readonly ContinuationRule[] = [
  {
    id: 'medicaid_mco',
    planFamilies: ['medicaid_managed_care'],
    count: 'later_of_notice_plus_or_effective',
    days: 10,
    levelId: 'plan_appeal',
    labelEn: 'Appeal and ask to keep therapy going (continued benefits)',
    whatEn:
      'File the plan appeal and ask in writing that the authorized service continue while the appeal and any state fair hearing are pending.',
    noteEn: 'Benefits continue until the enrollee withdraws, the hearing decision is adverse, or the authorization period ends (42 CFR 438.420(c)).',
    ruleId: 'medicaid.mco.continuation',
    citation: '42 CFR 438.420(a)-(c)',
    verified: true,
  },
  {
    id: 'medicaid_ffs',
    planFamilies: ['medicaid_ffs'],
    count: 'before_effective_or_notice_plus',
    days: 10,
    levelId: 'fair_hearing',
    labelEn: 'Request the hearing before the cut takes effect (aid paid pending)',
    whatEn: 'Request the state fair hearing before the date of action and ask that services continue until the hearing decision.',
    noteEn:
      'The agency must mail notice at least 10 days before the date of action (42 CFR 431.211, unverified); it may reinstate services when the hearing is requested within 10 days after that date (42 CFR 431.231(c)).',
    ruleId: 'medicaid.ffs.continuation',
    citation: '42 CFR 431.230(a); 431.231(c)',
    verified: false,
  },
  {
    id: 'aca_concurrent',
    planFamilies: ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace'],
    count: 'before_effective',
    days: null,
    levelId: 'internal_1',
    labelEn: 'Appeal before the ongoing treatment is cut (continued coverage)',
    whatEn:
      'File the internal appeal before the reduction or termination takes effect and ask that the ongoing course of treatment stay covered until the appeal is decided.',
    noteEn:
      'A reduction or termination of an ongoing course of treatment is an adverse benefit determination that must be noticed early enough to appeal and get a decision before it takes effect; coverage continues pending the appeal.',
    ruleId: 'aca.concurrent_care.continuation',
    citation: '29 CFR 2560.503-1(f)(2)(ii); 45 CFR 147.136(b)(2)(ii)',
    verified: true,
  },
  {
    id: 'erisa_grandfathered_concurrent',
    planFamilies: ['grandfathered'],
    count: 'before_effective',
    days: null,
    levelId: 'internal_1',
    labelEn: 'Appeal before the ongoing treatment is cut (continued coverage)',
    whatEn:
      'File the internal appeal before the reduction or termination takes effect and ask that the ongoing course of treatment stay covered until the appeal is decided.',
    ruleId: 'erisa.concurrent_care.continuation',
    citation: '29 CFR 2560.503-1(f)(2)(ii)',
    verified: true,
  },
  {
    id: 'medicare_fast_track',
    planFamilies: ['medicare_part_b', 'medicare_advantage'],
    therapies: ['nursing'],
    count: 'noon_day_before_effective',
    days: null,
    levelId: null,
    labelEn: 'Request the fast-track appeal to the QIO (home health ending)',
    whatEn:
      'Call or write the Beneficiary and Family Centered Care QIO named on the Notice of Medicare Non-Coverage by noon of the day before covered home health services end; services stay covered while the QIO decides.',
    noteEn:
      'The home health agency must deliver the Notice of Medicare Non-Coverage at least 2 days before services end (42 CFR 405.1200(b)); a late request goes to the QIO on the standard track.',
    ruleId: 'medicare.fast_track_qio',
    citation: '42 CFR 405.1200-405.1202; 422.624-422.626 (Medicare Advantage)',
    verified: false,
  },
]

/** The continuation rule for a plan family and therapy, if the law gives one. */
export function continuationRuleFor(planFamily: PlanFamily, therapy: TherapyCategory): ContinuationRule | null {
  return CONTINUATION_RULES.find((r) => r.planFamilies.includes(planFamily) && (!r.therapies || r.therapies.includes(therapy))) ?? null
}
