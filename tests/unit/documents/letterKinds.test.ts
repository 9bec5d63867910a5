import { afterEach, describe, expect, it } from 'vitest'
import { LETTER_KINDS, type LetterKind } from '../../../shared/domain/documents'
import type { PlanFamily } from '../../../shared/domain/enums'
import { priorAuthSaveSchema, representationSaveSchema } from '../../../shared/schemas/appealSchemas'
import { destinationSaveSchema } from '../../../shared/schemas/payerSchemas'
import { makeCore, sampleCase } from '../core/testCore'
import { docxOfExport, docxParagraphs } from './documentFixtures'

// Letters an expert advocate would sign (issue 14, items 4 and 5): every kind, no blanks when the facts exist.

let dispose: (() => void) | null = null
afterEach(() => {
  dispose?.()
  dispose = null
})

/** Nothing is excused any more: the payer directory (issue 12) supplies the appeal address and fax. */
const DIRECTORY_FACTS: string[] = []

type Overrides = Parameters<typeof sampleCase>[0]

/** A case with every fact this app records entered: organization, representative, authorization, claim. */
function completeCase(planFamily: PlanFamily, overrides: Overrides = {}) {
  const made = makeCore()
  dispose = made.dispose
  const { core } = made
  core.documents.saveOrganization({
    name: 'Riverside Patient Advocates', letterhead: '', addressLines: ['1 Main St', 'Springfield, IL 62701'],
    phone: '217-555-0100', fax: '217-555-0101', email: 'help@example.org', signerName: 'Dana Lee', signerTitle: 'Patient Advocate',
  })
  const detail = core.cases.create(
    sampleCase({
      coverage: { payer: 'Lakeshore Health', planFamily, memberId: 'LBX123', groupNumber: 'G-1', state: 'IL' },
      therapy: { category: 'ivig_scig', drug: 'Gammagard Liquid 40 g every 4 weeks', hcpcsCode: 'J1569', icd10Codes: ['D83.9'], prescriber: 'Dr. Ama Osei', infusionProvider: 'Riverbend Home Infusion' },
      denial: { noticeDate: '2026-11-18', receivedDate: '2026-11-21', reasons: ['not_medically_necessary', 'site_of_care', 'step_therapy'], amount: 12500.5, claimNumber: 'CLM-77', priorAuthNumber: 'PA-2026-5' },
      summary: 'Common variable immunodeficiency with recurrent pneumonia; stable on home IVIG since 2024.',
      ...overrides,
    }),
  )
  // Where this payer's appeals go, from the organization's payer directory, linked to the case.
  const destination = core.payers.save(destinationSaveSchema.parse({
    payer: 'Lakeshore Health', planFamily, recipient: 'Lakeshore Health Appeals Unit', addressLines: ['PO Box 4400', 'Springfield, IL 62705'], fax: '217-555-0444', source: 'test', verified: true,
  }), '2026-11-20T00:00:00.000Z')
  core.db.prepare('UPDATE cases SET payer_destination_id = ? WHERE id = ?').run(destination, detail.id)
  core.cases.savePriorAuth(priorAuthSaveSchema.parse({ caseId: detail.id, requestedOn: '2026-10-01', outcome: 'approved', decidedOn: '2026-10-03', approvedThrough: '2026-12-15', referenceNumber: 'PA-2026-5' }))
  core.cases.saveRepresentation(representationSaveSchema.parse({ caseId: detail.id, representation: { kind: 'hipaa_authorization', representative: 'Dana Lee', signedOn: '2026-11-01', expiresOn: '2027-11-01' } }))
  return { core, caseId: detail.id }
}

/** One family whose ladder offers each kind. */
const FAMILY_FOR: Record<LetterKind, PlanFamily> = {
  internal_appeal: 'employer_self_funded',
  second_level_appeal: 'employer_self_funded',
  external_review_request: 'employer_self_funded',
  expedited_review_request: 'employer_fully_insured',
  expedited_external_review: 'employer_fully_insured',
  claim_file_request: 'employer_self_funded',
  plan_document_request: 'employer_self_funded',
  continued_benefits_request: 'medicaid_managed_care',
  peer_to_peer_request: 'medicare_advantage',
  medical_necessity_letter: 'employer_fully_insured',
  patient_statement: 'employer_fully_insured',
  doi_complaint: 'employer_fully_insured',
  ebsa_complaint: 'employer_self_funded',
  medicare_redetermination: 'medicare_part_b',
  medicare_reconsideration: 'medicare_part_b',
  ma_reconsideration: 'medicare_advantage',
  part_d_redetermination: 'medicare_part_d',
  part_d_ire_request: 'medicare_part_d',
  alj_hearing_request: 'medicare_part_b',
  council_review_request: 'medicare_part_b',
  medicare_fast_track_qio: 'medicare_part_b',
  medicaid_fair_hearing: 'medicaid_managed_care',
  patient_summary: 'employer_fully_insured',
  representation_authorization: 'medicare_part_b',
}

