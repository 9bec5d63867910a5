/**
 * Format checks for values read from a denial letter. OCR swaps look-alike characters silently
 * (J1561 → T1561, D83.9 → DA3.S; issue 17), so every code is checked against its shape and, where the
 * research lists them, against known codes; a failed check marks the field for review, never hides it.
 */
import { isDayString } from '../domain/days'

/**
 * Codes listed in domain-rules.md §4 (4A immune globulin, 4B biologics and anti-infectives, 4C
 * parenteral nutrition and pumps, 4D per-diem and nursing, 4E Medicare HIT services). A well-formed
 * code outside this list is shown as "not on our list", not rejected.
 */
export const KNOWN_HCPCS = new Set([
  'J1459', 'J1556', 'J1557', 'J1561', 'J1566', 'J1568', 'J1569', 'J1572', 'J1599', 'J1554', 'J1576', 'J1552',
  'J1559', 'J1555', 'J1551', 'J1558', 'J1575', 'J1562', 'Q2052',
  'J0129', 'J1745', 'Q5121', 'Q5103', 'Q5104', 'J2350', 'J3262', 'J0490', 'J3370', 'J0878', 'J0696', 'J1335',
  'J0690', 'J2020', 'J0875', 'J2407', 'J1450', 'J2543', 'J2185', 'J0133', 'J0285', 'J1455', 'J1570',
  'B4185', 'B4189', 'B4193', 'B4197', 'B4199', 'B4216', 'B5000', 'B5100', 'B5200', 'B4220', 'B4222', 'B4224',
  'B9004', 'B9006', 'B9999', 'E0779', 'E0780', 'E0781', 'E0791', 'A4221', 'A4222', 'K0552',
  'S9325', 'S9326', 'S9327', 'S9328', 'S9329', 'S9330', 'S9331', 'S9338', 'S9364', 'S9365', 'S9366', 'S9367',
  'S9368', 'S9490', 'S9494', 'S9497', 'S9500', 'S9501', 'S9502', 'S9503', 'S9504', 'S9347', 'S9348', 'S9355',
  'S9357', 'S9359', 'S9379', '99601', '99602', 'G0068', 'G0069', 'G0070', 'G0088', 'G0089', 'G0090',
  ...Array.from({ length: 17 }, (_, i) => `B${4164 + i}`),
])

/**
 * ICD-10-CM codes and three-character categories from domain-rules.md §4F. A code matches when it is
 * listed or when its category is (M86.10 under M86).
 */
const KNOWN_ICD10 = [
  'G11.3', 'D80.0', 'D80.2', 'D80.3', 'D80.4', 'D80.5', 'D80.6', 'D80.7', 'D81.0', 'D81.1', 'D81.2', 'D81.5',
  'D81.6', 'D81.7', 'D81.89', 'D81.9', 'D82.0', 'D82.1', 'D82.4', 'D83.0', 'D83.1', 'D83.2', 'D83.8', 'D83.9',
  'D80.1', 'D84.9', 'D84.821', 'G61.81', 'G61.0', 'G61.82', 'G70.00', 'G70.01', 'D69.3', 'G35.A', 'G35.B0',
  'G35.B1', 'G35.B2', 'G35.C0', 'G35.C1', 'G35.C2', 'G35.D', 'K90.821', 'K90.822', 'K90.829', 'K91.2', 'K90.83',
  'E43', 'E84.0', 'I33.0', 'I50.84', 'E83.111',
]
const KNOWN_ICD10_CATEGORIES = ['M33', 'M05', 'M06', 'K50', 'K51', 'L40', 'M45', 'K56', 'K59', 'M86', 'M46', 'T82', 'T84', 'A40', 'A41', 'I27']
const KNOWN_ICD10_SET = new Set(KNOWN_ICD10)

const HCPCS_SHAPE = /^[A-Z]\d{4}$|^\d{5}$/
/** ICD-10-CM: a letter (U is reserved), two characters, then an optional dot and up to four more. */
const ICD10_SHAPE = /^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/

