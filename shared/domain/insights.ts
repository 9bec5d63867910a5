import type { Stage } from './enums'

/** Search, outcomes, the dashboard and reports (issue 6). Plain data across the IPC boundary. */

/** Kinds of search result, in the order the overlay shows their groups. */
export const SEARCH_KINDS = ['patient', 'case', 'applicant', 'program', 'denial', 'contact', 'letter', 'note'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export interface SearchHit {
  /** Unique within one response (the index row). */
  id: number
  kind: SearchKind
  /** The case to open (a patient's most recent case); null for a patient without a case. */
  caseId: number | null
  /** The applicant to open (screening); null for other kinds. */
  applicantId: number | null
  /** The assistance program to open (the catalog); null for other kinds. */
  programId: number | null
  patientName: string
  stage: Stage | null
  /** Drug and payer of the case, to tell a patient's cases apart. */
  context: string
  /**
   * A short excerpt of the matched text. Matched words are wrapped in U+0002 … U+0003 so the
   * renderer can highlight them without ever inserting HTML.
   */
  snippet: string
}

export interface SearchGroup {
  kind: SearchKind
  hits: SearchHit[]
}

export interface SearchResponse {
  query: string
  groups: SearchGroup[]
  /** Misspelled words that were also matched against similar names ('nunes' → 'nunez'). */
  corrections: { typed: string; matched: string[] }[]
  tookMs: number
}

export const SNIPPET_START = '\u0002'
export const SNIPPET_END = '\u0003'

/** Levels of the ladder a decision can be recorded for: the board columns where a level is decided. */
export const DECISION_LEVELS = ['prior_auth', 'internal_appeal', 'second_level', 'external_review', 'complaint', 'hearing'] as const satisfies readonly Stage[]
export type DecisionLevel = (typeof DECISION_LEVELS)[number]

export const OUTCOME_RESULTS = ['overturned', 'partly_overturned', 'upheld', 'withdrawn', 'dismissed'] as const
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number]

/** Results that count as a win for the patient. */
export const WINNING_RESULTS: readonly OutcomeResult[] = ['overturned', 'partly_overturned']
/** Results that count in an overturn rate's denominator: the payer (or reviewer) decided on the merits. */
export const DECIDED_RESULTS: readonly OutcomeResult[] = ['overturned', 'partly_overturned', 'upheld']

export interface CaseOutcome {
  id: number
  caseId: number
  level: DecisionLevel
  result: OutcomeResult
  decidedOn: string
  /** Dollars; null when unknown. */
  amountAtStake: number | null
  amountRecovered: number | null
  notes: string
  /** This outcome says how the case ended. */
  isFinal: boolean
  createdAt: string
}

export interface DateRange {
  from: string
  to: string
}

/** One row of an overturn-rate breakdown. `rate` = (overturned + partly) / (overturned + partly + upheld). */
export interface RateRow {
  key: string
  decided: number
  overturned: number
  partlyOverturned: number
  upheld: number
  withdrawn: number
  dismissed: number
  rate: number | null
}

export interface DueItem {
  caseId: number
  patientName: string
  side: 'ours' | 'payer'
  labelKey: string
  labelEn: string
  dueDate: string
}

export interface DueList {
  total: number
  /** The first items by due date (at most 100). */
  items: DueItem[]
}

export interface StageDuration {
  stage: Stage
  /** Completed stays in the range. */
  count: number
  medianDays: number | null
}

export interface MonthAmounts {
  month: string
  decisions: number
  atStake: number
  recovered: number
}

export interface AdvocateLoad {
  advocateId: number | null
  name: string | null
  openCases: number
  decisions: number
  wins: number
}

export interface BenchmarkComparison {
  benchmarkId: string
  /** Our own rate for the comparable decisions, null when none were decided in the range. */
  ourRate: number | null
  ourDecided: number
}

export interface DashboardData {
  today: string
  range: DateRange
  /** Now, not filtered by the range. */
  openByStage: { stage: Stage; count: number }[]
  dueThisWeek: DueList
  overdueOurs: DueList
  overduePayer: DueList
  /** Decisions recorded in the range. */
  totals: RateRow & { atStake: number; recovered: number; closedCases: number }
  byLevel: RateRow[]
  byPayer: RateRow[]
  byReason: RateRow[]
  byTherapy: RateRow[]
  byPlanFamily: RateRow[]
  stageDurations: StageDuration[]
  amountsByMonth: MonthAmounts[]
  advocates: AdvocateLoad[]
  benchmarks: BenchmarkComparison[]
  tookMs: number
}

export interface CsvFile {
  fileName: string
  content: string
}

export interface DocxFile {
  fileName: string
  base64: string
}
