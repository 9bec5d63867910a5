import type { PlanFamily, Stage, UsState } from '../../../shared/domain/enums'
import { insuranceTypeOfPlanFamily, type ApplicantFacts } from '../../../shared/domain/screening'
import type { Db } from '../db/openDatabase'
import { centsToDollars, parseJsonArray } from '../db/rowMapping'

interface CaseFactsRow {
  case_id: number
  stage: Stage
  patient_id: number
  first_name: string
  last_name: string
  date_of_birth: string | null
  payer: string
  plan_family: PlanFamily
  state: UsState
  drug: string
  hcpcs_code: string
  icd10_codes: string
  total_denied_cents: number | null
  reasons: string | null
}

/** Board columns in which an appeal (or complaint, hearing) is still pending: the patient may face the bill meanwhile. */
export const APPEAL_PENDING_STAGES: readonly Stage[] = ['denied', 'internal_appeal', 'second_level', 'external_review', 'complaint', 'hearing']

export interface CaseLink {
  caseId: number
  patientId: number
  stage: Stage
  deniedAmount: number | null
  facts: ApplicantFacts
}

/** Reads a case's patient, coverage, therapy and denials, as an applicant's facts for screening. */
export function createCaseLinkQuery(db: Db) {
  const statement = db.prepare(`SELECT c.id AS case_id, c.stage, p.id AS patient_id, p.first_name, p.last_name, p.date_of_birth,
      cv.payer, cv.plan_family, cv.state, t.drug, t.hcpcs_code, t.icd10_codes,
      (SELECT SUM(amount_cents) FROM denials d WHERE d.case_id = c.id) AS total_denied_cents,
      (SELECT group_concat(reasons, '|') FROM denials d WHERE d.case_id = c.id) AS reasons
    FROM cases c JOIN patients p ON p.id = c.patient_id JOIN coverages cv ON cv.id = c.coverage_id JOIN therapies t ON t.id = c.therapy_id
    WHERE c.id = ?`)
  return function caseLink(caseId: number): CaseLink | null {
    const row = statement.get(caseId) as CaseFactsRow | undefined
    if (!row) return null
    const reasons = (row.reasons ?? '').split('|').flatMap((r) => parseJsonArray<string>(r || null))
    return {
      caseId: row.case_id,
      patientId: row.patient_id,
      stage: row.stage,
      deniedAmount: centsToDollars(row.total_denied_cents),
      facts: {
        firstName: row.first_name,
        lastName: row.last_name,
        dateOfBirth: row.date_of_birth,
        householdSize: null,
        annualIncome: null,
        state: row.state,
        insuranceType: insuranceTypeOfPlanFamily(row.plan_family),
        payer: row.payer,
        // A "not covered / excluded" denial means the plan does not pay for the drug (free-drug programs' rule).
        drugCovered: reasons.includes('not_covered') ? 'no' : 'unknown',
        icd10Codes: parseJsonArray<string>(row.icd10_codes),
        drugName: row.drug,
        hcpcsCode: row.hcpcs_code,
        treatmentStart: null,
        treatmentEnd: null,
        outOfPocket: null,
        notes: '',
      },
    }
  }
}
