import { addCalendarDays } from '../../shared/domain/days'
import { INSURANCE_TYPES, type ApplicantFacts, type InsuranceType } from '../../shared/domain/screening'
import type { Stage } from '../../shared/domain/enums'
import type { Db } from '../../electron/core/db/openDatabase'
import { computeDeadlines } from '../../electron/core/deadlines/deadlineEngine'
import { caseFactsOf, systemTimeZone, type CaseRecord } from '../../electron/core/deadlines/deadlineService'
import { generateCaseload, type GeneratedCase } from '../../electron/core/demo/demoCaseload'
import { ADVOCATE_NAMES, seededRandom } from '../../electron/core/demo/demoFacts'
import { createSettingsRepository } from '../../electron/core/settings/settingsRepository'
import { createApplicantOutcomes } from '../../electron/core/screening/applicantOutcomes'
import { createApplicantRepository } from '../../electron/core/screening/applicantRepository'
import { createApplicationRepository } from '../../electron/core/screening/applicationRepository'
import { createProgramRepository } from '../../electron/core/screening/programRepository'

export interface BulkCaseloadOptions {
  /** The day the caseload is generated for (`YYYY-MM-DD`); dates are spread backwards from it. */
  today: string
  count: number
  seed?: number
  /**
   * Share of cases already closed. A statewide organization keeps years of closed files beside its
   * open work; 0.5 puts 5,000 open cards on the board of a 10,000-case caseload.
   */
  closedShare?: number
  /** Financial-assistance applicants per case (some linked to a case's patient, most standalone). */
  applicantsPerCase?: number
  /** At least this many applicants whatever the caseload size (the benchmark screens 1,000). */
  minApplicants?: number
  /** Advocates on staff; cases are spread among them. */
  advocateCount?: number
  /**
   * Fill the full-text index once at the end instead of row by row through its triggers (default true):
   * the same index content, built several times faster. False writes through the triggers, as the app does.
   */
  deferSearchIndex?: boolean
}

export interface BulkCaseloadSummary {
  cases: number
  openCases: number
  closedCases: number
  contacts: number
  attachments: number
  applicants: number
  applications: number
  deadlines: number
  byStage: Record<string, number>
  millis: number
}

const CONTACT_KINDS = ['call', 'fax', 'letter', 'portal', 'email'] as const
const EXHIBIT_LABELS = ['Denial letter', 'Letter of medical necessity', 'Chart notes', 'Lab results', 'Prior therapy history', 'Plan policy', 'Peer-reviewed article', 'Prescription']

/**
 * Writes a large synthetic caseload straight into a migrated database with prepared statements in
 * big transactions (the per-case service would take minutes at 100,000 cases), then stores every
 * open case's deadlines computed by the real engine. Facts come from the demo generator, so plan
 * families, therapies, denials and contacts keep the demo's plausible proportions; on top of it a
 * share of cases is closed and cases get attachments, letters, prior authorizations and applicants.
 * Reproducible: the same options give the same rows.
 */
