import type { AuditEntryDto, AuditVerificationDto } from '../domain/session'
import { auditQuerySchema } from '../schemas/sessionSchemas'
import { admin, channel, emptyRequest, read } from './channel'

/** The audit trail (HIPAA 45 CFR 164.312(b)). */
export const auditChannels = {
  'audit:list': channel<typeof auditQuerySchema, AuditEntryDto[]>(auditQuerySchema, read()),
  'audit:verify': channel<typeof emptyRequest, AuditVerificationDto>(emptyRequest, admin('security')),
} as const
