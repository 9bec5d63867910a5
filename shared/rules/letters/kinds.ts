import type { LetterKind } from '../../domain/documents'
import type { PlanFamily } from '../../domain/enums'
import { LADDERS, ladderLevelForStage } from '../ladders'
import type { Stage } from '../../domain/enums'
import type { LadderLevel, LevelId, RuleRef } from '../ladders/types'

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
  /** Include the argument blocks for the case's denial reasons. */
  argues: boolean
  askEn: string[]
  signer: 'advocate' | 'prescriber' | 'patient'
  /** Goes out with a cover letter, exhibit index and exhibits; drafts for others to sign do not. */
  isPacket: boolean
}

const ACA_AND_ERISA: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'grandfathered', 'other']
const ADDRESS = '[[Mailing address or fax number for appeals, from the denial notice]]'

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
    argues: true,
    askEn: [
      'Please reverse the denial and approve {drug} as prescribed by {prescriber}.',
      'Please send us, free of charge, the claim file and any criteria, guidelines or internal rules used to decide this claim, and the name and credentials of each clinical reviewer.',
    ],
    signer: 'advocate',
    isPacket: true,
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
      'On behalf of {patientName}, we request the second level of internal review of the denial of {drug}. The first-level decision, dated [[Date of the first-level appeal decision]], upheld the denial first issued on {noticeDate}.',
      'The first-level decision did not address the evidence below. [[What the first-level decision got wrong or left unanswered]]',
    ],
    argues: true,
    askEn: ['Please reverse the denial and approve {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
    ruleId: 'letter.second_level_appeal',
    citation: '29 CFR 2560.503-1(i)(2)(ii)-(iii)',
    verified: true,
  },
  {
    kind: 'external_review_request',
    titleEn: 'Request for external review',
    // No external review route for grandfathered plans (§1C); self-funded plans use the federal
    // process through the plan, not the state (29 CFR 2590.715-2719(d)): the recipient line says so.
    offered: { by: 'levels', levels: ['external_review'] },
    recipientEn: ['External Review', '[[The plan (self-funded: it assigns the IRO) or the state external review office]]', ADDRESS],
    subjectEn: 'Request for external review by an independent review organization',
    salutationEn: 'Dear External Review Coordinator,',
    openingEn: [
      'On behalf of {patientName}, we request external review of the final internal decision upholding the denial of {drug}, dated [[Date of the final internal denial]]. This request is filed within four months of receiving that decision.',
      'The denial turns on medical judgment, which is within the scope of external review.',
    ],
    argues: true,
    askEn: ['Please overturn the plan’s decision and direct it to cover {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
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
      'On behalf of {patientName}, we ask that the appeal of the denial of {drug} be decided on the expedited timeframe.',
      'Waiting for a standard decision could seriously jeopardize the patient’s life, health or ability to regain maximum function. {prescriber} supports this request: [[Prescriber’s statement of urgency, in the prescriber’s words]].',
    ],
    argues: true,
    askEn: ['Please decide this appeal on the expedited timeframe and approve {drug} as prescribed.'],
    signer: 'advocate',
    isPacket: true,
    ruleId: 'letter.expedited_review_request',
    citation: '29 CFR 2560.503-1(m)(1); 45 CFR 147.136(d)(3); 42 CFR 422.566(a), 422.584; 42 CFR 431.224',
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
    argues: false,
    askEn: [
      'Please include the complete claim file; every internal rule, guideline, protocol or criterion relied on; the plan document provisions cited; and the names and credentials of the reviewers consulted.',
      'Please send these to the address below. Our appeal deadline continues to run, so we ask for a prompt reply.',
    ],
    signer: 'advocate',
    isPacket: false,
    ruleId: 'letter.claim_file_request',
    citation: '29 CFR 2560.503-1(h)(2)(iii); 45 CFR 147.136(b)(2)(ii)(C)',
    verified: false,
  },
  {
    kind: 'medical_necessity_letter',
    titleEn: 'Letter of medical necessity (draft for the prescriber)',
    offered: { by: 'always' },
    recipientEn: ['Medical Director', '{payer}', ADDRESS],
    subjectEn: 'Letter of medical necessity',
    salutationEn: 'Dear Medical Director,',
    openingEn: [
      'I am the treating physician of {patientName} and I prescribed {drug} (HCPCS {hcpcsCode}) for the diagnoses coded {diagnosisCodes}. I write to explain why this treatment is medically necessary, point by point against your coverage criteria.',
      'Clinical summary: [[Diagnosis, history and current condition, in the prescriber’s words]]',
    ],
    argues: true,
    askEn: ['I ask that you approve {drug} as prescribed. I am available for a peer-to-peer discussion at [[Prescriber’s direct phone number]].'],
    signer: 'prescriber',
    isPacket: false,
    ruleId: 'letter.medical_necessity_letter',
    citation: 'domain-rules.md §3',
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
      'How my condition affects my daily life: [[In the patient’s own words]]',
      'What happened when I could not get this treatment, or what I fear will happen: [[In the patient’s own words]]',
    ],
    argues: false,
    askEn: ['I ask you to approve the treatment my doctor prescribed.'],
    signer: 'patient',
    isPacket: false,
    ruleId: 'letter.patient_statement',
    citation: 'domain-rules.md §3',
    verified: true,
  },
  {
    kind: 'doi_complaint',
    titleEn: 'Complaint to the state insurance commissioner',
    offered: { by: 'levels', levels: ['complaint_doi'] },
    recipientEn: ['Consumer Services', '{state} Department of Insurance', '[[Complaint address or online form, from the state’s website]]'],
    subjectEn: 'Consumer complaint against {payer}',
    salutationEn: 'Dear Consumer Services,',
    openingEn: [
      'On behalf of {patientName}, we file a complaint against {payer} about its denial of {drug}, notice dated {noticeDate}.',
      'What the insurer did wrong: [[Missed deadlines, missing notice content, or refusal to follow the appeal rules]]',
    ],
    argues: true,
    askEn: ['Please investigate the insurer’s handling of this claim and require it to decide the appeal on the merits and within the legal timeframes.'],
    signer: 'advocate',
    isPacket: true,
    ruleId: 'letter.doi_complaint',
    citation: 'eapps.naic.org/cis/fileComplaintMap; domain-rules.md §7',
    verified: true,
  },
  {
    kind: 'ebsa_complaint',
    titleEn: 'Complaint to the US Department of Labor (EBSA)',
    offered: { by: 'levels', levels: ['complaint_ebsa'] },
    recipientEn: ['Employee Benefits Security Administration', 'U.S. Department of Labor', '[[Regional office address, or file online at askebsa.dol.gov]]'],
    subjectEn: 'Request for assistance: employer health plan claim denial',
    salutationEn: 'Dear Benefits Advisor,',
    openingEn: [
      'On behalf of {patientName}, a participant in an employer health plan administered by {payer}, we ask for assistance with the plan’s denial of {drug}, notice dated {noticeDate}.',
      'How the plan failed to follow the claims procedure: [[Missed deadlines, missing notice content, or documents refused]]',
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
    recipientEn: ['Redeterminations', '[[Medicare contractor (MAC) name, from the Medicare Summary Notice]]', ADDRESS],
    subjectEn: 'Request for redetermination (form CMS-20027 or this letter)',
    salutationEn: 'Dear Redetermination Reviewer,',
    openingEn: [
      'On behalf of {patientName} (Medicare number {memberId}), we request redetermination of the initial determination on the claim for {drug} (HCPCS {hcpcsCode}), notice dated {noticeDate}.',
    ],
    argues: true,
    askEn: ['Please reverse the initial determination and pay the claim for {drug}.'],
    signer: 'advocate',
    isPacket: true,
    ruleId: 'letter.medicare_redetermination',
    citation: '42 CFR 405.942, 405.950',
    verified: true,
  },
  {
    kind: 'medicare_reconsideration',
    titleEn: 'Medicare reconsideration request (QIC)',
    offered: { by: 'levels', levels: ['qic_reconsideration'] },
    recipientEn: ['Reconsiderations', '[[Qualified Independent Contractor (QIC) name, from the redetermination notice]]', ADDRESS],
    subjectEn: 'Request for reconsideration (form CMS-20033 or this letter)',
    salutationEn: 'Dear Reconsideration Reviewer,',
    openingEn: [
      'On behalf of {patientName} (Medicare number {memberId}), we request reconsideration of the redetermination dated [[Date of the redetermination notice]] on the claim for {drug}.',
      'All evidence we rely on is enclosed now, because evidence not given at this level may be excluded later.',
    ],
    argues: true,
    askEn: ['Please reverse the redetermination and direct payment of the claim for {drug}.'],
    signer: 'advocate',
    isPacket: true,
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
      'On behalf of {patientName} (member ID {memberId}), we request reconsideration of the organization determination dated {noticeDate} denying {drug}.',
      'If the plan upholds its decision in whole or in part, it must forward the case file to the Independent Review Entity.',
    ],
    argues: true,
    askEn: ['Please reverse the organization determination and approve {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
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
      'On behalf of {patientName} (member ID {memberId}), we request redetermination of the coverage determination dated {noticeDate} denying {drug}.',
    ],
    argues: true,
    askEn: ['Please reverse the coverage determination and cover {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
    ruleId: 'letter.part_d_redetermination',
    citation: '42 CFR 423.582',
    verified: true,
  },
  {
    kind: 'medicaid_fair_hearing',
    titleEn: 'Medicaid fair-hearing request',
    offered: { by: 'levels', levels: ['fair_hearing'] },
    recipientEn: ['Fair Hearings', '[[State Medicaid agency or hearing office]]', ADDRESS],
    subjectEn: 'Request for a state fair hearing',
    salutationEn: 'Dear Hearing Officer,',
    openingEn: [
      'On behalf of {patientName} (Medicaid ID {memberId}), we request a state fair hearing on the denial of {drug}, notice dated {noticeDate}.',
      'If the patient’s health could be seriously jeopardized by the standard timeframe, we ask for an expedited hearing.',
    ],
    argues: true,
    askEn: ['Please schedule a hearing and, after it, order coverage of {drug} as prescribed by {prescriber}.'],
    signer: 'advocate',
    isPacket: true,
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
