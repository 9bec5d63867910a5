import type { LetterKind } from '../../domain/documents'
import type { PlanFamily } from '../../domain/enums'
import { LADDERS, ladderLevelForStage } from '../ladders'
import type { Stage } from '../../domain/enums'
import type { LadderLevel, LevelId, RuleRef } from '../ladders/types'
import type { FactKey } from './facts'

/**
 * Letter kinds as data: which ladders offer each, who it goes to, and its fixed paragraphs. Text is
 * ours; `{fact}` tokens are filled from the case and `[[label]]` marks what the advocate must supply
 * (shared/rules/letters/facts.ts). Arguments by denial reason come from arguments.ts.
 */
export interface LetterKindRule extends RuleRef {
  kind: LetterKind
  titleEn: string
  /**
   * When a case offers the letter:
   * - levels: its ladder has one of these levels (optionally only for some families);
   * - families: its plan family is listed;
   * - expedited: some appeal level of its ladder has an expedited track;
   * - always.
   */
  offered:
    | { by: 'levels'; levels: LevelId[]; families?: PlanFamily[] }
    | { by: 'families'; families: PlanFamily[] }
    | { by: 'expedited' }
    | { by: 'always' }
  recipientEn: string[]
  subjectEn: string
  salutationEn: string
  openingEn: string[]
  /** The law the request rests on, by plan family: the first matching row is printed after the opening. */
  legalBasisEn?: { families: PlanFamily[]; textEn: string; requiresFact?: FactKey }[]
  /** Include the argument blocks for the case's denial reasons. */
  argues: boolean
  askEn: string[]
  signer: 'advocate' | 'prescriber' | 'patient'
  /** Goes out with a cover letter, exhibit index and exhibits; drafts for others to sign do not. */
  isPacket: boolean
  /** Appeals ask for an expedited decision when the case is urgent; requests for papers do not. */
  isAppeal?: boolean
}

const ACA_AND_ERISA: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'grandfathered', 'other']
const ERISA_PLANS: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'grandfathered']
const ACA_GROUP: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured']
const ADDRESS = '{appealAddress}'

/** The claims-procedure paragraph of every internal appeal, by plan family. */
const INTERNAL_APPEAL_BASIS: NonNullable<LetterKindRule['legalBasisEn']> = [
  { families: ACA_GROUP, textEn: 'This appeal is made under the ERISA claims procedure regulation, 29 CFR 2560.503-1, and 45 CFR 147.136(b). {patientName} is entitled to a full and fair review that takes into account all the information submitted, by a reviewer who gives no deference to the first decision and who consults a health care professional with appropriate training and experience in the field (29 CFR 2560.503-1(h)(2)(iv), (h)(3)(ii)-(iii)).' },
  { families: ['grandfathered'], textEn: 'This appeal is made under the ERISA claims procedure regulation, 29 CFR 2560.503-1. {patientName} is entitled to a full and fair review that takes into account all the information submitted, by a reviewer who gives no deference to the first decision and who consults a health care professional with appropriate training and experience in the field (29 CFR 2560.503-1(h)(2)(iv), (h)(3)(ii)-(iii)).' },
  { families: ['individual_marketplace'], textEn: 'This appeal is made under 45 CFR 147.136(b)(3), which gives {patientName} a full and fair internal review of this adverse benefit determination, with the right to submit evidence and to see the claim file free of charge.' },
  { families: ['medicaid_managed_care'], textEn: 'This appeal is made under 42 CFR 438.402 and 438.406: the plan must let the enrollee present evidence, provide the case file free of charge, and have the appeal decided by a health care professional with appropriate clinical expertise who took no part in the first decision.' },
]

