import { hostname } from 'node:os'
import type { SyncConflict } from '../../../shared/domain/sync'
import type { SyncCaseView, SyncConnectRequest, SyncStatusView } from '../../../shared/domain/syncStatus'
import type { CaseFactsRepository } from '../cases/caseFactsRepository'
import type { CaseRepository } from '../cases/caseRepository'
import type { Db } from '../db/openDatabase'
import type { DeadlineService } from '../deadlines/deadlineService'
import { AppError } from '../errors'
import { createFileTransfer } from './fileTransfer'
import { unwrapOrganizationKey, wrapOrganizationKey } from './organizationFiles'
import { createSyncClient, SyncHttpError, type SyncClient } from './syncClient'
import { signOperations, wireSigner, type LaptopSigner } from './syncSigning'
import { createSyncEngine, type SyncStatus } from './syncEngine'
import { createSqliteReplica } from './sqliteReplica'

interface Deps {
  db: Db; cases: CaseRepository; facts: CaseFactsRepository; deadlines: DeadlineService; now: () => Date
  /** Where attachments live and the caseload's data key (and earlier ones): received files are stored like local ones, and the organization key is wrapped by it. */
  dataDir: string; key?: Buffer; olderKeys?: Buffer[]
}

/**
 * The organization caseload on this laptop (issue 18): joining with a one-time code, syncing when the
 * server can be reached, the review queue, and cases kept for offline work. A laptop never connected
 * to a server makes no network call at all.
 */
