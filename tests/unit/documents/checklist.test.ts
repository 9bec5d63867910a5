import { afterEach, describe, expect, it } from 'vitest'
import { evidenceRulesFor, EVIDENCE_RULES } from '../../../shared/rules/evidence'
import { base64, pdfBytes, setupCaseCore } from './documentFixtures'

let dispose: (() => void) | null = null
afterEach(() => {
  dispose?.()
  dispose = null
})

function setup(...args: Parameters<typeof setupCaseCore>) {
  const made = setupCaseCore(...args)
  dispose = made.dispose
  return made
}

const ids = (items: { id: string }[]) => items.map((i) => i.id)

describe('the evidence checklist generator', () => {
  it('has unique ids and a citation on every row', () => {
    expect(new Set(ids(EVIDENCE_RULES)).size).toBe(EVIDENCE_RULES.length)
    for (const rule of EVIDENCE_RULES) expect(rule.citation.length).toBeGreaterThan(3)
  })

  it('asks a not-medically-necessary IVIG denial for the LMN, codes, labs and guidelines', () => {
    const { core, caseId } = setup()
    const list = core.documents.checklist(caseId)
    expect(list.levelId).toBe('internal_1')
    expect(ids(list.items)).toEqual(expect.arrayContaining(['denial_notice', 'medical_necessity_letter', 'icd10_codes', 'labs_imaging', 'guideline_citations', 'ivig_diagnostics', 'claim_file']))
    expect(ids(list.items)).not.toContain('nursing_protocol')
    expect(list).toMatchObject({ received: 0, total: list.items.length })
  })

  it('asks a site-of-care redirection for home reasons, nursing protocol, emergency plan, 24-hour pharmacy and cost', () => {
    const rules = evidenceRulesFor({ reasons: ['site_of_care'], therapy: 'infused_biologic', family: 'employer_self_funded', levelId: 'internal_1', urgency: 'standard' })
    expect(ids(rules)).toEqual(expect.arrayContaining(['home_reasons', 'nursing_protocol', 'emergency_plan', 'pharmacy_24h', 'cost_comparison']))
  })

  it('asks step therapy for therapies tried, and the state law only where state law reaches the plan', () => {
    const insured = evidenceRulesFor({ reasons: ['step_therapy'], therapy: 'infused_biologic', family: 'employer_fully_insured', levelId: 'internal_1', urgency: 'standard' })
    const selfFunded = evidenceRulesFor({ reasons: ['step_therapy'], therapy: 'infused_biologic', family: 'employer_self_funded', levelId: 'internal_1', urgency: 'standard' })
    expect(ids(insured)).toEqual(expect.arrayContaining(['therapies_tried', 'step_therapy_law']))
    expect(ids(selfFunded)).toContain('therapies_tried')
    expect(ids(selfFunded)).not.toContain('step_therapy_law')
  })

  it('covers off-label IVIG, missing documentation, no prior auth, experimental and coding denials', () => {
    const of = (reason: Parameters<typeof evidenceRulesFor>[0]['reasons'][number], family: Parameters<typeof evidenceRulesFor>[0]['family'] = 'medicare_part_b') =>
      ids(evidenceRulesFor({ reasons: [reason], therapy: 'ivig_scig', family, levelId: 'redetermination', urgency: 'standard' }))
    expect(of('off_label')).toEqual(expect.arrayContaining(['fda_status', 'compendia_literature', 'treatment_history', 'medicare_home_ivig']))
    expect(of('missing_documentation')).toEqual(expect.arrayContaining(['missing_items', 'dme_order_delivery']))
    expect(of('no_prior_auth')).toEqual(expect.arrayContaining(['retro_auth_request', 'pa_request_proof']))
    expect(of('experimental')).toEqual(expect.arrayContaining(['fda_status', 'guideline_citations', 'compendia_literature']))
    expect(of('coding_billing')).toContain('corrected_claim')
    // Medicare has no ERISA claim-file right in our table.
    expect(of('coding_billing')).not.toContain('claim_file')
  })

  it('adds level and urgency items', () => {
    const rules = evidenceRulesFor({ reasons: ['experimental'], therapy: 'ivig_scig', family: 'individual_marketplace', levelId: 'external_review', urgency: 'expedited' })
    expect(ids(rules)).toEqual(expect.arrayContaining(['final_internal_denial', 'physician_certification', 'urgency_statement']))
  })

  it('ticks items by hand and when a document arrives, and counts progress without not-applicable items', () => {
    const { core, caseId } = setup()
    const before = core.documents.checklist(caseId)
    let list = core.documents.setEvidence({ caseId, itemId: 'labs_imaging', status: 'received' })
    expect(list.received).toBe(1)
    list = core.documents.setEvidence({ caseId, itemId: 'claim_file', status: 'not_applicable' })
    expect(list.total).toBe(before.total - 1)
    const attachment = core.documents.upload({ caseId, fileName: 'denial.pdf', label: 'Denial notice', base64: base64(pdfBytes()), evidenceItemId: 'denial_notice' })
    list = core.documents.checklist(caseId)
    expect(list.items.find((i) => i.id === 'denial_notice')).toMatchObject({ status: 'received', attachmentId: attachment.id })
    expect(list.received).toBe(2)
    expect(() => core.documents.setEvidence({ caseId, itemId: 'no_such_item', status: 'received' })).toThrow()
  })
})
