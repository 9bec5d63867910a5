import type { DenialReason, PlanFamily, TherapyCategory } from '../../domain/enums'
import type { RuleRef } from '../ladders/types'
import type { FactKey } from './facts'

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
  /** Left out when the case lacks this fact (a state statute, a Medicare route), instead of leaving a blank. */
  requiresFact?: FactKey
  paragraphsEn: string[]
}

const ACA: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'other']
const STATE_REGULATED: PlanFamily[] = ['employer_fully_insured', 'individual_marketplace', 'other']
const ERISA: PlanFamily[] = ['employer_self_funded', 'employer_fully_insured', 'grandfathered']
const SECTION_3 = 'Appeal-packet practice for home infusion denials'

const block = (
  id: string,
  reasons: DenialReason[],
  paragraphsEn: string[],
  extra: Partial<Pick<ArgumentBlock, 'therapies' | 'families' | 'headingEn' | 'citation' | 'verified' | 'requiresFact'>> = {},
): ArgumentBlock => ({ id, reasons, paragraphsEn, ruleId: `argument.${id}`, citation: SECTION_3, verified: true, ...extra })

/**
 * The paragraphs argue from the case's facts and the enclosed exhibits (named as the evidence checklist
 * names them), so a complete case file needs no blanks; the advocate may still edit every word.
 */
