import type { DenialReason, PlanFamily, TherapyCategory } from '../../domain/enums'
import type { RuleRef } from '../ladders/types'

/**
 * Argument blocks by denial reason, therapy and plan family (domain-rules.md §3). A letter that
 * argues includes, for each of the case's denial reasons, every block whose conditions match, in
 * table order. Text is ours: `{fact}` comes from the case, `[[label]]` is for the advocate to fill.
 */
export interface ArgumentBlock extends RuleRef {
  id: string
  reasons: DenialReason[]
  therapies?: TherapyCategory[]
  families?: PlanFamily[]
  /** Heading for the reason's section; only the first matching block of a reason supplies it. */
  headingEn?: string
  paragraphsEn: string[]
}

const ACA: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'other']
const STATE_REGULATED: PlanFamily[] = ['employer_fully_insured', 'individual_marketplace', 'other']
const ERISA: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'grandfathered']
const SECTION_3 = 'domain-rules.md §3'

const block = (
  id: string,
  reasons: DenialReason[],
  paragraphsEn: string[],
  extra: Partial<Pick<ArgumentBlock, 'therapies' | 'families' | 'headingEn' | 'citation' | 'verified'>> = {},
): ArgumentBlock => ({ id, reasons, paragraphsEn, ruleId: `argument.${id}`, citation: SECTION_3, verified: true, ...extra })

