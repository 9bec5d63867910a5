import { addCalendarDays } from '../../../shared/domain/days'
import {
  SCREENING_OUTCOMES,
  insuranceGroupOf,
  type Application,
  type ApplicantFacts,
  type FplComputation,
  type Program,
  type Reminder,
  type RuleId,
  type RuleOutcome,
  type RuleResult,
  type ScreeningOutcome,
  type ScreeningReport,
  type ScreeningResult,
  type Verification,
} from '../../../shared/domain/screening'
import { findGuideline, guidelineAmount, guidelineYearFor, povertyRegionOf } from '../../../shared/rules/povertyGuidelines'
import {
  ANTI_KICKBACK_RULE,
  INSURANCE_GROUP_LABELS_EN,
  INSURANCE_TYPE_LABELS_EN,
  REASONS_EN,
  REMINDERS_EN,
  fillTemplate,
  formatDollars,
  formatPercent,
  type ReasonId,
} from '../../../shared/rules/screeningReasons'

/** The program facts the engine reads; a catalog row or a seed entry both fit. */
export type ScreenableProgram = Pick<Program, 'id' | 'key' | 'name' | 'type' | 'fundStatus' | 'rules' | 'isVerified'>

function rule(
  id: RuleId,
  outcome: RuleOutcome,
  reason: ReasonId,
  given: Record<string, string> | (() => Record<string, string>) = {},
  citation: string | null = null,
  verification: Verification | null = null,
): RuleResult {
  const params = typeof given === 'function' ? given() : given
  return { rule: id, outcome, reason, params, text: fillTemplate(REASONS_EN[reason], params), citation, verification }
}

/** Builds one rule's result; `params` may be a function when its figures are costly to format. */
type RuleMaker = (id: RuleId, outcome: RuleOutcome, reason: ReasonId, params?: Record<string, string> | (() => Record<string, string>), citation?: string | null, verification?: Verification | null) => RuleResult

/** The same decision without sentences or formatted figures: what the applicant queue stores (counts only). */
const outcomeOnly: RuleMaker = (id, outcome, reason, _params, citation = null, verification = null) => ({ rule: id, outcome, reason, params: {}, text: '', citation, verification })

const list = (items: string[]) => items.join(', ')

/**
 * Household income as a percentage of the HHS poverty guideline for `year`, with every figure
 * used, or the reason it cannot be computed (missing facts, a territory, a year without data).
 */
export function computeFpl(facts: Pick<ApplicantFacts, 'householdSize' | 'annualIncome' | 'state'>, year: number): FplComputation | { missing: ReasonId; params: Record<string, string> } {
  if (facts.householdSize === null || facts.annualIncome === null || facts.state === null) return { missing: 'fpl_missing_facts', params: {} }
  const region = povertyRegionOf(facts.state)
  if (region === null) return { missing: 'fpl_territory', params: { state: facts.state } }
  const guideline = findGuideline(year, region)
  if (!guideline) return { missing: 'income_year_unknown', params: { year: String(year) } }
  const { amount, verification } = guidelineAmount(guideline, facts.householdSize)
  return {
    year,
    region,
    householdSize: facts.householdSize,
    firstPerson: guideline.firstPerson,
    perAdditionalPerson: guideline.perAdditionalPerson,
    guideline: amount,
    annualIncome: facts.annualIncome,
    percent: Math.round((facts.annualIncome / amount) * 10_000) / 100,
    citation: guideline.citation,
    verification,
  }
}

/**
 * The income limit in whole cents: guideline × percent / 100 dollars is exactly guideline × percent
 * cents, so the comparison never meets floating-point rounding at the boundary.
 */
function limitCents(guideline: number, maxPercent: number): number {
  return guideline * maxPercent
}