export const ARGUMENT_BLOCKS: ArgumentBlock[] = [
  block('necessity.core', ['not_medically_necessary'], [
    '{prescriber}, the treating physician, prescribed {drug} for {patientName} to treat {diagnosis}. The enclosed letter of medical necessity answers {payerRole}’s coverage criteria one by one, and the enclosed medical records document the diagnosis and the course of the illness.',
    'The objective findings that confirm the diagnosis and the need for this treatment (laboratory results, imaging and other tests) are enclosed. The letter of medical necessity also explains why oral, outpatient or other alternatives are unsuitable for this patient or have already failed.',
    'A medical-necessity denial must rest on this patient’s records, not on a general rule. If {payerRole} relied on an internal guideline or criteria set, please identify it and apply its criteria to the facts in the enclosed records.',
  ], { headingEn: 'The treatment is medically necessary' }),
  block('necessity.opat', ['not_medically_necessary', 'site_of_care'], [
    'The Infectious Diseases Society of America’s 2018 guideline on outpatient parenteral antimicrobial therapy supports completing IV antibiotic courses at home for suitable patients. The enclosed culture and susceptibility results show why an IV agent is required.',
  ], { therapies: ['iv_anti_infective'], citation: 'IDSA OPAT guideline (2018)' }),
  block('necessity.ivig', ['not_medically_necessary', 'off_label'], [
    'The diagnosis-specific criteria for immune globulin are documented in the enclosed results (for a primary immunodeficiency: IgG levels, response to vaccines and the history of infections; for CIDP or multifocal motor neuropathy: nerve-conduction studies and the specialist’s evaluation). The dose is weight-based, as the enclosed weight and dose calculation shows.',
  ], { therapies: ['ivig_scig'] }),
  block('necessity.tpn', ['not_medically_necessary'], [
    'Parenteral nutrition is needed because enteral feeding cannot meet the patient’s needs: the enclosed records document the intestinal failure, obstruction or malabsorption, and that enteral nutrition was ruled out or failed.',
  ], { therapies: ['tpn'] }),
  block('necessity.biologic', ['not_medically_necessary'], [
    'The enclosed records document the disease activity, the flares and the response to earlier treatment that led {prescriber} to prescribe {drug}.',
  ], { therapies: ['infused_biologic'] }),
  block('medicare.route', ['not_medically_necessary', 'off_label', 'not_covered', 'site_of_care'], [
    '{medicareRoute}',
    'The enclosed records show that each criterion of the Medicare coverage rules for this service is met.',
  ], { families: ['medicare_part_b', 'medicare_part_d'], requiresFact: 'medicareRoute', citation: 'Medicare Benefit Policy Manual ch. 15; LCD L33794; NCD 180.2' }),
  block('necessity.ma_criteria', ['not_medically_necessary', 'site_of_care', 'off_label', 'not_covered'], [
    'A Medicare Advantage plan must cover every benefit Original Medicare covers (42 CFR 422.101) and must follow Traditional Medicare’s national and local coverage determinations. It may apply its own criteria only where Medicare’s are not fully established, and then only publicly available ones (42 CFR 422.101(b)(6)). Please identify the criteria applied and their source.',
  ], { families: ['medicare_advantage'], citation: '42 CFR 422.101(b)(6)' }),
  block('ma.route', ['not_medically_necessary', 'site_of_care', 'off_label', 'not_covered'], [
    'Under Original Medicare, this therapy would be covered as follows: {medicareRoute}',
  ], { families: ['medicare_advantage'], requiresFact: 'medicareRoute', citation: '42 CFR 422.101; Medicare Benefit Policy Manual ch. 15' }),
  block('necessity.external_scope', ['not_medically_necessary', 'site_of_care', 'experimental'], [
    'Because this denial rests on medical judgment, it is eligible for external review by an independent reviewer once internal appeals end (45 CFR 147.136(d)(1)(ii)).',
  ], { families: ACA, citation: '45 CFR 147.136(d)(1)(ii)' }),

  block('site.core', ['site_of_care'], [
    '{prescriber} ordered {drug} at home for {patientName}, who is treated for {diagnosis}. The enclosed statement of the prescriber’s reasons explains why home is the appropriate setting for this patient: the infusion and reaction history, the monitoring needed, venous access, and the risks of the setting {payerRole} proposes.',
    '{infusionProvider} gives the infusions under the enclosed written nursing protocol, which follows the Infusion Nurses Society’s Infusion Therapy Standards of Practice (2021): infusion-trained nurses, an assessment and monitoring at every visit, and documented competency. The enclosed emergency plan covers a reaction at home (anaphylaxis kit and standing reaction orders), and a pharmacist and an infusion nurse are on call 24 hours a day.',
    'Home is also the less costly setting. The National Home Infusion Association reports that home infusion for conditions such as CIDP, primary immunodeficiency and osteomyelitis typically costs 40–60% less than treatment in a hospital outpatient infusion center; the enclosed cost comparison applies this to {patientName}’s treatment. Moving the patient to a facility would cost more, not less.',
    'A site-of-care policy is a cost-management tool: it must be applied consistently and cannot override the treating physician’s clinical judgment. The enclosed copy of the policy marks the exception that applies to this case.',
  ], { headingEn: 'Home is the right and safe setting', citation: 'INS Infusion Therapy Standards of Practice (2021); NHIA cost data' }),

  block('offlabel.core', ['off_label'], [
    'The use of {drug} for {diagnosis} is supported: the enclosed summary of its FDA label status, the compendia listings (AHFS-DI, DrugDex, Clinical Pharmacology) and the peer-reviewed studies support this indication.',
    'The enclosed treatment history lists the earlier treatments, with dates, doses and outcomes.',
  ], { headingEn: 'The use is supported for this diagnosis' }),

  block('experimental.core', ['experimental'], [
    'The enclosed documents show the FDA status of {drug} for this use and the clinical guidelines and peer-reviewed literature that support it.',
    'The plan’s own definition of experimental or investigational treatment, quoted in the enclosed plan document excerpt, does not reach this treatment: it is an accepted treatment for {diagnosis}, as the enclosed literature shows.',
  ], { headingEn: 'The treatment is not experimental or investigational' }),

  block('step.core', ['step_therapy'], [
    '{patientName} has already tried the preferred options, as the enclosed list of therapies tried shows (each drug with its dose, dates and the reason it was stopped).',
    'The prescriber explains in the enclosed letter why the preferred drug is contraindicated or expected to fail, and how long the patient has been stable on {drug}. Switching a stable patient puts that stability at risk.',
  ], { headingEn: 'The step-therapy requirement is met or should be excepted' }),
  block('step.state_law', ['step_therapy'], [
    'This coverage is subject to {stepTherapyLaw}, which provides for an exception to a step-therapy protocol when the required drug is contraindicated or expected to be ineffective, has already been tried without success, or the patient is stable on the prescribed drug. We ask for that exception.',
  ], { families: STATE_REGULATED, requiresFact: 'stepTherapyLaw', verified: false, citation: 'State step-therapy statutes (verify)' }),
  block('step.state_clock', ['step_therapy'], [
    'The statute requires a decision on the exception request within {stepTherapyDecision}.',
  ], { families: STATE_REGULATED, requiresFact: 'stepTherapyDecision', verified: false }),
  block('step.ma_new_start', ['step_therapy'], [
    'A Medicare Advantage plan may apply step therapy to Part B drugs only for new starts, after review by its pharmacy and therapeutics committee (42 CFR 422.136). The enclosed records show when {patientName} started {drug}: a patient already taking it is not a new start.',
  ], { families: ['medicare_advantage'], citation: '42 CFR 422.136' }),
  block('step.part_d', ['step_therapy'], [
    'We request an exception. The prescriber’s supporting statement is enclosed.',
  ], { families: ['medicare_part_d'], citation: 'cms.gov Part D Exceptions page' }),

  block('missing.core', ['missing_documentation'], [
    'The denial says documentation was missing. Each item it names is enclosed and listed in the exhibit index.',
  ], { headingEn: 'The documentation is enclosed' }),
  block('missing.medicare_dme', ['missing_documentation', 'no_prior_auth'], [
    'For this Medicare DME claim, the written order before delivery and the proof of delivery are enclosed.',
  ], { families: ['medicare_part_b'], therapies: ['pump_supplies', 'ivig_scig'], citation: 'cms.gov MLN “Infusion Pumps & Related Drugs”' }),
  block('priorauth.core', ['no_prior_auth'], [
    'Prior authorization was requested on {priorAuthRequestedOn} (reference {reference}); proof of the request is enclosed.',
    'We ask for retroactive authorization: as the prescriber’s enclosed letter explains, treatment could not safely wait for the decision.',
  ], { headingEn: 'Authorization was requested; we ask for it retroactively' }),
  block('priorauth.aca_silence', ['no_prior_auth'], [
    'If the plan did not decide the request within the time the rules allow, that failure is itself an adverse decision, and the plan’s failure to follow the claims rules may let the patient go straight to external review (45 CFR 147.136(b)(2)(ii)(F)).',
  ], { families: ACA, citation: '45 CFR 147.136(b)(2)(ii)(F)' }),
  block('priorauth.mco_silence', ['no_prior_auth'], [
    'A managed-care plan that misses its authorization deadline has made an adverse benefit determination on the day the deadline expired, and that determination is appealable (42 CFR 438.404(c)(5)).',
  ], { families: ['medicaid_managed_care'], citation: '42 CFR 438.404(c)(5)' }),

  block('notcovered.core', ['not_covered'], [
    'The denial relies on an exclusion, quoted in the enclosed plan document excerpt. Read as a whole, the coverage includes {drug} for {diagnosis}, and the enclosed benefit-category analysis shows the covered benefit it belongs to (medical benefit, pharmacy benefit, home health or home infusion).',
  ], { headingEn: 'The service is a covered benefit', families: ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'grandfathered', 'medicare_advantage', 'medicare_part_d', 'medicaid_managed_care', 'other'] }),
  // Original Medicare and Medicaid fee-for-service have no "plan document": the benefit category decides.
  block('notcovered.program', ['not_covered'], [
    'The denial treats {drug} as outside {payerRole}’s coverage. For {diagnosis}, the enclosed benefit-category analysis and records show the covered benefit it belongs to.',
  ], { families: ['medicare_part_b', 'medicaid_ffs'] }),
  block('notcovered.plan_documents', ['not_covered'], [
    'Please also send the plan document and summary plan description that govern this claim (ERISA §104(b)(4), 29 U.S.C. 1024(b)(4)), so the exclusion can be read in full.',
  ], { families: ERISA, citation: 'ERISA §104(b)(4)', verified: false }),

  block('coding.core', ['coding_billing'], [
    'The denial concerns coding or billing, not the need for treatment. A corrected claim for HCPCS {hcpcsCode} is enclosed, with the worksheet of units, NDC, modifiers and place of service.',
  ], { headingEn: 'The claim has been corrected' }),
  block('coding.medicare_reopening', ['coding_billing'], [
    'Where the error is clerical, please treat this as a request for reopening rather than an appeal.',
  ], { families: ['medicare_part_b'], citation: 'cms.gov FFS redetermination page (reopening)' }),

  block('eligibility.core', ['eligibility'], [
    '{patientName} was covered by {payer} (member ID {memberId}) on the dates of service; proof of coverage is enclosed.',
  ], { headingEn: 'The patient was eligible' }),
  block('other.core', ['other'], [
    'The enclosed records show that the denial is not supported by the facts of this case, and the treating physician’s enclosed letter explains why {drug} is needed for {diagnosis}.',
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
