import { describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../shared/domain/cases'
import { letterUpdatesForCase } from '../../renderer/src/components/letterIntake/letterToCase'

/** Only the parts of a stored case the letter's update reads. */
function storedCase(overrides: { memberId?: string; drug?: string; denials?: { noticeDate: string }[] } = {}): CaseDetail {
  return {
    id: 7, version: 3, stage: 'denied', urgency: 'standard', serviceType: 'pre_service', advocate: null, openedOn: '2026-11-01', summary: '', payerDestinationId: null,
    patient: { id: 1, firstName: 'Rosa', lastName: 'Delgado', dateOfBirth: '1970-02-03', phone: '', preferredLanguage: 'en' },
    coverage: { id: 2, payer: 'Example Health', planFamily: 'employer_self_funded', memberId: overrides.memberId ?? '', groupNumber: '', state: 'AZ' },
    therapy: { id: 3, category: 'ivig', drug: overrides.drug ?? 'Gamunex-C', hcpcsCode: '', icd10Codes: [], prescriber: '', prescriberNpi: '', prescriberPhone: '', prescriberFax: '', infusionProvider: '' },
    denials: overrides.denials ?? [],
  } as unknown as CaseDetail
}

describe('a confirmed denial letter on an existing case (issue 17 item 3)', () => {
  const letter = { memberId: 'XJH123', drug: 'Privigen', hcpcsCode: 'J1561', icd10Codes: 'D80.1', noticeDate: '2026-11-20', reason: 'not_medically_necessary', claimNumber: 'C-9', appealDeadline: '2027-05-19' }

  it('fills only the facts the case left empty and adds the notice with its printed deadline', () => {
    const changes = letterUpdatesForCase(storedCase(), letter)
    expect(changes.filled).toEqual(['memberId', 'hcpcsCode', 'icd10Codes'])
    expect(changes.facts?.coverage.memberId).toBe('XJH123')
    // The case's own drug is kept: a reading never overwrites a fact the advocate entered.
    expect(changes.facts?.therapy.drug).toBe('Gamunex-C')
    expect(changes.denial).toMatchObject({ noticeDate: '2026-11-20', reasons: ['not_medically_necessary'], claimNumber: 'C-9', statedDeadline: '2027-05-19' })
  })

  it('adds nothing twice: a notice of the same date already on the case, and filled facts, stay as they are', () => {
    const changes = letterUpdatesForCase(storedCase({ memberId: 'OLD', denials: [{ noticeDate: '2026-11-20' }] }), { ...letter, hcpcsCode: '', icd10Codes: '' })
    expect(changes).toEqual({ facts: null, filled: [], denial: null })
  })
})
