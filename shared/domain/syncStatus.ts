import { z } from 'zod'

/** What the app shows about the organization caseload: joined or not, connected, waiting, last sync. */
export interface SyncStatusView {
  isJoined: boolean
  serverUrl: string | null
  accountName: string | null
  isConnected: boolean
  /** Why the last attempt failed, in a sentence (offline, account removed...). */
  problem: string | null
  /** The administrator removed this account: this laptop no longer syncs. */
  isStopped: boolean
  pending: number
  lastSyncAt: string | null
  openConflicts: number
  refused: { id: string; reason: string }[]
  /** Files other laptops attached that are not on this laptop yet (fetched when their case is opened or kept for a clinic). */
  waitingFiles: number
  /** Files this laptop could not send because its own copy is damaged or missing (since the app started). */
  unsentFiles: number
}

export const syncConnectSchema = z.strictObject({
  serverUrl: z.string().trim().regex(/^https:\/\/[^\s/]+(:\d+)?\/?$/, 'sync.errors.badAddress').max(200),
  enrolmentCode: z.string().trim().min(8, 'sync.errors.codeFormat').max(64),
  certificatePem: z.string().max(20_000).optional(),
  deviceName: z.string().trim().max(80).optional(),
})
export type SyncConnectRequest = z.output<typeof syncConnectSchema>

/** One case on this laptop as the organization caseload sees it: taken to a clinic, files still on their way. */
export interface SyncCaseView {
  caseId: number
  /** "Take to a clinic": kept whole on this laptop, its files fetched in full, for work without internet. */
  keptOffline: boolean
  /** Files another laptop attached that are not here yet; `problem` is an i18n key saying why, or null while simply waiting. */
  waitingFiles: { label: string; fileName: string; sizeBytes: number; problem: string | null }[]
}