export function createSyncModule(deps: Deps) {
  const files = createFileTransfer({ ...deps, organizationKey: () => organizationKey() })
  const replica = createSqliteReplica({ ...deps, accountId: () => replica.state.get('account_id') ?? 'unknown', organizationKey: () => organizationKey(), files })
  let last: SyncStatus | null = null
  let heldKey: Buffer | null = null
  /** The signed-in account's signing key, when the app runs behind a key store (set by the session). */
  let signer: () => LaptopSigner | null = () => null

  /** The organization attachment key, unwrapped once per run from the caseload; re-wrapped after a data-key rotation. */
  function organizationKey(): Buffer | null {
    if (heldKey) return heldKey
    const stored = replica.state.get('org_key')
    if (!stored) return null
    const opened = unwrapOrganizationKey(stored, deps.key, deps.olderKeys)
    if (!opened) return null
    if (opened.stale) replica.state.set('org_key', wrapOrganizationKey(opened.key, deps.key))
    heldKey = opened.key
    return heldKey
  }
  function holdKey(base64: string) {
    const key = Buffer.from(base64, 'base64')
    if (key.length !== 32) throw new SyncHttpError(0, 'no_key', 'The server sent an organization key in an unexpected form.')
    replica.state.set('org_key', wrapOrganizationKey(key, deps.key))
    heldKey = key
  }
  /** A laptop that joined before attachments travelled asks for the key once, over the same pinned TLS. */
  async function ensureKey(client: SyncClient) {
    if (!organizationKey()) holdKey((await client.organizationKey()).organizationKey)
  }
  let running: Promise<SyncStatus> | null = null

  const isJoined = () => replica.state.get('token') !== null
  function engine() {
    const plain = createSyncClient({ serverUrl: replica.state.get('server_url')!, caPem: replica.state.get('ca_pem') || undefined, token: replica.state.get('token')! })
    // Every push is signed by the signed-in account, at the moment it is sent.
    const client: SyncClient = { ...plain, push: (operations) => {
      const current = signer()
      return current ? plain.push(signOperations(operations, current), wireSigner(current)) : plain.push(operations)
    } }
    return { client, engine: createSyncEngine(client, replica, deps.now, (batch) => files.upload(client, batch)) }
  }

  function view(): SyncStatusView {
    const pending = isJoined() ? replica.pendingOperations(10_001).length : 0
    const conflicts = (deps.db.prepare('SELECT COUNT(*) FROM sync_conflicts').pluck().get() as number)
    return {
      isJoined: isJoined(),
      serverUrl: replica.state.get('server_url'),
      accountName: replica.state.get('account_name'),
      isConnected: last?.connected ?? false,
      problem: last?.problem ?? null,
      isStopped: replica.state.get('stopped') === '1',
      pending,
      lastSyncAt: replica.state.get('last_sync_at'),
      openConflicts: conflicts,
      refused: last?.refused.slice(-20) ?? [],
      waitingFiles: deps.db.prepare('SELECT COUNT(*) FROM sync_incoming_files').pluck().get() as number,
      unsentFiles: files.unsentCount(),
    }
  }

  return {
    status: view,

    /** The session lends the signed-in account's key: pushes and the enrolment carry its signatures (docs/organization-server.md). */
    useSigner(provider: () => LaptopSigner | null) {
      signer = provider
    },

    /** Connects this laptop with the server address and a one-time code from the administrator. */
    async join(request: SyncConnectRequest): Promise<SyncStatusView> {
      if (isJoined()) throw new AppError('conflict', 'sync.errors.alreadyJoined')
      let enrolled
      try {
        const current = signer()
        enrolled = await createSyncClient({ serverUrl: request.serverUrl, caPem: request.certificatePem || undefined })
          .enrol(request.enrolmentCode, request.deviceName || hostname(), current ? wireSigner(current) : undefined)
      } catch (error) {
        const code = error instanceof SyncHttpError ? error.code : 'offline'
        const field = code === 'enrolment_refused' ? 'sync.errors.codeRefused' : code === 'validation' ? 'sync.errors.badAddress'
          : code === 'signature_refused' ? 'sync.errors.keysRefused' : 'sync.errors.unreachable'
        throw new AppError('validation', 'error.validation', { enrolmentCode: field })
      }
      deps.db.transaction(() => {
        replica.state.set('server_url', request.serverUrl)
        replica.state.set('ca_pem', request.certificatePem ?? '')
        replica.state.set('token', enrolled.token)
        replica.state.set('account_id', enrolled.account.id)
        replica.state.set('account_name', enrolled.account.displayName)
        replica.state.set('stopped', '0')
        holdKey(enrolled.organizationKey)
        replica.startFromHere()
      })()
      await this.syncNow()
      return view()
    },

    /** Pushes what waits and pulls everyone else's; one at a time, never throws (the status says why). */
    async syncNow(): Promise<SyncStatusView> {
      if (!isJoined() || replica.state.get('stopped') === '1') return view()
      running ??= (async () => {
        const { client, engine: sync } = engine()
        try {
          await ensureKey(client)
        } catch (error) {
          return { ...sync.status(), connected: false, problem: error instanceof SyncHttpError ? error.message : 'Synchronization failed.', stopped: error instanceof SyncHttpError && error.code === 'account_removed' }
        }
        const status = await sync.syncOnce()
        // Cases taken to a clinic are complete on this laptop: their files are fetched in full.
        if (status.connected) await files.fetchWaiting(client, 'kept').catch((error: unknown) => {
          if (error instanceof SyncHttpError && error.code === 'account_removed') status.stopped = true
        })
        return status
      })().finally(() => { running = null })
      last = await running
      if (last.stopped) replica.state.set('stopped', '1')
      return view()
    },

    conflicts(): SyncConflict[] {
      const local = deps.db.prepare(`SELECT c.id, p.first_name || ' ' || p.last_name AS name FROM cases c JOIN patients p ON p.id = c.patient_id WHERE c.uid = ?`)
      return (deps.db.prepare('SELECT body FROM sync_conflicts ORDER BY id').pluck().all() as string[]).map((body) => {
        const conflict = JSON.parse(body) as SyncConflict
        const row = local.get(conflict.caseId) as { id: number; name: string } | undefined
        return row ? { ...conflict, caseLabel: row.name, localCaseId: row.id } : conflict
      })
    },

    async resolve(conflictId: number, choice: 'current' | 'incoming'): Promise<SyncStatusView> {
      if (!isJoined()) throw new AppError('conflict', 'sync.errors.notJoined')
      try {
        await engine().client.resolve(conflictId, choice)
      } catch (error) {
        throw new AppError('conflict', error instanceof SyncHttpError && error.code === 'conflict' ? 'sync.errors.alreadyResolved' : 'sync.errors.unreachable')
      }
      return this.syncNow()
    },

    /** "Take to a clinic": keep this case whole on this laptop for work without internet; its files are fetched now when the server can be reached. */
    async keepOffline(caseId: number, kept: boolean): Promise<SyncCaseView> {
      if (!deps.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(caseId)) throw new AppError('not_found', 'error.notFound.case')
      deps.db.prepare('UPDATE cases SET kept_offline = ? WHERE id = ?').run(kept ? 1 : 0, caseId)
      return kept ? this.fetchCaseFiles(caseId) : files.caseView(caseId)
    },

    /** The case as the organization caseload sees it on this laptop (kept offline, files on their way). */
    caseView: (caseId: number): SyncCaseView => files.caseView(caseId),

    /** Fetches the files of one case that other laptops attached (when the case is opened, or taken to a clinic). Never throws for the network: the rows say why. */
    async fetchCaseFiles(caseId: number): Promise<SyncCaseView> {
      if (!isJoined() || replica.state.get('stopped') === '1') return files.caseView(caseId)
      const { client } = engine()
      try {
        await ensureKey(client)
        await files.fetchWaiting(client, { caseId })
      } catch (error) {
        if (error instanceof SyncHttpError && error.code === 'account_removed') replica.state.set('stopped', '1')
      }
      return files.caseView(caseId)
    },

    /** Leaves the organization on this laptop; the local caseload stays. */
    leave() {
      deps.db.transaction(() => {
        for (const key of ['token', 'server_url', 'ca_pem', 'account_id', 'account_name', 'stopped', 'org_key']) deps.db.prepare('DELETE FROM sync_state WHERE key = ?').run(key)
        deps.db.prepare('DELETE FROM sync_conflicts').run()
      })()
      last = null
      heldKey = null
      return view()
    },
  }
}

export type SyncModule = ReturnType<typeof createSyncModule>
