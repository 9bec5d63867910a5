import {
  CLOSED_APPLICATION_STATUSES,
  type Applicant,
  type ApplicantFacts,
  type ApplicantQueueSort,
  type Program,
  type ScreeningOutcome,
} from '../../../shared/domain/screening'
import { guidelineYearFor } from '../../../shared/rules/povertyGuidelines'
import type { Db } from '../db/openDatabase'
import type { ApplicantRepository } from './applicantRepository'
import type { ApplicationRecord, ApplicationRepository } from './applicationRepository'
import { applicationReminders, screeningCounts } from './screeningEngine'

/**
 * Bump when the screening engine's rules change in code (not data): every stored outcome is then
 * recomputed on the next open, as for a new poverty-guideline year (migration 0014).
 */
export const SCREENING_ENGINE_VERSION = 1

/** What the queue shows, filters and sorts by for one applicant: a summary of a fresh screening report. */
export interface ApplicantOutcome {
  bestOutcome: ScreeningOutcome
  counts: Record<ScreeningOutcome, number>
  fplPercent: number | null
  openApplications: number
  nextReminderOn: string | null
}

export const isOpenApplication = (app: { status: string }) => !CLOSED_APPLICATION_STATUSES.includes(app.status as never)

/** The outcome, from the same engine and rules as the applicant's page (buildScreeningReport) and the same reminder rules. */
export function outcomeOf(facts: ApplicantFacts, catalog: readonly Program[], applications: readonly ApplicationRecord[], day: string): ApplicantOutcome {
  const { counts, fplPercent } = screeningCounts(facts, catalog, day)
  const open = applications.filter(isOpenApplication)
  let nextReminderOn: string | null = null
  for (const app of open) {
    const program = catalog.find((p) => p.id === app.programId)
    if (!program) continue
    for (const r of applicationReminders(app, program, day)) if (nextReminderOn === null || r.dueOn < nextReminderOn) nextReminderOn = r.dueOn
  }
  return {
    bestOutcome: counts.eligible > 0 ? 'eligible' : counts.needs_information > 0 ? 'needs_information' : 'not_eligible',
    counts,
    fplPercent,
    openApplications: open.length,
    nextReminderOn,
  }
}

/** The sort key of each queue order, all ascending (so a row value `(key…, id) > (cursor…)` pages it). */
export const QUEUE_SORT_KEYS: Record<ApplicantQueueSort, string[]> = {
  name: ['a.last_name', 'a.first_name'],
  eligible: ['-s.eligible', 'a.last_name', 'a.first_name'],
  // No reminder sorts after every day.
  reminder: ["coalesce(s.next_reminder_on, '9999-12-31')", 'a.last_name', 'a.first_name'],
}

interface Deps {
  db: Db
  applicants: ApplicantRepository
  applications: ApplicationRepository
  catalog: () => Program[]
}

/**
 * Keeps `applicant_outcomes` current. Writes of one applicant store its outcome in their own
 * transaction (`refresh`); a program change makes every row stale at once (trigger on the catalog),
 * then `settle` re-screens the first few thousand at once and the rest in bounded background batches,
 * each its own short transaction, so other requests run between them. Why not all in the program's
 * transaction: at 100,000 applicants that holds every request for ~2 s. The queue never answers
 * while a row is stale (`catchUp` first).
 */
