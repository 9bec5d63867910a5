import type { RoleId } from '../../../shared/domain/session'

/**
 * Which channels only read. Anything not matched here counts as a write, so a new channel is
 * protected until someone decides otherwise (HIPAA 45 CFR 164.312(a)(1), access control).
 */
// forCase, run, open, reminders and document only read (issue 12: a view is never logged as an update).
const READ_VERB = /:(forCase|run|open|reminders|document|get|list|board|info|agenda|counts|ics|checkMove|query|search|load|preview|previewRestore|summary|results|status|verify|catalog|csv|funderDocx|export|exportPacket|exportBundle|exportCsv|previewCsv|download|checklist|letters|letter|needs|exports)$/

export const isReadChannel = (channel: string) => READ_VERB.test(channel)

/** Export-like reads are recorded in the audit trail as exports (listing recorded exports is not one). */
export const isExportChannel = (channel: string) =>
  !/:exports$/.test(channel) && (/:(ics|csv|funderDocx|export|exportPacket|download|document)$/i.test(channel) || /export/i.test(channel))

/** Foundation screeners work in the screening area only. */
const SCREENING_DOMAINS = /^(applicants|programs|screening|applications):/

const ADMIN_ONLY = new Set(['users:create', 'backups:restore', 'session:setIdle', 'caseload:resetEmpty'])

/** Whether a role may call a channel. */
export function mayCall(role: RoleId, channel: string): boolean {
  if (role === 'administrator') return true
  if (ADMIN_ONLY.has(channel)) return false
  if (isReadChannel(channel)) return true
  if (role === 'read_only') return false
  if (role === 'screener') return SCREENING_DOMAINS.test(channel)
  return true
}