/** Documents for the patient carry no payer reference block. */
const PATIENT_FACING: LetterKind[] = ['patient_summary', 'representation_authorization']

const DOUBLED = /\b([A-Za-z]+)[ \t]+\1\b/i

describe('every letter kind, for a case with every fact entered', () => {
  it.each([...LETTER_KINDS])('%s: no blank but the payer directory’s, no doubled word, diagnosis and PA number in the reference block', async (kind) => {
    const { core, caseId } = completeCase(FAMILY_FOR[kind], { serviceType: 'concurrent' })
    const draft = core.documents.letter(caseId, kind)
    const missing = draft.missing.map((m) => m.label).filter((l) => !DIRECTORY_FACTS.includes(l))
    expect(missing, draft.body).toEqual([])
    expect(draft.body.match(DOUBLED)?.[0] ?? null).toBeNull()
    if (PATIENT_FACING.includes(kind)) return
    expect(draft.body).toContain('Diagnosis: D83.9 (Common variable immunodeficiency, unspecified)')
    expect(draft.body).toContain('Prior-authorization number: PA-2026-5')
    expect(draft.body).toContain('Claim number: CLM-77')
    expect(draft.body).toContain('Decision appealed: notice dated November 18, 2026')
    // The DOCX carries the same words (word/document.xml), headings kept with their next paragraph.
    const file = await core.documents.buildPacket({ caseId, kind, acceptPlaceholders: true })
    const { xml, paragraphs } = await docxParagraphs((await docxOfExport(file)).docx)
    const text = paragraphs.join('\n')
    expect(text).toContain('D83.9 (Common variable immunodeficiency, unspecified)')
    expect([...text.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]).filter((l) => !DIRECTORY_FACTS.includes(l))).toEqual([])
    expect(xml).toContain('<w:keepNext/>')
    expect(text.match(DOUBLED)?.[0] ?? null).toBeNull()
  })
})