export function createApplicantOutcomes({ db, applicants, applications, catalog }: Deps) {
  const stateStatement = db.prepare('SELECT epoch, basis FROM screening_state WHERE id = 1')
  const bumpStatement = db.prepare('UPDATE screening_state SET epoch = epoch + 1, basis = ? WHERE id = 1')
  const staleStatement = db.prepare('SELECT applicant_id FROM applicant_outcomes WHERE epoch < ? ORDER BY epoch LIMIT ?').pluck()
  const anyStaleStatement = db.prepare('SELECT 1 FROM applicant_outcomes WHERE epoch < ? LIMIT 1').pluck()
  const dropStatement = db.prepare('DELETE FROM applicant_outcomes WHERE applicant_id = ?')
  const writeStatement = db.prepare(`INSERT INTO applicant_outcomes
      (applicant_id, epoch, best_outcome, eligible, needs_information, not_eligible, fpl_percent, open_applications, next_reminder_on)
    VALUES (@id, @epoch, @bestOutcome, @eligible, @needsInformation, @notEligible, @fplPercent, @openApplications, @nextReminderOn)
    ON CONFLICT (applicant_id) DO UPDATE SET epoch = excluded.epoch, best_outcome = excluded.best_outcome, eligible = excluded.eligible,
      needs_information = excluded.needs_information, not_eligible = excluded.not_eligible, fpl_percent = excluded.fpl_percent,
      open_applications = excluded.open_applications, next_reminder_on = excluded.next_reminder_on`)

  /** The epoch outcomes are current under on `day`; a new guideline year or engine starts a new one. */
  function currentEpoch(day: string): number {
    const state = stateStatement.get() as { epoch: number; basis: string }
    const basis = `${SCREENING_ENGINE_VERSION}|${guidelineYearFor(day, null)}`
    if (state.basis === basis) return state.epoch
    bumpStatement.run(basis)
    return state.epoch + 1
  }

  function write(id: number, outcome: ApplicantOutcome, epoch: number): void {
    const { counts } = outcome
    writeStatement.run({
      id,
      epoch,
      bestOutcome: outcome.bestOutcome,
      eligible: counts.eligible,
      needsInformation: counts.needs_information,
      notEligible: counts.not_eligible,
      fplPercent: outcome.fplPercent,
      openApplications: outcome.openApplications,
      nextReminderOn: outcome.nextReminderOn,
    })
  }

  /** Screens the given applicants and stores their outcomes; call inside a transaction. */
  function screen(people: readonly Applicant[], programs: readonly Program[], day: string, epoch: number): void {
    const byApplicant = new Map<number, ApplicationRecord[]>()
    for (const app of applications.byApplicants(people.map((p) => p.id))) byApplicant.set(app.applicantId, [...(byApplicant.get(app.applicantId) ?? []), app])
    for (const person of people) write(person.id, outcomeOf(person, programs, byApplicant.get(person.id) ?? [], day), epoch)
  }

  /** Re-screens up to `batchSize` stale applicants in one transaction; answers how many it did (0 = all current). */
  function catchUpBatch(day: string, batchSize: number): number {
    return db.transaction(() => {
      const epoch = currentEpoch(day)
      const ids = staleStatement.all(epoch, batchSize) as number[]
      if (ids.length === 0) return 0
      const people = applicants.byIds(ids)
      // An outcome row without its applicant (deleted with foreign keys off) is dropped, never re-screened forever.
      const found = new Set(people.map((p) => p.id))
      for (const id of ids) if (!found.has(id)) dropStatement.run(id)
      screen(people, catalog(), day, epoch)
      return ids.length
    })()
  }

  let isScheduled = false
  /**
   * Re-screens stale applicants in the background, one small batch per turn of the event loop, so a
   * fund closed at 100,000 applicants does not hold up other requests (each batch takes ~20 ms).
   */
  function scheduleCatchUp(day: () => string, batchSize = 500): void {
    if (isScheduled) return
    isScheduled = true
    const step = () => {
      try {
        if (db.open && catchUpBatch(day(), batchSize) > 0) {
          setTimeout(step, 0).unref?.()
          return
        }
      } catch {
        // A locked or closed caseload stops the background work; the queue catches up before it answers.
      }
      isScheduled = false
    }
    setTimeout(step, 0).unref?.()
  }

  return {
    currentEpoch,
    /** The applicant's outcome from its saved facts and applications; call in the transaction of the write that changed them. */
    refresh(applicantId: number, day: string): void {
      const person = applicants.get(applicantId)
      if (person) screen([person], catalog(), day, currentEpoch(day))
    },
    /** Stores a new applicant's outcome when the catalog is already loaded (the CSV import, row by row in its transaction). */
    storeNew(applicantId: number, facts: ApplicantFacts, programs: readonly Program[], day: string, epoch: number): void {
      write(applicantId, outcomeOf(facts, programs, [], day), epoch)
    },
    /** Re-screens every stale applicant, batch by batch; the queue calls it before it reads. */
    catchUp(day: string, batchSize = 2_000): number {
      // The usual case, nothing stale, costs one index probe and no transaction.
      if (!anyStaleStatement.get(currentEpoch(day))) return 0
      let done = 0
      for (let n = catchUpBatch(day, batchSize); n > 0; n = catchUpBatch(day, batchSize)) done += n
      return done
    },
    /**
     * Re-screens up to `budget` stale applicants now (a caseload of a few thousand is then current
     * before the request that changed the catalog answers, ~20 ms per 1,000) and leaves the rest to
     * background batches.
     */
    settle(day: () => string, budget = 4_000): void {
      let left = budget
      while (left > 0) {
        const done = catchUpBatch(day(), Math.min(2_000, left))
        if (done === 0) return
        left -= done
      }
      scheduleCatchUp(day)
    },
  }
}
export type ApplicantOutcomes = ReturnType<typeof createApplicantOutcomes>
