import type { Channel } from '../../../shared/contract'
import type { AuditAction } from '../../../shared/domain/session'
import { policyOf } from './permissions'

interface Auditor {
  audit: (action: AuditAction, fields: { channel?: string; entity?: string; entityId?: string; detail?: string }) => void
}

const idOf = (value: unknown, key: string): string => {
  if (value && typeof value === 'object' && key in value) {
    const v = (value as Record<string, unknown>)[key]
    return typeof v === 'number' || typeof v === 'string' ? String(v) : ''
  }
  return ''
}

/**
 * What the audit trail records after a successful call (HIPAA 45 CFR 164.312(b)): the action the
 * channel's policy declares (every write, every export, every opening of a patient's record). Ids and
 * field names only, never typed values.
 */
export function auditAfterCall(session: Auditor, channel: Channel, request: unknown, response: unknown) {
  const policy = policyOf(channel)
  if (!policy?.audit) return
  const action = policy.audit
  const entity = policy.auditEntity ?? channel.split(':')[0]
  const entityId = idOf(request, 'caseId') || idOf(request, 'id') || idOf(request, 'applicantId') || idOf(request, 'attachmentId') || idOf(response, 'id')
  if (action === 'view' || action === 'export') return session.audit(action, { channel, entity, entityId })
  const fields = request && typeof request === 'object' ? Object.keys(request as object).filter((k) => k !== 'caseId' && k !== 'id') : []
  const detail = action === 'move' ? `to ${String((request as { toStage?: string }).toStage ?? '')}` : fields.length ? `fields: ${fields.join(', ')}` : ''
  session.audit(action, { channel, entity, entityId, detail })
}
