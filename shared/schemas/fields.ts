import { z } from 'zod'
import { isDayString, localDayOf } from '../domain/days'
import { dateOfBirthProblem, npiProblem, unsafeTextProblem } from '../domain/factChecks'

/** Reusable field schemas. Every string has a maximum length (anchors-ecosystem-security A2). */
/** Bidi overrides and control characters are refused, never silently kept (issue 12, item 5). */
const safe = (value: string) => unsafeTextProblem(value) === null
export const shortText = (max = 200) =>
  z.string().trim().max(max, { message: 'error.tooLong' }).refine(safe, { message: 'error.unsafeCharacters' })
export const requiredText = (max = 200) =>
  z.string().trim().min(1, { message: 'error.required' }).max(max, { message: 'error.tooLong' }).refine(safe, { message: 'error.unsafeCharacters' })
export const optionalText = (max = 200) => shortText(max).optional().default('')

export const dayString = z.string().refine(isDayString, { message: 'error.invalidDate' })
export const optionalDay = z.union([dayString, z.literal(''), z.null()]).optional().transform((v) => (v ? v : null))

export const id = z.number().int().positive()

/** HCPCS Level II: one letter and four digits (J1569), or five digits for CPT. */
export const hcpcsCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => v === '' || /^[A-Z]\d{4}$|^\d{5}$/.test(v), { message: 'error.hcpcs' })

/** ICD-10-CM: letter, digit, alphanumeric, optional dot and up to four more characters (D80.1, G61.81). */
export const icd10Code = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => /^[A-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/.test(v), { message: 'error.icd10' })

export const money = z.number({ message: 'error.number' }).nonnegative({ message: 'error.nonNegative' }).max(100_000_000, { message: 'error.tooLarge' })

/** A date of birth: not in the future, not before 1900 (a typo either way). */
export const dateOfBirth = optionalDay.superRefine((value, ctx) => {
  const problem = dateOfBirthProblem(value, localDayOf(new Date()))
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** A National Provider Identifier: ten digits whose last is the Luhn check digit (prefix 80840). */
export const npi = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = npiProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .optional()
  .default('')
