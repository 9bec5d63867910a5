import type { UsState } from '../../../shared/domain/enums'
import type { Applicant, ApplicantFacts, DrugCoverage, InsuranceType } from '../../../shared/domain/screening'
import type { Db } from '../db/openDatabase'
import { centsToDollars, dollarsToCents, likePattern, parseJsonArray, toBool } from '../db/rowMapping'

interface ApplicantRow {
  id: number
  patient_id: number | null
  first_name: string
  last_name: string
  date_of_birth: string | null
  household_size: number | null
  annual_income_cents: number | null
  state: UsState | null
  insurance_type: InsuranceType | null
  payer: string
  drug_covered: DrugCoverage
  icd10_codes: string
  drug_name: string
  hcpcs_code: string
  treatment_start: string | null
  treatment_end: string | null
  out_of_pocket_cents: number | null
  notes: string
  is_demo: number
  created_at: string
  updated_at: string
}

const toApplicant = (row: ApplicantRow): Applicant => ({
  id: row.id,
  patientId: row.patient_id,
  firstName: row.first_name,
  lastName: row.last_name,
  dateOfBirth: row.date_of_birth,
  householdSize: row.household_size,
  annualIncome: centsToDollars(row.annual_income_cents),
  state: row.state,
  insuranceType: row.insurance_type,
  payer: row.payer,
  drugCovered: row.drug_covered,
  icd10Codes: parseJsonArray<string>(row.icd10_codes),
  drugName: row.drug_name,
  hcpcsCode: row.hcpcs_code,
  treatmentStart: row.treatment_start,
  treatmentEnd: row.treatment_end,
  outOfPocket: centsToDollars(row.out_of_pocket_cents),
  notes: row.notes,
  isDemo: toBool(row.is_demo),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const toParams = (facts: ApplicantFacts) => ({
  firstName: facts.firstName,
  lastName: facts.lastName,
  dateOfBirth: facts.dateOfBirth,
  householdSize: facts.householdSize,
  annualIncomeCents: dollarsToCents(facts.annualIncome),
  state: facts.state,
  insuranceType: facts.insuranceType,
  payer: facts.payer,
  drugCovered: facts.drugCovered,
  icd10Codes: JSON.stringify(facts.icd10Codes),
  drugName: facts.drugName,
  hcpcsCode: facts.hcpcsCode,
  treatmentStart: facts.treatmentStart,
  treatmentEnd: facts.treatmentEnd,
  outOfPocketCents: dollarsToCents(facts.outOfPocket),
  notes: facts.notes,
})

const COLUMNS = `id, patient_id, first_name, last_name, date_of_birth, household_size, annual_income_cents, state, insurance_type, payer,
  drug_covered, icd10_codes, drug_name, hcpcs_code, treatment_start, treatment_end, out_of_pocket_cents, notes, is_demo, created_at, updated_at`

/** Applicants for financial assistance, standalone or linked to a patient of the caseload. */
export function createApplicantRepository(db: Db) {
  const insertStatement = db.prepare(`INSERT INTO applicants
    (patient_id, first_name, last_name, date_of_birth, household_size, annual_income_cents, state, insurance_type, payer, drug_covered,
     icd10_codes, drug_name, hcpcs_code, treatment_start, treatment_end, out_of_pocket_cents, notes, is_demo, created_at, updated_at)
    VALUES (@patientId, @firstName, @lastName, @dateOfBirth, @householdSize, @annualIncomeCents, @state, @insuranceType, @payer, @drugCovered,
     @icd10Codes, @drugName, @hcpcsCode, @treatmentStart, @treatmentEnd, @outOfPocketCents, @notes, @isDemo, @now, @now)`)
  const updateStatement = db.prepare(`UPDATE applicants SET first_name = @firstName, last_name = @lastName, date_of_birth = @dateOfBirth,
    household_size = @householdSize, annual_income_cents = @annualIncomeCents, state = @state, insurance_type = @insuranceType,
    payer = @payer, drug_covered = @drugCovered, icd10_codes = @icd10Codes, drug_name = @drugName, hcpcs_code = @hcpcsCode,
    treatment_start = @treatmentStart, treatment_end = @treatmentEnd, out_of_pocket_cents = @outOfPocketCents, notes = @notes,
    updated_at = @now WHERE id = @id`)
  const getStatement = db.prepare(`SELECT ${COLUMNS} FROM applicants WHERE id = ?`)
  const byPatientStatement = db.prepare(`SELECT ${COLUMNS} FROM applicants WHERE patient_id = ? ORDER BY updated_at DESC, id DESC`)
  const byIdsStatement = db.prepare(`SELECT ${COLUMNS} FROM applicants WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
  const searchStatement = db.prepare(`SELECT ${COLUMNS} FROM applicants
    WHERE (@text IS NULL OR first_name || ' ' || last_name LIKE @text ESCAPE '\\' OR drug_name LIKE @text ESCAPE '\\' OR payer LIKE @text ESCAPE '\\')
      AND (@state IS NULL OR state = @state)
    ORDER BY last_name, first_name, id`)

  return {
    /** Inserts an applicant; call inside a transaction when part of a larger write. */
    insert(facts: ApplicantFacts, options: { patientId: number | null; isDemo: boolean; now: string }): number {
      return Number(insertStatement.run({ ...toParams(facts), patientId: options.patientId, isDemo: options.isDemo ? 1 : 0, now: options.now }).lastInsertRowid)
    },
    update(id: number, facts: ApplicantFacts, now: string): void {
      updateStatement.run({ ...toParams(facts), id, now })
    },
    get(id: number): Applicant | null {
      const row = getStatement.get(id) as ApplicantRow | undefined
      return row ? toApplicant(row) : null
    },
    /** Several applicants at once (the queue's batch re-screening), in id order. */
    byIds: (ids: readonly number[]): Applicant[] => (byIdsStatement.all(JSON.stringify(ids)) as ApplicantRow[]).map(toApplicant),
    byPatient: (patientId: number): Applicant[] => (byPatientStatement.all(patientId) as ApplicantRow[]).map(toApplicant),
    search: (query: { text?: string; state?: UsState | null }): Applicant[] =>
      (searchStatement.all({ text: query.text ? likePattern(query.text) : null, state: query.state ?? null }) as ApplicantRow[]).map(toApplicant),
  }
}
export type ApplicantRepository = ReturnType<typeof createApplicantRepository>
