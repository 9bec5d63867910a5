import type { AicThreshold, DecisionWindow, ExpeditedRule, FilingClockStart, FilingWindow, Ladder, LadderLevel, RuleRef } from './types'
import { clock, complaint, level, noExpedited } from './build'

// domain-rules.md §1E (Original Medicare), §1F (Medicare Advantage), §1G (Part D), §1J (AIC), §1K.

function filing(amount: number, from: FilingClockStart, ref: RuleRef, note?: string, receiptRule?: string): FilingWindow {
  return { amount, unit: 'calendar_days', from, bound: 'floor', note, receiptRule, ...ref }
}

const MEDICARE_CRITERION =
  'Standard time could seriously jeopardize life, health or ability to regain maximum function; the plan must expedite when a physician requests or supports it.'

const CMS_COMPLAINT: RuleRef = {
  ruleId: 'complaint.medicare',
  citation: '1-800-MEDICARE / Medicare.gov complaint (CMS Complaint Tracking Module); plan grievance',
  verified: false,
}

const medicareComplaint = () =>
  complaint('complaint_cms', 'CMS (1-800-MEDICARE), plan grievance, or BFCC-QIO for quality', CMS_COMPLAINT, 'Not a state insurance commissioner.')

const NO_FFS_EXPEDITED: ExpeditedRule = noExpedited(
  { ruleId: 'medicare.ffs.no_expedited', citation: '42 CFR 405.1200-405.1204', verified: false },
  'Claim appeals have no expedited track; fast-track QIO reviews exist only for service terminations.',
)

const noExpeditedAt = (citation: string, verified = true) =>
  noExpedited({ ruleId: 'medicare.no_expedited', citation, verified }, 'No expedited track at this level.')

function ffsLevel(
  id: 'redetermination' | 'qic_reconsideration' | 'alj' | 'council' | 'federal_court',
  stage: LadderLevel['stage'],
  decidedByEn: string,
  fileDays: number,
  decision: DecisionWindow[],
  ref: RuleRef,
  extra: Partial<LadderLevel> = {},
  receiptRule?: string,
): LadderLevel {
  return level({
    id,
    stage,
    decidedByEn,
    // Each ref lists the filing section first (e.g. 405.942 before 405.950), so the window cites only that.
    filingWindow: filing(fileDays, 'notice_receipt', { ...ref, ruleId: `${ref.ruleId}.filing`, citation: ref.citation.split(', ')[0] }, undefined, receiptRule),
    decisionWindows: decision,
    expedited: NO_FFS_EXPEDITED,
    ...ref,
    ...extra,
  })
}

