import type { Application, ApplicationStatus, ApplicationStatusChange } from '../../../shared/domain/screening'
import type { ApplicationUpdate } from '../../../shared/schemas/screeningSchemas'
import type { Db } from '../db/openDatabase'
import { centsToDollars, dollarsToCents } from '../db/rowMapping'

interface ApplicationRow {
  id: number
  applicant_id: number
  program_id: number
  program_name: string
  status: ApplicationStatus
  award_amount_cents: number | null
  applied_on: string | null
  pre_approved_on: string | null
  documents_due_on: string | null
  decided_on: string | null
  grant_start: string | null
  grant_end: string | null
  last_paid_claim_on: string | null
  notes: string
  created_at: string
  updated_at: string
}

/** An application without its reminders, which the module computes from the program's rules. */
export type ApplicationRecord = Omit<Application, 'reminders'>

const toRecord = (row: ApplicationRow): ApplicationRecord => ({
  id: row.id,
  applicantId: row.applicant_id,
  programId: row.program_id,
  programName: row.program_name,
  status: row.status,
  awardAmount: centsToDollars(row.award_amount_cents),
  appliedOn: row.applied_on,
  preApprovedOn: row.pre_approved_on,
  documentsDueOn: row.documents_due_on,
  decidedOn: row.decided_on,
  grantStart: row.grant_start,
  grantEnd: row.grant_end,
  lastPaidClaimOn: row.last_paid_claim_on,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const SELECT = `SELECT a.id, a.applicant_id, a.program_id, p.name AS program_name, a.status, a.award_amount_cents, a.applied_on,
  a.pre_approved_on, a.documents_due_on, a.decided_on, a.grant_start, a.grant_end, a.last_paid_claim_on, a.notes, a.created_at, a.updated_at
  FROM assistance_applications a JOIN assistance_programs p ON p.id = a.program_id`

/** Applications to assistance programs, with every status change kept in their history. */
export function createApplicationRepository(db: Db) {
  const insertStatement = db.prepare(`INSERT INTO assistance_applications (applicant_id, program_id, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?)`)
  const historyStatement = db.prepare(`INSERT INTO assistance_application_history (application_id, from_status, to_status, changed_at)
    VALUES (?, ?, ?, ?)`)
  const updateStatement = db.prepare(`UPDATE assistance_applications SET status = @status, award_amount_cents = @awardAmountCents,
    applied_on = @appliedOn, pre_approved_on = @preApprovedOn, documents_due_on = @documentsDueOn, decided_on = @decidedOn,
    grant_start = @grantStart, grant_end = @grantEnd, last_paid_claim_on = @lastPaidClaimOn, notes = @notes, updated_at = @now
    WHERE id = @id`)
  const getStatement = db.prepare(`${SELECT} WHERE a.id = ?`)
  const byApplicantStatement = db.prepare(`${SELECT} WHERE a.applicant_id = ? ORDER BY a.created_at, a.id`)
  const byApplicantsStatement = db.prepare(`${SELECT} WHERE a.applicant_id IN (SELECT value FROM json_each(?)) ORDER BY a.applicant_id, a.id`)
  // Only these can have reminders (the conditions of screeningEngine.applicationReminders); the applicant's name comes along.
  const remindableStatement = db.prepare(`SELECT a.id, a.applicant_id, a.program_id, p.name AS program_name, a.status, a.award_amount_cents, a.applied_on,
    a.pre_approved_on, a.documents_due_on, a.decided_on, a.grant_start, a.grant_end, a.last_paid_claim_on, a.notes, a.created_at, a.updated_at,
    ap.first_name || ' ' || ap.last_name AS applicant_name
    FROM assistance_applications a JOIN assistance_programs p ON p.id = a.program_id JOIN applicants ap ON ap.id = a.applicant_id
    WHERE (a.status IN ('pre_approved', 'documents_due') AND a.documents_due_on IS NOT NULL)
      OR (a.status = 'approved' AND (a.grant_end IS NOT NULL OR (p.usage_days IS NOT NULL AND coalesce(a.last_paid_claim_on, a.grant_start, a.decided_on) IS NOT NULL)))
    ORDER BY a.applicant_id, a.id`)
  const allStatement = db.prepare(`${SELECT} ORDER BY a.applicant_id, a.id`)
  const historyByApplicantStatement = db.prepare(`SELECT h.id, h.application_id AS applicationId, h.from_status AS fromStatus,
    h.to_status AS toStatus, h.changed_at AS changedAt
    FROM assistance_application_history h JOIN assistance_applications a ON a.id = h.application_id
    WHERE a.applicant_id = ? ORDER BY h.changed_at, h.id`)

  return {
    /** Creates an application and its first history entry; call inside a transaction. */
    insert(applicantId: number, programId: number, status: ApplicationStatus, now: string): number {
      const id = Number(insertStatement.run(applicantId, programId, status, now, now).lastInsertRowid)
      historyStatement.run(id, null, status, now)
      return id
    },
    /** Saves the new state and records the status change when there is one; call inside a transaction. */
    update(update: ApplicationUpdate, previousStatus: ApplicationStatus, now: string): void {
      const { applicationId, awardAmount, ...rest } = update
      updateStatement.run({ ...rest, id: applicationId, awardAmountCents: dollarsToCents(awardAmount), now })
      if (previousStatus !== update.status) historyStatement.run(applicationId, previousStatus, update.status, now)
    },
    get(id: number): ApplicationRecord | null {
      const row = getStatement.get(id) as ApplicationRow | undefined
      return row ? toRecord(row) : null
    },
    byApplicant: (applicantId: number): ApplicationRecord[] => (byApplicantStatement.all(applicantId) as ApplicationRow[]).map(toRecord),
    /** The applications of several applicants at once (the queue's page and batch re-screening). */
    byApplicants: (applicantIds: readonly number[]): ApplicationRecord[] => (byApplicantsStatement.all(JSON.stringify(applicantIds)) as ApplicationRow[]).map(toRecord),
    /** Applications that can have reminders, each with its applicant's name (the queue's reminder list). */
    remindable: (): (ApplicationRecord & { applicantName: string })[] =>
      (remindableStatement.all() as (ApplicationRow & { applicant_name: string })[]).map((row) => ({ ...toRecord(row), applicantName: row.applicant_name })),
    all: (): ApplicationRecord[] => (allStatement.all() as ApplicationRow[]).map(toRecord),
    /** Every status change of the applicant's applications, oldest first. */
    historyByApplicant: (applicantId: number): ApplicationStatusChange[] => historyByApplicantStatement.all(applicantId) as ApplicationStatusChange[],
  }
}
export type ApplicationRepository = ReturnType<typeof createApplicationRepository>
