import type { CaseFactField, DenialFactField } from '../../../shared/domain/caseFields'
import type { DenialInput } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'
import { dollarsToCents } from '../db/rowMapping'

type Table = 'patients' | 'coverages' | 'therapies' | 'cases'

/** Where each editable fact is stored: the table, its column, and the case column holding the row's id. */
const FACT_COLUMNS: Record<CaseFactField, { table: Table; column: string }> = {
  'patient.firstName': { table: 'patients', column: 'first_name' },
  'patient.lastName': { table: 'patients', column: 'last_name' },
  'patient.dateOfBirth': { table: 'patients', column: 'date_of_birth' },
  'patient.phone': { table: 'patients', column: 'phone' },
  'patient.preferredLanguage': { table: 'patients', column: 'preferred_language' },
  'coverage.payer': { table: 'coverages', column: 'payer' },
  'coverage.planFamily': { table: 'coverages', column: 'plan_family' },
  'coverage.memberId': { table: 'coverages', column: 'member_id' },
  'coverage.groupNumber': { table: 'coverages', column: 'group_number' },
  'coverage.state': { table: 'coverages', column: 'state' },
  'therapy.category': { table: 'therapies', column: 'category' },
  'therapy.drug': { table: 'therapies', column: 'drug' },
  'therapy.hcpcsCode': { table: 'therapies', column: 'hcpcs_code' },
  'therapy.icd10Codes': { table: 'therapies', column: 'icd10_codes' },
  'therapy.prescriber': { table: 'therapies', column: 'prescriber' },
  'therapy.prescriberNpi': { table: 'therapies', column: 'prescriber_npi' },
  'therapy.prescriberPhone': { table: 'therapies', column: 'prescriber_phone' },
  'therapy.prescriberFax': { table: 'therapies', column: 'prescriber_fax' },
  'therapy.infusionProvider': { table: 'therapies', column: 'infusion_provider' },
  urgency: { table: 'cases', column: 'urgency' },
  serviceType: { table: 'cases', column: 'service_type' },
  advocateId: { table: 'cases', column: 'advocate_id' },
  openedOn: { table: 'cases', column: 'opened_on' },
  summary: { table: 'cases', column: 'summary' },
  payerDestinationId: { table: 'cases', column: 'payer_destination_id' },
}

const ROW_OF: Record<Table, string> = { patients: 'patient_id', coverages: 'coverage_id', therapies: 'therapy_id', cases: 'id' }
const UPDATED_AT: Partial<Record<Table, string>> = { patients: ', updated_at = @now', cases: ', updated_at = @now' }

const DENIAL_COLUMNS: Record<DenialFactField, string> = {
  noticeDate: 'notice_date',
  receivedDate: 'received_date',
  reasons: 'reasons',
  priorAuthNumber: 'prior_auth_number',
  claimNumber: 'claim_number',
  amount: 'amount_cents',
  statedDeadline: 'stated_deadline',
}

/** A fact's value as its column stores it: lists as JSON, money as cents, absent days as NULL. */
function toColumn(field: string, value: unknown): unknown {
  if (Array.isArray(value)) return JSON.stringify(value)
  if (field === 'amount') return dollarsToCents((value as number | null) ?? null)
  return value === undefined ? null : value
}

/**
 * Writes corrected facts of a case and its denial notices, one column at a time from a fixed table
 * (no column name ever comes from a request). Call inside the service's transaction.
 */
export function createCaseFactsRepository(db: Db) {
  const factStatements = new Map(
    Object.entries(FACT_COLUMNS).map(([field, { table, column }]) => {
      const where = table === 'cases' ? 'id = @caseId' : `id = (SELECT ${ROW_OF[table]} FROM cases WHERE id = @caseId)`
      return [field, db.prepare(`UPDATE ${table} SET ${column} = @value${UPDATED_AT[table] ?? ''} WHERE ${where}`)]
    }),
  )
  const denialStatements = new Map(
    Object.entries(DENIAL_COLUMNS).map(([field, column]) => [field, db.prepare(`UPDATE denials SET ${column} = @value WHERE id = @denialId AND case_id = @caseId`)]),
  )
  const insertDenial = db.prepare(`INSERT INTO denials
    (case_id, notice_date, received_date, reasons, prior_auth_number, claim_number, amount_cents, stated_deadline, created_at)
    VALUES (@caseId, @noticeDate, @receivedDate, @reasons, @priorAuthNumber, @claimNumber, @amountCents, @statedDeadline, @now)`)
  const deleteDenial = db.prepare('DELETE FROM denials WHERE id = ? AND case_id = ?')
  const touchCase = db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?')

  return {
    setFact(caseId: number, field: CaseFactField, value: unknown, now: string) {
      factStatements.get(field)!.run({ caseId, value: toColumn(field, value), now })
      touchCase.run(now, caseId)
    },

    setDenialFact(caseId: number, denialId: number, field: DenialFactField, value: unknown) {
      denialStatements.get(field)!.run({ caseId, denialId, value: toColumn(field, value) })
    },

    addDenial(caseId: number, denial: DenialInput, now: string): number {
      const { amount, reasons, ...rest } = denial
      return Number(insertDenial.run({ ...rest, caseId, reasons: JSON.stringify(reasons), amountCents: dollarsToCents(amount), now }).lastInsertRowid)
    },

    removeDenial: (caseId: number, denialId: number): boolean => deleteDenial.run(denialId, caseId).changes > 0,
  }
}
export type CaseFactsRepository = ReturnType<typeof createCaseFactsRepository>