function checkIncome(facts: ApplicantFacts, program: ScreenableProgram, today: string, make: RuleMaker): { result: RuleResult; limit: number | null } {
  const max = program.rules.maxFplPercent
  if (max === null) return { result: make('income', 'pass', 'income_none'), limit: null }
  const year = guidelineYearFor(today, program.rules.guidelineYear)
  if (year === null) return { result: make('income', 'unknown', 'income_year_unknown', { year: String(program.rules.guidelineYear) }), limit: null }
  const fpl = computeFpl(facts, year)
  if ('missing' in fpl) {
    const reason: ReasonId = fpl.missing === 'fpl_territory' ? 'income_territory' : fpl.missing === 'fpl_missing_facts' ? 'income_missing' : fpl.missing
    return { result: make('income', 'unknown', reason, { ...fpl.params, max: String(max) }), limit: null }
  }
  const cents = limitCents(fpl.guideline, max)
  const incomeCents = Math.round(fpl.annualIncome * 100)
  const params = () => ({
    income: formatDollars(fpl.annualIncome),
    percent: formatPercent(fpl.percent),
    max: String(max),
    limit: formatDollars(cents / 100),
    over: formatDollars(Math.max(0, incomeCents - cents) / 100),
  })
  const isWithin = incomeCents <= cents
  return { result: make('income', isWithin ? 'pass' : 'fail', isWithin ? 'income_ok' : 'income_over', params, fpl.citation, fpl.verification), limit: cents / 100 }
}

function checkInsurance(facts: ApplicantFacts, program: ScreenableProgram, make: RuleMaker): RuleResult {
  const { insuranceAllowed, insuranceExcluded } = program.rules
  const isCopay = program.type === ANTI_KICKBACK_RULE.programType
  if (!isCopay && insuranceAllowed.length === 0 && insuranceExcluded.length === 0) return make('insurance', 'pass', 'insurance_any')
  if (facts.insuranceType === null) return make('insurance', 'unknown', 'insurance_missing')
  const group = insuranceGroupOf(facts.insuranceType)
  const insurance = INSURANCE_TYPE_LABELS_EN[facts.insuranceType]
  // The statute applies to every manufacturer copay program, whatever its own rules list.
  if (isCopay && ANTI_KICKBACK_RULE.excludedGroups.includes(group)) {
    return make('insurance', 'fail', 'insurance_aks', { insurance }, ANTI_KICKBACK_RULE.citation, ANTI_KICKBACK_RULE.verification)
  }
  if (insuranceExcluded.includes(group)) return make('insurance', 'fail', 'insurance_excluded', { group: INSURANCE_GROUP_LABELS_EN[group], insurance })
  if (insuranceAllowed.length > 0 && !insuranceAllowed.includes(group)) {
    return make('insurance', 'fail', 'insurance_not_allowed', { groups: list(insuranceAllowed.map((g) => INSURANCE_GROUP_LABELS_EN[g])), insurance })
  }
  return make('insurance', 'pass', 'insurance_ok', { insurance })
}

function checkDrugCoverage(facts: ApplicantFacts, program: ScreenableProgram, make: RuleMaker): RuleResult {
  const required = program.rules.drugCoverage
  if (required === 'any') return make('drug_coverage', 'pass', 'coverage_any')
  const isUninsured = facts.insuranceType === 'uninsured'
  if (required === 'must_cover') {
    if (isUninsured) return make('drug_coverage', 'fail', 'coverage_must_cover_uninsured')
    if (facts.drugCovered === 'yes' && facts.insuranceType !== null) return make('drug_coverage', 'pass', 'coverage_must_cover_ok')
    if (facts.drugCovered === 'no') return make('drug_coverage', 'fail', 'coverage_must_cover_no')
    return make('drug_coverage', 'unknown', 'coverage_unknown')
  }
  if (isUninsured || facts.drugCovered === 'no') return make('drug_coverage', 'pass', 'coverage_must_not_cover_ok')
  if (facts.drugCovered === 'yes') return make('drug_coverage', 'fail', 'coverage_must_not_cover_no')
  return make('drug_coverage', 'unknown', 'coverage_unknown')
}

const normalizeIcd = (code: string) => code.toUpperCase().replace(/\./g, '')

