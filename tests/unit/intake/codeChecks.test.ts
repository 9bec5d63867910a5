import { describe, expect, it } from 'vitest'
import { isKnownHcpcs, isMbi, isPlausibleDay, isValidNpi, repairCode, repairIcd10 } from '../../../shared/intake/codeChecks'
import { extractFields } from '../../../shared/intake/extractFields'
import { classifyReason } from '../../../shared/intake/reasonMap'
import { therapyFromCode } from '../../../shared/intake/therapyFromCode'
import type { IntakeWord } from '../../../shared/domain/intake'

/** Words laid out as lines, as OCR would give them (one line number per line). */
function ocrWords(lines: string[], confidence = 0.95): IntakeWord[] {
  return lines.flatMap((line, l) =>
    line.split(' ').map((text, i) => ({ text, page: 0, line: l, confidence, box: { x0: 0.1 + i * 0.06, y0: 0.05 + l * 0.03, x1: 0.15 + i * 0.06, y1: 0.07 + l * 0.03 } })),
  )
}

describe('format checks for values read from a letter', () => {
  it('checks the NPI check digit (Luhn with the 80840 prefix)', () => {
    expect(isValidNpi('1234567893')).toBe(true)
    expect(isValidNpi('1234567890')).toBe(false)
    expect(isValidNpi('123456789')).toBe(false)
  })

  it('checks the Medicare Beneficiary Identifier format', () => {
    expect(isMbi('1EG4TE5MK73')).toBe(true)
    // B is never used in an MBI; position 4 must be a digit.
    expect(isMbi('5TQ9AB2CD41')).toBe(false)
    expect(isMbi('1EGATE5MK73')).toBe(false)
  })

  it('undoes the OCR swaps issue 17 measured, and only when one known code fits', () => {
    expect(repairCode('T1561', isKnownHcpcs)).toBe('J1561')
    expect(repairIcd10('DA3.S')).toBe('D83.9')
    expect(repairCode('X9999', isKnownHcpcs)).toBeNull()
  })

  it('accepts plausible days only', () => {
    expect(isPlausibleDay('2027-03-03', '2027-07-01')).toBe(true)
    expect(isPlausibleDay('1997-03-03', '2027-07-01')).toBe(false)
    expect(isPlausibleDay('2027-02-30', '2027-07-01')).toBe(false)
  })

  it('maps wording to the reason categories, specific before generic', () => {
    expect(classifyReason('Reason for our decision\nStep therapy applies; it is not medically necessary until then.')?.reason).toBe('step_therapy')
    expect(classifyReason('Reason for our decision\nThe drug is experimental for this use.')?.reason).toBe('experimental')
    expect(classifyReason('Why we denied your request\nPrior authorization was not obtained.')?.reason).toBe('no_prior_auth')
  })

  it('suggests the therapy category from the HCPCS code', () => {
    expect(therapyFromCode('J1569')).toBe('ivig_scig')
    expect(therapyFromCode('B4197')).toBe('tpn')
    expect(therapyFromCode('J3370')).toBe('iv_anti_infective')
    expect(therapyFromCode('Z9999')).toBeNull()
  })
})

describe('extracting fields from OCR words', () => {
  const letter = [
    'Harbor Health Plan',
    'Member ID: HHP1234567',
    'HCPCS code: T1561',
    'Diagnosis (ICD-10): DA3.S',
    'Prescriber NPI: 1234567890',
    'Date of service: 02/30/2027',
    'Reason for our decision',
    'The infusions are not medically necessary.',
  ]

  it('marks corrected codes, a failed NPI check digit and an impossible date for review', () => {
    const fields = extractFields(ocrWords(letter), '2027-07-01')
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]))
    expect(byKey.hcpcsCode).toMatchObject({ value: 'J1561', issues: ['corrected'], needsReview: true })
    expect(byKey.icd10Codes).toMatchObject({ value: ['D83.9'], issues: ['corrected'], needsReview: true })
    expect(byKey.providerNpi).toMatchObject({ value: '1234567890', issues: ['badCheckDigit'], needsReview: true })
    expect(byKey.serviceDate.needsReview).toBe(true)
    expect(byKey.memberId).toMatchObject({ value: 'HHP1234567', needsReview: false })
    expect(byKey.reason).toMatchObject({ value: 'not_medically_necessary', needsReview: false })
  })

  it('marks words OCR was unsure of', () => {
    const fields = extractFields(ocrWords(letter, 0.6), '2027-07-01')
    expect(fields.find((f) => f.key === 'memberId')).toMatchObject({ issues: ['lowConfidence'], needsReview: true, confidence: 0.6 })
  })

  it('marks a required fact that is missing', () => {
    const fields = extractFields(ocrWords(['Member ID: HHP1234567']), '2027-07-01')
    expect(fields.find((f) => f.key === 'noticeDate')).toMatchObject({ value: null, issues: ['notFound'], needsReview: true })
  })
})
