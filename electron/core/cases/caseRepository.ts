import type { CaseDetail, DenialDetail, HistoryEntry } from '../../../shared/domain/cases'
import type { DenialReason, PlanFamily, ServiceType, Stage, TherapyCategory, Urgency } from '../../../shared/domain/enums'
import type { CaseCreate } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'
import { randomUUID } from 'node:crypto'
import { centsToDollars, dollarsToCents, parseJsonArray, toBool } from '../db/rowMapping'
import { createOperationLog, type OperationInput } from './operationLog'

interface CaseRow {
  id: number
  stage: Stage
  urgency: Urgency
  service_type: ServiceType
  opened_on: string
  closed_on: string | null
  stage_entered_at: string
  appeal_filed_on: string | null
  appeal_filed_at: string | null
  internal_levels: number | null
  payer_extended: number
  previous_appeal_filed_on: string | null
  summary: string
  is_demo: number
  advocate_id: number | null
  version: number
  payer_destination_id: number | null
  patient_id: number
  first_name: string
  last_name: string
  date_of_birth: string | null
  phone: string
  preferred_language: string
  coverage_id: number
  payer: string
  plan_family: PlanFamily
  member_id: string
  group_number: string
  state: string
  therapy_id: number
  category: TherapyCategory
  drug: string
  hcpcs_code: string
  icd10_codes: string
  prescriber: string
  prescriber_npi: string
  prescriber_phone: string
  prescriber_fax: string
  infusion_provider: string
}

interface DenialRow {
  id: number
  notice_date: string
  received_date: string | null
  reasons: string
  prior_auth_number: string
  claim_number: string
  amount_cents: number | null
  stated_deadline: string | null
}

interface HistoryRow {
  id: number
  from_stage: Stage | null
  to_stage: Stage
  moved_at: string
  advocate_name: string | null
  override_reason: string
  note: string
}

export type CaseCore = Omit<CaseDetail, 'advocate' | 'history' | 'contacts' | 'deadlineReport' | 'priorAuths' | 'representation' | 'appealDestination'> & {
  advocateId: number | null
}

/** The appeal facts an advocate records as a level is filed (issue 3). */
export interface AppealFacts {
  appealFiledOn: string | null
  appealFiledAt: string | null
  internalLevels: 1 | 2 | null
  payerExtended: boolean
  previousAppealFiledOn: string | null
}

const toDenial = (row: DenialRow): DenialDetail => ({
  id: row.id,
  noticeDate: row.notice_date,
  receivedDate: row.received_date,
  reasons: parseJsonArray<DenialReason>(row.reasons),
  priorAuthNumber: row.prior_auth_number,
  claimNumber: row.claim_number,
  amount: centsToDollars(row.amount_cents),
  statedDeadline: row.stated_deadline,
})

const CASE_SELECT = `SELECT c.id, c.stage, c.urgency, c.service_type, c.opened_on, c.closed_on, c.stage_entered_at,
      c.appeal_filed_on, c.appeal_filed_at, c.internal_levels, c.payer_extended, c.previous_appeal_filed_on,
      c.summary, c.is_demo, c.advocate_id, c.version, c.payer_destination_id,
      p.id AS patient_id, p.first_name, p.last_name, p.date_of_birth, p.phone, p.preferred_language,
      cv.id AS coverage_id, cv.payer, cv.plan_family, cv.member_id, cv.group_number, cv.state,
      t.id AS therapy_id, t.category, t.drug, t.hcpcs_code, t.icd10_codes, t.prescriber, t.infusion_provider,
      t.prescriber_npi, t.prescriber_phone, t.prescriber_fax
    FROM cases c JOIN patients p ON p.id = c.patient_id JOIN coverages cv ON cv.id = c.coverage_id
    JOIN therapies t ON t.id = c.therapy_id`