const partB: Ladder = {
  planFamily: 'medicare_part_b',
  citation: '42 CFR 405 subpart I (405.940-405.1140)',
  verified: true,
  levels: [
    ffsLevel('redetermination', 'internal_appeal', 'Medicare Administrative Contractor (DME MAC or A/B MAC), staff not in the first decision', 120,
      // 42 CFR 405.946(b): evidence the appellant sends after filing extends the 60 days by up to 14 days per submission.
      [clock('standard', 60, 'calendar_days', { ruleId: 'medicare.ffs.redetermination.decision', citation: '42 CFR 405.950; 405.946(b)', verified: true }, {
        extension: { amount: 14, unit: 'calendar_days', whenEn: 'up to 14 days for each piece of evidence sent after the request was filed (42 CFR 405.946(b))' },
      })],
      { ruleId: 'medicare.ffs.redetermination', citation: '42 CFR 405.942, 405.950', verified: true },
      { whenLate: ['complaint_cms'] }, '42 CFR 405.942(a)(1)'),
    ffsLevel('qic_reconsideration', 'external_review', 'Qualified Independent Contractor (QIC)', 180,
      [clock('standard', 60, 'calendar_days', { ruleId: 'medicare.ffs.qic.decision', citation: '42 CFR 405.970', verified: true }, {
        extension: { amount: 14, unit: 'calendar_days', whenEn: 'for each late evidence submission by the appellant' },
      })],
      { ruleId: 'medicare.ffs.qic', citation: '42 CFR 405.962, 405.970', verified: true },
      { whenLate: ['medicare_escalate_to_alj'], prerequisite: { levelId: 'redetermination' },
        noteEn: 'Evidence not submitted by this level may be excluded later without good cause.' }, '42 CFR 405.962(a)(1)'),
    ffsLevel('alj', 'hearing', 'Administrative Law Judge or attorney adjudicator (OMHA)', 60,
      [clock('standard', 90, 'calendar_days', { ruleId: 'medicare.ffs.alj.decision', citation: '42 CFR 405.1016', verified: true })],
      { ruleId: 'medicare.ffs.alj', citation: '42 CFR 405.1014, 405.1016', verified: true },
      { whenLate: ['medicare_escalate_to_council'], aic: 'alj', prerequisite: { levelId: 'qic_reconsideration' } }, '42 CFR 405.1014(b)'),
    ffsLevel('council', 'hearing', 'Medicare Appeals Council (HHS Departmental Appeals Board)', 60,
      [clock('standard', 90, 'calendar_days', { ruleId: 'medicare.ffs.council.decision', citation: '42 CFR 405.1100', verified: true }, {
        note: '180 days for cases escalated from the ALJ (secondary source).',
      })],
      { ruleId: 'medicare.ffs.council', citation: '42 CFR 405.1102, 405.1100', verified: true },
      { whenLate: ['medicare_escalate_to_court'], prerequisite: { levelId: 'alj' } }, '42 CFR 405.1102(a)(2)'),
    ffsLevel('federal_court', 'hearing', 'U.S. District Court', 60, [],
      { ruleId: 'medicare.ffs.court', citation: '42 CFR 405.1130-405.1136', verified: true },
      { aic: 'court', prerequisite: { levelId: 'council' } }),
    medicareComplaint(),
  ],
}

const MA_RECON: RuleRef = {
  ruleId: 'medicare.ma.reconsideration',
  citation: '42 CFR 422.578, 422.582, 422.590; cms.gov/es/node/172521',
  verified: true,
}
const MA_IRE: RuleRef = { ruleId: 'medicare.ma.ire', citation: '42 CFR 422.592; cms.gov managed-care IRE page', verified: true }
const MA_EXPEDITED: ExpeditedRule = {
  available: true,
  criterionEn: `${MEDICARE_CRITERION} Not for payment requests.`,
  ruleId: 'medicare.ma.expedited',
  citation: '42 CFR 422.584; 422.590',
  verified: true,
}

/**
 * 42 CFR 422.590(f): a standard or expedited reconsideration of items and services may be extended by up to
 * 14 calendar days (the enrollee asks, or the plan shows the delay is in the enrollee's interest). There is no
 * extension for a Part B drug (422.590(c), (e)(2)) nor for a payment reconsideration (422.590(b)).
 */
const MA_EXTENSION = { amount: 14, unit: 'calendar_days' as const, whenEn: 'up to 14 days, when the enrollee asks or the plan shows the delay is in the enrollee’s interest (42 CFR 422.590(f))' }

function maClocks(ref: RuleRef): DecisionWindow[] {
  return [
    clock('expedited', 72, 'hours', ref, { extension: MA_EXTENSION }),
    clock('pre_service', 30, 'calendar_days', ref, { extension: MA_EXTENSION }),
    clock('part_b_drug', 7, 'calendar_days', ref, { note: 'No extension for Part B drugs (42 CFR 422.590).' }),
    clock('payment', 60, 'calendar_days', { ...ref, citation: `${ref.citation}; 422.590(b)` }, { note: 'No extension for a payment reconsideration (42 CFR 422.590(b)).' }),
  ]
}

