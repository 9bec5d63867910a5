import { afterEach, describe, expect, it } from 'vitest'
import type { LetterKind } from '../../../shared/domain/documents'
import { PLAN_FAMILIES, type PlanFamily } from '../../../shared/domain/enums'
import { ARGUMENT_BLOCKS } from '../../../shared/rules/letters/arguments'
import { FACT_LABELS_EN, fillTemplate, findPlaceholders, templateTokens } from '../../../shared/rules/letters/facts'
import { LETTER_KIND_RULES, lettersForFamily } from '../../../shared/rules/letters/kinds'
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

const kindsFor = (family: PlanFamily) => lettersForFamily(family).map((o) => o.rule.kind)

describe('which letters a case offers follows its ladder', () => {
  it('self-funded ERISA: internal appeals, external review through the plan, EBSA; no state commissioner', () => {
    const kinds = kindsFor('employer_self_funded')
    expect(kinds).toEqual(expect.arrayContaining(['internal_appeal', 'second_level_appeal', 'external_review_request', 'ebsa_complaint', 'claim_file_request']))
    expect(kinds).not.toContain('doi_complaint')
    expect(kinds).not.toContain('medicare_redetermination')
  })

  it('grandfathered plans get no external review request', () => {
    expect(kindsFor('grandfathered')).not.toContain('external_review_request')
    expect(kindsFor('grandfathered')).toContain('internal_appeal')
  })

  it('Medicare routes never offer the commissioner or EBSA as the complaint route', () => {
    for (const family of ['medicare_part_b', 'medicare_advantage', 'medicare_part_d'] as const) {
      expect(kindsFor(family)).not.toContain('doi_complaint')
      expect(kindsFor(family)).not.toContain('ebsa_complaint')
      expect(kindsFor(family)).not.toContain('internal_appeal')
    }
    expect(kindsFor('medicare_part_b')).toEqual(expect.arrayContaining(['medicare_redetermination', 'medicare_reconsideration']))
    expect(kindsFor('medicare_part_b')).not.toContain('expedited_review_request')
    expect(kindsFor('medicare_advantage')).toEqual(expect.arrayContaining(['ma_reconsideration', 'expedited_review_request']))
    expect(kindsFor('medicare_part_d')).toContain('part_d_redetermination')
    expect(kindsFor('medicare_part_d')).not.toContain('medicare_redetermination')
  })

  it('Medicaid offers the fair hearing; fully insured and marketplace plans offer the commissioner', () => {
    expect(kindsFor('medicaid_ffs')).toContain('medicaid_fair_hearing')
    expect(kindsFor('medicaid_managed_care')).toEqual(expect.arrayContaining(['internal_appeal', 'medicaid_fair_hearing']))
    expect(kindsFor('employer_fully_insured')).toEqual(expect.arrayContaining(['doi_complaint', 'ebsa_complaint']))
    expect(kindsFor('individual_marketplace')).toContain('doi_complaint')
    expect(kindsFor('individual_marketplace')).not.toContain('ebsa_complaint')
  })

  it('every family offers the LMN and patient statement drafts, and every kind is offered somewhere', () => {
    const offered = new Set<LetterKind>()
    for (const family of PLAN_FAMILIES) {
      expect(kindsFor(family)).toEqual(expect.arrayContaining(['medical_necessity_letter', 'patient_statement']))
      kindsFor(family).forEach((k) => offered.add(k))
    }
    expect([...offered].sort()).toEqual(LETTER_KIND_RULES.map((k) => k.kind).sort())
  })

  it('recommends the letter for the case’s current step and refuses kinds its ladder lacks', () => {
    const { core, caseId } = setup()
    const options = core.documents.letterOptions(caseId)
    expect(options.filter((o) => o.isRecommended).map((o) => o.kind)).toEqual(['internal_appeal'])
    expect(() => core.documents.letter(caseId, 'medicare_redetermination')).toThrow()
  })
})