/** The case aggregate: a case with its patient, coverage, therapy, denials and stage history. */
/** A joined case row and its denials as the core's case shape. */
function toCaseCore(row: CaseRow, denials: DenialDetail[]): CaseCore {
  return {
    id: row.id,
    stage: row.stage,
    urgency: row.urgency,
    serviceType: row.service_type,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    stageEnteredAt: row.stage_entered_at,
    appealFiledOn: row.appeal_filed_on,
    appealFiledAt: row.appeal_filed_at,
    internalLevels: row.internal_levels === 1 || row.internal_levels === 2 ? row.internal_levels : null,
    payerExtended: toBool(row.payer_extended),
    previousAppealFiledOn: row.previous_appeal_filed_on,
    summary: row.summary,
    isDemo: toBool(row.is_demo),
    advocateId: row.advocate_id,
    version: row.version,
    payerDestinationId: row.payer_destination_id,
    patient: {
      id: row.patient_id,
      firstName: row.first_name,
      lastName: row.last_name,
      dateOfBirth: row.date_of_birth,
      phone: row.phone,
      preferredLanguage: row.preferred_language,
    },
    coverage: {
      id: row.coverage_id,
      payer: row.payer,
      planFamily: row.plan_family,
      memberId: row.member_id,
      groupNumber: row.group_number,
      state: row.state,
    },
    therapy: {
      id: row.therapy_id,
      category: row.category,
      drug: row.drug,
      hcpcsCode: row.hcpcs_code,
      icd10Codes: parseJsonArray<string>(row.icd10_codes),
      prescriber: row.prescriber,
      prescriberNpi: row.prescriber_npi,
      prescriberPhone: row.prescriber_phone,
      prescriberFax: row.prescriber_fax,
      infusionProvider: row.infusion_provider,
    },
    denials,
  }
}

