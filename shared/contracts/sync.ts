import { z } from 'zod'
import type { SyncConflict } from '../domain/sync'
import { syncConnectSchema, type SyncCaseView, type SyncStatusView } from '../domain/syncStatus'
import { admin, channel, emptyRequest, read, SCREENING_WORK, write } from './channel'

const id = z.number().int().positive()

/** The organization caseload on this laptop (docs/organization-server.md). */
export const syncChannels = {
  /** Joined or not, connected, changes waiting to be sent, last sync, open conflicts. */
  'sync:status': channel<typeof emptyRequest, SyncStatusView>(emptyRequest, read()),
  /** Connects this laptop with the server address and a one-time enrolment code. */
  'sync:join': channel<typeof syncConnectSchema, SyncStatusView>(syncConnectSchema, admin('security')),
  /** Sends what waits and brings everyone else's changes. */
  'sync:now': channel<typeof emptyRequest, SyncStatusView>(emptyRequest, write('update', { roles: SCREENING_WORK, auditEntity: 'organization_sync' })),
  /** The review queue: the same fact changed on two laptops, both values, who and when. */
  'sync:conflicts': channel<typeof emptyRequest, SyncConflict[]>(emptyRequest, read()),
  /** A person chooses which value stays. */
  'sync:resolve': channel<z.ZodObject<{ conflictId: typeof id; choice: z.ZodEnum<{ current: 'current'; incoming: 'incoming' }> }>, SyncStatusView>(
    z.strictObject({ conflictId: id, choice: z.enum(['current', 'incoming']) }), write('update', { auditEntity: 'organization_conflict' })),
  /** "Take to a clinic": keep a case whole on this laptop (its files are fetched in full). */
  'sync:keepOffline': channel<z.ZodObject<{ caseId: typeof id; kept: z.ZodBoolean }>, SyncCaseView>(z.strictObject({ caseId: id, kept: z.boolean() }), write('update')),
  /** One case as the organization caseload sees it on this laptop: kept offline, files still on their way. */
  'sync:case': channel<z.ZodObject<{ caseId: typeof id }>, SyncCaseView>(z.strictObject({ caseId: id }), read()),
  /** Fetches the files other laptops attached to a case (when it is opened). */
  'sync:caseFiles': channel<z.ZodObject<{ caseId: typeof id }>, SyncCaseView>(z.strictObject({ caseId: id }), write('update', { roles: SCREENING_WORK, auditEntity: 'organization_sync' })),
  /** Stop syncing on this laptop; the local caseload stays. */
  'sync:leave': channel<typeof emptyRequest, SyncStatusView>(emptyRequest, admin('security')),
} as const
