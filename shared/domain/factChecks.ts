import type { DayString } from './days'

/**
 * Checks on facts that depend on today, shared by the screening forms, the core and the case
 * record: a date of birth cannot be in the future, an application cannot be dated after today,
 * and nobody's records start before 1900 (a typed 1026 for 2026). Each answers a message key
 * (`error.*`) for the field, or null when the value is plausible.
 */
export const EARLIEST_DAY: DayString = '1900-01-01'

export function checkBirthDay(day: DayString | null | undefined, today: DayString): string | null {
  if (!day) return null
  if (day < EARLIEST_DAY) return 'error.dayBefore1900'
  if (day > today) return 'error.birthInFuture'
  return null
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
