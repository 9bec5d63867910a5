import type { AuditAction } from '../audit/auditLog'
import { isExportChannel } from './permissions'

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

/** A write's action from its verb: create, delete, move, import, or update. */
function actionOf(channel: string): AuditAction {
  const verb = channel.split(':')[1] ?? ''
  if (/^(create|add|attach|upload)/i.test(verb)) return 'create'
  if (/^(delete|remove|reset|detach)/i.test(verb)) return 'delete'
  if (verb === 'move') return 'move'
  if (/^import/i.test(verb)) return 'import'
  return 'update'
}

/**
 * What the audit trail records after a successful call (HIPAA 45 CFR 164.312(b)): every write, every
 * export, and every opening of a patient's record. Ids and field names only, never typed values.
 */
export function auditAfterCall(session: Auditor, channel: string, request: unknown, response: unknown, isRead: boolean) {
  const entity = channel.split(':')[0]
  const entityId = idOf(request, 'caseId') || idOf(request, 'id') || idOf(request, 'applicantId') || idOf(response, 'id')
  if (channel === 'cases:get') return session.audit('view', { channel, entity: 'case', entityId })
  if (/^applicants:get$/.test(channel)) return session.audit('view', { channel, entity: 'applicant', entityId })
  // Opening a stored exhibit shows patient data: a view, like opening the case.
  if (channel === 'documents:open') return session.audit('view', { channel, entity: 'attachment', entityId })
  if (isExportChannel(channel)) return session.audit('export', { channel, entity, entityId })
  if (isRead) return
  const fields = request && typeof request === 'object' ? Object.keys(request as object).filter((k) => k !== 'caseId' && k !== 'id') : []
  const detail = channel === 'cases:move' ? `to ${String((request as { toStage?: string }).toStage ?? '')}` : fields.length ? `fields: ${fields.join(', ')}` : ''
  session.audit(actionOf(channel), { channel, entity, entityId, detail })
}