export const isHcpcsShape = (code: string) => HCPCS_SHAPE.test(code)
export const isKnownHcpcs = (code: string) => KNOWN_HCPCS.has(code)
export const isIcd10Shape = (code: string) => ICD10_SHAPE.test(code)
export const isKnownIcd10 = (code: string) => KNOWN_ICD10_SET.has(code) || KNOWN_ICD10_CATEGORIES.includes(code.slice(0, 3))

/** Look-alike characters OCR confuses, both ways (J/T, 1/I, 0/O, 5/S, 8/B, 2/Z, 6/G, 4/A). */
const LOOK_ALIKES: Record<string, string[]> = {
  J: ['T', 'I'], T: ['J'], I: ['1', 'J', 'L'], L: ['1', 'I'], '1': ['I', 'L', 'J', '7'], '7': ['1'],
  '0': ['O', 'D', 'Q'], O: ['0', 'D', 'Q'], D: ['0', 'O'], Q: ['0', 'O'],
  '5': ['S'], S: ['5', '9'], '9': ['S', 'G'], '8': ['B', '3'], B: ['8', '3'], '3': ['8', 'B'],
  '2': ['Z'], Z: ['2'], '6': ['G', 'B'], G: ['6', '9'], '4': ['A'], A: ['4', '8'],
}

/**
 * Look-alike repairs of a code that make it known: one changed character first, then two. Returns the
 * repaired code only when exactly one candidate works at that depth, so a guess between two codes is
 * never made for the advocate (and the field stays marked "corrected" for review either way).
 */
export function repairCode(code: string, isKnown: (c: string) => boolean, maxChanges = 2): string | null {
  let frontier = new Set([code])
  const seen = new Set([code])
  for (let depth = 1; depth <= maxChanges; depth++) {
    const found = new Set<string>()
    const next = new Set<string>()
    for (const current of frontier) {
      for (let i = 0; i < current.length; i++) {
        for (const alt of LOOK_ALIKES[current[i]] ?? []) {
          const candidate = current.slice(0, i) + alt + current.slice(i + 1)
          if (seen.has(candidate)) continue
          seen.add(candidate)
          next.add(candidate)
          if (isKnown(candidate)) found.add(candidate)
        }
      }
    }
    if (found.size === 1) return [...found][0]
    if (found.size > 1) return null
    frontier = next
  }
  return null
}

/**
 * Repairs an ICD-10 code read by OCR: its shape fixes the first character as a letter and the second
 * as a digit, and the dot sits after the third; then look-alikes are tried against the known list
 * (D83.9 read as DA3.S comes back as D83.9).
 */
export function repairIcd10(raw: string): string | null {
  let shaped = raw.toUpperCase()
  if (!shaped.includes('.') && shaped.length > 3) shaped = `${shaped.slice(0, 3)}.${shaped.slice(3)}`
  return repairCode(shaped, (c) => isIcd10Shape(c) && isKnownIcd10(c) && (KNOWN_ICD10_SET.has(c) || c.length <= 3 || /^[A-Z]\d/.test(c)))
}

// The NPI check digit and the MBI format are the case record's rules too: one home, shared/domain/factChecks.ts.
export { isMbi, isValidNpi } from '../domain/factChecks'

/** Whether a value looks like an MBI someone tried to print (11 characters, starts with a digit). */
export const looksLikeMbi = (value: string) => /^[0-9][A-Z0-9]{10}$/.test(value)

/**
 * A date a denial letter can plausibly print: a real day between 2000 and five years after `today`
 * (appeal deadlines run months ahead; letters are read years later for records).
 */
export function isPlausibleDay(day: string, today: string): boolean {
  if (!isDayString(day)) return false
  const year = Number(day.slice(0, 4))
  return year >= 2000 && year <= Number(today.slice(0, 4)) + 5
}
