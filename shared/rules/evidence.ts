import type { DenialReason, PlanFamily, TherapyCategory, Urgency } from '../domain/enums'
import type { LevelId, RuleRef } from './ladders/types'

/**
 * Evidence checklists as data (domain-rules.md §3). Each row says what the packet needs, when it
 * applies (denial reason × therapy × plan family × ladder level) and where the requirement comes from.
 * `verified` follows the research file: V and S rows are true, U rows false (the UI shows "verify").
 */
export interface EvidenceRule extends RuleRef {
  id: string
  labelEn: string
  detailEn: string
  /** Conditions are ANDed; each list is "any of". A missing condition matches every case. */
  when: {
    reasons?: DenialReason[]
    therapies?: TherapyCategory[]
    families?: PlanFamily[]
    levels?: LevelId[]
    urgency?: Urgency
  }
}

const SECTION_3 = 'Appeal-packet practice for home infusion denials'
/** State insurance law (mandates, step-therapy statutes) does not reach self-funded ERISA plans (§1D). */
const STATE_REGULATED: PlanFamily[] = ['employer_fully_insured', 'individual_marketplace', 'other']
const MEDICARE: PlanFamily[] = ['medicare_part_b', 'medicare_advantage', 'medicare_part_d']

const rule = (
  id: string,
  labelEn: string,
  detailEn: string,
  citation: string,
  verified: boolean,
  when: EvidenceRule['when'] = {},
): EvidenceRule => ({ id, ruleId: `evidence.${id}`, labelEn, detailEn, citation, verified, when })

