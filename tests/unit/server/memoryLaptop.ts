import { randomUUID } from 'node:crypto'
import type { OrderedOperation, PushOutcome, SyncConflict, SyncOperation } from '../../../shared/domain/sync'
import type { SyncReplica } from '../../../electron/core/sync/syncEngine'

/**
 * A laptop's replica kept in memory, for the server's protocol tests: the same SyncReplica port the
 * app's SQLite replica implements, with the outbox and pulled position as plain fields.
 */
export class MemoryLaptop implements SyncReplica {
  cases = new Map<string, Record<string, unknown>>()
  outbox: SyncOperation[] = []
  sentIds = new Set<string>()
  seq = 0
  conflicts: SyncConflict[] = []
  appliedRemote = 0

  constructor(readonly actor: string) {}

  createCase(facts: Record<string, unknown>): string {
    const caseId = randomUUID()
    this.cases.set(caseId, { ...facts })
    this.record({ caseId, kind: 'create', field: '', oldValue: null, newValue: facts })
    return caseId
  }

  edit(caseId: string, field: string, value: unknown, kind: 'update' | 'move' = 'update') {
    const facts = this.cases.get(caseId) ?? {}
    const oldValue = facts[field] ?? null
    facts[field] = value
    this.cases.set(caseId, facts)
    this.record({ caseId, kind, field, oldValue, newValue: value })
  }

  private record(op: Omit<SyncOperation, 'id' | 'actor' | 'at'>) {
    this.outbox.push({ ...op, id: randomUUID(), actor: this.actor, at: new Date().toISOString() })
  }

  pendingOperations(limit: number) {
    return this.outbox.slice(0, limit)
  }

  acknowledge(outcomes: PushOutcome[]) {
    const done = new Set(outcomes.map((o) => o.id))
    for (const id of done) this.sentIds.add(id)
    this.outbox = this.outbox.filter((op) => !done.has(op.id))
  }

  lastPulledSeq() {
    return this.seq
  }

  applyRemote(operations: OrderedOperation[], lastSeq: number) {
    for (const op of operations) {
      const facts = this.cases.get(op.caseId) ?? {}
      // A newer local edit still waiting in the outbox wins locally until it is pushed and ordered.
      if (this.outbox.some((mine) => mine.caseId === op.caseId && mine.field === op.field)) continue
      if (op.kind === 'create') Object.assign(facts, op.newValue as Record<string, unknown>)
      else if (op.kind !== 'append') facts[op.field] = op.newValue
      this.cases.set(op.caseId, facts)
      if (!this.sentIds.has(op.id)) this.appliedRemote += 1
    }
    this.seq = lastSeq
  }

  saveConflicts(conflicts: SyncConflict[]) {
    this.conflicts = conflicts
  }
}
