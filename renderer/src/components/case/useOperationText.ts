import { useI18n } from 'vue-i18n'
import type { CaseOperation } from '../../../../shared/domain/operations'
import { useCaseloadStore } from '../../stores/caseloadStore'
import { usePayerStore } from '../../stores/payerStore'

/** i18n keys of field labels: the intake form's where it has one. */
const FIELD_LABEL_KEYS: Record<string, string> = {
  'patient.firstName': 'intake.firstName',
  'patient.lastName': 'intake.lastName',
  'patient.dateOfBirth': 'intake.dateOfBirth',
  'patient.phone': 'intake.phone',
  'patient.preferredLanguage': 'intake.preferredLanguage',
  'coverage.payer': 'intake.payer',
  'coverage.planFamily': 'intake.planFamily',
  'coverage.memberId': 'intake.memberId',
  'coverage.groupNumber': 'intake.groupNumber',
  'coverage.state': 'intake.state',
  'therapy.category': 'intake.category',
  'therapy.drug': 'intake.drug',
  'therapy.hcpcsCode': 'intake.hcpcsCode',
  'therapy.icd10Codes': 'intake.icd10Codes',
  'therapy.prescriber': 'intake.prescriber',
  'therapy.prescriberNpi': 'record.prescriberNpi',
  'therapy.prescriberPhone': 'record.prescriberPhone',
  'therapy.prescriberFax': 'record.prescriberFax',
  'therapy.infusionProvider': 'intake.infusionProvider',
  urgency: 'intake.urgency',
  serviceType: 'intake.serviceType',
  advocateId: 'intake.advocate',
  openedOn: 'intake.openedOn',
  summary: 'intake.summary',
  payerDestinationId: 'record.payerDestination',
  'denial.noticeDate': 'intake.noticeDate',
  'denial.receivedDate': 'intake.receivedDate',
  'denial.reasons': 'intake.reasons',
  'denial.priorAuthNumber': 'intake.priorAuthNumber',
  'denial.claimNumber': 'intake.claimNumber',
  'denial.amount': 'intake.amount',
  'denial.statedDeadline': 'intake.statedDeadline',
  appealFiledOn: 'record.field.appealFiledOn',
  appealFiledAt: 'record.field.appealFiledAt',
  internalLevels: 'record.field.internalLevels',
  payerExtended: 'record.field.payerExtended',
  previousAppealFiledOn: 'record.field.previousAppealFiledOn',
}

/** Enum-valued fields, shown by their names rather than their ids. */
const ENUM_OF: Record<string, string> = {
  'coverage.planFamily': 'planFamily',
  'therapy.category': 'therapy',
  urgency: 'urgency',
  serviceType: 'serviceType',
  'denial.reasons': 'denialReason',
  stage: 'stage',
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The case history in plain sentences: "Member ID changed from “A” to “B”", never ids or channel names. */
export function useOperationText() {
  const { t, d, n } = useI18n()
  const caseload = useCaseloadStore()
  const payers = usePayerStore()

  const fieldLabel = (field: string) => (FIELD_LABEL_KEYS[field] ? t(FIELD_LABEL_KEYS[field]) : field)
  const day = (value: string) => d(new Date(`${value}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' })

  function valueText(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('record.empty')
    const enumList = ENUM_OF[field]
    if (enumList) return (Array.isArray(value) ? value : [value]).map((v) => t(`enum.${enumList}.${String(v)}`)).join(', ')
    if (field === 'advocateId' || field === 'payerDestinationId') {
      if (field === 'advocateId') return caseload.advocates.find((a) => a.id === value)?.displayName ?? t('record.formerAdvocate')
      return payers.destinations.find((p) => p.id === value)?.recipient ?? t('record.directoryEntry', { id: String(value) })
    }
    if (field === 'denial.amount' && typeof value === 'number') return n(value, { style: 'currency', currency: 'USD' })
    if (typeof value === 'boolean') return value ? t('record.yes') : t('record.no')
    if (Array.isArray(value)) return value.join(', ')
    if (typeof value === 'string' && DAY.test(value)) return day(value)
    return typeof value === 'object' ? '' : String(value)
  }

  const quoted = (field: string, value: unknown) => `“${valueText(field, value)}”`

  /** One operation as a sentence, without who and when (shown beside it). */
  function sentence(op: CaseOperation): string {
    const detail = (op.newValue && typeof op.newValue === 'object' && !Array.isArray(op.newValue) ? op.newValue : {}) as Record<string, unknown>
    const old = (op.oldValue && typeof op.oldValue === 'object' && !Array.isArray(op.oldValue) ? op.oldValue : {}) as Record<string, unknown>
    switch (op.kind) {
      case 'create':
        return t('record.op.create', { stage: t(`enum.stage.${String(detail.stage ?? op.newValue)}`) })
      case 'move':
        return t('record.op.move', { from: t(`enum.stage.${String(op.oldValue)}`), to: t(`enum.stage.${String(op.newValue)}`) })
      case 'edit':
      case 'appeal':
      case 'denial_edit': {
        const label = op.kind === 'denial_edit' ? t('record.op.noticeField', { field: fieldLabel(op.field) }) : fieldLabel(op.field)
        if (op.oldValue === null || op.oldValue === '') return t('record.op.set', { field: label, value: quoted(op.field, op.newValue) })
        if (op.newValue === null || op.newValue === '') return t('record.op.cleared', { field: label, old: quoted(op.field, op.oldValue) })
        return t('record.op.changed', { field: label, old: quoted(op.field, op.oldValue), value: quoted(op.field, op.newValue) })
      }
      case 'denial_add':
        return t('record.op.denialAdd', { date: day(String(detail.noticeDate ?? '')) })
      case 'denial_remove':
        return t('record.op.denialRemove', { date: day(String(old.noticeDate ?? '')) })
      case 'contact':
        return t('record.op.contact', { kind: t(`enum.contactKind.${String(detail.kind)}`), with: String(detail.withWhom ?? '') })
      case 'send':
        return t('record.op.send', { date: typeof detail.sentOn === 'string' ? day(detail.sentOn) : '' })
      default:
        return t(`record.op.${op.kind}`, { label: String(detail.label ?? detail.fileName ?? detail.kind ?? '') })
    }
  }

  return { fieldLabel, valueText, sentence }
}