function checkDiagnosis(facts: ApplicantFacts, program: ScreenableProgram, make: RuleMaker): RuleResult {
  const prefixes = program.rules.diagnosisPrefixes
  if (prefixes.length === 0) return make('diagnosis', 'pass', 'diagnosis_any')
  if (facts.icd10Codes.length === 0) return make('diagnosis', 'unknown', 'diagnosis_missing', { prefixes: list(prefixes) })
  for (const code of facts.icd10Codes) {
    const prefix = prefixes.find((p) => normalizeIcd(code).startsWith(normalizeIcd(p)))
    if (prefix) return make('diagnosis', 'pass', 'diagnosis_ok', { code, prefix })
  }
  return make('diagnosis', 'fail', 'diagnosis_no', { prefixes: list(prefixes), codes: list(facts.icd10Codes) })
}

const HCPCS = /^[A-Z]\d{4}$/

function checkDrug(facts: ApplicantFacts, program: ScreenableProgram, make: RuleMaker): RuleResult {
  const drugs = program.rules.drugs
  if (drugs.length === 0) return make('drug', 'pass', 'drug_any')
  const name = facts.drugName.trim().toLowerCase()
  const code = facts.hcpcsCode.trim().toUpperCase()
  if (!name && !code) return make('drug', 'unknown', 'drug_missing', { drugs: list(drugs) })
  const shown = [facts.drugName.trim(), code].filter(Boolean).join(' ')
  const match = drugs.find((entry) => {
    const wanted = entry.trim()
    if (HCPCS.test(wanted.toUpperCase())) return code === wanted.toUpperCase()
    return name !== '' && name.includes(wanted.toLowerCase())
  })
  return match ? make('drug', 'pass', 'drug_ok', { drug: shown }) : make('drug', 'fail', 'drug_no', { drugs: list(drugs), drug: shown })
}

function checkFund(program: ScreenableProgram, make: RuleMaker): RuleResult {
  if (program.fundStatus === 'closed') return make('fund_status', 'fail', 'fund_closed')
  if (program.fundStatus === 'waitlist') return make('fund_status', 'note', 'fund_waitlist')
  return make('fund_status', 'pass', 'fund_open')
}

function checkState(facts: ApplicantFacts, program: ScreenableProgram, make: RuleMaker): RuleResult {
  const states = program.rules.states
  if (states.length === 0) return make('state', 'pass', 'state_any')
  if (facts.state === null) return make('state', 'unknown', 'state_missing', { states: list(states) })
  return states.includes(facts.state) ? make('state', 'pass', 'state_ok', { state: facts.state }) : make('state', 'fail', 'state_no', { states: list(states), state: facts.state })
}

/** One program: every rule in a fixed order; any failure decides, then any unknown. */
export function screenProgram(facts: ApplicantFacts, program: ScreenableProgram, today: string, make: RuleMaker = rule): ScreeningResult {
  const income = checkIncome(facts, program, today, make)
  const rules = [checkFund(program, make), checkState(facts, program, make), checkInsurance(facts, program, make), checkDrugCoverage(facts, program, make), checkDiagnosis(facts, program, make), checkDrug(facts, program, make), income.result]
  const outcome: ScreeningOutcome = rules.some((r) => r.outcome === 'fail') ? 'not_eligible' : rules.some((r) => r.outcome === 'unknown') ? 'needs_information' : 'eligible'
  return {
    programId: program.id,
    programKey: program.key,
    programName: program.name,
    programType: program.type,
    fundStatus: program.fundStatus,
    outcome,
    rules,
    incomeLimit: income.limit,
    isProgramVerified: program.isVerified,
  }
}

/** Program order without locale data: case-insensitive name, then name, then key. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
function compareByName(a: ScreenableProgram, b: ScreenableProgram): number {
  return compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.name, b.name) || compareStrings(a.key, b.key)
}

/**
 * Screens an applicant against every program. Pure and deterministic: the same facts, catalog and
 * day always give the same results, in the same order (program name, then key).
 */
export function screenApplicant(facts: ApplicantFacts, programs: readonly ScreenableProgram[], today: string): ScreeningResult[] {
  return [...programs].sort(compareByName).map((program) => screenProgram(facts, program, today))
}

