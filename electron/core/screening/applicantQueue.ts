import type { ApplicantQueueCursor, ApplicantQueueRow, ApplicantQueueSort, InsuranceType, ScreeningOutcome } from '../../../shared/domain/screening'
import type { UsState } from '../../../shared/domain/enums'
import type { ApplicantQuery } from '../../../shared/schemas/screeningSchemas'
import type { Db } from '../db/openDatabase'
import { likePattern, toBool } from '../db/rowMapping'
import { QUEUE_SORT_KEYS } from './applicantOutcomes'

/** A queue row as stored: the shared row with its reminder's day only (the reminder itself is looked up for the page). */
export type QueueRecord = Omit<ApplicantQueueRow, 'nextReminder'> & { nextReminderOn: string | null }

interface QueueRow {
  id: number
  first_name: string
  last_name: string
  state: UsState | null
  insurance_type: InsuranceType | null
  drug_name: string
  is_demo: number
  patient_id: number | null
  updated_at: string
  best_outcome: ScreeningOutcome
  eligible: number
  needs_information: number
  not_eligible: number
  fpl_percent: number | null
  open_applications: number
  next_reminder_on: string | null
  sort_key: string
  /** A search's first page counts its matches in the same scan. */
  total?: number
}

// Filters and search, in SQL over the stored outcomes (migration 0014); the same for the page and its count.
const OUTCOME_FILTERS = `(@outcome IS NULL OR s.best_outcome = @outcome) AND (@hasOpen IS NULL OR (s.open_applications > 0) = @hasOpen)`
const FILTERS = `(@text IS NULL OR a.first_name || ' ' || a.last_name LIKE @text ESCAPE '\\' OR a.drug_name LIKE @text ESCAPE '\\' OR a.payer LIKE @text ESCAPE '\\')
  AND (@state IS NULL OR a.state = @state) AND ${OUTCOME_FILTERS}`

/**
 * The screening queue's SQL: one page in the chosen order (keyset paging on the sort key and id) and
 * the number of applicants matching the filters. Reads only; the caller makes sure no outcome is stale.
 */
export function createApplicantQueue(db: Db) {
  const countStatement = db.prepare(`SELECT count(*) FROM applicants a JOIN applicant_outcomes s ON s.applicant_id = a.id WHERE ${FILTERS}`).pluck()
  // Without a search or a state, the count reads only the narrow outcome table (a row per applicant, kept by trigger).
  const outcomeCountStatement = db.prepare(`SELECT count(*) FROM applicant_outcomes s WHERE ${OUTCOME_FILTERS}`).pluck()
  const pageStatements = new Map<string, ReturnType<Db['prepare']>>()

  /**
   * A search reads every applicant row and usually matches few: then the table is scanned in storage
   * order and the matches sorted (unary + keeps SQLite off the name index, whose walk would fetch
   * each row by id — 5–10× slower at 100,000 applicants when few match). A state filter matches
   * many, so walking the index finds a page sooner.
   */
  function pageStatement(sort: ApplicantQueueSort, isAfter: boolean, isScan: boolean) {
    const name = `${sort}:${isAfter}:${isScan}`
    let statement = pageStatements.get(name)
    if (!statement) {
      const keys = QUEUE_SORT_KEYS[sort].map((k) => (isScan && k.startsWith('a.') ? `+${k}` : k))
      const after = isAfter ? `AND (${keys.join(', ')}, a.id) > (${keys.map((_, i) => `@k${i}`).join(', ')}, @afterId)` : ''
      statement = db.prepare(`SELECT a.id, a.first_name, a.last_name, a.state, a.insurance_type, a.drug_name, a.is_demo, a.patient_id, a.updated_at,
          s.best_outcome, s.eligible, s.needs_information, s.not_eligible, s.fpl_percent, s.open_applications, s.next_reminder_on,
          json_array(${keys.join(', ')}) AS sort_key${isScan && !isAfter ? ', count(*) OVER () AS total' : ''}
        FROM applicants a JOIN applicant_outcomes s ON s.applicant_id = a.id
        WHERE ${FILTERS} ${after}
        ORDER BY ${keys.join(', ')}, a.id LIMIT @limit`)
      pageStatements.set(name, statement)
    }
    return statement
  }

  function filterParams(query: ApplicantQuery) {
    const text = query.text?.trim()
    return {
      text: text ? likePattern(text) : null,
      state: query.state ?? null,
      outcome: query.outcome ?? null,
      hasOpen: query.hasOpenApplication == null ? null : query.hasOpenApplication ? 1 : 0,
    }
  }

  return {
    count(query: ApplicantQuery): number {
      const params = filterParams(query)
      if (params.text === null && params.state === null) return outcomeCountStatement.get({ outcome: params.outcome, hasOpen: params.hasOpen }) as number
      return countStatement.get(params) as number
    },
    /**
     * Up to `limit` rows after the cursor, the cursor after the last one when more may follow, and for
     * a search's first page the number of matches (counted in the same scan; otherwise null: ask `count`).
     */
    page(query: ApplicantQuery): { rows: QueueRecord[]; nextCursor: ApplicantQueueCursor | null; total: number | null } {
      const after = query.after ? { ...Object.fromEntries(query.after.key.map((k, i) => [`k${i}`, k])), afterId: query.after.id } : {}
      // One row more than asked says whether another page exists.
      const params = filterParams(query)
      const isScan = params.text !== null
      const rows = pageStatement(query.sort, Boolean(query.after), isScan).all({ ...params, ...after, limit: query.limit + 1 }) as QueueRow[]
      const more = rows.length > query.limit
      const shown = more ? rows.slice(0, query.limit) : rows
      const last = shown.at(-1)
      return {
        rows: shown.map((r) => ({
          id: r.id,
          name: `${r.first_name} ${r.last_name}`,
          state: r.state,
          insuranceType: r.insurance_type,
          drugName: r.drug_name,
          fplPercent: r.fpl_percent,
          counts: { eligible: r.eligible, needs_information: r.needs_information, not_eligible: r.not_eligible },
          bestOutcome: r.best_outcome,
          openApplications: r.open_applications,
          nextReminderOn: r.next_reminder_on,
          isDemo: toBool(r.is_demo),
          patientId: r.patient_id,
          updatedAt: r.updated_at,
        })),
        nextCursor: more && last ? { key: JSON.parse(last.sort_key) as (string | number)[], id: last.id } : null,
        total: isScan && !query.after ? (rows[0]?.total ?? 0) : null,
      }
    },
  }
}