describe('wording an expert would sign', () => {
  const letter = (family: PlanFamily, kind: LetterKind, overrides: Overrides = {}) => {
    const { core, caseId } = completeCase(family, overrides)
    return core.documents.letter(caseId, kind).body
  }

  it('the representative on file signs', () => {
    expect(letter('employer_self_funded', 'internal_appeal')).toMatch(/Sincerely,\n\n\nDana Lee\nPatient Advocate, Riverside Patient Advocates\nAuthorized representative of José Núñez \(appointment signed November 1, 2026, enclosed\)/)
  })

  it('self-funded ERISA: cites 29 CFR 2560.503-1; external review cites 29 CFR 2590.715-2719 and the Department of Labor', () => {
    expect(letter('employer_self_funded', 'internal_appeal')).toContain('29 CFR 2560.503-1')
    const external = letter('employer_self_funded', 'external_review_request', { stage: 'external_review' })
    expect(external).toContain('29 CFR 2590.715-2719(d)')
    expect(external).toContain('U.S. Department of Labor')
    expect(external).toContain('Lakeshore Health, for assignment to an independent review organization')
  })

  it('grandfathered plans are never told 45 CFR 147.136 applies (45 CFR 147.140)', () => {
    const body = letter('grandfathered', 'internal_appeal')
    expect(body).toContain('29 CFR 2560.503-1')
    expect(body).not.toContain('147.136')
  })

  it('Original Medicare is not "a plan": the reference block and arguments say Medicare', () => {
    const body = letter('medicare_part_b', 'medicare_redetermination')
    expect(body).toContain('Medicare contractor: Lakeshore Health')
    expect(body).not.toMatch(/^Plan:/m)
    expect(body).toContain('Medicare’s coverage criteria')
    // SSA §1861(zz): home IVIG for primary immunodeficiency is a Part B benefit.
    expect(body).toContain('§1861(zz)')
  })

  it('home IVIG for CIDP on Medicare argues the right benefit (Part D, drug only), not the PID home benefit', () => {
    const body = letter('medicare_part_d', 'part_d_redetermination', { therapy: { category: 'ivig_scig', drug: 'Gamunex-C', hcpcsCode: 'J1561', icd10Codes: ['G61.81'], prescriber: 'Dr. Osei', infusionProvider: 'Riverbend' } })
    expect(body).toContain('G61.81 (Chronic inflammatory demyelinating polyneuritis)')
    expect(body).toContain('limited to primary immunodeficiency')
    expect(body).not.toContain('§1861(zz)')
  })

  it('a Part B appeal never argues against itself: no Part D route argument, no "plan document" for Original Medicare', () => {
    const cidp = { therapy: { category: 'ivig_scig' as const, drug: 'Gamunex-C', hcpcsCode: 'J1561', icd10Codes: ['G61.81'], prescriber: 'Dr. Osei', infusionProvider: 'Riverbend' },
      denial: { noticeDate: '2026-11-18', receivedDate: null, reasons: ['not_covered' as const], amount: 4200, claimNumber: 'C-1' } }
    const body = letter('medicare_part_b', 'medicare_redetermination', cidp)
    expect(body).not.toContain('Part D drug')
    expect(body).not.toContain('plan document')
    expect(body).toContain('The denial treats Gamunex-C as outside Medicare’s coverage.')
  })

  it('the ALJ request states the amount in controversy against the year’s threshold (SSA §1869(b)(1)(E))', () => {
    const body = letter('medicare_part_b', 'alj_hearing_request', { stage: 'hearing' })
    expect(body).toContain('The amount in controversy, $12,500.50, meets the $200 threshold for requests filed in 2026 (FR 2025-21879')
  })

  it('site of care argues with the case’s facts, the INS 2021 standards and the NHIA cost comparison', () => {
    const body = letter('employer_fully_insured', 'internal_appeal')
    expect(body).toContain('for José Núñez, who is treated for D83.9 (Common variable immunodeficiency, unspecified)')
    expect(body).toContain('Riverbend Home Infusion gives the infusions')
    expect(body).toContain('Infusion Nurses Society’s Infusion Therapy Standards of Practice (2021)')
    expect(body).toContain('National Home Infusion Association reports')
    expect(body).toContain('40–60% less')
  })

  it('step therapy names the state’s exception statute for insured coverage, not for self-funded plans (ERISA preemption)', () => {
    expect(letter('employer_fully_insured', 'internal_appeal')).toContain('Illinois law (215 ILCS 134/45.1)')
    expect(letter('employer_self_funded', 'internal_appeal')).not.toContain('215 ILCS')
    expect(letter('employer_fully_insured', 'internal_appeal', { coverage: { payer: 'Golden Plan', planFamily: 'employer_fully_insured', memberId: 'C1', groupNumber: '', state: 'CA' } })).toContain(
      'California law (Cal. Health & Safety Code §1367.206; Cal. Ins. Code §10123.201)',
    )
  })

  it('an expedited case asks for expedited review outright, with the clock and its citation', () => {
    expect(letter('employer_self_funded', 'internal_appeal', { urgency: 'expedited' })).toContain('We ask for an expedited decision, within 72 hours (29 CFR 2560.503-1(i)(2)(i)).')
    expect(letter('medicare_advantage', 'ma_reconsideration', { urgency: 'expedited' })).toMatch(/expedited decision, within 72 hours/)
  })

  it('a reduced or stopped home therapy asks for continued coverage during the appeal', () => {
    expect(letter('medicaid_managed_care', 'internal_appeal', { serviceType: 'concurrent' })).toContain('continue to be covered while this appeal is pending (42 CFR 438.420(a)-(c))')
    const request = letter('medicaid_managed_care', 'continued_benefits_request', { serviceType: 'concurrent' })
    expect(request).toContain('The change is to take effect on December 16, 2026.')
  })

  it('the second level names both decisions by date', () => {
    const { core, caseId } = completeCase('employer_self_funded', { stage: 'second_level' })
    const body = core.documents.letter(caseId, 'second_level_appeal').body
    expect(body).toContain('The first-level decision, dated November 18, 2026, upheld the denial first issued on November 18, 2026.')
  })
})

