import type { Applicant, DrugCoverage } from '../../../../shared/domain/screening'
import type { ApplicantFactsInput } from '../../../../shared/schemas/screeningSchemas'

/** The applicant form as typed text; converted to the shared schema's input on save. */
export interface ApplicantForm {
  firstName: string
  lastName: string
  dateOfBirth: string
  householdSize: string
  annualIncome: string
  state: string
  insuranceType: string
  payer: string
  drugCovered: DrugCoverage
  icd10Codes: string
  drugName: string
  hcpcsCode: string
  treatmentStart: string
  treatmentEnd: string
  outOfPocket: string
  notes: string
}

export function emptyApplicantForm(): ApplicantForm {
  return { firstName: '', lastName: '', dateOfBirth: '', householdSize: '', annualIncome: '', state: '', insuranceType: '', payer: '', drugCovered: 'unknown', icd10Codes: '', drugName: '', hcpcsCode: '', treatmentStart: '', treatmentEnd: '', outOfPocket: '', notes: '' }
}

const text = (value: number | string | null) => (value === null ? '' : String(value))

export function applicantFormOf(a: Applicant): ApplicantForm {
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    dateOfBirth: text(a.dateOfBirth),
    householdSize: text(a.householdSize),
    annualIncome: text(a.annualIncome),
    state: text(a.state),
    insuranceType: text(a.insuranceType),
    payer: a.payer,
    drugCovered: a.drugCovered,
    icd10Codes: a.icd10Codes.join(', '),
    drugName: a.drugName,
    hcpcsCode: a.hcpcsCode,
    treatmentStart: text(a.treatmentStart),
    treatmentEnd: text(a.treatmentEnd),
    outOfPocket: text(a.outOfPocket),
    notes: a.notes,
  }
}

/**
 * Blank is unknown; `$52,000` is 52000; `-5000` stays negative so the schema can say income cannot be
 * negative; other text is passed on so the schema names the field.
 */
export function numberOrText(value: string): number | null {
  const cleaned = value.replace(/[$,\s]/g, '')
  if (cleaned === '') return null
  return (/^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : value) as number
}

export function toApplicantInput(form: ApplicantForm): ApplicantFactsInput {
  return {
    ...form,
    householdSize: numberOrText(form.householdSize),
    annualIncome: numberOrText(form.annualIncome),
    outOfPocket: numberOrText(form.outOfPocket),
    state: form.state as ApplicantFactsInput['state'],
    insuranceType: form.insuranceType as ApplicantFactsInput['insuranceType'],
    icd10Codes: form.icd10Codes.split(/[,;\s]+/).filter(Boolean),
  }
}
