import { describe, expect, it } from 'vitest'
import {
  dateOfBirthProblem,
  isValidNpi,
  mbiWarning,
  moneyProblem,
  noticeDateWarning,
  npiProblem,
  stripUnsafeText,
  unsafeTextProblem,
} from '../../../shared/domain/factChecks'
import { caseCreateSchema } from '../../../shared/schemas/caseSchemas'
import { sampleCase } from '../core/testCore'

describe('fact checks beside the field', () => {
  it('a date of birth cannot be in the future or before 1900', () => {
    expect(dateOfBirthProblem('2026-11-26', '2026-11-25')).toBe('error.dobFuture')
    expect(dateOfBirthProblem('1899-12-31', '2026-11-25')).toBe('error.dobTooEarly')
    expect(dateOfBirthProblem('1900-01-01', '2026-11-25')).toBeNull()
    expect(dateOfBirthProblem('2026-11-25', '2026-11-25')).toBeNull()
    expect(dateOfBirthProblem(null, '2026-11-25')).toBeNull()
  })

  it('a notice dated more than three days ahead asks for confirmation', () => {
    expect(noticeDateWarning('2026-11-28', '2026-11-25')).toBeNull()
    expect(noticeDateWarning('2026-11-29', '2026-11-25')).toBe('record.warn.noticeFuture')
    expect(noticeDateWarning('', '2026-11-25')).toBeNull()
  })

  it('money is a non-negative amount with at most cents', () => {
    expect(moneyProblem('$1,250.50')).toBeNull()
    expect(moneyProblem('')).toBeNull()
    expect(moneyProblem('-5')).toBe('error.nonNegative')
    expect(moneyProblem('12.345')).toBe('error.number')
    expect(moneyProblem('ten')).toBe('error.number')
  })

  it('warns on a member ID that is not a Medicare Beneficiary Identifier', () => {
    // CMS's published example MBI, with and without the card's dashes.
    expect(mbiWarning('1EG4-TE5-MK73')).toBeNull()
    expect(mbiWarning('1eg4te5mk73')).toBeNull()
    expect(mbiWarning('0EG4TE5MK73')).toBe('record.warn.mbiFormat') // first digit 1-9
    expect(mbiWarning('1SG4TE5MK73')).toBe('record.warn.mbiFormat') // S is never used
    expect(mbiWarning('123456789A')).toBe('record.warn.mbiFormat') // an old HICN
    expect(mbiWarning('')).toBeNull()
  })

  it('checks the NPI check digit (Luhn with the 80840 prefix)', () => {
    // CMS's worked example: 123456789 has check digit 3.
    expect(isValidNpi('1234567893')).toBe(true)
    expect(isValidNpi('1234567890')).toBe(false)
    expect(npiProblem('1234567893')).toBeNull()
    expect(npiProblem('1234567899')).toBe('error.npiCheckDigit')
    expect(npiProblem('12345')).toBe('error.npiFormat')
    expect(npiProblem('')).toBeNull()
  })

  it('refuses bidi overrides and control characters, and can strip them from file names', () => {
    expect(unsafeTextProblem('Ana\u202Efdp.exe')).toBe('error.unsafeCharacters')
    expect(unsafeTextProblem('Ana\u2066x')).toBe('error.unsafeCharacters')
    expect(unsafeTextProblem('bell\u0007')).toBe('error.unsafeCharacters')
    expect(unsafeTextProblem('two\nlines\tand tab')).toBeNull()
    expect(unsafeTextProblem('José Núñez')).toBeNull()
    expect(stripUnsafeText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
  })
})

describe('the intake schema applies them', () => {
  const parse = (patch: (input: ReturnType<typeof sampleCase>) => void) => {
    const input = structuredClone(sampleCase())
    patch(input)
    const result = caseCreateSchema.safeParse(input)
    return result.success ? null : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
  }
  it('names each bad field with its message', () => {
    expect(parse((i) => (i.patient.dateOfBirth = '1850-01-01'))).toEqual({ 'patient.dateOfBirth': 'error.dobTooEarly' })
    expect(parse((i) => (i.patient.dateOfBirth = '2999-01-01'))).toEqual({ 'patient.dateOfBirth': 'error.dobFuture' })
    expect(parse((i) => (i.patient.lastName = 'N\u202Eúñez'))).toEqual({ 'patient.lastName': 'error.unsafeCharacters' })
    expect(parse((i) => (i.therapy.prescriberNpi = '1234567890'))).toEqual({ 'therapy.prescriberNpi': 'error.npiCheckDigit' })
    expect(parse((i) => (i.denial!.amount = -1))).toEqual({ 'denial.amount': 'error.nonNegative' })
    expect(parse((i) => (i.summary = 'x'.repeat(2001)))).toEqual({ summary: 'error.tooLong' })
    expect(parse(() => undefined)).toBeNull()
  })
})
