import { DENIAL_REASONS, PLAN_FAMILIES, US_STATES, type DenialReason, type PlanFamily, type UsState } from '../../../../shared/domain/enums'
import type { IntakeFieldKey } from '../../../../shared/domain/intake'
import { therapyFromCode } from '../../../../shared/intake/therapyFromCode'
import type { CaseDetail } from '../../../../shared/domain/cases'
import type { DenialInput } from '../../../../shared/schemas/caseSchemas'
import type { IntakeForm } from '../../views/caseIntakeForm'
import { formFromDetail } from '../case/caseFactsForm'

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

/**
 * What a confirmed letter adds to an existing case (issue 17 item 3), through the case's normal edit
 * path so every change lands in its history: the letter's denial notice when the case does not have
 * one of that date yet, and the facts the case left empty. A fact the case already holds is never
 * overwritten by a reading; a difference is listed for the advocate instead.
 */
export function letterUpdatesForCase(detail: CaseDetail, values: LetterValues): { facts: IntakeForm | null; filled: IntakeFieldKey[]; denial: DenialInput | null } {
  const v = (key: IntakeFieldKey) => (values[key] ?? '').trim()
  const form = formFromDetail(detail)
  const filled: IntakeFieldKey[] = []
  const fill = (key: IntakeFieldKey, isEmpty: boolean, write: (value: string) => void) => {
    if (v(key) && isEmpty) {
      write(v(key))
      filled.push(key)
    }
  }
  fill('payer', !form.coverage.payer, (x) => (form.coverage.payer = x))
  fill('memberId', !form.coverage.memberId, (x) => (form.coverage.memberId = x))
  fill('drug', !form.therapy.drug, (x) => (form.therapy.drug = x))
  fill('hcpcsCode', !form.therapy.hcpcsCode, (x) => (form.therapy.hcpcsCode = x))
  fill('icd10Codes', !form.therapy.icd10Codes, (x) => (form.therapy.icd10Codes = x))
  const reason = v('reason') as DenialReason
  const isNewNotice = v('noticeDate') !== '' && !detail.denials.some((d) => d.noticeDate === v('noticeDate'))
  const denial: DenialInput | null = isNewNotice && DENIAL_REASONS.includes(reason)
    ? { noticeDate: v('noticeDate'), receivedDate: null, reasons: [reason], priorAuthNumber: v('referenceNumber'), claimNumber: v('claimNumber'), amount: null, statedDeadline: v('appealDeadline') || null }
    : null
  return { facts: filled.length ? form : null, filled, denial }
}