function laterLevels(verified: { alj: boolean }, cites: { alj: string; council: string; court: string; aljReceipt: string; councilReceipt: string }): LadderLevel[] {
  const alj: RuleRef = { ruleId: 'medicare.alj', citation: cites.alj, verified: verified.alj }
  const council: RuleRef = { ruleId: 'medicare.council', citation: cites.council, verified: true }
  const court: RuleRef = { ruleId: 'medicare.court', citation: cites.court, verified: true }
  return [
    level({ id: 'alj', stage: 'hearing', decidedByEn: 'Administrative Law Judge (OMHA)', aic: 'alj',
      // 60 days after receipt of the IRE decision, receipt presumed 5 days after its date.
      filingWindow: filing(60, 'notice_receipt', alj, undefined, cites.aljReceipt),
      decisionWindows: [clock('standard', 90, 'calendar_days', { ...alj, verified: alj.verified })],
      expedited: noExpeditedAt(cites.alj), prerequisite: { levelId: 'ire' }, whenLate: ['complaint_cms'], ...alj }),
    level({ id: 'council', stage: 'hearing', decidedByEn: 'Medicare Appeals Council (HHS Departmental Appeals Board)',
      // 60 days after receipt of the ALJ decision, receipt presumed 5 days after its date (42 CFR 405.1102(a)(2)).
      filingWindow: filing(60, 'notice_receipt', council, undefined, cites.councilReceipt),
      decisionWindows: [clock('standard', 90, 'calendar_days', council)],
      expedited: noExpeditedAt(cites.council), prerequisite: { levelId: 'alj' }, whenLate: ['complaint_cms'], ...council }),
    level({ id: 'federal_court', stage: 'hearing', decidedByEn: 'U.S. District Court', aic: 'court',
      filingWindow: filing(60, 'notice_date', court, 'From the Council notice.'),
      expedited: noExpeditedAt(cites.court), prerequisite: { levelId: 'council' }, ...court }),
  ]
}

const medicareAdvantage: Ladder = {
  planFamily: 'medicare_advantage',
  citation: '42 CFR 422 subpart M (422.560-422.626)',
  verified: true,
  levels: [
    level({ id: 'plan_reconsideration', stage: 'internal_appeal',
      decidedByEn: 'Medicare Advantage plan (physician reviewer for medical necessity)',
      filingWindow: filing(60, 'notice_receipt', { ...MA_RECON, ruleId: 'medicare.ma.reconsideration.filing', citation: '42 CFR 422.582(b)' },
        '60 days after receipt; receipt is presumed 5 days after the notice date, i.e. 65 days from the date on the notice.', '42 CFR 422.582(b)'),
      decisionWindows: maClocks(MA_RECON), expedited: MA_EXPEDITED,
      autoForward: { onAdverse: true, onLate: true, toLevelId: 'ire', ruleId: 'medicare.ma.auto_forward', citation: '42 CFR 422.590(a)(2), 422.592', verified: true },
      whenLate: ['ma_auto_forward_ire', 'complaint_cms'], ...MA_RECON }),
    level({ id: 'ire', stage: 'external_review', decidedByEn: 'Part C Independent Review Entity (CMS contractor)',
      filingWindow: null,
      decisionWindows: maClocks(MA_IRE),
      expedited: { ...MA_EXPEDITED, ...MA_IRE }, prerequisite: { levelId: 'plan_reconsideration' },
      whenLate: ['complaint_cms'], noteEn: 'Automatic: the plan sends the case file; nothing to file. Clock runs from IRE receipt.', ...MA_IRE }),
    ...laterLevels(
      { alj: true },
      { alj: '42 CFR 422.600-422.602', council: '42 CFR 422.608; hhs.gov/guidance/document/federal-district-court-review', court: 'hhs.gov/guidance/document/federal-district-court-review',
        aljReceipt: '42 CFR 422.602; 405.1014(b)', councilReceipt: '42 CFR 422.608; 405.1102(a)(2)' },
    ),
    medicareComplaint(),
  ],
}

const PART_D_REDET: RuleRef = { ruleId: 'medicare.part_d.redetermination', citation: '42 CFR 423.582, 423.590', verified: true }
const PART_D_IRE: RuleRef = { ruleId: 'medicare.part_d.ire', citation: 'cms.gov/medicare/appeals-grievances/prescription-drug/reconsiderations', verified: true }
const PART_D_EXPEDITED: ExpeditedRule = { ...MA_EXPEDITED, criterionEn: `${MEDICARE_CRITERION} The prescriber can request or support it. Not for payment requests.`, ruleId: 'medicare.part_d.expedited', citation: '42 CFR 423.584' }

