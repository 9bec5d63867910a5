import { CASE_FACT_FIELDS, factAt, type CaseFactField } from '../../../shared/domain/caseFields'
import { localDayOf } from '../../../shared/domain/days'
import type { Stage } from '../../../shared/domain/enums'
import { STAGE_FIELD, type OrderedOperation, type PushOutcome, type SyncConflict, type SyncOperation } from '../../../shared/domain/sync'
import type { CaseCreate } from '../../../shared/schemas/caseSchemas'
import type { CaseFactsRepository } from '../cases/caseFactsRepository'
import type { CaseRepository } from '../cases/caseRepository'
import type { Db } from '../db/openDatabase'
import type { DeadlineService } from '../deadlines/deadlineService'
import type { SyncReplica } from './syncEngine'
import { organizationAddress } from './organizationFiles'

interface LoggedRow {
  seq: number
  id: string
  case_uid: string
  kind: string
  field: string
  entity_id: string
  old_value: string | null
  new_value: string | null
  detail: string | null
  at: string
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text))
const FACT_FIELDS = new Set<string>(CASE_FACT_FIELDS)

/**
 * The laptop's caseload as a replica of the organization's (issue 18). The outbox is the case
 * operation log (issue 12): every operation made here after joining is waiting until the server's
 * answer is recorded in `sync_acknowledged`, in the same transaction. Everyone else's operations are
 * applied through the same repositories as a local edit, recorded in the case's history, and marked
 * `remote` so they are never sent back.
 */
/** What an upload operation carries about its file: enough to fetch, check and list it, never the plain hash. */
export interface AnnouncedFile { address: string; kind: string; sizeBytes: number; originalName: string; label: string }

