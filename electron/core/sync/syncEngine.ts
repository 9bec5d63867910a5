import type { OrderedOperation, PushOutcome, SyncConflict, SyncOperation } from '../../../shared/domain/sync'
import { SyncHttpError, type SyncClient } from './syncClient'

/**
 * What the sync engine needs from the laptop's caseload: the outbox of recorded operations, and a way
 * to apply everyone else's. Each method runs in one local transaction, so a laptop killed mid-sync
 * resumes where it was: an operation leaves the outbox only after the server acknowledged it, and the
 * pulled position moves only together with the operations it covers.
 */
export interface SyncReplica {
  pendingOperations(limit: number): SyncOperation[]
  acknowledge(outcomes: PushOutcome[]): void
  lastPulledSeq(): number
  applyRemote(operations: OrderedOperation[], lastSeq: number): void
  saveConflicts(conflicts: SyncConflict[]): void
}

export interface SyncStatus {
  connected: boolean
  /** Why not, in a plain sentence (offline, account removed...). */
  problem: string | null
  pending: number
  lastSyncAt: string | null
  refused: { id: string; reason: string }[]
  openConflicts: number
  stopped: boolean
}

const BATCH = 500

/** Push everything waiting, then pull until caught up. Safe to call at any time, any number of times. */
export function createSyncEngine(client: SyncClient, replica: SyncReplica, now = () => new Date(),
  /** Called with each batch before it is pushed: the files a batch announces are uploaded first, so no laptop pulls an upload whose file is not there. */
  beforePush?: (batch: SyncOperation[]) => Promise<void>) {
  const status: SyncStatus = { connected: false, problem: null, pending: 0, lastSyncAt: null, refused: [], openConflicts: 0, stopped: false }

  async function syncOnce(): Promise<SyncStatus> {
    if (status.stopped) return { ...status }
    try {
      for (;;) {
        const batch = replica.pendingOperations(BATCH)
        if (batch.length === 0) break
        await beforePush?.(batch)
        const { outcomes } = await client.push(batch)
        replica.acknowledge(outcomes)
        for (const outcome of outcomes) if (outcome.status === 'refused') status.refused.push({ id: outcome.id, reason: outcome.reason })
        if (batch.length < BATCH) break
      }
      for (;;) {
        const after = replica.lastPulledSeq()
        const page = await client.pull(after, BATCH)
        const last = page.operations.at(-1)?.seq ?? after
        replica.applyRemote(page.operations, last)
        replica.saveConflicts(page.openConflicts)
        status.openConflicts = page.openConflicts.length
        if (page.operations.length < BATCH || last >= page.headSeq) break
      }
      status.connected = true
      status.problem = null
      status.lastSyncAt = now().toISOString()
    } catch (error) {
      status.connected = false
      if (error instanceof SyncHttpError && error.code === 'account_removed') status.stopped = true
      status.problem = error instanceof SyncHttpError ? error.message : 'Synchronization failed.'
    }
    status.pending = replica.pendingOperations(BATCH + 1).length
    return { ...status }
  }

  return { syncOnce, status: () => ({ ...status, pending: replica.pendingOperations(BATCH + 1).length }) }
}