export const LETTER_KIND_RULES: LetterKindRule[] = [
  {
    kind: 'internal_appeal',
    titleEn: 'Internal appeal',
    offered: { by: 'levels', levels: ['internal_1', 'plan_appeal'] },
    recipientEn: ['Appeals Department', '{payer}', ADDRESS],
    subjectEn: 'Request for internal appeal',
    salutationEn: 'Dear Appeals Reviewer,',
    openingEn: [
      'On behalf of {patientName}, we appeal the denial of {drug} described in the notice dated {noticeDate}. We ask for a full and fair review by a reviewer who took no part in the first decision.',
    ],
    legalBasisEn: INTERNAL_APPEAL_BASIS,
    argues: true,
    askEn: [
      'Please reverse the denial and approve {drug} as prescribed by {prescriber}.',
      'Please send us, free of charge, the claim file and any criteria, guidelines or internal rules used to decide this claim, and the name and credentials of each clinical reviewer.',
    ],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.internal_appeal',
    citation: '29 CFR 2560.503-1(h); 45 CFR 147.136(b); 42 CFR 438.402 (Medicaid managed care)',
    verified: true,
  },
  {
    kind: 'second_level_appeal',
    titleEn: 'Second-level appeal',
    offered: { by: 'levels', levels: ['internal_2'] },
    recipientEn: ['Appeals Department', '{payer}', ADDRESS],
    subjectEn: 'Request for second-level internal appeal',
    salutationEn: 'Dear Appeals Reviewer,',
    openingEn: [
      'On behalf of {patientName}, we request the second level of internal review of the denial of {drug}. The first-level decision, dated {noticeDate}, upheld the denial first issued on {originalNoticeDate}.',
      'The first-level decision did not answer the evidence set out below, which we ask the second-level reviewer to consider in full.',
    ],
    legalBasisEn: INTERNAL_APPEAL_BASIS.filter((b) => b.families.some((f) => ERISA_PLANS.includes(f))),
    argues: true,
    askEn: ['Please reverse the denial and approve {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.second_level_appeal',
    citation: '29 CFR 2560.503-1(i)(2)(ii)-(iii)',
    verified: true,
  },
  {
    kind: 'external_review_request',
    titleEn: 'Request for external review',
    // No external review route for grandfathered plans (§1C); self-funded plans use the federal
    // process through the plan, not the state (29 CFR 2590.715-2719(d)).
    offered: { by: 'levels', levels: ['external_review'] },
    recipientEn: ['External Review', '{externalReviewRecipient}', ADDRESS],
    subjectEn: 'Request for external review by an independent review organization',
    salutationEn: 'Dear External Review Coordinator,',
    openingEn: [
      'On behalf of {patientName}, we request external review of the final internal decision dated {noticeDate}, which upheld the denial of {drug}. This request is filed within four months of receiving that decision (45 CFR 147.136(d)(2)(i)).',
      'The denial turns on medical judgment, which is within the scope of external review (45 CFR 147.136(d)(1)(ii)).',
    ],
    legalBasisEn: [
      { families: ['employer_self_funded'], textEn: 'The plan is a self-funded group health plan governed by ERISA. External review follows the federal process set by the U.S. Department of Labor (29 CFR 2590.715-2719(d); Technical Release 2010-01): the plan must assign an accredited independent review organization, whose decision binds the plan. The internal appeal followed the claims procedure regulation, 29 CFR 2560.503-1.' },
      { families: ['employer_fully_insured', 'individual_marketplace'], requiresFact: 'externalReviewLaw', textEn: 'External review of this insured coverage is available under 45 CFR 147.136(c)-(d) and {externalReviewLaw}.' },
      { families: ['employer_fully_insured', 'individual_marketplace'], textEn: 'External review of this insured coverage is available under 45 CFR 147.136(c)-(d) and the state external review law.' },
    ],
    argues: true,
    askEn: ['Please overturn the plan’s decision and direct it to cover {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.external_review_request',
    citation: '45 CFR 147.136(d)(1)(ii), (d)(2)(i); 29 CFR 2590.715-2719(d)',
    verified: true,
  },
  {
    kind: 'expedited_review_request',
    titleEn: 'Expedited review request',
    offered: { by: 'expedited' },
    recipientEn: ['Expedited Appeals', '{payer}', ADDRESS],
    subjectEn: 'Request for expedited (urgent) review',
    salutationEn: 'Dear Appeals Reviewer,',
    openingEn: [
      'On behalf of {patientName}, we ask that the appeal of the denial of {drug}, notice dated {noticeDate}, be decided on the expedited timeframe.',
      '{prescriber}, the treating physician, states that waiting for a standard decision could seriously jeopardize the patient’s life, health or ability to regain maximum function; the physician’s statement of urgency is enclosed.',
    ],
    legalBasisEn: [
      { families: [...ERISA_PLANS, 'individual_marketplace'], textEn: 'When a physician with knowledge of the patient’s condition determines that a claim involves urgent care, the plan must treat it as urgent (29 CFR 2560.503-1(m)(1)(ii)) and decide the appeal within 72 hours (29 CFR 2560.503-1(i)(2)(i)).' },
      { families: ['medicare_advantage'], textEn: 'The plan must expedite a reconsideration when a physician indicates that the standard timeframe could seriously jeopardize the enrollee’s life, health or ability to regain maximum function (42 CFR 422.584), and decide it within 72 hours (42 CFR 422.590).' },
      { families: ['medicare_part_d'], textEn: 'The plan must expedite a redetermination when the prescriber indicates that the standard timeframe could seriously jeopardize the enrollee’s life, health or ability to regain maximum function (42 CFR 423.584), and decide it within 72 hours.' },
      { families: ['medicaid_managed_care'], textEn: 'The plan must resolve an expedited appeal within 72 hours when the provider indicates that the standard timeframe could seriously jeopardize the enrollee’s life, physical or mental health, or ability to attain, maintain or regain maximum function (42 CFR 438.410).' },
      { families: ['medicaid_ffs'], textEn: 'The agency must expedite the hearing when the standard timeframe could jeopardize the applicant’s life, health or ability to attain, maintain or regain maximum function (42 CFR 431.224).' },
    ],
    argues: true,
    askEn: ['Please decide this appeal on the expedited timeframe and approve {drug} as prescribed.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.expedited_review_request',
    citation: '29 CFR 2560.503-1(m)(1); 45 CFR 147.136(d)(3); 42 CFR 422.566(a), 422.584; 42 CFR 431.224',
    verified: true,
  },
  {
    kind: 'expedited_external_review',
    titleEn: 'Expedited external review with an urgent internal appeal',
    // 45 CFR 147.136(d)(3): expedited external review may be requested at the same time as an urgent internal appeal.
    offered: { by: 'levels', levels: ['external_review'], families: ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace'] },
    recipientEn: ['Expedited Appeals and External Review', '{payer}', ADDRESS],
    subjectEn: 'Urgent internal appeal and request for expedited external review, filed together',
    salutationEn: 'Dear Appeals and External Review Coordinators,',
    openingEn: [
      'On behalf of {patientName}, we file an urgent internal appeal of the denial of {drug}, notice dated {noticeDate}, and at the same time request expedited external review by an independent review organization.',
      '{prescriber}, the treating physician, certifies that the timeframe for an expedited internal appeal would seriously jeopardize the patient’s life, health or ability to regain maximum function; the physician’s statement is enclosed. The law allows both requests to be filed together in that case (45 CFR 147.136(d)(3)).',
    ],
    legalBasisEn: [
      { families: ['employer_self_funded'], textEn: 'The plan is a self-funded group health plan governed by ERISA: the urgent appeal is decided within 72 hours (29 CFR 2560.503-1(i)(2)(i)), and expedited external review follows the federal process set by the U.S. Department of Labor (29 CFR 2590.715-2719(d)), with a decision within 72 hours of the reviewer’s receipt.' },
      { families: ['employer_fully_insured', 'individual_marketplace'], textEn: 'The urgent appeal is decided within 72 hours (29 CFR 2560.503-1(i)(2)(i)); expedited external review is decided within 72 hours of the reviewer’s receipt (45 CFR 147.136(d)(3)).' },
    ],
    argues: true,
    askEn: [
      'Please decide the urgent appeal within 72 hours, forward the expedited external review request to an independent review organization now, and approve {drug} as prescribed by {prescriber}.',
    ],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.expedited_external_review',
    citation: '45 CFR 147.136(d)(3); 29 CFR 2560.503-1(i)(2)(i); 29 CFR 2590.715-2719(d)',
    verified: true,
  },
  {
    kind: 'claim_file_request',
    titleEn: 'Request for the claim file and criteria',
    offered: { by: 'families', families: ACA_AND_ERISA },
    recipientEn: ['Appeals Department', '{payer}', ADDRESS],
    subjectEn: 'Request for the claim file and the criteria used',
    salutationEn: 'Dear Appeals Department,',
    openingEn: [
      'On behalf of {patientName}, we request copies, free of charge, of all documents, records and other information relevant to the claim for {drug} denied on {noticeDate}.',
    ],
    legalBasisEn: [
      { families: ERISA_PLANS, textEn: 'A claimant is entitled to these copies on request and free of charge (29 CFR 2560.503-1(h)(2)(iii)), including any internal rule, guideline or protocol relied on (29 CFR 2560.503-1(g)(1)(v)).' },
      { families: ['individual_marketplace', 'other'], textEn: 'A claimant is entitled to these copies on request and free of charge (45 CFR 147.136(b)(2)(ii)(C); 29 CFR 2560.503-1(h)(2)(iii)).' },
    ],
    argues: false,
    askEn: [
      'Please include the complete claim file; every internal rule, guideline, protocol or criterion relied on; the plan document provisions cited; and the names and credentials of the reviewers consulted.',
      'Please send these to the address below. Our appeal deadline continues to run, so we ask for a prompt reply.',
    ],
    signer: 'advocate',
    isPacket: false,
    ruleId: 'letter.claim_file_request',
    citation: '29 CFR 2560.503-1(h)(2)(iii)',
    verified: true,
  },
  {
    kind: 'plan_document_request',
    titleEn: 'Request for plan documents (ERISA §104(b)(4))',
    offered: { by: 'families', families: ERISA_PLANS },
    recipientEn: ['Plan Administrator', '{payer}', ADDRESS],
    subjectEn: 'Written request for plan documents under ERISA §104(b)(4)',
    salutationEn: 'Dear Plan Administrator,',
    openingEn: [
      'On behalf of {patientName}, a participant in the group health plan administered by {payer} (member ID {memberId}), we request copies of the latest summary plan description, the plan document and any amendments, and the other instruments under which the plan is operated.',
      'ERISA §104(b)(4) (29 U.S.C. 1024(b)(4)) requires the administrator to furnish these documents on written request; a plan administrator who does not comply within 30 days may be liable under ERISA §502(c)(1).',
    ],
    argues: false,
    askEn: ['Please send the documents within 30 days of receiving this request, to the address below.'],
    signer: 'advocate',
    isPacket: false,
    ruleId: 'letter.plan_document_request',
    citation: 'ERISA §104(b)(4), 29 U.S.C. 1024(b)(4); ERISA §502(c)(1)',
    verified: false,
  },
  {
    kind: 'continued_benefits_request',
    titleEn: 'Request to keep therapy going during the appeal',
    offered: { by: 'families', families: ['medicaid_ffs', 'medicaid_managed_care', 'employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'grandfathered'] },
    recipientEn: ['Appeals Department', '{payer}', ADDRESS],
    subjectEn: 'Request for continued coverage of an ongoing treatment while the appeal is pending',
    salutationEn: 'Dear Appeals Reviewer,',
    openingEn: [
      'On behalf of {patientName}, we appeal the decision, notice dated {noticeDate}, to reduce or stop coverage of {drug}, an ongoing course of home treatment prescribed by {prescriber} for {diagnosis}. The change is to take effect on {actionEffectiveDate}.',
      'We ask that {drug} continue to be covered at the current level while this appeal is pending ({continuationCitation}). Stopping an ongoing infusion therapy before the appeal is decided could cause the very harm the treatment prevents.',
    ],
    argues: false,
    askEn: ['Please confirm in writing, before {actionEffectiveDate}, that coverage of {drug} continues while the appeal is pending.'],
    signer: 'advocate',
    isPacket: false,
    isAppeal: true,
    ruleId: 'letter.continued_benefits_request',
    citation: '42 CFR 438.420; 42 CFR 431.230-431.231; 29 CFR 2560.503-1(f)(2)(ii); 45 CFR 147.136(b)(2)(ii)',
    verified: true,
  },
  {
    kind: 'peer_to_peer_request',
    titleEn: 'Peer-to-peer review request',
    offered: { by: 'families', families: ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'grandfathered', 'medicare_advantage', 'medicare_part_d', 'medicaid_managed_care', 'other'] },
    recipientEn: ['Medical Director', '{payer}', ADDRESS],
    subjectEn: 'Request for a peer-to-peer discussion with the reviewing physician',
    salutationEn: 'Dear Medical Director,',
    openingEn: [
      'On behalf of {patientName} and the treating physician, {prescriber}, we ask that the physician who reviewed the request for {drug} (notice dated {noticeDate}) speak with {prescriber} before the decision is final or while the appeal is pending.',
      '{prescriber} can explain directly why {drug} is needed for {diagnosis} and why home is the right setting. Please contact us to arrange a time, and tell us the name and specialty of the reviewing physician.',
    ],
    argues: false,
    askEn: ['Please arrange the peer-to-peer discussion within two business days, and let us know the outcome in writing.'],
    signer: 'advocate',
    isPacket: false,
    ruleId: 'letter.peer_to_peer_request',
    citation: 'Appeal-packet practice (peer-to-peer review)',
    verified: true,
  },
  {
    kind: 'medical_necessity_letter',
    titleEn: 'Letter of medical necessity (draft for the prescriber)',
    offered: { by: 'always' },
    recipientEn: ['Medical Director', '{payer}', ADDRESS],
    subjectEn: 'Letter of medical necessity',
    salutationEn: 'Dear Medical Director,',
    openingEn: [
      'I am the treating physician of {patientName} and I prescribed {drug} (HCPCS {hcpcsCode}) for {diagnosis}. I write to explain why this treatment is medically necessary, point by point against your coverage criteria.',
      'Clinical summary: {clinicalSummary}',
    ],
    argues: true,
    askEn: ['I ask that you approve {drug} as prescribed. I am available for a peer-to-peer discussion; please contact my office to arrange it.'],
    signer: 'prescriber',
    isPacket: false,
    ruleId: 'letter.medical_necessity_letter',
    citation: 'Appeal-packet practice for home infusion denials',
    verified: true,
  },
  {
    kind: 'patient_statement',
    titleEn: 'Patient statement (draft)',
    offered: { by: 'always' },
    recipientEn: ['Appeals Department', '{payer}', ADDRESS],
    subjectEn: 'Statement of the patient',
    salutationEn: 'To the reviewer,',
    openingEn: [
      'My name is {patientName}. I am writing about the denial of {drug}, which my doctor, {prescriber}, prescribed for me.',
      'How my condition affects my daily life:\n\n______________________________________________\n______________________________________________',
      'What happened when I could not get this treatment, or what I fear will happen:\n\n______________________________________________\n______________________________________________',
    ],
    argues: false,
    askEn: ['I ask you to approve the treatment my doctor prescribed.'],
    signer: 'patient',
    isPacket: false,
    ruleId: 'letter.patient_statement',
    citation: 'Appeal-packet practice for home infusion denials',
    verified: true,
  },
  {
    kind: 'patient_summary',
    titleEn: 'Summary of the appeal for the patient (English or Spanish)',
    offered: { by: 'always' },
    recipientEn: ['{patientName}'],
    subjectEn: 'Summary of your appeal',
    salutationEn: '',
    openingEn: [],
    argues: false,
    askEn: [],
    signer: 'advocate',
    isPacket: false,
    ruleId: 'letter.patient_summary',
    citation: 'Plain-language summary for the patient',
    verified: true,
  },
  {
    kind: 'representation_authorization',
    titleEn: 'Representation authorization for the patient to sign (English or Spanish)',
    offered: { by: 'always' },
    recipientEn: ['{payer}'],
    subjectEn: 'Authorization to act as representative',
    salutationEn: '',
    openingEn: [],
    argues: false,
    askEn: [],
    signer: 'patient',
    isPacket: false,
    ruleId: 'letter.representation_authorization',
    citation: '45 CFR 164.508(c) (authorization elements); 42 CFR 405.910 and form CMS-1696 for Medicare',
    verified: true,
  },
  {
    kind: 'doi_complaint',
    titleEn: 'Complaint to the state insurance commissioner',
    offered: { by: 'levels', levels: ['complaint_doi'] },
    recipientEn: ['Consumer Services', '{stateName} Department of Insurance', 'Consumer complaint unit'],
    subjectEn: 'Consumer complaint against {payer}',
    salutationEn: 'Dear Consumer Services,',
    openingEn: [
      'On behalf of {patientName}, we file a complaint against {payer} about its denial of {drug}, prescribed by {prescriber} for {diagnosis}, notice dated {noticeDate}.',
      'The insurer’s handling of this claim is set out below, with the enclosed denial notice, appeal and correspondence.',
    ],
    argues: true,
    askEn: ['Please investigate the insurer’s handling of this claim and require it to decide the appeal on the merits and within the legal timeframes.'],
    signer: 'advocate',
    isPacket: true,
    ruleId: 'letter.doi_complaint',
    citation: 'eapps.naic.org/cis/fileComplaintMap',
    verified: true,
  },
  {
    kind: 'ebsa_complaint',
    titleEn: 'Complaint to the US Department of Labor (EBSA)',
    offered: { by: 'levels', levels: ['complaint_ebsa'] },
    recipientEn: ['Employee Benefits Security Administration', 'U.S. Department of Labor', 'askebsa.dol.gov'],
    subjectEn: 'Request for assistance: employer health plan claim denial',
    salutationEn: 'Dear Benefits Advisor,',
    openingEn: [
      'On behalf of {patientName}, a participant in an employer health plan administered by {payer}, we ask for assistance with the plan’s denial of {drug}, notice dated {noticeDate}.',
      'The plan must follow the claims procedure regulation, 29 CFR 2560.503-1; its handling of this claim is set out below, with the enclosed denial notice, appeal and correspondence.',
    ],
    argues: true,
    askEn: ['Please contact the plan about its handling of this claim and help the participant obtain a full and fair review.'],
    signer: 'advocate',
    isPacket: true,
    ruleId: 'letter.ebsa_complaint',
    citation: 'askebsa.dol.gov/WebIntake; 29 CFR 2560.503-1',
    verified: true,
  },
  {
    kind: 'medicare_redetermination',
    titleEn: 'Medicare redetermination request',
    offered: { by: 'levels', levels: ['redetermination'], families: ['medicare_part_b'] },
    recipientEn: ['Redeterminations', '{payer}', ADDRESS],
    subjectEn: 'Request for redetermination (form CMS-20027 or this letter)',
    salutationEn: 'Dear Redetermination Reviewer,',
    openingEn: [
      'On behalf of {patientName} (Medicare number {memberId}), we request redetermination of the initial determination on the claim for {drug} (HCPCS {hcpcsCode}), notice dated {noticeDate}. This request is filed within 120 days of receiving that notice (42 CFR 405.942).',
    ],
    argues: true,
    askEn: ['Please reverse the initial determination and pay the claim for {drug}.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.medicare_redetermination',
    citation: '42 CFR 405.942, 405.950',
    verified: true,
  },
  {
    kind: 'medicare_reconsideration',
    titleEn: 'Medicare reconsideration request (QIC)',
    offered: { by: 'levels', levels: ['qic_reconsideration'] },
    recipientEn: ['Reconsiderations', 'Qualified Independent Contractor named in the redetermination notice', ADDRESS],
    subjectEn: 'Request for reconsideration (form CMS-20033 or this letter)',
    salutationEn: 'Dear Reconsideration Reviewer,',
    openingEn: [
      'On behalf of {patientName} (Medicare number {memberId}), we request reconsideration of the redetermination dated {noticeDate} on the claim for {drug}. This request is filed within 180 days of receiving that notice (42 CFR 405.962).',
      'All the evidence we rely on is enclosed now, because evidence not submitted at this level may be excluded later.',
    ],
    argues: true,
    askEn: ['Please reverse the redetermination and direct payment of the claim for {drug}.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.medicare_reconsideration',
    citation: '42 CFR 405.962, 405.970',
    verified: true,
  },
  {
    kind: 'ma_reconsideration',
    titleEn: 'Medicare Advantage reconsideration request',
    offered: { by: 'levels', levels: ['plan_reconsideration'] },
    recipientEn: ['Appeals and Grievances', '{payer}', ADDRESS],
    subjectEn: 'Request for reconsideration of an organization determination',
    salutationEn: 'Dear Appeals Reviewer,',
    openingEn: [
      'On behalf of {patientName} (member ID {memberId}), we request reconsideration of the organization determination dated {noticeDate} denying {drug}. This request is filed within 60 days of receiving it (42 CFR 422.582(b)).',
      'If the plan upholds its decision in whole or in part, it must forward the case file to the Independent Review Entity (42 CFR 422.590(a)(2), 422.592).',
    ],
    argues: true,
    askEn: ['Please reverse the organization determination and approve {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.ma_reconsideration',
    citation: '42 CFR 422.578, 422.582, 422.590(a)(2), 422.592',
    verified: true,
  },
  {
    kind: 'part_d_redetermination',
    titleEn: 'Part D redetermination request',
    offered: { by: 'levels', levels: ['redetermination'], families: ['medicare_part_d'] },
    recipientEn: ['Redeterminations', '{payer}', ADDRESS],
    subjectEn: 'Request for redetermination of a coverage determination',
    salutationEn: 'Dear Redetermination Reviewer,',
    openingEn: [
      'On behalf of {patientName} (member ID {memberId}), we request redetermination of the coverage determination dated {noticeDate} denying {drug}. This request is filed within 60 days of receiving it (42 CFR 423.582(b)).',
    ],
    argues: true,
    askEn: ['Please reverse the coverage determination and cover {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.part_d_redetermination',
    citation: '42 CFR 423.582',
    verified: true,
  },
  {
    kind: 'part_d_ire_request',
    titleEn: 'Part D reconsideration request (Independent Review Entity)',
    offered: { by: 'levels', levels: ['ire'], families: ['medicare_part_d'] },
    recipientEn: ['Part D Independent Review Entity', 'C2C Innovative Solutions, Inc.', ADDRESS],
    subjectEn: 'Request for reconsideration by the Part D Independent Review Entity',
    salutationEn: 'Dear Reconsideration Reviewer,',
    openingEn: [
      'On behalf of {patientName} (member ID {memberId}), we request reconsideration of the redetermination dated {noticeDate} by {payer}, which upheld the denial of {drug}. An adverse redetermination is not forwarded automatically, so we file this request within 65 days of the redetermination notice.',
      '{prescriber}, the prescriber, supports this request; the prescriber’s supporting statement is enclosed.',
    ],
    argues: true,
    askEn: ['Please reverse the redetermination and direct {payer} to cover {drug} as prescribed.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.part_d_ire_request',
    citation: '42 CFR 423.600; cms.gov/medicare/appeals-grievances/prescription-drug/reconsiderations',
    verified: true,
  },
  {
    kind: 'alj_hearing_request',
    titleEn: 'Request for an ALJ hearing',
    offered: { by: 'levels', levels: ['alj'] },
    recipientEn: ['Office of Medicare Hearings and Appeals', 'Central Operations', ADDRESS],
    subjectEn: 'Request for an Administrative Law Judge hearing (form OMHA-100 or this letter)',
    salutationEn: 'Dear Administrative Law Judge,',
    openingEn: [
      'On behalf of {patientName} (Medicare number {memberId}), we request a hearing before an Administrative Law Judge on the reconsideration decision dated {noticeDate}, which upheld the denial of {drug}. This request is filed within 60 days of receiving that decision.',
      'We ask for a hearing by video or telephone, and we will present evidence and the testimony of {prescriber} if needed.',
    ],
    legalBasisEn: [{ families: ['medicare_part_b', 'medicare_advantage', 'medicare_part_d'], requiresFact: 'aicStatement', textEn: '{aicStatement}' }],
    argues: true,
    askEn: ['Please schedule a hearing and, after it, issue a decision that {drug} is covered.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.alj_hearing_request',
    citation: '42 CFR 405.1014; 42 CFR 422.602; 42 CFR 423.2002',
    verified: true,
  },
  {
    kind: 'council_review_request',
    titleEn: 'Request for Medicare Appeals Council review',
    offered: { by: 'levels', levels: ['council'] },
    recipientEn: ['Medicare Appeals Council', 'Departmental Appeals Board, U.S. Department of Health and Human Services', ADDRESS],
    subjectEn: 'Request for review of an ALJ decision (form DAB-101 or this letter)',
    salutationEn: 'Dear Members of the Council,',
    openingEn: [
      'On behalf of {patientName} (Medicare number {memberId}), we request review of the Administrative Law Judge decision dated {noticeDate}, which upheld the denial of {drug}. This request is filed within 60 days of receiving that decision (42 CFR 405.1102).',
      'We disagree with the whole of the decision. It is not supported by the evidence in the record, for the reasons below.',
    ],
    argues: true,
    askEn: ['Please reverse the ALJ decision and find that {drug} is covered.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.council_review_request',
    citation: '42 CFR 405.1102, 405.1112; 42 CFR 422.608; 42 CFR 423.2102',
    verified: true,
  },
  {
    kind: 'medicare_fast_track_qio',
    titleEn: 'Fast-track appeal to the QIO (home health ending)',
    offered: { by: 'families', families: ['medicare_part_b', 'medicare_advantage'] },
    recipientEn: ['Beneficiary and Family Centered Care Quality Improvement Organization', 'QIO named on the Notice of Medicare Non-Coverage', ADDRESS],
    subjectEn: 'Request for an expedited determination: covered home health services ending',
    salutationEn: 'Dear Reviewer,',
    openingEn: [
      'On behalf of {patientName} (Medicare number {memberId}), we request an expedited determination of the decision to end covered home health services ({drug}), as stated in the Notice of Medicare Non-Coverage dated {noticeDate}. The services are to end on {actionEffectiveDate}.',
      'This request is made by noon of the day before the services end, so the services remain covered while you decide (42 CFR 405.1202; 422.626 for Medicare Advantage). {prescriber}, the treating physician, states that the patient still needs these skilled services.',
    ],
    argues: false,
    askEn: ['Please find that the services should continue, and ask the provider for the detailed explanation and the records you need.'],
    signer: 'advocate',
    isPacket: false,
    isAppeal: true,
    ruleId: 'letter.medicare_fast_track_qio',
    citation: '42 CFR 405.1200-405.1202; 42 CFR 422.624-422.626',
    verified: false,
  },
  {
    kind: 'medicaid_fair_hearing',
    titleEn: 'Medicaid fair-hearing request',
    offered: { by: 'levels', levels: ['fair_hearing'] },
    recipientEn: ['Fair Hearings', '{stateName} Medicaid agency, fair hearing office', ADDRESS],
    subjectEn: 'Request for a state fair hearing',
    salutationEn: 'Dear Hearing Officer,',
    openingEn: [
      'On behalf of {patientName} (Medicaid ID {memberId}), we request a state fair hearing on the denial of {drug}, notice dated {noticeDate}.',
    ],
    legalBasisEn: [
      { families: ['medicaid_managed_care'], textEn: 'The managed-care plan’s appeal process is exhausted, and this request is filed within 120 days of the plan’s notice of resolution (42 CFR 438.408(f)(2)).' },
      { families: ['medicaid_ffs'], textEn: 'This request is filed within the time the notice allows (42 CFR 431.221(d)).' },
    ],
    argues: true,
    askEn: ['Please schedule a hearing and, after it, order coverage of {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
    isAppeal: true,
    ruleId: 'letter.medicaid_fair_hearing',
    citation: '42 CFR 431.221, 431.224; 42 CFR 438.408(f)',
    verified: true,
  },
]

export function letterKindRule(kind: LetterKind): LetterKindRule {
  const found = LETTER_KIND_RULES.find((k) => k.kind === kind)
  if (!found) throw new Error(`Unknown letter kind ${kind}`)
  return found
}

function ladderLevelFor(rule: LetterKindRule, levels: LadderLevel[]): LevelId | null {
  if (rule.offered.by !== 'levels') return null
  const wanted = rule.offered.levels
  return levels.find((l) => wanted.includes(l.id))?.id ?? null
}

/** Whether a plan family's ladder offers a letter kind; the letter's level when it has one. */
export function letterOffer(rule: LetterKindRule, family: PlanFamily): { isOffered: boolean; levelId: LevelId | null } {
  const levels = LADDERS[family].levels
  switch (rule.offered.by) {
    case 'always':
      return { isOffered: true, levelId: null }
    case 'families':
      return { isOffered: rule.offered.families.includes(family), levelId: null }
    case 'expedited':
      return { isOffered: levels.some((l) => !l.isComplaint && l.expedited.available), levelId: null }
    case 'levels': {
      const levelId = ladderLevelFor(rule, levels)
      const familyOk = !rule.offered.families || rule.offered.families.includes(family)
      return { isOffered: familyOk && levelId !== null, levelId: familyOk ? levelId : null }
    }
  }
}

/** The letter kinds a plan family's ladder offers, in table order. */
export function lettersForFamily(family: PlanFamily): { rule: LetterKindRule; levelId: LevelId | null }[] {
  return LETTER_KIND_RULES.map((rule) => ({ rule, ...letterOffer(rule, family) }))
    .filter((offer) => offer.isOffered)
    .map(({ rule, levelId }) => ({ rule, levelId }))
}

const BEFORE_APPEAL: Stage[] = ['intake', 'prior_auth', 'denied']

/**
 * The ladder level a case is working on: before any appeal, the ladder's first appeal level;
 * afterwards, the level its board column stands for.
 */
export function workingLevel(family: PlanFamily, stage: Stage): LevelId | null {
  if (BEFORE_APPEAL.includes(stage)) return LADDERS[family].levels.find((l) => !l.isComplaint && !l.isOptional)?.id ?? null
  return ladderLevelForStage(family, stage)?.id ?? null
}
