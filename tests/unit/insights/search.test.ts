import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { buildMatchExpression, editDistance, tokenize } from '../../../electron/core/insights/searchQuery'
import { SNIPPET_END, SNIPPET_START } from '../../../shared/domain/insights'
import { makeCore, sampleCase } from '../core/testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))

function coreWithCases() {
  const made = makeCore()
  disposers.push(made.dispose)
  const { core } = made
  const jose = core.cases.create(sampleCase())
  const other = core.cases.create(
    sampleCase({
      patient: { firstName: 'Lucía', lastName: 'Lefèvre', dateOfBirth: '1970-01-01' },
      coverage: { payer: 'Evergreen Medicare Advantage HMO', planFamily: 'medicare_advantage', memberId: 'EVG-99871', state: 'OR' },
    }),
  )
  return { core, jose, other }
}

const search = (core: ReturnType<typeof makeCore>['core'], text: string) => core.insights.search(text, 6)
const caseIdsOf = (response: ReturnType<typeof search>, kind = 'case') => response.groups.find((g) => g.kind === kind)?.hits.map((h) => h.caseId) ?? []

describe('search query building', () => {
  it('folds accents and case and splits on anything but letters and digits', () => {
    expect(tokenize('José  NÚÑEZ-garcía, O’Brien')).toEqual(['jose', 'nunez', 'garcia', 'o', 'brien'])
  })

  it('quotes every token, doubling quotes, and adds similar names as alternatives', () => {
    expect(
      buildMatchExpression([
        { token: 'jos', isPrefix: false, alternatives: ['jose', 'josefina'] },
        { token: 'nunes', isPrefix: true, alternatives: ['nunez'] },
      ]),
    ).toBe('("jos" OR "jose" OR "josefina") AND ("nunes"* OR "nunez")')
    expect(buildMatchExpression([{ token: 'a"b', isPrefix: true, alternatives: [] }])).toBe('"a""b"*')
  })

  it('counts one edit for a substitution, an insertion or a swap', () => {
    expect(editDistance('nunes', 'nunez', 2)).toBe(1)
    expect(editDistance('lusia', 'lucia', 2)).toBe(1)
    expect(editDistance('nuenz', 'nunez', 2)).toBe(1)
    expect(editDistance('lindqvst', 'lindqvist', 2)).toBe(1)
    expect(editDistance('abc', 'xyz', 1)).toBe(2)
  })
})

