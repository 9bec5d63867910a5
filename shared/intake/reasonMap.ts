/**
 * Maps a letter's wording to the app's denial reason categories (shared/domain/enums.ts DENIAL_REASONS,
 * domain-rules.md §3) and to plan family hints (§1A–1I). Phrases, not single words: "medically
 * necessary" appears in most letters' boilerplate, so the more specific categories are tried first.
 */
import type { DenialReason, PlanFamily } from '../domain/enums'

/** In priority order: the first category with a match wins. */
const REASON_PHRASES: [DenialReason, RegExp][] = [
  ['eligibility', /\b(?:not\s+eligible|no\s+longer\s+eligible|coverage\s+(?:was\s+)?(?:terminated|ended|not\s+in\s+effect)|not\s+enrolled|ineligib\w+|eligibility)\b/i],
  ['no_prior_auth', /\b(?:prior\s+authorization\s+(?:was\s+)?not\s+(?:obtained|requested|received)|without\s+(?:a\s+)?prior\s+authorization|no\s+prior\s+authorization|not\s+pre-?authorized|authorization\s+was\s+not\s+obtained)\b/i],
  ['step_therapy', /\b(?:step\s+therapy|try\s+and\s+fail|first\s+try|tried\s+and\s+failed|preferred\s+(?:drug|alternative|agent)s?\s+first|fail-?first)\b/i],
  ['experimental', /\b(?:experimental|investigational|unproven)\b/i],
  ['off_label', /\b(?:off-?\s?label|not\s+(?:approved|indicated)\s+by\s+the\s+FDA|not\s+FDA[- ]approved\s+for|compendi(?:a|um))\b/i],
  ['site_of_care', /\b(?:site\s+of\s+care|(?:lower|less)\s+(?:cost|costly|intensive)\s+setting|infusion\s+(?:center|suite)|outpatient\s+(?:hospital|infusion)|hospital\s+outpatient)\b/i],
  ['missing_documentation', /\b(?:documentation\s+(?:was\s+)?(?:missing|incomplete|not\s+received)|(?:missing|insufficient|incomplete)\s+(?:documentation|records|information)|did\s+not\s+receive\s+(?:the\s+)?(?:records|information|documentation|current))\b/i],
  ['coding_billing', /\b(?:coding\s+error|billing\s+error|incorrect(?:ly)?\s+(?:coded|billed|code)|units\s+billed|corrected\s+claim|modifier\s+(?:missing|required))\b/i],
  ['not_covered', /\b(?:not\s+a\s+covered\s+(?:benefit|service)|(?:is|are)\s+excluded|exclusion|not\s+covered\s+under\s+(?:your|the)\s+plan|non-?covered\s+(?:service|benefit))\b/i],
  ['not_medically_necessary', /\b(?:not\s+medically\s+necessary|medical\s+necessity|not\s+reasonable\s+and\s+necessary|does\s+not\s+meet\s+(?:the\s+)?(?:clinical\s+)?criteria|medically\s+necessary|reasonable\s+and\s+necessary)\b/i],
]

/** Where the reason is usually stated; searched first so boilerplate elsewhere does not win. */
const REASON_SECTION = /(?:reason\s+for\s+(?:our|the|this)\s+(?:decision|denial)|why\s+we\s+denied[^\n]*|we\s+denied\s+(?:this|your)\s+request\s+because|denial\s+reason|reason:)/i
const SECTION_END = /\n(?:your\s+right|your\s+appeal\s+rights|how\s+to\s+appeal|what\s+you\s+can\s+do|if\s+you\s+disagree)/i

export interface ReasonMatch {
  reason: DenialReason
  start: number
  end: number
  /** 1 inside the letter's reason section, lower when found elsewhere in the letter. */
  certainty: number
}

export function classifyReason(text: string): ReasonMatch | null {
  const section = REASON_SECTION.exec(text)
  if (section) {
    const from = section.index + section[0].length
    const rest = text.slice(from)
    const end = SECTION_END.exec(rest)
    const body = rest.slice(0, end ? end.index : 600)
    const hit = firstReason(body)
    if (hit) return { ...hit, start: from + hit.start, end: from + hit.end, certainty: 1 }
  }
  const hit = firstReason(text)
  return hit ? { ...hit, certainty: 0.7 } : null
}

function firstReason(text: string): Omit<ReasonMatch, 'certainty'> | null {
  for (const [reason, pattern] of REASON_PHRASES) {
    const m = pattern.exec(text)
    if (m) return { reason, start: m.index, end: m.index + m[0].length }
  }
  return null
}

/** Plan family hints, most specific first (Medicare Advantage before Medicare, self-funded before employer). */
const PLAN_HINTS: [PlanFamily, RegExp][] = [
  ['medicare_advantage', /\bMedicare\s+Advantage\b|\bMA-?PD\b/i],
  ['medicare_part_d', /\bPart\s+D\b|\bprescription\s+drug\s+plan\b/i],
  ['medicare_part_b', /\bOriginal\s+Medicare\b|\bMedicare\s+Part\s+B\b|\bMedicare\s+Administrative\s+Contractor\b|\bredetermination\b/i],
  ['medicaid_managed_care', /\bMedicaid\s+managed\s+care\b|\bMedicaid\s+(?:health\s+)?plan\b/i],
  ['medicaid_ffs', /\bMedicaid\b/i],
  ['grandfathered', /\bgrandfathered\b/i],
  ['employer_self_funded', /\bself-?funded\b|\bself-?insured\b|\bERISA\b|\bplan\s+sponsor\b|\bclaims\s+administrator\b/i],
  ['individual_marketplace', /\bMarketplace\b|\bExchange\s+plan\b|\bindividual\s+(?:plan|policy|coverage)\b/i],
  ['employer_fully_insured', /\bemployer\s+group\b|\bgroup\s+(?:health\s+)?plan\b|\bfully\s+insured\b/i],
]

export function planFamilyHint(text: string): { family: PlanFamily; start: number; end: number } | null {
  for (const [family, pattern] of PLAN_HINTS) {
    const m = pattern.exec(text)
    if (m) return { family, start: m.index, end: m.index + m[0].length }
  }
  return null
}