/** The results with the applicant's own percentage of the poverty level (current year) and counts. */
export function buildScreeningReport(facts: ApplicantFacts, programs: readonly ScreenableProgram[], today: string): ScreeningReport {
  const results = screenApplicant(facts, programs, today)
  const fpl = computeFpl(facts, guidelineYearFor(today, null) ?? 0)
  const counts = Object.fromEntries(SCREENING_OUTCOMES.map((o) => [o, 0])) as Record<ScreeningOutcome, number>
  for (const r of results) counts[r.outcome]++
  return {
    screenedOn: today,
    fpl: 'missing' in fpl ? null : fpl,
    fplMissing: 'missing' in fpl ? fillTemplate(REASONS_EN[fpl.missing], fpl.params) : null,
    results,
    counts,
  }
}

/**
 * How many programs the applicant is eligible for, needs information for, or is not eligible for, and
 * their percentage of the poverty level: buildScreeningReport's counts and FPL without its sentences,
 * for the stored queue outcome (migration 0014), screened on every write and every catalog change.
 */
export function screeningCounts(facts: ApplicantFacts, programs: readonly ScreenableProgram[], today: string): { counts: Record<ScreeningOutcome, number>; fplPercent: number | null } {
  const counts = Object.fromEntries(SCREENING_OUTCOMES.map((o) => [o, 0])) as Record<ScreeningOutcome, number>
  for (const program of programs) counts[screenProgram(facts, program, today, outcomeOnly).outcome]++
  const fpl = computeFpl(facts, guidelineYearFor(today, null) ?? 0)
  return { counts, fplPercent: 'missing' in fpl ? null : fpl.percent }
}

/** The day documents are due after pre-approval, under the program's deadline (e.g. 30 days). */
export function documentsDueOn(preApprovedOn: string | null, documentsDueDays: number | null): string | null {
  return preApprovedOn && documentsDueDays ? addCalendarDays(preApprovedOn, documentsDueDays) : null
}

type ReminderProgram = Pick<Program, 'name' | 'usageDays' | 'usageReminderDays' | 'documentsDueDays'>
type ReminderApplication = Pick<Application, 'status' | 'documentsDueOn' | 'lastPaidClaimOn' | 'grantStart' | 'grantEnd' | 'decidedOn'>

function reminder(kind: Reminder['kind'], dueOn: string, params: Record<string, string>, today: string): Reminder {
  return { kind, dueOn, reason: kind, params, text: fillTemplate(REMINDERS_EN[kind], params), isOverdue: dueOn < today }
}

/**
 * What staff must watch on an application: documents due after pre-approval, and for an approved
 * grant with a usage rule, the reminder day and the lapse day counted from the last paid claim (or
 * the grant's start), and the end of the grant period.
 */
export function applicationReminders(app: ReminderApplication, program: ReminderProgram, today: string): Reminder[] {
  const reminders: Reminder[] = []
  if ((app.status === 'pre_approved' || app.status === 'documents_due') && app.documentsDueOn) {
    reminders.push(reminder('documents_due', app.documentsDueOn, { program: program.name, date: app.documentsDueOn, days: String(program.documentsDueDays ?? '') }, today))
  }
  if (app.status === 'approved') {
    const from = app.lastPaidClaimOn ?? app.grantStart ?? app.decidedOn
    if (from && program.usageDays) {
      const lapse = addCalendarDays(from, program.usageDays)
      if (program.usageReminderDays) {
        reminders.push(reminder('usage_check', addCalendarDays(from, program.usageReminderDays), { program: program.name, day: String(program.usageReminderDays), days: String(program.usageDays), lapse }, today))
      }
      reminders.push(reminder('usage_lapse', lapse, { program: program.name, date: lapse, days: String(program.usageDays) }, today))
    }
    if (app.grantEnd) reminders.push(reminder('grant_end', app.grantEnd, { program: program.name, date: app.grantEnd }, today))
  }
  return reminders.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
}