describe('letter templates and placeholders', () => {
  it('uses only known facts in every template', () => {
    const texts = [
      ...LETTER_KIND_RULES.flatMap((k) => [...k.recipientEn, k.subjectEn, ...k.openingEn, ...k.askEn]),
      ...ARGUMENT_BLOCKS.flatMap((b) => b.paragraphsEn),
    ]
    for (const text of texts) for (const token of templateTokens(text)) expect(Object.keys(FACT_LABELS_EN)).toContain(token)
  })

  it('fills facts and turns missing ones into visible placeholders', () => {
    const facts = Object.fromEntries(Object.keys(FACT_LABELS_EN).map((k) => [k, ''])) as Parameters<typeof fillTemplate>[1]
    facts.patientName = 'Ana Ruiz'
    expect(fillTemplate('{patientName} born {dateOfBirth}', facts)).toBe('Ana Ruiz born [[Patient’s date of birth]]')
    expect(() => fillTemplate('{nope}', facts)).toThrow(/Unknown letter fact/)
  })

  it('finds every placeholder once with a count, in order', () => {
    expect(findPlaceholders('a [[X]] b [[Y]] [[X]]', 'c [[Z]]')).toEqual([
      { label: 'X', count: 2 },
      { label: 'Y', count: 1 },
      { label: 'Z', count: 1 },
    ])
    expect(findPlaceholders('no [brackets] here [[]] or [[a\nb]]')).toEqual([])
  })

  it('argues the denial’s actual reason with the patient’s facts, and lists what is missing', () => {
    const { core, caseId } = setup({ therapy: { category: 'ivig_scig', drug: 'Gammagard Liquid', hcpcsCode: 'J1569', icd10Codes: ['D80.1'], prescriber: 'Dr. Osei', infusionProvider: 'Riverbend' } })
    const draft = core.documents.letter(caseId, 'internal_appeal')
    expect(draft.body).toContain('José Núñez')
    expect(draft.body).toContain('Gammagard Liquid (HCPCS J1569)')
    expect(draft.body).toContain('## The treatment is medically necessary')
    // The diagnosis with its words in the reference block (issue 14, item 5).
    expect(draft.body).toContain('Diagnosis: D80.1 (Nonfamilial hypogammaglobulinemia)')
    expect(draft.body).not.toContain('## Home is the right and safe setting')
    expect(draft.body).toContain('November 18, 2026')
    const labels = draft.missing.map((m) => m.label)
    expect(labels).toEqual(expect.arrayContaining(['Signer’s name (representation on file, or Settings)', 'Claim or reference number']))
    expect(labels).not.toContain('Patient’s full name')

    core.documents.saveOrganization({ name: 'Riverside Patient Advocates', letterhead: '', addressLines: ['1 Main St', 'Springfield, IL 62701'], phone: '217-555-0100', fax: '', email: '', signerName: 'Dana Lee', signerTitle: 'Patient Advocate' })
    const signed = core.documents.letter(caseId, 'internal_appeal')
    expect(signed.body).toContain('Dana Lee\nPatient Advocate, Riverside Patient Advocates')
    expect(signed.missing.map((m) => m.label)).not.toContain('Signer’s name (representation on file, or Settings)')
  })

  it('keeps the advocate’s edit as the case’s version until it is reset', () => {
    const { core, caseId } = setup()
    const original = core.documents.letter(caseId, 'internal_appeal')
    const edited = core.documents.saveLetter({ caseId, kind: 'internal_appeal', body: `${original.body}\n\nThe patient missed two infusions.` })
    expect(edited).toMatchObject({ isEdited: true })
    expect(core.documents.letter(caseId, 'internal_appeal').body).toContain('The patient missed two infusions.')
    expect(core.documents.letterOptions(caseId).find((o) => o.kind === 'internal_appeal')?.isEdited).toBe(true)
    const reset = core.documents.resetLetter({ caseId, kind: 'internal_appeal' })
    expect(reset.isEdited).toBe(false)
    expect(reset.body).toBe(original.body)
  })

  it('counts cover-letter placeholders in the needs-from-you list', () => {
    const { core, caseId } = setup()
    core.documents.upload({ caseId, fileName: 'a.pdf', label: 'Records', base64: base64(pdfBytes()) })
    const draft = core.documents.letter(caseId, 'internal_appeal')
    const address = draft.missing.find((m) => m.label.startsWith('Mailing address'))
    // Once in the letter's recipient block, once in the cover letter's.
    expect(address?.count).toBe(2)
  })
})