export function createSqliteReplica(deps: { db: Db; cases: CaseRepository; facts: CaseFactsRepository; deadlines: DeadlineService; now: () => Date; accountId: () => string
  /** The organization attachment key, once this laptop holds it. */
  organizationKey: () => Buffer | null
  /** Organization files: the address a local attachment travelled under, and removing one another laptop removed. */
  files: { addressOf(attachmentId: number): string | null; forget(caseId: number, address: string): void; sweepRemoved(committed: boolean): void } }) {
  const { db } = deps
  const state = {
    get: (key: string): string | null => (db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? null,
    set: (key: string, value: string) => db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value),
  }
  const pendingRows = db.prepare(`SELECT o.seq, o.id, o.case_uid, o.kind, o.field, o.entity_id, o.old_value, o.new_value, o.detail, o.at
    FROM case_operations o JOIN cases c ON c.id = o.case_id
    WHERE o.seq > @baseline AND c.is_demo = 0 AND NOT EXISTS (SELECT 1 FROM sync_acknowledged a WHERE a.operation_id = o.id)
    ORDER BY o.seq LIMIT @limit`)
  const acknowledgeRow = db.prepare('INSERT OR IGNORE INTO sync_acknowledged (operation_id, server_seq, status, refusal, at) VALUES (?, ?, ?, ?, ?)')
  const caseByUid = db.prepare('SELECT id FROM cases WHERE uid = ?').pluck()
  const latestOps = db.prepare('SELECT id FROM case_operations WHERE case_id = ? AND seq > ?').pluck()
  const maxSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) FROM case_operations').pluck()
  // A field this laptop changed that is not settled on the server: still waiting to be sent, or sent
  // and queued for review. Someone else's value does not replace it here until a person has chosen.
  const unsettledField = db.prepare(`SELECT 1 FROM case_operations o JOIN cases c ON c.id = o.case_id
    LEFT JOIN sync_acknowledged a ON a.operation_id = o.id
    WHERE c.uid = ? AND o.field = ? AND o.seq > ? AND (a.operation_id IS NULL OR a.status = 'conflict') LIMIT 1`).pluck()
  const settleConflicts = db.prepare(`UPDATE sync_acknowledged SET status = 'resolved' WHERE status = 'conflict' AND operation_id IN
    (SELECT o.id FROM case_operations o JOIN cases c ON c.id = o.case_id WHERE c.uid = ? AND o.field = ?)`)

  const attachmentRow = db.prepare('SELECT a.sha256, a.kind, a.size_bytes, a.original_name, a.label FROM attachments a JOIN cases c ON c.id = a.case_id WHERE a.id = ? AND c.uid = ?')
  const announce = db.prepare(`INSERT OR IGNORE INTO sync_incoming_files (operation_id, case_id, address, label, original_name, kind, size_bytes, announced_at)
    VALUES (@operationId, @caseId, @address, @label, @originalName, @kind, @sizeBytes, @at)`)

  /** An upload names its file by the organization address, so other laptops can fetch it (see organizationFiles). */
  function announcedFile(row: LoggedRow): AnnouncedFile | null {
    const file = attachmentRow.get(Number(row.entity_id), row.case_uid) as { sha256: string; kind: string; size_bytes: number; original_name: string; label: string } | undefined
    const key = deps.organizationKey()
    if (!file || !key) return null
    return { address: organizationAddress(key, file.sha256), kind: file.kind, sizeBytes: file.size_bytes, originalName: file.original_name, label: file.label }
  }

  const baseline = () => Number(state.get('baseline_op_seq') ?? 0)
  const nowIso = () => deps.now().toISOString()

  /** A logged operation in the server's words. A creation carries its facts by path so the server can merge later edits. */
  function toSync(row: LoggedRow): SyncOperation {
    const base = { id: row.id, caseId: row.case_uid, actor: deps.accountId(), at: row.at }
    if (row.kind === 'create') {
      const input = parse(row.new_value) as Record<string, unknown>
      const facts: Record<string, unknown> = { _create: input, [STAGE_FIELD]: input.stage }
      for (const field of CASE_FACT_FIELDS) facts[field] = factAt(input, field)
      return { ...base, kind: 'create', field: '', oldValue: null, newValue: facts }
    }
    if (row.kind === 'edit') return { ...base, kind: 'update', field: row.field, oldValue: parse(row.old_value), newValue: parse(row.new_value) }
    if (row.kind === 'move') return { ...base, kind: 'move', field: STAGE_FIELD, oldValue: parse(row.old_value), newValue: parse(row.new_value) }
    // Denials, contacts, uploads, letters, exports: additions to the case's lists, never conflicting.
    const detail = parse(row.detail) as { removed?: boolean } | null
    const file = row.kind === 'upload' && !detail?.removed ? announcedFile(row) : null
    const removedAddress = row.kind === 'upload' && detail?.removed ? deps.files.addressOf(Number(row.entity_id)) : null
    return { ...base, kind: 'append', field: row.kind, oldValue: null,
      newValue: { kind: row.kind, field: row.field, entityId: row.entity_id, value: parse(row.new_value), detail,
        ...(file ? { attachment: file } : {}), ...(removedAddress ? { removedAddress, removedFile: parse(row.old_value) } : {}) } }
  }

  /** Records the operations a remote change just wrote locally as already on the server. */
  function markRemote(caseId: number, sinceSeq: number, serverSeq: number) {
    for (const id of latestOps.all(caseId, sinceSeq) as string[]) acknowledgeRow.run(id, serverSeq, 'remote', null, nowIso())
  }

  function applyOne(op: OrderedOperation) {
    const before = maxSeq.get() as number
    const localId = caseByUid.get(op.caseId) as number | undefined
    if (op.kind === 'create') {
      if (localId) return
      const input = (op.newValue as { _create?: CaseCreate })._create
      if (!input) return
      const caseId = deps.cases.insert(input, { isDemo: false, now: op.at, movedBy: null, uid: op.caseId })
      markRemote(caseId, before, op.seq)
      deps.deadlines.refresh(caseId, localDayOf(deps.now()))
      return
    }
    if (!localId) return
    // A person's choice settles the field everywhere; otherwise an unsettled local edit stays.
    if (op.kind === 'resolve') settleConflicts.run(op.caseId, op.field)
    else if (unsettledField.get(op.caseId, op.field, baseline())) return
    const appended = op.kind === 'append' ? (op.newValue as { kind?: string; attachment?: AnnouncedFile; removedAddress?: string; value?: unknown } | null) : null
    if (appended?.kind === 'upload' && typeof appended.removedAddress === 'string' && /^[0-9a-f]{64}$/.test(appended.removedAddress)) {
      // Another laptop removed an exhibit it had shared: it goes here too, and the case's history says so.
      deps.files.forget(localId, appended.removedAddress)
      const removedFile = (op.newValue as { removedFile?: unknown }).removedFile ?? null
      deps.cases.log.record(localId, [{ kind: 'upload', oldValue: removedFile as never, detail: { removed: true, fromOrganization: true, by: op.actor } }], { actorId: null, at: op.at })
    } else if (appended?.kind === 'upload' && appended.attachment && /^[0-9a-f]{64}$/.test(appended.attachment.address)) {
      // Another laptop attached a file: it is listed as on its way until its bytes are here and checked.
      const file = appended.attachment
      announce.run({ operationId: op.id, caseId: localId, address: file.address, label: String(file.label).slice(0, 200), originalName: String(file.originalName).slice(0, 255),
        kind: String(file.kind), sizeBytes: Number(file.sizeBytes) || 0, at: op.at })
      deps.cases.log.record(localId, [{ kind: 'upload', newValue: { label: file.label, fileName: file.originalName } as never,
        detail: { fromOrganization: true, by: op.actor } }], { actorId: null, at: op.at })
    } else if ((op.kind === 'update' || op.kind === 'resolve') && FACT_FIELDS.has(op.field)) {
      deps.facts.setFact(localId, op.field as CaseFactField, op.newValue, op.at)
      deps.cases.log.record(localId, [{ kind: 'edit', field: op.field, oldValue: op.oldValue as never, newValue: op.newValue as never,
        detail: { fromOrganization: true, by: op.actor } }], { actorId: null, at: op.at })
    } else if ((op.kind === 'move' || op.kind === 'resolve') && op.field === STAGE_FIELD) {
      const current = deps.cases.getCore(localId)
      if (!current || current.stage === op.newValue) return
      deps.cases.move(localId, current.stage, op.newValue as Stage, { now: op.at, today: localDayOf(deps.now()), movedBy: null, overrideReason: '', note: 'From the organization caseload' })
    } else {
      return
    }
    markRemote(localId, before, op.seq)
    deps.deadlines.refresh(localId, localDayOf(deps.now()))
  }

  const replica: SyncReplica & { state: typeof state; startFromHere(): void } = {
    state,

    /** Joining: what was made before stays local (demo or personal cases are not pushed by surprise). */
    startFromHere() {
      state.set('baseline_op_seq', String(maxSeq.get() as number))
      state.set('last_pulled_seq', '0')
    },

    pendingOperations(limit: number): SyncOperation[] {
      return (pendingRows.all({ baseline: baseline(), limit }) as LoggedRow[]).map(toSync)
    },

    acknowledge(outcomes: PushOutcome[]) {
      db.transaction(() => {
        for (const outcome of outcomes) {
          acknowledgeRow.run(outcome.id, outcome.status === 'applied' ? outcome.seq : null, outcome.status,
            outcome.status === 'refused' ? outcome.reason : null, nowIso())
        }
      })()
    },

    lastPulledSeq: () => Number(state.get('last_pulled_seq') ?? 0),

    applyRemote(operations: OrderedOperation[], lastSeq: number) {
      try {
        db.transaction(() => {
          for (const op of operations) {
            const mine = db.prepare('SELECT status FROM sync_acknowledged WHERE operation_id = ?').pluck().get(op.id)
            if (!mine) applyOne(op)
          }
          state.set('last_pulled_seq', String(lastSeq))
          state.set('last_sync_at', nowIso())
        })()
      } catch (error) {
        // Rolled back: the rows of removed exhibits are still there, so their files stay too.
        deps.files.sweepRemoved(false)
        throw error
      }
      // Files of exhibits removed elsewhere go once their rows are gone for good.
      deps.files.sweepRemoved(true)
    },

    saveConflicts(conflicts: SyncConflict[]) {
      db.transaction(() => {
        db.prepare('DELETE FROM sync_conflicts').run()
        const insert = db.prepare('INSERT INTO sync_conflicts (id, case_uid, field, body) VALUES (?, ?, ?, ?)')
        for (const conflict of conflicts) insert.run(conflict.id, conflict.caseId, conflict.field, JSON.stringify(conflict))
      })()
    },
  }
  return replica
}

export type SqliteReplica = ReturnType<typeof createSqliteReplica>