function partDClocks(ref: RuleRef): DecisionWindow[] {
  return [
    clock('expedited', 72, 'hours', ref),
    clock('standard', 7, 'calendar_days', ref),
    clock('payment', 14, 'calendar_days', ref),
  ]
}

const [partDAlj, partDCouncil, partDCourt] = laterLevels(
  { alj: true },
  { alj: 'medicare.gov appeals level 2 page; 42 CFR 423.2002', council: '42 CFR 423.2102', court: 'hhs.gov/guidance/document/review-federal-district-court; 42 CFR 423.2134',
    aljReceipt: '42 CFR 423.2002', councilReceipt: '42 CFR 423.2102(a)' },
)
// Part D ALJ and Council may decide expedited cases in 10 days (42 CFR 423.2016, 423.2100 — unverified).
const withPartDExpedited = (l: LadderLevel, citation: string): LadderLevel => ({
  ...l,
  decisionWindows: [
    { ...l.decisionWindows[0], verified: false, citation },
    clock('expedited', 10, 'calendar_days', { ruleId: `${l.ruleId}.expedited`, citation, verified: false }),
  ],
  expedited: { available: true, criterionEn: MEDICARE_CRITERION, ruleId: `${l.ruleId}.expedited`, citation, verified: false },
})

const partD: Ladder = {
  planFamily: 'medicare_part_d',
  citation: '42 CFR 423 subparts M and U',
  verified: true,
  levels: [
    level({ id: 'redetermination', stage: 'internal_appeal', decidedByEn: 'Part D plan sponsor',
      filingWindow: filing(60, 'notice_receipt', { ...PART_D_REDET, ruleId: 'medicare.part_d.redetermination.filing', citation: '42 CFR 423.582(b)' },
        '60 days after receipt; receipt is presumed 5 days after the notice date, i.e. 65 days from the date on the notice.', '42 CFR 423.582(b)'),
      decisionWindows: partDClocks(PART_D_REDET), expedited: PART_D_EXPEDITED,
      autoForward: { onAdverse: false, onLate: true, toLevelId: 'ire', ruleId: 'medicare.part_d.forward_when_late', citation: '42 CFR 423.590(c), (e)', verified: false },
      whenLate: ['part_d_forward_ire', 'complaint_cms'], ...PART_D_REDET }),
    level({ id: 'ire', stage: 'external_review', decidedByEn: 'Part D Independent Review Entity (C2C Innovative Solutions)',
      filingWindow: filing(65, 'notice_date', PART_D_IRE, 'In writing (fax accepted); the prescriber may file. Not automatic after an adverse redetermination.'),
      decisionWindows: partDClocks(PART_D_IRE), expedited: PART_D_EXPEDITED, prerequisite: { levelId: 'redetermination' },
      whenLate: ['complaint_cms'], ...PART_D_IRE }),
    withPartDExpedited(partDAlj, '42 CFR 423.2016'),
    withPartDExpedited(partDCouncil, '42 CFR 423.2100'),
    partDCourt,
    medicareComplaint(),
  ],
}

export const MEDICARE_LADDERS = {
  medicare_part_b: partB,
  medicare_advantage: medicareAdvantage,
  medicare_part_d: partD,
} satisfies Record<string, Ladder>

/**
 * Medicare amount-in-controversy thresholds by the calendar year a request is filed
 * (SSA §1869(b)(1)(E); adjusted yearly by medical-care CPI, rounded to $10). Redetermination, QIC and IRE have none.
 */
export const AIC_THRESHOLDS: readonly AicThreshold[] = [
  { year: 2023, alj: 180, aljVerified: false, court: 1850, courtVerified: true, citation: 'cms.gov Review-Federal-District-Court page' },
  { year: 2024, alj: 190, aljVerified: false, court: 1840, courtVerified: true, citation: 'cms.gov/es/node/171346; cms.gov Review-Federal-District-Court' },
  { year: 2025, alj: 190, aljVerified: true, court: 1900, courtVerified: true, citation: 'FR 2024-22142 (89 FR 79294, 9/27/2024)' },
  { year: 2026, alj: 200, aljVerified: true, court: 1960, courtVerified: true, citation: 'FR 2025-21879 (90 FR 55869, 12/4/2025)' },
]