describe('plan-document request (ERISA §104(b)(4)): its 30-day answer date is tracked', () => {
  // ERISA §502(c)(1), 29 U.S.C. 1132(c)(1): an administrator who fails to furnish requested documents "within 30 days".
  it('once the request is marked sent, the case shows when the plan must answer', async () => {
    const { core, caseId } = completeCase('employer_self_funded')
    await core.documents.exportPacket({ caseId, kind: 'plan_document_request', acceptPlaceholders: true })
    expect(core.cases.get(caseId).deadlineReport.deadlines.some((d) => d.key === 'plan_documents_due')).toBe(false)
    const [record] = core.documents.packetExports(caseId)
    core.documents.markPacketSent({ exportId: record.id, sentOn: '2026-11-20', method: 'mail' })
    const due = core.cases.get(caseId).deadlineReport.deadlines.find((d) => d.key === 'plan_documents_due')
    expect(due).toMatchObject({ side: 'payer', dueDate: '2026-12-20', verified: false })
    expect(due?.explanation.steps[0]).toMatch(/ERISA §502\(c\)\(1\)/)
  })
})

describe('peer-to-peer calls are tracked as contacts with their outcome', () => {
  it('logs a peer-to-peer call and what came of it; other contacts carry no outcome', () => {
    const { core, caseId } = completeCase('medicare_advantage')
    core.cases.addContact({ caseId, kind: 'peer_to_peer', occurredOn: '2026-11-22', withWhom: 'Dr. Reyes, plan medical director', referenceNumber: 'P2P-9', requested: '', submitted: '', submittedOn: null, followUpOn: null, outcome: 'approved' })
    core.cases.addContact({ caseId, kind: 'call', occurredOn: '2026-11-23', withWhom: 'Member services', referenceNumber: '', requested: '', submitted: '', submittedOn: null, followUpOn: null })
    const contacts = core.cases.get(caseId).contacts
    expect(contacts.map((c) => [c.kind, c.outcome])).toEqual([['call', null], ['peer_to_peer', 'approved']])
    expect(core.documents.letterOptions(caseId).map((o) => o.kind)).toContain('peer_to_peer_request')
  })
})

describe('patient-facing documents in the patient’s language (issue 14, item 7)', () => {
  it('the summary of the appeal lists its dates as sentences, in Spanish when the patient prefers Spanish', () => {
    const { core, caseId } = completeCase('medicaid_managed_care', { serviceType: 'concurrent' })
    const spanish = core.documents.letter(caseId, 'patient_summary').body
    expect(spanish).toContain('## Resumen de su apelación')
    expect(spanish).toContain('Lakeshore Health se negó a pagar Gammagard Liquid 40 g every 4 weeks, que le recetó Dr. Ama Osei. El aviso tiene fecha del 18 de noviembre de 2026.')
    expect(spanish).toContain('no es médicamente necesario; lugar de tratamiento; no se cumplió la terapia escalonada')
    expect(spanish).toMatch(/- Último día para pedir que su tratamiento continúe durante la apelación: \d+ de (noviembre|diciembre) de 2026/)
    expect(spanish).toContain('- Último día para presentar la apelación: 17 de enero de 2027')
    expect(spanish).not.toMatch(/\[\[|continue_benefits|file_plan_appeal/)
  })

  it('English for other patients; the representation authorization has the HIPAA elements and, for Medicare, CMS-1696', () => {
    const { core, caseId } = completeCase('medicare_part_b', { patient: { firstName: 'Ann', lastName: 'Lee', dateOfBirth: '1950-02-03', phone: '', preferredLanguage: 'English' } })
    const summary = core.documents.letter(caseId, 'patient_summary').body
    expect(summary).toContain('## Summary of your appeal')
    expect(summary).toContain('- Last day to file the appeal:')
    const authorization = core.documents.letter(caseId, 'representation_authorization').body
    expect(authorization).toContain('I, Ann Lee, born February 3, 1950, member ID LBX123 with Lakeshore Health, appoint Dana Lee of Riverside Patient Advocates')
    expect(authorization).toContain('I may cancel it at any time')
    expect(authorization).toContain('may not make my treatment, payment or enrollment depend on whether I sign')
    expect(authorization).toContain('CMS-1696')
  })

  it('the Spanish authorization, for a Spanish-speaking patient', () => {
    const { core, caseId } = completeCase('employer_self_funded')
    const body = core.documents.letter(caseId, 'representation_authorization').body
    expect(body).toContain('Yo, José Núñez, nacido/a el 2 de abril de 1961')
    expect(body).toContain('Firma del paciente')
    expect(body).not.toContain('CMS-1696')
  })
})
