import { addCalendarDays, type DayString } from './days'

/**
 * Checks on the facts an advocate types, pure so the form, the core and the tests share them (issue 12,
 * item 5). Each returns null when the value is fine, or the i18n key of the message shown beside it.
 */

/**
 * Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make "exe.fdp" display as
 * "pdf.exe" in a name or file name; C0/C1 control characters corrupt documents. Tab and newline are
 * allowed where a field is multi-line.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

export function unsafeTextProblem(value: string): string | null {
  return new RegExp(UNSAFE_CHARACTERS.source).test(value) ? 'error.unsafeCharacters' : null
}

/** The text without bidi overrides, isolates or control characters (for file names and letters). */
export function stripUnsafeText(value: string): string {
  return value.replace(UNSAFE_CHARACTERS, '')
}

/** The earliest birth date accepted; anything before is a typo (issue 12: "before 1900"). */
export const EARLIEST_BIRTH_DATE = '1900-01-01'

/** The one rule for a date of birth: not after today, not before 1900. Each form names it in its own words. */
function birthDayOutOfRange(day: DayString | null | undefined | '', today: DayString): 'future' | 'too_early' | null {
  if (!day) return null
  if (day > today) return 'future'
  return day < EARLIEST_BIRTH_DATE ? 'too_early' : null
}

export function dateOfBirthProblem(day: DayString | null | '', today: DayString): string | null {
  const problem = birthDayOutOfRange(day, today)
  return problem === 'future' ? 'error.dobFuture' : problem === 'too_early' ? 'error.dobTooEarly' : null
}

/** A notice dated this many days ahead is possible (mailed early, time zones) but worth a confirmation. */
export const NOTICE_FUTURE_GRACE_DAYS = 3

/** A warning (asks to confirm), not a refusal: the advocate copies the date printed on the notice. */
export function noticeDateWarning(day: DayString | null | '', today: DayString): string | null {
  if (!day) return null
  return day > addCalendarDays(today, NOTICE_FUTURE_GRACE_DAYS) ? 'record.warn.noticeFuture' : null
}

/** Money typed by the advocate ("$1,250.50"): null when empty, NaN when not a number. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[$,\s]/g, '')
  if (cleaned === '') return null
  return /^-?\d+(\.\d{1,2})?$/.test(cleaned) ? Number(cleaned) : Number.NaN
}

export function moneyProblem(text: string): string | null {
  const value = parseMoney(text)
  if (value === null) return null
  if (Number.isNaN(value)) return 'error.number'
  return value < 0 ? 'error.nonNegative' : null
}

/**
 * The Medicare Beneficiary Identifier: 11 characters, positions 1, 4, 7, 10, 11 digits (1 not zero),
 * 2, 5, 8, 9 letters, 3 and 6 letter or digit; letters exclude S, L, O, I, B, Z (CMS, "Understanding
 * the Medicare Beneficiary Identifier format"). Dashes as printed on the card are ignored.
 */
const MBI_PATTERN = /^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d[AC-HJKMNP-RT-Y]{2}\d{2}$/
/** Whether an identifier, as written without dashes or spaces, is an MBI (the record and the letter reader). */
export const isMbi = (value: string) => MBI_PATTERN.test(value)

/** A warning only: the member ID field also holds plan IDs, and old HICNs still appear on notices. */
export function mbiWarning(memberId: string): string | null {
  const value = memberId.replace(/[\s-]/g, '').toUpperCase()
  if (value === '') return null
  return isMbi(value) ? null : 'record.warn.mbiFormat'
}

export const isMedicarePlan = (planFamily: string) => planFamily === 'medicare_part_b' || planFamily === 'medicare_advantage' || planFamily === 'medicare_part_d'

/**
 * The NPI check digit: Luhn over the first nine digits prefixed by 80840 (the card issuer prefix for
 * US health identifiers), CMS "Requirements for NPI check digit" (45 CFR 162.406).
 */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false
  const digits = `80840${npi.slice(0, 9)}`
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit from the right of the payload (the check digit is not in it).
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10 === Number(npi[9])
}

