import { DENIAL_REASONS, PLAN_FAMILIES, US_STATES, type DenialReason, type PlanFamily, type UsState } from '../../../../shared/domain/enums'
import type { IntakeFieldKey } from '../../../../shared/domain/intake'
import { therapyFromCode } from '../../../../shared/intake/therapyFromCode'
import type { IntakeForm } from '../../views/caseIntakeForm'

export type LetterValues = Partial<Record<IntakeFieldKey, string>>

/**
 * Puts the advocate's confirmed letter values into the new-case form, leaving what the letter does not
 * say as typed. The letter is a denial, so the case starts in the "denied" column with its denial.
 * Appeal address, fax and reviewer have no field of their own: they go to the summary.
 */
export function fillFormFromLetter(form: IntakeForm, values: LetterValues, summary: (v: LetterValues) => string) {
  const v = (key: IntakeFieldKey) => (values[key] ?? '').trim()
  const name = v('patientName').split(/\s+/).filter(Boolean)
  if (name.length >= 2) {
    form.patient.lastName = name.pop()!
    form.patient.firstName = name.join(' ')
  }
  if (US_STATES.includes(v('patientState') as UsState)) form.coverage.state = v('patientState')
  if (v('payer')) form.coverage.payer = v('payer')
  if (PLAN_FAMILIES.includes(v('planFamily') as PlanFamily)) form.coverage.planFamily = v('planFamily') as PlanFamily
  if (v('memberId')) form.coverage.memberId = v('memberId')
  if (v('drug')) form.therapy.drug = v('drug')
  if (v('hcpcsCode')) {
    form.therapy.hcpcsCode = v('hcpcsCode')
    form.therapy.category = therapyFromCode(v('hcpcsCode')) ?? form.therapy.category
  }
  if (v('icd10Codes')) form.therapy.icd10Codes = v('icd10Codes')
  form.hasDenial = true
  form.stage = 'denied'
  if (v('noticeDate')) form.denial.noticeDate = v('noticeDate')
  if (DENIAL_REASONS.includes(v('reason') as DenialReason)) form.denial.reasons = [v('reason') as DenialReason]
  if (v('referenceNumber')) form.denial.priorAuthNumber = v('referenceNumber')
  if (v('claimNumber')) form.denial.claimNumber = v('claimNumber')
  // The notice's own printed deadline: the deadline engine compares it with the law (statedDeadline).
  if (v('appealDeadline')) form.denial.statedDeadline = v('appealDeadline')
  if (v('serviceDate') && v('noticeDate')) form.serviceType = v('serviceDate') < v('noticeDate') ? 'post_service' : 'pre_service'
  if (v('appealAddress') || v('reviewer')) form.summary = [form.summary, summary(values)].filter(Boolean).join('\n')
}