export function insertBulkCaseload(db: Db, options: BulkCaseloadOptions): BulkCaseloadSummary {
  const started = performance.now()
  const seed = options.seed ?? 20261125
  const random = seededRandom(seed ^ 0x5eed)
  const today = options.today
  const closedShare = options.closedShare ?? 0.5
  const nowIso = `${today}T12:00:00.000Z`
  const timeZone = systemTimeZone()

  const insertAdvocate = db.prepare('INSERT INTO advocates (display_name, role, created_at) VALUES (?, ?, ?)')
  const insertPatient = db.prepare(`INSERT INTO patients (first_name, last_name, date_of_birth, phone, preferred_language, is_demo, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 0, ?, ?)`)
  const insertCoverage = db.prepare('INSERT INTO coverages (patient_id, payer, plan_family, member_id, group_number, state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insertTherapy = db.prepare(`INSERT INTO therapies (patient_id, category, drug, hcpcs_code, icd10_codes, prescriber, infusion_provider, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertCase = db.prepare(`INSERT INTO cases (patient_id, coverage_id, therapy_id, stage, urgency, service_type, advocate_id, opened_on, closed_on,
    stage_entered_at, appeal_filed_on, summary, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`)
  const insertDenial = db.prepare(`INSERT INTO denials (case_id, notice_date, received_date, reasons, prior_auth_number, claim_number, amount_cents, stated_deadline, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`)
  const insertHistory = db.prepare('INSERT INTO case_history (case_id, from_stage, to_stage, moved_at, advocate_id) VALUES (?, ?, ?, ?, ?)')
  const insertContact = db.prepare(`INSERT INTO contacts (case_id, kind, occurred_on, with_whom, reference_number, requested, submitted, submitted_on, follow_up_on, advocate_id, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertRepresentation = db.prepare(`INSERT INTO representations (case_id, kind, representative, signed_on, expires_on, updated_at) VALUES (?, ?, ?, ?, NULL, ?)`)
  const insertPriorAuth = db.prepare(`INSERT INTO prior_auths (case_id, requested_on, expedited, outcome, decided_on, reference_number, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertAttachment = db.prepare(`INSERT INTO attachments (case_id, label, original_name, stored_name, kind, mime, size_bytes, sha256, added_at, exhibit_number)
    VALUES (?, ?, ?, ?, 'pdf', 'application/pdf', ?, ?, ?, ?)`)
  const insertLetter = db.prepare('INSERT INTO letter_versions (case_id, kind, body, updated_at) VALUES (?, ?, ?, ?)')
  const insertEvidence = db.prepare('INSERT OR IGNORE INTO case_evidence (case_id, item_id, status, updated_at) VALUES (?, ?, ?, ?)')
  const insertDeadline = db.prepare(`INSERT INTO case_deadlines (case_id, key, side, label_key, label_en, due_date, due_at, rule_id, citation, verified)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertApplicant = db.prepare(`INSERT INTO applicants (patient_id, first_name, last_name, date_of_birth, household_size, annual_income_cents, state,
    insurance_type, payer, drug_covered, icd10_codes, drug_name, hcpcs_code, treatment_start, out_of_pocket_cents, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertApplication = db.prepare('INSERT INTO assistance_applications (applicant_id, program_id, status, applied_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')

  const summary: BulkCaseloadSummary = { cases: 0, openCases: 0, closedCases: 0, contacts: 0, attachments: 0, applicants: 0, applications: 0, deadlines: 0, byStage: {}, millis: 0 }
  const advocateIds = db.transaction(() => {
    const existing = (db.prepare('SELECT id FROM advocates ORDER BY id').all() as { id: number }[]).map((r) => r.id)
    if (existing.length > 0) return existing
    const names = [...ADVOCATE_NAMES]
    for (let i = names.length; i < (options.advocateCount ?? 24); i++) names.push(`Advocate ${i + 1}`)
    return names.map((name) => Number(insertAdvocate.run(name, 'advocate', nowIso).lastInsertRowid))
  })()

  const generated = generateCaseload({ today, count: options.count, seed, advocateIds })
  const programIds = (db.prepare('SELECT id FROM assistance_programs ORDER BY id').all() as { id: number }[]).map((r) => r.id)
  const patientsOf: { patientId: number; demo: GeneratedCase }[] = []

  // Generation only: the rows are consistent by construction, so skip per-row foreign-key checks and
  // fsyncs and give index updates a large page cache; the database's own pragmas come back below.
  const saved = { foreignKeys: db.pragma('foreign_keys', { simple: true }), synchronous: db.pragma('synchronous', { simple: true }), cacheSize: db.pragma('cache_size', { simple: true }) }
  db.pragma('foreign_keys = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  const BATCH = 5_000
  const searchTriggers = options.deferSearchIndex === false ? [] : suspendSearchTriggers(db)
  for (let start = 0; start < generated.length; start += BATCH) {
    db.transaction(() => {
      for (const demo of generated.slice(start, start + BATCH)) insertOne(demo)
    })()
  }
  if (searchTriggers.length) db.transaction(() => rebuildSearchIndex(db, searchTriggers))()

  function insertOne(demo: GeneratedCase) {
    const { input } = demo
    // Closed files come from every column (won, lost, withdrawn); the demo spread keeps its own closed share.
    const isClosed = input.stage === 'closed' || random.next() < (closedShare - 5 / 40) / (35 / 40)
    const path: { stage: Stage; daysAgo: number }[] = [...demo.path]
    if (isClosed && input.stage !== 'closed') path.push({ stage: input.stage, daysAgo: Math.max(2, Math.round((path.at(-1)?.daysAgo ?? 10) / 2)) })
    const stage: Stage = isClosed ? 'closed' : input.stage
    const finalDaysAgo = isClosed ? random.int(1, Math.max(1, path.at(-1)?.daysAgo ?? 1)) : 1
    const openedAt = `${input.openedOn}T15:00:00.000Z`
    const stageEnteredAt = path.length ? `${addCalendarDays(today, -finalDaysAgo)}T16:00:00.000Z` : openedAt
    const patientId = Number(
      insertPatient.run(input.patient.firstName, input.patient.lastName, input.patient.dateOfBirth, input.patient.phone, input.patient.preferredLanguage, openedAt, openedAt)
        .lastInsertRowid,
    )
    const c = input.coverage
    const coverageId = Number(insertCoverage.run(patientId, c.payer, c.planFamily, c.memberId, c.groupNumber, c.state, openedAt).lastInsertRowid)
    const t = input.therapy
    const therapyId = Number(insertTherapy.run(patientId, t.category, t.drug, t.hcpcsCode, JSON.stringify(t.icd10Codes), t.prescriber, t.infusionProvider, openedAt).lastInsertRowid)
    const appealFiledOn = demo.filedDaysAgo !== null ? addCalendarDays(today, -demo.filedDaysAgo) : null
    const caseId = Number(
      insertCase.run(
        patientId, coverageId, therapyId, stage, input.urgency, input.serviceType, input.advocateId, input.openedOn,
        isClosed ? addCalendarDays(today, -finalDaysAgo) : null, stageEnteredAt, appealFiledOn, '', openedAt, stageEnteredAt,
      ).lastInsertRowid,
    )
    summary.cases++
    summary.byStage[stage] = (summary.byStage[stage] ?? 0) + 1
    if (isClosed) summary.closedCases++
    else summary.openCases++
    const d = input.denial
    if (d) insertDenial.run(caseId, d.noticeDate, d.receivedDate, JSON.stringify(d.reasons), d.priorAuthNumber, d.claimNumber, d.amount === null ? null : Math.round(d.amount * 100), openedAt)
    let from: Stage | null = null
    for (const step of [...path, { stage, daysAgo: finalDaysAgo }]) {
      if (step.stage === from) continue
      insertHistory.run(caseId, from, step.stage, from === null ? openedAt : `${addCalendarDays(today, -step.daysAgo)}T16:00:00.000Z`, input.advocateId)
      from = step.stage
    }
    // One to four contacts: the demo's claim-file call, then faxes and portal messages as the appeal goes on.
    const contactCount = 1 + random.int(0, 3)
    for (let k = 0; k < contactCount; k++) {
      const contact = demo.contacts[0]
      const kind = k === 0 ? contact.kind : random.pick(CONTACT_KINDS)
      insertContact.run(
        caseId, kind, k === 0 ? contact.occurredOn : addCalendarDays(today, -random.int(1, 60)), contact.withWhom, `REF-${random.int(10000, 99999)}`,
        k === 0 ? contact.requested : '', k > 0 ? 'Letter of medical necessity' : '', null, k === contactCount - 1 && !isClosed ? addCalendarDays(today, random.int(1, 14)) : null,
        input.advocateId, openedAt,
      )
      summary.contacts++
    }
    const representation = demo.representationSignedDaysAgo !== null ? addCalendarDays(today, -demo.representationSignedDaysAgo) : null
    if (representation) insertRepresentation.run(caseId, 'hipaa_authorization', 'Advocate', representation, openedAt)
    const priorAuths: CaseRecord['priorAuths'] = []
    if (input.stage === 'prior_auth' || random.next() < 0.25) {
      const pending = input.stage === 'prior_auth' && !isClosed
      const requestedOn = addCalendarDays(today, -random.int(1, pending ? 10 : 90))
      const outcome = pending ? 'pending' : random.next() < 0.6 ? 'denied' : 'approved'
      const decidedOn = pending ? null : requestedOn
      const referenceNumber = `PA-${random.int(100000, 999999)}`
      const id = Number(insertPriorAuth.run(caseId, requestedOn, input.urgency === 'expedited' ? 1 : 0, outcome, decidedOn, referenceNumber, openedAt, openedAt).lastInsertRowid)
      priorAuths.push({ id, requestedOn, requestedAt: null, expedited: input.urgency === 'expedited', outcome, decidedOn, approvedThrough: null, referenceNumber })
    }
    // Exhibits gather once a denial is being fought: about a third of denied cases have some.
    if (d && random.next() < 0.35) {
      const exhibits = random.int(1, 8)
      for (let n = 1; n <= exhibits; n++) {
        const sha = `${caseId.toString(16).padStart(8, '0')}${n.toString(16).padStart(4, '0')}`.padEnd(64, '0')
        insertAttachment.run(caseId, EXHIBIT_LABELS[(n - 1) % EXHIBIT_LABELS.length], `exhibit-${n}.pdf`, `${sha}.pdf`, random.int(20_000, 900_000), sha, openedAt, n)
        insertEvidence.run(caseId, `item_${n}`, 'received', openedAt)
        summary.attachments++
      }
      if (random.next() < 0.3) insertLetter.run(caseId, 'internal_appeal', `Letter for case ${caseId}, edited by the advocate.`, openedAt)
    }
    patientsOf.push({ patientId, demo })
    if (!isClosed) {
      const record = {
        id: caseId, stage, urgency: input.urgency, serviceType: input.serviceType, openedOn: input.openedOn, closedOn: null, stageEnteredAt,
        appealFiledOn, appealFiledAt: null, internalLevels: null, payerExtended: false, previousAppealFiledOn: null, summary: '', isDemo: false,
        advocateId: input.advocateId,
        version: 1,
        payerDestinationId: null,
        patient: { id: patientId, ...input.patient },
        coverage: { id: coverageId, ...c },
        therapy: { id: therapyId, prescriberNpi: '', prescriberPhone: '', prescriberFax: '', ...t },
        denials: d ? [{ id: 0, noticeDate: d.noticeDate, receivedDate: d.receivedDate, reasons: d.reasons, priorAuthNumber: d.priorAuthNumber, claimNumber: d.claimNumber, amount: d.amount, statedDeadline: null }] : [],
        priorAuths,
        representation: representation ? { kind: 'hipaa_authorization', representative: 'Advocate', signedOn: representation, expiresOn: null } : null,
      } satisfies CaseRecord
      for (const dl of computeDeadlines(caseFactsOf(record, timeZone), today).deadlines) {
        insertDeadline.run(caseId, dl.key, dl.side, dl.labelKey, dl.labelEn, dl.dueDate, dl.dueAt, dl.ruleId, dl.citation, dl.verified ? 1 : 0)
        summary.deadlines++
      }
    }
  }

  // Applicants for financial assistance: some started from a case's patient, most from intake calls or CSV.
  const applicantCount = Math.max(options.minApplicants ?? 0, Math.round(options.count * (options.applicantsPerCase ?? 0.2)))
  for (let start = 0; start < applicantCount; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(applicantCount, start + BATCH); i++) {
        const { patientId, demo } = patientsOf[Math.floor(random.next() * patientsOf.length)]
        const facts = syntheticApplicant(demo, random)
        const id = Number(
          insertApplicant.run(
            random.next() < 0.4 ? patientId : null, facts.firstName, facts.lastName, facts.dateOfBirth, facts.householdSize,
            facts.annualIncome === null ? null : facts.annualIncome * 100, facts.state, facts.insuranceType, facts.payer, facts.drugCovered,
            JSON.stringify(facts.icd10Codes), facts.drugName, facts.hcpcsCode, facts.treatmentStart, facts.outOfPocket === null ? null : facts.outOfPocket * 100, nowIso, nowIso,
          ).lastInsertRowid,
        )
        summary.applicants++
        if (programIds.length && random.next() < 0.5) {
          const applications = random.int(1, 2)
          for (let k = 0; k < applications; k++) {
            insertApplication.run(id, random.pick(programIds), random.pick(['screened', 'applied', 'approved', 'denied']), addCalendarDays(today, -random.int(1, 200)), nowIso, nowIso)
            summary.applications++
          }
        }
      }
    })()
  }
  // Each applicant's screening outcome, as the app stores it on every write (migration 0014); the
  // queue would otherwise screen them all on its first load.
  const programs = createProgramRepository(db)
  createApplicantOutcomes({ db, applicants: createApplicantRepository(db), applications: createApplicationRepository(db), catalog: () => programs.list() }).catchUp(today)
  db.pragma(`foreign_keys = ${saved.foreignKeys ? 'ON' : 'OFF'}`)
  db.pragma(`synchronous = ${Number(saved.synchronous)}`)
  db.pragma(`cache_size = ${Number(saved.cacheSize)}`)
  db.pragma('wal_checkpoint(TRUNCATE)')
  const settings = createSettingsRepository(db)
  settings.set('initialized', nowIso)
  settings.set('current_advocate_id', String(advocateIds[0]))
  summary.millis = performance.now() - started
  return summary
}

/** An applicant drawn from a generated patient, with household and income in plausible ranges. */
export function syntheticApplicant(demo: GeneratedCase, random: ReturnType<typeof seededRandom>): ApplicantFacts {
  const { input } = demo
  const householdSize = random.int(1, 6)
  return {
    firstName: input.patient.firstName,
    lastName: input.patient.lastName,
    dateOfBirth: input.patient.dateOfBirth,
    householdSize,
    annualIncome: random.next() < 0.1 ? null : random.int(12, 160) * 1000,
    state: input.coverage.state,
    insuranceType: (INSURANCE_TYPES as readonly string[]).includes(input.coverage.planFamily) ? (input.coverage.planFamily as InsuranceType) : 'other',
    payer: input.coverage.payer,
    drugCovered: random.pick(['yes', 'no', 'unknown'] as const),
    icd10Codes: input.therapy.icd10Codes,
    drugName: input.therapy.drug,
    hcpcsCode: input.therapy.hcpcsCode,
    treatmentStart: input.openedOn,
    treatmentEnd: null,
    outOfPocket: random.int(0, 40) * 500,
    notes: '',
  }
}

interface SavedTrigger {
  name: string
  sql: string
}

/** Drops the full-text index's triggers (0005_search_outcomes.sql) so bulk rows skip them; returns them to recreate. */
function suspendSearchTriggers(db: Db): SavedTrigger[] {
  const hasIndex = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_docs'").get()
  if (!hasIndex) return []
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'").all() as SavedTrigger[]
  db.transaction(() => {
    for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name}"`)
  })()
  return triggers
}

/**
 * Fills `search_docs` from the same views the triggers read (the backfills of 0005_search_outcomes.sql and 0009, applicants and programs),
 * rebuilds the FTS5 index in one pass, and puts the triggers back. tests/unit/bench checks that the
 * result equals what the triggers write row by row.
 */
function rebuildSearchIndex(db: Db, triggers: SavedTrigger[]): void {
  db.exec(`DELETE FROM search_docs;
    INSERT INTO search_docs (kind, ref_id, patient_id, title, body)
      SELECT 'patient', patient_id, patient_id, title, body FROM search_patient_text;
    INSERT INTO search_docs (kind, ref_id, case_id, title, body)
      SELECT 'case', case_id, case_id, title, body FROM search_case_text;
    INSERT INTO search_docs (kind, ref_id, case_id, body)
      SELECT 'denial', denial_id, case_id, body FROM search_denial_text;
    INSERT INTO search_docs (kind, ref_id, case_id, title, body)
      SELECT 'contact', contact_id, case_id, title, body FROM search_contact_text;
    INSERT INTO search_docs (kind, ref_id, case_id, body)
      SELECT 'note', id, case_id, concat_ws(' ', NULLIF(note, ''), NULLIF(override_reason, '')) FROM case_history
      WHERE trim(note || override_reason) <> '';
    INSERT INTO search_docs (kind, ref_id, ref_sub, case_id, title, body)
      SELECT 'letter', case_id, kind, case_id, '', body FROM letter_versions;
    INSERT INTO search_docs (kind, ref_id, title, body)
      SELECT 'applicant', applicant_id, title, body FROM search_applicant_text;
    INSERT INTO search_docs (kind, ref_id, title, body)
      SELECT 'program', program_id, title, body FROM search_program_text;
    INSERT INTO search_fts (search_fts) VALUES ('rebuild');
    UPDATE search_state SET names_version = names_version + 1;`)
  for (const trigger of triggers) db.exec(trigger.sql)
}