export function npiProblem(npi: string): string | null {
  const value = npi.trim()
  if (value === '') return null
  if (!/^\d{10}$/.test(value)) return 'error.npiFormat'
  return isValidNpi(value) ? null : 'error.npiCheckDigit'
}

// Screening facts (issue 19): the same bounds, with the screening forms' messages.

/**
 * Checks on facts that depend on today, shared by the screening forms, the core and the case
 * record: a date of birth cannot be in the future, an application cannot be dated after today,
 * and nobody's records start before 1900 (a typed 1026 for 2026). Each answers a message key
 * (`error.*`) for the field, or null when the value is plausible.
 */
/** Nobody's records start before 1900 (a typed 1026 for 2026): the same bound as a date of birth. */
export const EARLIEST_DAY: DayString = EARLIEST_BIRTH_DATE

/** The same rule as dateOfBirthProblem, with the screening forms' messages. */
export function checkBirthDay(day: DayString | null | undefined, today: DayString): string | null {
  const problem = birthDayOutOfRange(day, today)
  return problem === 'future' ? 'error.birthInFuture' : problem === 'too_early' ? 'error.dayBefore1900' : null
}

/** A day something already happened on (applied, pre-approved, decided, a claim paid). */
export function checkPastEventDay(day: DayString | null | undefined, today: DayString): string | null {
  if (!day) return null
  if (day < EARLIEST_DAY) return 'error.dayBefore1900'
  if (day > today) return 'error.dayInFuture'
  return null
}

/** A day that may lie ahead (a treatment or grant period), but not in another century. */
export function checkPlannedDay(day: DayString | null | undefined): string | null {
  if (!day) return null
  return day < EARLIEST_DAY ? 'error.dayBefore1900' : null
}

/**
 * Household and income belong together: the poverty level needs both, so one without the other is
 * named on the missing field rather than silently screened as "needs information".
 */
export function checkHouseholdPair(facts: { householdSize: number | null; annualIncome: number | null }): Record<string, string> {
  if (facts.householdSize !== null && facts.annualIncome === null) return { annualIncome: 'error.incomeMissing' }
  if (facts.annualIncome !== null && facts.householdSize === null) return { householdSize: 'error.householdMissing' }
  return {}
}

/** Every today-dependent problem of an applicant's facts, by field. */
export function applicantFactIssues(
  facts: { dateOfBirth: DayString | null; treatmentStart: DayString | null; treatmentEnd: DayString | null; householdSize: number | null; annualIncome: number | null },
  today: DayString,
): Record<string, string> {
  const issues: Record<string, string> = { ...checkHouseholdPair(facts) }
  const birth = checkBirthDay(facts.dateOfBirth, today)
  if (birth) issues.dateOfBirth = birth
  for (const field of ['treatmentStart', 'treatmentEnd'] as const) {
    const problem = checkPlannedDay(facts[field])
    if (problem) issues[field] = problem
  }
  return issues
}

/** Today-dependent problems of an application's dates, by field. */
export function applicationDateIssues(
  dates: Partial<Record<'appliedOn' | 'preApprovedOn' | 'decidedOn' | 'lastPaidClaimOn' | 'grantStart' | 'grantEnd' | 'documentsDueOn', DayString | null>>,
  today: DayString,
): Record<string, string> {
  const issues: Record<string, string> = {}
  for (const field of ['appliedOn', 'preApprovedOn', 'decidedOn', 'lastPaidClaimOn'] as const) {
    const problem = checkPastEventDay(dates[field], today)
    if (problem) issues[field] = problem
  }
  for (const field of ['grantStart', 'grantEnd', 'documentsDueOn'] as const) {
    const problem = checkPlannedDay(dates[field])
    if (problem) issues[field] = problem
  }
  return issues
}