export const ARGUMENT_BLOCKS: ArgumentBlock[] = [
  block('necessity.core', ['not_medically_necessary'], [
    '{prescriber} prescribed {drug} for {patientName} to treat the conditions coded {diagnosisCodes}. The enclosed letter of medical necessity answers the plan’s criteria one by one.',
    'The objective findings support the treatment: [[Key labs, imaging or cultures that confirm the diagnosis]].',
    'Other options were considered and are not suitable: [[Why oral, outpatient or other alternatives are unsuitable or have failed]].',
  ], { headingEn: 'The treatment is medically necessary' }),
  block('necessity.opat', ['not_medically_necessary', 'site_of_care'], [
    'Infectious-disease practice guidance (the IDSA 2018 guideline on outpatient parenteral antimicrobial therapy) supports completing IV antibiotic courses at home for suitable patients. The culture results show why IV therapy is needed: [[Organism and susceptibility results]].',
  ], { therapies: ['iv_anti_infective'], citation: 'domain-rules.md §3 (IDSA OPAT 2018)' }),
  block('necessity.ivig', ['not_medically_necessary', 'off_label'], [
    'The diagnosis-specific criteria for immune globulin are documented: [[IgG levels, vaccine response and infection history (PID), or nerve-conduction studies and specialist consult (CIDP/MMN)]]. The dose is weight-based: [[Current weight and dose per kilogram]].',
  ], { therapies: ['ivig_scig'] }),
  block('necessity.tpn', ['not_medically_necessary'], [
    'Enteral feeding cannot meet the patient’s needs: [[Why the gut cannot be used: intestinal failure, obstruction or malabsorption, with dates]].',
  ], { therapies: ['tpn'] }),
  block('necessity.biologic', ['not_medically_necessary'], [
    'Disease activity and response to earlier treatment are documented: [[Disease activity scores, flares and response to earlier treatment]].',
  ], { therapies: ['infused_biologic'] }),
  block('necessity.medicare', ['not_medically_necessary', 'off_label'], [
    'Medicare coverage criteria for this service are set by [[The NCD or LCD that applies, by number]]; the enclosed records show each criterion is met.',
  ], { families: ['medicare_part_b', 'medicare_part_d'] }),
  block('necessity.ma_criteria', ['not_medically_necessary', 'site_of_care', 'off_label'], [
    'A Medicare Advantage plan must follow Traditional Medicare’s national and local coverage determinations. It may apply its own criteria only where Medicare’s are not fully established, and then only publicly available ones (42 CFR 422.101(b)(6)). Please identify the criteria applied and their source.',
  ], { families: ['medicare_advantage'], citation: '42 CFR 422.101(b)(6)' }),
  block('necessity.external_scope', ['not_medically_necessary', 'site_of_care', 'experimental'], [
    'Because this denial rests on medical judgment, it is eligible for external review by an independent reviewer once internal appeals end (45 CFR 147.136(d)(1)(ii)).',
  ], { families: ACA, citation: '45 CFR 147.136(d)(1)(ii)' }),

  block('site.core', ['site_of_care'], [
    '{prescriber} ordered {drug} at home for these clinical reasons: [[Prescriber’s reasons for home: reaction history, monitoring needs, venous access, risks of the proposed site]].',
    '{infusionProvider} gives the infusions under a written nursing protocol: [[Nursing protocol: who infuses, how often, what is monitored]]. The emergency plan covers reactions at home: [[Emergency plan: anaphylaxis kit, reaction orders, escalation]]. Pharmacy and nursing support: [[24-hour pharmacist and nurse on-call arrangements]].',
    'Home infusion does not cost the plan more than the setting it proposes: [[Cost comparison: home versus infusion center or hospital outpatient]].',
    'The plan’s site-of-care policy allows exceptions, and this case meets one: [[Which exception in the payer’s site-of-care policy applies, and why]].',
  ], { headingEn: 'Home is the right and safe setting' }),

  block('offlabel.core', ['off_label'], [
    'FDA label status of {drug} for the diagnoses coded {diagnosisCodes}: [[On-label indication, or off-label use stated plainly]]. Off-label use is supported by [[Compendia listings (AHFS-DI, DrugDex, Clinical Pharmacology) and peer-reviewed studies]].',
    'Treatment history: [[Earlier treatments with dates, doses and outcomes]].',
  ], { headingEn: 'The use is supported for this diagnosis' }),
  block('offlabel.medicare_home_ivig', ['off_label'], [
    'Medicare’s home IVIG benefit covers primary immunodeficiency (Medicare Benefit Policy Manual, chapter 15, §50.6). [[Whether the diagnosis is a primary immunodeficiency, or the LCD that covers this use]].',
  ], { therapies: ['ivig_scig'], families: ['medicare_part_b'], citation: 'MBPM ch. 15 §50.6' }),

  block('experimental.core', ['experimental'], [
    'FDA status of {drug} for this use: [[FDA approval status for this indication]].',
    'Clinical guidelines and peer-reviewed literature support the treatment: [[Guidelines and studies, with full citations]].',
    'The plan defines experimental or investigational treatment as [[The plan’s definition, quoted from the plan document]]. This treatment falls outside that definition because [[Why the definition does not apply]].',
  ], { headingEn: 'The treatment is not experimental or investigational' }),

  block('step.core', ['step_therapy'], [
    '{patientName} has already tried the plan’s preferred options: [[Each drug tried, with dose, dates, and why it was stopped]].',
    'The preferred drug is not appropriate now: [[Contraindication, or why it is expected to fail]].',
    'Continuity of care: [[How long the patient has been stable on the current drug, and the risk of switching]].',
  ], { headingEn: 'The step-therapy requirement is met or should be excepted' }),
  block('step.state_law', ['step_therapy'], [
    'State law in {state} may require an exception to step therapy in these circumstances: [[The state step-therapy exception statute and the exception that applies]].',
  ], { families: STATE_REGULATED }),
  block('step.ma_new_start', ['step_therapy'], [
    'A Medicare Advantage plan may apply step therapy to Part B drugs only for new starts (42 CFR 422.136). {patientName} started {drug} on [[Date the patient started this drug]].',
  ], { families: ['medicare_advantage'], citation: '42 CFR 422.136' }),
  block('step.part_d', ['step_therapy'], [
    'We request an exception. The prescriber’s supporting statement is enclosed.',
  ], { families: ['medicare_part_d'], citation: 'cms.gov Part D Exceptions page' }),

  block('missing.core', ['missing_documentation'], [
    'The denial says documentation was missing: [[The items the denial names as missing, in its words]]. Each item is enclosed and listed in the exhibit index.',
  ], { headingEn: 'The documentation is enclosed' }),
  block('missing.medicare_dme', ['missing_documentation', 'no_prior_auth'], [
    'For this Medicare DME claim, the written order before delivery and the proof of delivery are enclosed: [[Date of the written order and the proof of delivery]].',
  ], { families: ['medicare_part_b'], therapies: ['pump_supplies', 'ivig_scig'], citation: 'cms.gov MLN “Infusion Pumps & Related Drugs”' }),
  block('priorauth.core', ['no_prior_auth'], [
    'Prior authorization was requested on {priorAuthRequestedOn} (reference {reference}); proof of the request is enclosed.',
    'We ask for retroactive authorization. Treatment could not wait because [[Why treatment could not wait for authorization]].',
  ], { headingEn: 'Authorization was requested; we ask for it retroactively' }),
  block('priorauth.aca_silence', ['no_prior_auth'], [
    'If the plan did not decide the request within the time the rules allow, that failure is itself an adverse decision, and the plan’s failure to follow the claims rules may let the patient go straight to external review (45 CFR 147.136(b)(2)(ii)(F)).',
  ], { families: ACA, citation: '45 CFR 147.136(b)(2)(ii)(F)' }),
  block('priorauth.mco_silence', ['no_prior_auth'], [
    'A managed-care plan that misses its authorization deadline has made an adverse benefit determination on the day the deadline expired, and that determination is appealable (42 CFR 438.404(c)(5)).',
  ], { families: ['medicaid_managed_care'], citation: '42 CFR 438.404(c)(5)' }),

  block('notcovered.core', ['not_covered'], [
    'The plan relies on this language: [[The exclusion, quoted from the plan document]]. Read correctly, {drug} is covered as [[The covered benefit category: medical, pharmacy, home health or home infusion]].',
  ], { headingEn: 'The service is a covered benefit' }),
  block('notcovered.state_mandate', ['not_covered'], [
    'A {state} benefit mandate may also apply: [[State mandate, if any]].',
  ], { families: STATE_REGULATED, verified: false }),
  block('notcovered.plan_documents', ['not_covered'], [
    'Please send the plan document and summary plan description that govern this claim, so the exclusion can be read in full.',
  ], { families: ERISA, citation: 'ERISA §104(b)(4)', verified: false }),

  block('coding.core', ['coding_billing'], [
    'The denial concerns coding or billing, not the need for treatment. A corrected claim for HCPCS {hcpcsCode} is enclosed: [[What was corrected: code, units, NDC, modifiers or place of service]].',
  ], { headingEn: 'The claim has been corrected' }),
  block('coding.medicare_reopening', ['coding_billing'], [
    'Where the error is clerical, please treat this as a request for reopening rather than an appeal.',
  ], { families: ['medicare_part_b'], citation: 'cms.gov FFS redetermination page (reopening)' }),

  block('eligibility.core', ['eligibility'], [
    '{patientName} was covered by {payer} on the dates of service: [[Proof of coverage on the dates of service]].',
  ], { headingEn: 'The patient was eligible' }),
  block('other.core', ['other'], [
    'The denial is wrong because [[Why the denial is wrong, with the evidence that shows it]].',
  ], { headingEn: 'Why the denial should be reversed' }),
]

