import { localDayOf } from '../../../shared/domain/days'
import type { DenialReason, PlanFamily, ServiceType, Stage, TherapyCategory, Urgency } from '../../../shared/domain/enums'
import type { CaseCreateInput } from '../../../shared/schemas/caseSchemas'

/** The intake form's editable state: strings as typed, turned into the contract's input on submit. */
export function emptyIntakeForm() {
  return {
    patient: { firstName: '', lastName: '', dateOfBirth: '', phone: '', preferredLanguage: '' },
    coverage: { payer: '', planFamily: '' as PlanFamily | '', memberId: '', groupNumber: '', state: '' },
    therapy: {
      category: '' as TherapyCategory | '',
      drug: '',
      hcpcsCode: '',
      icd10Codes: '',
      prescriber: '',
      prescriberNpi: '',
      prescriberPhone: '',
      prescriberFax: '',
      infusionProvider: '',
    },
    stage: 'intake' as Stage,
    urgency: 'standard' as Urgency,
    serviceType: 'pre_service' as ServiceType,
    advocateId: null as number | null,
    openedOn: localDayOf(new Date()),
    summary: '',
    payerDestinationId: null as number | null,
    hasDenial: false,
    denial: {
      noticeDate: '',
      receivedDate: '',
      reasons: [] as DenialReason[],
      priorAuthNumber: '',
      claimNumber: '',
      amount: '',
      statedDeadline: '',
    },
  }
}
export type IntakeForm = ReturnType<typeof emptyIntakeForm>

/** Splits "D80.1, g61.81" into codes; the schema then checks each one. */
export function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean)
}

/** The case's facts as the contract takes them: for a new case here, for an edit in caseFactsForm.ts. */
export function caseFactsOf(form: IntakeForm) {
  return {
    patient: { ...form.patient },
    coverage: { ...form.coverage } as CaseCreateInput['coverage'],
    therapy: { ...form.therapy, icd10Codes: splitCodes(form.therapy.icd10Codes) } as CaseCreateInput['therapy'],
    urgency: form.urgency,
    serviceType: form.serviceType,
    advocateId: form.advocateId,
    openedOn: form.openedOn,
    summary: form.summary,
    payerDestinationId: form.payerDestinationId,
  }
}

export function toCaseInput(form: IntakeForm): CaseCreateInput {
  const amountText = form.denial.amount.replace(/[$,\s]/g, '')
  return {
    ...caseFactsOf(form),
    stage: form.stage,
    denial: form.hasDenial
      ? {
          ...form.denial,
          amount: amountText === '' ? null : Number(amountText),
        }
      : null,
  }
}

/** Error paths inside a list (therapy.icd10Codes.2) are shown on the list's own field. */
export function fieldKey(path: string): string {
  return path.replace(/\.\d+$/, '')
}