describe('search:query', () => {
  it('finds a patient without accents, by prefix, and by a misspelled name', () => {
    const { core, jose } = coreWithCases()
    for (const text of ['jose nunez', 'JOSÉ NÚÑEZ', 'jos nun', 'jos nunez', 'jose nunes', 'hose nunez', 'nuñes', 'nunez jose']) {
      const response = search(core, text)
      // A patient with one case is one result, whose action opens that case.
      expect(caseIdsOf(response, 'patient'), text).toContain(jose.id)
      expect(caseIdsOf(response), text).not.toContain(jose.id)
    }
    expect(search(core, 'jose nunes').corrections).toEqual([{ typed: 'nunes', matched: ['nunez'] }])
  })

  it('finds cases by member ID, drug and payer, and not the other patient', () => {
    const { core, jose, other } = coreWithCases()
    expect(caseIdsOf(search(core, 'LBX123'))).toEqual([jose.id])
    expect(caseIdsOf(search(core, 'evergreen'))).toEqual([other.id])
    expect(caseIdsOf(search(core, 'gammagard lefevre'))).toEqual([other.id])
  })

  it('searches denials, the contacts log, stage notes, outcome notes and letter text, grouped by kind', () => {
    const { core, jose } = coreWithCases()
    core.cases.addContact({ caseId: jose.id, kind: 'call', occurredOn: '2026-11-21', withWhom: 'Lakeshore utilization review', referenceNumber: 'REF-5521', requested: 'Peer-to-peer with the medical director', submitted: '', submittedOn: null, followUpOn: null })
    core.cases.move({ caseId: jose.id, toStage: 'internal_appeal', note: 'Filed by fax with the neurologist letter', filedOn: '2026-11-24' })
    core.insights.recordOutcome({ caseId: jose.id, level: 'internal_appeal', result: 'overturned', decidedOn: '2026-11-25', amountAtStake: 100, amountRecovered: 100, notes: 'Reviewer cited the immunologist titers', isFinal: false })
    core.db.prepare("INSERT INTO letter_versions (case_id, kind, body, updated_at) VALUES (?, 'internal_appeal', 'We ask you to reverse the denial of subcutaneous immunoglobulin', 'x')").run(jose.id)

    const kindsOf = (text: string) => search(core, text).groups.map((g) => g.kind)
    expect(kindsOf('medically necessary')).toContain('denial')
    expect(kindsOf('peer to peer')).toEqual(['contact'])
    expect(kindsOf('REF-5521')).toEqual(['contact'])
    expect(kindsOf('neurologist')).toEqual(['note'])
    expect(kindsOf('titers')).toEqual(['note'])
    expect(kindsOf('subcutaneous immunoglobulin')).toEqual(['letter'])
    const hit = search(core, 'peer').groups[0].hits[0]
    expect(hit).toMatchObject({ caseId: jose.id, patientName: 'José Núñez', stage: 'internal_appeal' })
    expect(hit.snippet).toContain(`${SNIPPET_START}Peer${SNIPPET_END}`)

    // Edits and deletions follow through the triggers.
    core.db.prepare("UPDATE letter_versions SET body = 'Entirely new wording' WHERE case_id = ?").run(jose.id)
    expect(kindsOf('subcutaneous')).toEqual([])
    expect(kindsOf('wording')).toEqual(['letter'])
    core.db.prepare("UPDATE patients SET last_name = 'Quintana' WHERE id = ?").run(jose.patient.id)
    expect(caseIdsOf(search(core, 'quintana'), 'patient')).toEqual([jose.id])
    expect(caseIdsOf(search(core, 'nunez'), 'patient')).toEqual([])
    core.db.prepare('DELETE FROM cases WHERE id = ?').run(jose.id)
    expect(core.db.prepare('SELECT COUNT(*) FROM search_docs WHERE case_id = ?').pluck().get(jose.id)).toBe(0)
    expect(search(core, 'wording').groups).toEqual([])
    expect(core.db.prepare("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0)
  })

  it('answers every typed string without throwing (fast-check)', async () => {
    const { core } = coreWithCases()
    const syntax = fc.constantFrom('"', '*', '(', ')', 'NEAR(', 'AND', 'OR', 'NOT', ':', '^', '-', '+', '{', '}', "'", '\\', '\u0000', '\uFFFF', '\uD800', 'é')
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(fc.oneof(syntax, fc.string({ maxLength: 5 })), { maxLength: 20 }).map((p) => p.join(' ')), fc.string({ unit: 'binary', maxLength: 40 }))
    const dispatch = createDispatcher(core)
    await fc.assert(
      fc.asyncProperty(text, async (typed) => {
        const result = await dispatch('search:query', { text: typed })
        expect(result.ok).toBe(true)
      }),
      { numRuns: 1000 },
    )
    expect(await dispatch('search:query', { text: 'NEAR(" AND' })).toMatchObject({ ok: true })
  })

  it('returns nothing for text with no words', () => {
    const { core } = coreWithCases()
    expect(search(core, '  -- ** ').groups).toEqual([])
  })
})

describe('search finds applicants and programs, each once', () => {
  it('finds an applicant by name, accents folded, and follows edits and deletions', () => {
    const { core } = coreWithCases()
    const created = core.screening.applicants.create({ ...applicantFacts(), firstName: 'Marisol', lastName: 'Delgado' }, null).applicant
    const applicants = (text: string) => search(core, text).groups.find((g) => g.kind === 'applicant')?.hits ?? []
    expect(applicants('Delgado')).toEqual([expect.objectContaining({ kind: 'applicant', applicantId: created.id, programId: null, caseId: null, patientName: 'Marisol Delgado' })])
    expect(applicants('marisol delg').map((h) => h.applicantId)).toEqual([created.id])
    expect(applicants('gammagard').map((h) => h.applicantId)).toContain(created.id)
    core.screening.applicants.update(created.id, { ...applicantFacts(), firstName: 'Marisol', lastName: 'Delgado-Ruiz' })
    expect(applicants('ruiz').map((h) => h.applicantId)).toEqual([created.id])
    core.db.prepare('DELETE FROM applicants WHERE id = ?').run(created.id)
    expect(applicants('Delgado')).toEqual([])
  })

  it('finds programs of the catalog by name and sponsor, grouped apart from patients', () => {
    const { core } = coreWithCases()
    const fund = core.screening.programs.list().find((p) => p.key === 'example-pi-copay-fund')!
    const response = search(core, 'immunodeficiency')
    const programs = response.groups.find((g) => g.kind === 'program')?.hits ?? []
    expect(programs.map((h) => h.programId)).toContain(fund.id)
    expect(response.groups.map((g) => g.kind)).not.toContain('patient')
  })

  it('a patient with two cases is listed once, and each case once', () => {
    const { core, jose } = coreWithCases()
    // A second case of the same patient (the intake form's "existing patient" path writes the same row).
    const second = core.cases.create(sampleCase({ patient: { firstName: 'Temp', lastName: 'Person', dateOfBirth: '1961-04-02', phone: '', preferredLanguage: '' } }))
    core.db.prepare('UPDATE cases SET patient_id = ? WHERE id = ?').run(jose.patient.id, second.id)
    const response = search(core, 'nunez')
    expect(caseIdsOf(response, 'patient')).toHaveLength(1)
    expect(caseIdsOf(response).sort()).toEqual([jose.id, second.id].sort())
  })
})

function applicantFacts() {
  return {
    firstName: 'A',
    lastName: 'B',
    dateOfBirth: null,
    householdSize: 3,
    annualIncome: 40_000,
    state: 'IL' as const,
    insuranceType: 'commercial' as const,
    payer: 'Lakeshore Blue',
    drugCovered: 'yes' as const,
    icd10Codes: ['D80.1'],
    drugName: 'Gammagard Liquid',
    hcpcsCode: 'J1569',
    treatmentStart: null,
    treatmentEnd: null,
    outOfPocket: null,
    notes: '',
  }
}