export function createCaseRepository(db: Db) {
  const log = createOperationLog(db)
  const insertPatient = db.prepare(`INSERT INTO patients
    (first_name, last_name, date_of_birth, phone, preferred_language, is_demo, created_at, updated_at)
    VALUES (@firstName, @lastName, @dateOfBirth, @phone, @preferredLanguage, @isDemo, @now, @now)`)
  const insertCoverage = db.prepare(`INSERT INTO coverages (patient_id, payer, plan_family, member_id, group_number, state, created_at)
    VALUES (@patientId, @payer, @planFamily, @memberId, @groupNumber, @state, @now)`)
  const insertTherapy = db.prepare(`INSERT INTO therapies
    (patient_id, category, drug, hcpcs_code, icd10_codes, prescriber, prescriber_npi, prescriber_phone, prescriber_fax,
     infusion_provider, created_at)
    VALUES (@patientId, @category, @drug, @hcpcsCode, @icd10Codes, @prescriber, @prescriberNpi, @prescriberPhone, @prescriberFax,
     @infusionProvider, @now)`)
  const insertCase = db.prepare(`INSERT INTO cases
    (patient_id, coverage_id, therapy_id, stage, urgency, service_type, advocate_id, opened_on, stage_entered_at,
     summary, is_demo, payer_destination_id, uid, created_at, updated_at)
    VALUES (@patientId, @coverageId, @therapyId, @stage, @urgency, @serviceType, @advocateId, @openedOn, @now,
     @summary, @isDemo, @payerDestinationId, @uid, @now, @now)`)
  const insertDenial = db.prepare(`INSERT INTO denials
    (case_id, notice_date, received_date, reasons, prior_auth_number, claim_number, amount_cents, stated_deadline, created_at)
    VALUES (@caseId, @noticeDate, @receivedDate, @reasons, @priorAuthNumber, @claimNumber, @amountCents, @statedDeadline, @now)`)
  const insertHistory = db.prepare(`INSERT INTO case_history (case_id, from_stage, to_stage, moved_at, advocate_id, override_reason, note)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const selectCase = db.prepare(`${CASE_SELECT} WHERE c.id = ?`)
  // `@ids` is null for every open case, or a JSON array of case ids to limit the bulk load to them.
  const selectOpenCases = db.prepare(`${CASE_SELECT} WHERE c.stage <> 'closed'
    AND (@ids IS NULL OR c.id IN (SELECT value FROM json_each(@ids)))`)
  const selectOpenDenials = db.prepare(`SELECT d.case_id, d.id, d.notice_date, d.received_date, d.reasons, d.prior_auth_number,
    d.claim_number, d.amount_cents, d.stated_deadline FROM denials d JOIN cases c ON c.id = d.case_id
    WHERE c.stage <> 'closed' AND (@ids IS NULL OR c.id IN (SELECT value FROM json_each(@ids)))
    ORDER BY d.case_id, d.notice_date DESC, d.id DESC`)
  const selectDenials = db.prepare(`SELECT id, notice_date, received_date, reasons, prior_auth_number, claim_number, amount_cents,
    stated_deadline FROM denials WHERE case_id = ? ORDER BY notice_date DESC, id DESC`)
  const selectHistory = db.prepare(`SELECT h.id, h.from_stage, h.to_stage, h.moved_at, a.display_name AS advocate_name,
    h.override_reason, h.note FROM case_history h LEFT JOIN advocates a ON a.id = h.advocate_id
    WHERE h.case_id = ? ORDER BY h.moved_at, h.id`)
  const updateStage = db.prepare(`UPDATE cases SET stage = @stage, stage_entered_at = @now, updated_at = @now,
    closed_on = CASE WHEN @stage = 'closed' THEN @today ELSE NULL END WHERE id = @id`)
  const updateAppeal = db.prepare(`UPDATE cases SET appeal_filed_on = @appealFiledOn, appeal_filed_at = @appealFiledAt,
    internal_levels = @internalLevels, payer_extended = @payerExtended, previous_appeal_filed_on = @previousAppealFiledOn,
    updated_at = @now WHERE id = @id`)

  return {
    /** The case operation log: every write here records itself in it. */
    log,

    /** Inserts every part of a new case; call inside a transaction. Returns the case id. */
    insert(input: CaseCreate, options: { isDemo: boolean; now: string; movedBy: number | null; uid?: string }): number {
      const { now } = options
      const isDemo = options.isDemo ? 1 : 0
      const patientId = Number(insertPatient.run({ ...input.patient, isDemo, now }).lastInsertRowid)
      const coverageId = Number(insertCoverage.run({ ...input.coverage, patientId, now }).lastInsertRowid)
      const therapy = { ...input.therapy, prescriberNpi: input.therapy.prescriberNpi ?? '', prescriberPhone: input.therapy.prescriberPhone ?? '', prescriberFax: input.therapy.prescriberFax ?? '' }
      const therapyId = Number(insertTherapy.run({ ...therapy, icd10Codes: JSON.stringify(therapy.icd10Codes), patientId, now }).lastInsertRowid)
      const caseId = Number(
        insertCase.run({
          patientId,
          coverageId,
          therapyId,
          stage: input.stage,
          urgency: input.urgency,
          serviceType: input.serviceType,
          advocateId: input.advocateId,
          openedOn: input.openedOn,
          summary: input.summary,
          payerDestinationId: input.payerDestinationId ?? null,
          uid: options.uid ?? randomUUID(),
          isDemo,
          now,
        }).lastInsertRowid,
      )
      // The creation carries every fact it was made with, so a replay can rebuild the case from the log.
      const { denial: firstDenial, ...facts } = input
      const operations: OperationInput[] = [{ kind: 'create', field: 'stage', newValue: { ...facts, therapy } as unknown as Record<string, unknown> }]
      if (firstDenial) {
        const { amount, reasons, ...denial } = firstDenial
        const denialId = insertDenial.run({ ...denial, caseId, reasons: JSON.stringify(reasons), amountCents: dollarsToCents(amount), now }).lastInsertRowid
        operations.push({ kind: 'denial_add', entityId: Number(denialId), newValue: firstDenial as unknown as Record<string, unknown> })
      }
      insertHistory.run(caseId, null, input.stage, now, options.movedBy, '', '')
      log.record(caseId, operations, { actorId: options.movedBy, at: now })
      return caseId
    },

    getCore(id: number): CaseCore | null {
      const row = selectCase.get(id) as CaseRow | undefined
      return row ? toCaseCore(row, (selectDenials.all(id) as DenialRow[]).map(toDenial)) : null
    },

    /**
     * Every case not closed, with its denials, in two queries: the bulk path for recomputing the whole
     * caseload's deadlines (issue 8: 10,000 open cases in under a second).
     */
    listOpenCores(caseIds?: number[]): CaseCore[] {
      const params = { ids: caseIds ? JSON.stringify(caseIds) : null }
      const denialsByCase = new Map<number, DenialDetail[]>()
      for (const row of selectOpenDenials.iterate(params) as IterableIterator<DenialRow & { case_id: number }>) {
        const list = denialsByCase.get(row.case_id) ?? []
        list.push(toDenial(row))
        denialsByCase.set(row.case_id, list)
      }
      return (selectOpenCases.all(params) as CaseRow[]).map((row) => toCaseCore(row, denialsByCase.get(row.id) ?? []))
    },

    history: (caseId: number): HistoryEntry[] =>
      (selectHistory.all(caseId) as HistoryRow[]).map((row) => ({
        id: row.id,
        fromStage: row.from_stage,
        toStage: row.to_stage,
        movedAt: row.moved_at,
        advocateName: row.advocate_name,
        overrideReason: row.override_reason,
        note: row.note,
      })),

    /** Moves a case and records the move; call inside a transaction. */
    move(id: number, from: Stage, to: Stage, move: { now: string; today: string; movedBy: number | null; overrideReason: string; note: string }) {
      updateStage.run({ id, stage: to, now: move.now, today: move.today })
      insertHistory.run(id, from, to, move.now, move.movedBy, move.overrideReason, move.note)
      const detail = move.overrideReason || move.note ? { overrideReason: move.overrideReason, note: move.note } : null
      log.record(id, [{ kind: 'move', field: 'stage', oldValue: from, newValue: to, detail }], { actorId: move.movedBy, at: move.now })
    },

    /** Records when the current level was filed and what governs the payer's clock. */
    setAppeal(id: number, facts: AppealFacts, now: string) {
      updateAppeal.run({ ...facts, payerExtended: facts.payerExtended ? 1 : 0, id, now })
    },

    /** Adds a decision notice (a new denial at the level just decided); its date starts the next level's window. */
    addNotice(caseId: number, notice: { noticeDate: string; receivedDate: string | null; reasons: DenialReason[]; statedDeadline: string | null }, now: string) {
      const row = { caseId, ...notice, reasons: JSON.stringify(notice.reasons), priorAuthNumber: '', claimNumber: '', amountCents: null, now }
      return Number(insertDenial.run(row).lastInsertRowid)
    },

    /** The ids `deleteWhere(filter)` would delete (read in the same transaction, for file cleanup). */
    idsWhere(filter: 'demo' | 'all'): number[] {
      return db.prepare(`SELECT id FROM cases ${filter === 'demo' ? 'WHERE is_demo = 1' : ''}`).pluck().all() as number[]
    },

    /** Deletes cases and the patients left without a case. */
    deleteWhere(filter: 'demo' | 'all'): number {
      const where = filter === 'demo' ? 'WHERE is_demo = 1' : ''
      const removed = db.prepare(`DELETE FROM cases ${where}`).run().changes
      db.prepare('DELETE FROM patients WHERE id NOT IN (SELECT patient_id FROM cases)').run()
      return removed
    },

    counts(): { caseCount: number; demoCaseCount: number } {
      const row = db.prepare('SELECT COUNT(*) AS total, COALESCE(SUM(is_demo), 0) AS demo FROM cases').get() as { total: number; demo: number }
      return { caseCount: row.total, demoCaseCount: row.demo }
    },
  }
}
export type CaseRepository = ReturnType<typeof createCaseRepository>