/** Blocks for one denial reason, in table order, filtered by therapy and plan family. */
export function argumentsFor(reason: DenialReason, therapy: TherapyCategory, family: PlanFamily): ArgumentBlock[] {
  const matching = ARGUMENT_BLOCKS.filter(
    (b) => b.reasons.includes(reason) && (!b.therapies || b.therapies.includes(therapy)) && (!b.families || b.families.includes(family)),
  )
  // The reason's own blocks lead its section; blocks shared with another reason follow.
  return [...matching.filter((b) => b.reasons[0] === reason), ...matching.filter((b) => b.reasons[0] !== reason)]
}

/** A reason's section heading: the first block that names one for it. */
export function headingFor(reason: DenialReason): string {
  return ARGUMENT_BLOCKS.find((b) => b.reasons[0] === reason && b.headingEn)?.headingEn ?? 'Why the denial should be reversed'
}

/** Denial reasons as a letter names them. */
export const REASON_NAMES_EN: Record<DenialReason, string> = {
  not_medically_necessary: 'not medically necessary',
  site_of_care: 'site of care',
  not_covered: 'not a covered benefit',
  experimental: 'experimental or investigational',
  step_therapy: 'step therapy not met',
  missing_documentation: 'missing documentation',
  no_prior_auth: 'no prior authorization',
  off_label: 'indication not covered (off-label)',
  coding_billing: 'coding or billing',
  eligibility: 'eligibility',
  other: 'other',
}