export const EVIDENCE_RULES: EvidenceRule[] = [
  // Every packet (§3 preamble).
  rule('denial_notice', 'The denial notice', 'The letter or explanation of benefits that denied the service, every page.', SECTION_3, true),
  rule('plan_document', 'Plan document excerpt', 'The evidence of coverage or plan document pages the denial relies on.', SECTION_3, true),
  rule('signed_request', 'Signed appeal request or form', 'The plan’s appeal form, or our letter signed by the patient or representative.', SECTION_3, true),
  rule('representative_form', 'Authorized-representative form', 'The appointment of representative (CMS-1696 for Medicare) or the plan’s own form.', SECTION_3, true),
  rule('medical_records', 'Relevant medical records', 'Office notes, orders and records that bear on the service.', SECTION_3, true),
  rule('medical_necessity_letter', 'Letter of medical necessity', 'From the prescriber, answering the payer’s criteria point by point.', SECTION_3, true),
  // ERISA plans: 29 CFR 2560.503-1(h)(2)(iii) is verified; the ACA individual-market citation is not.
  rule('claim_file', 'Claim file and criteria used', 'Requested free of charge: the documents, records and criteria the plan relied on.', '29 CFR 2560.503-1(h)(2)(iii)', true, { families: ['employer_self_funded', 'employer_fully_insured', 'grandfathered'] }),
  rule('claim_file_aca', 'Claim file and criteria used', 'Requested free of charge: the documents, records and criteria the plan relied on.', '45 CFR 147.136(b)(2)(ii)(C); 29 CFR 2560.503-1(h)(2)(iii)', false, { families: ['individual_marketplace', 'other'] }),
  rule('proof_of_filing', 'Proof of timely filing', 'Fax confirmation, certified-mail receipt or portal timestamp.', SECTION_3, true),

  // Not medically necessary.
  rule('icd10_codes', 'ICD-10 diagnosis codes', 'The codes that justify the therapy, as on the order and the claim.', 'ICD-10-CM; appeal-packet practice', true, { reasons: ['not_medically_necessary', 'off_label'] }),
  rule('labs_imaging', 'Labs, imaging and cultures', 'Objective results that confirm the diagnosis and the need for infusion.', SECTION_3, true, { reasons: ['not_medically_necessary'] }),
  rule('alternatives_failed', 'Why alternatives do not work', 'Why oral, outpatient or other alternatives are unsuitable or have failed.', SECTION_3, true, { reasons: ['not_medically_necessary'] }),
  rule('guideline_citations', 'Clinical guideline citations', 'Specialty-society guidance for the therapy (for home IV antibiotics, the IDSA OPAT guideline).', 'IDSA OPAT guideline (2018)', true, { reasons: ['not_medically_necessary', 'experimental'] }),
  rule('treatment_history', 'Treatment history', 'Earlier treatments with dates, doses and outcomes.', SECTION_3, true, { reasons: ['not_medically_necessary', 'off_label', 'step_therapy'] }),
  rule('peer_to_peer', 'Peer-to-peer request', 'A request that the prescriber speak with the plan’s reviewing physician.', SECTION_3, true, { reasons: ['not_medically_necessary', 'site_of_care'] }),
  rule('ncd_lcd', 'Medicare NCD/LCD criteria', 'The national or local coverage determination and how each criterion is met; Medicare Advantage may not be stricter.', '42 CFR 422.101(b)(6)', true, { reasons: ['not_medically_necessary', 'off_label'], families: MEDICARE }),
  rule('ivig_diagnostics', 'Diagnosis-specific IVIG/SCIG results', 'PID: IgG levels, vaccine response, infection history; CIDP/MMN: nerve-conduction studies and specialist consult.', SECTION_3, true, { reasons: ['not_medically_necessary', 'off_label'], therapies: ['ivig_scig'] }),
  rule('weight_based_dose', 'Weight and dose calculation', 'Current weight and the per-kilogram dose; for renewals, response and taper attempts.', SECTION_3, true, { reasons: ['not_medically_necessary', 'off_label'], therapies: ['ivig_scig'] }),

  // Site-of-care redirection.
  rule('home_reasons', 'Prescriber’s reasons for home infusion', 'Reactions history, instability, monitoring needs, venous access, or why the proposed site is unsafe or unworkable.', SECTION_3, true, { reasons: ['site_of_care'] }),
  rule('nursing_protocol', 'Nursing protocol', 'The home infusion nursing protocol: who infuses, how often, what is monitored.', SECTION_3, true, { reasons: ['site_of_care'] }),
  rule('emergency_plan', 'Emergency plan', 'Anaphylaxis kit, reaction orders, and what happens if a reaction occurs at home.', SECTION_3, true, { reasons: ['site_of_care'] }),
  rule('pharmacy_24h', '24-hour pharmacy access', 'The infusion pharmacy’s around-the-clock pharmacist and nurse on-call arrangement.', SECTION_3, true, { reasons: ['site_of_care'] }),
  rule('cost_comparison', 'Cost comparison', 'Home infusion versus the setting the plan proposes.', SECTION_3, true, { reasons: ['site_of_care'] }),
  rule('site_policy', 'Payer’s site-of-care policy', 'The policy and its exception list, with the exception that applies marked.', SECTION_3, true, { reasons: ['site_of_care'] }),
  rule('home_safety', 'Home safety and caregiver assessment', 'The provider’s assessment that home is safe for infusion.', SECTION_3, true, { reasons: ['site_of_care'] }),

  // Off-label immune globulin and experimental/investigational denials.
  rule('fda_status', 'FDA label status', 'Whether the indication is on the FDA label; for off-label use, say so plainly.', SECTION_3, true, { reasons: ['off_label', 'experimental'] }),
  rule('compendia_literature', 'Compendia and literature', 'Compendia listings (AHFS-DI, DrugDex, Clinical Pharmacology, NCCN) and peer-reviewed studies.', SECTION_3, true, { reasons: ['off_label', 'experimental'] }),
  rule('plan_ei_definition', 'Plan’s definition of experimental', 'The plan’s own definition, and why this use falls outside it.', SECTION_3, true, { reasons: ['experimental'] }),
  rule('physician_certification', 'Treating physician’s certification', 'Certification that the therapy is likely more beneficial than standard options (state external review of E/I denials).', 'NAIC Model Act #76 §10', false, { reasons: ['experimental'], levels: ['external_review'] }),
  rule('medicare_home_ivig', 'Medicare home IVIG diagnosis', 'Medicare’s home IVIG benefit covers primary immunodeficiency; for other diagnoses, the LCD that applies.', 'MBPM ch. 15 §50.6; LCD L33610', true, { reasons: ['off_label'], therapies: ['ivig_scig'], families: ['medicare_part_b'] }),

  // Step therapy.
  rule('therapies_tried', 'Therapies tried and why they failed', 'Each drug with dose, dates, duration and outcome or adverse effect.', SECTION_3, true, { reasons: ['step_therapy'] }),
  rule('contraindications', 'Contraindications', 'Why the preferred drug is contraindicated or expected not to work.', SECTION_3, true, { reasons: ['step_therapy'] }),
  rule('stable_on_current', 'Stability on the current drug', 'How long the patient has been stable, and the risk of switching.', SECTION_3, true, { reasons: ['step_therapy'] }),
  rule('step_therapy_law', 'State step-therapy exception law', 'The coverage state’s statute and the exception it requires (insured plans only).', 'State step-therapy statutes (insured plans; ERISA preempts them for self-funded plans)', true, { reasons: ['step_therapy'], families: STATE_REGULATED }),
  rule('ma_new_start', 'Medicare Advantage new-start check', 'Part B step therapy may apply only to new starts: when the patient started the drug.', '42 CFR 422.136', true, { reasons: ['step_therapy'], families: ['medicare_advantage'] }),
  rule('part_d_exception', 'Prescriber’s exception statement', 'The supporting statement that starts the Part D exception clock.', 'cms.gov Part D Exceptions page', true, { reasons: ['step_therapy', 'not_covered'], families: ['medicare_part_d'] }),

  // Missing documentation or no prior authorization.
  rule('missing_items', 'The items the denial names as missing', 'Each named item, labelled to match the denial’s wording.', SECTION_3, true, { reasons: ['missing_documentation'] }),
  rule('pa_request_proof', 'Proof prior authorization was requested', 'Portal timestamps or fax confirmations of the request.', SECTION_3, true, { reasons: ['no_prior_auth', 'missing_documentation'] }),
  rule('retro_auth_request', 'Retro-authorization request', 'A request for retroactive authorization with the reason treatment could not wait.', SECTION_3, true, { reasons: ['no_prior_auth'] }),
  rule('dme_order_delivery', 'Written order and proof of delivery', 'For Medicare DME: the written order before delivery, proof of delivery, face-to-face note where required.', 'cms.gov MLN “Infusion Pumps & Related Drugs”', true, { reasons: ['missing_documentation', 'no_prior_auth'], families: ['medicare_part_b'], therapies: ['pump_supplies', 'ivig_scig'] }),

  // Not covered.
  rule('plan_language', 'Exact plan language', 'The exclusion as worded in the plan document or summary plan description.', SECTION_3, true, { reasons: ['not_covered'] }),
  rule('benefit_category', 'Benefit-category argument', 'Why the service belongs to a covered category (medical vs pharmacy, Part B vs Part D, home health vs home infusion).', SECTION_3, true, { reasons: ['not_covered'] }),
  rule('state_mandate', 'State benefit mandate', 'A state mandate that requires the benefit (insured plans only).', SECTION_3, false, { reasons: ['not_covered'], families: STATE_REGULATED }),

  // Coding and billing.
  rule('corrected_claim', 'Corrected claim', 'The corrected claim, or a reopening request for a clerical error.', SECTION_3, true, { reasons: ['coding_billing'] }),
  rule('units_modifiers', 'Units, NDC and modifiers worksheet', 'HCPCS units from the dose, NDC conversion, modifiers and place of service.', 'HCPCS descriptors and units (verify)', false, { reasons: ['coding_billing'] }),

  // Level and urgency.
  rule('final_internal_denial', 'Final internal denial', 'The last internal appeal decision, which starts the four-month external review window.', '45 CFR 147.136(d)(2)(i)', true, { levels: ['external_review'] }),
  rule('urgency_statement', 'Physician’s urgency statement', 'The treating physician’s statement that the standard timeframe could seriously jeopardize the patient.', '29 CFR 2560.503-1(m)(1); 42 CFR 422.566(a)', true, { urgency: 'expedited' }),
]

export interface EvidenceContext {
  reasons: DenialReason[]
  therapy: TherapyCategory
  family: PlanFamily
  levelId: LevelId | null
  urgency: Urgency
}

const matches = <T>(allowed: T[] | undefined, value: T) => !allowed || allowed.includes(value)

/** The checklist rows that apply to a case, in table order (general items first). */
export function evidenceRulesFor(context: EvidenceContext): EvidenceRule[] {
  return EVIDENCE_RULES.filter(({ when }) => {
    if (when.reasons && !when.reasons.some((r) => context.reasons.includes(r))) return false
    if (!matches(when.therapies, context.therapy) || !matches(when.families, context.family)) return false
    if (when.levels && (!context.levelId || !when.levels.includes(context.levelId))) return false
    if (when.urgency && when.urgency !== context.urgency) return false
    return true
  })
}
