import type { CaseDetail, DenialDetail } from '../../../../shared/domain/cases'
import type { DenialInput } from '../../../../shared/schemas/caseSchemas'
import type { CaseUpdateInput } from '../../../../shared/schemas/caseSchemas'
import { caseFactsOf, emptyIntakeForm, type IntakeForm } from '../../views/caseIntakeForm'

/** The edit form: the intake form's fields, filled from the stored case. */
export function formFromDetail(detail: CaseDetail): IntakeForm {
  const form = emptyIntakeForm()
  const { id: _p, ...patient } = detail.patient
  const { id: _c, ...coverage } = detail.coverage
  const { id: _t, ...therapy } = detail.therapy
  return {
    ...form,
    patient: { ...patient, dateOfBirth: patient.dateOfBirth ?? '' },
    coverage: { ...coverage, planFamily: coverage.planFamily },
    therapy: { ...therapy, icd10Codes: therapy.icd10Codes.join(', ') },
    stage: detail.stage,
    urgency: detail.urgency,
    serviceType: detail.serviceType,
    advocateId: detail.advocate?.id ?? null,
    openedOn: detail.openedOn,
    summary: detail.summary,
    payerDestinationId: detail.payerDestinationId,
  }
}

export function toUpdateInput(form: IntakeForm, caseId: number, expectedVersion: number): CaseUpdateInput {
  return { caseId, expectedVersion, ...caseFactsOf(form) }
}

/** A denial notice's editable text, as typed. */
export function denialForm(denial: DenialDetail | null) {
  return {
    noticeDate: denial?.noticeDate ?? '',
    receivedDate: denial?.receivedDate ?? '',
    reasons: [...(denial?.reasons ?? [])],
    priorAuthNumber: denial?.priorAuthNumber ?? '',
    claimNumber: denial?.claimNumber ?? '',
    amount: denial?.amount === null || denial?.amount === undefined ? '' : String(denial.amount),
    statedDeadline: denial?.statedDeadline ?? '',
  }
}
export type DenialForm = ReturnType<typeof denialForm>

export function toDenialInput(form: DenialForm): DenialInput {
  const amountText = form.amount.replace(/[$,\s]/g, '')
  return { ...form, receivedDate: form.receivedDate || null, statedDeadline: form.statedDeadline || null, amount: amountText === '' ? null : Number(amountText) } as DenialInput
}

type Loose = Record<string, unknown>
const GROUPS = ['patient', 'coverage', 'therapy'] as const

/**
 * Rebases an edit form on the latest stored case after a conflict: fields the advocate did not touch
 * (same as when the form was opened) take the latest values, so nobody else's save is undone; fields
 * in `takeTheirs` take the latest value too; every other edit is kept.
 */
export function rebaseForm(mine: IntakeForm, opened: IntakeForm, latest: IntakeForm, takeTheirs: Set<string>): IntakeForm {
  const next = JSON.parse(JSON.stringify(mine)) as Loose
  const pick = (path: string, m: unknown, o: unknown, l: unknown) => (takeTheirs.has(path) || JSON.stringify(m) === JSON.stringify(o) ? l : m)
  for (const key of Object.keys(latest) as (keyof IntakeForm)[]) {
    if ((GROUPS as readonly string[]).includes(key)) {
      const group = next[key] as Loose
      for (const field of Object.keys(latest[key] as Loose)) {
        group[field] = pick(`${key}.${field}`, (mine[key] as Loose)[field], (opened[key] as Loose)[field], (latest[key] as Loose)[field])
      }
    } else if (key !== 'denial' && key !== 'hasDenial') {
      next[key] = pick(key, mine[key], opened[key], latest[key])
    }
  }
  return next as unknown as IntakeForm
}
