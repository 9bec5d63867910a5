import { createHash } from 'node:crypto'
import type { Db } from '../db/openDatabase'

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'move', 'view', 'export', 'import', 'unlock', 'unlock_failed', 'lock', 'backup', 'restore', 'security'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export interface AuditEntry {
  id: number
  at: string
  userId: string
  userName: string
  action: AuditAction
  channel: string
  entity: string
  entityId: string
  detail: string
  prevHash: string
  hash: string
}

export type AuditInput = Omit<AuditEntry, 'id' | 'prevHash' | 'hash'>

interface AuditRow {
  id: number
  at: string
  user_id: string
  user_name: string
  action: AuditAction
  channel: string
  entity: string
  entity_id: string
  detail: string
  prev_hash: string
  hash: string
}

const GENESIS = '0'.repeat(64)

/** The row's hash covers every field and the previous hash: changing either breaks the chain. */
function hashOf(prevHash: string, e: AuditInput & { id: number }): string {
  return createHash('sha256')
    .update(JSON.stringify([e.id, prevHash, e.at, e.userId, e.userName, e.action, e.channel, e.entity, e.entityId, e.detail]))
    .digest('hex')
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  userId: r.user_id,
  userName: r.user_name,
  action: r.action,
  channel: r.channel,
  entity: r.entity,
  entityId: r.entity_id,
  detail: r.detail,
  prevHash: r.prev_hash,
  hash: r.hash,
})

export interface AuditQuery {
  action?: AuditAction | null
  userName?: string | null
  from?: string | null
  to?: string | null
  limit?: number
  /** Entries about these cases: case channels name the case id (entity_id) when called for a case. */
  caseIds?: number[] | null
}

export interface AuditVerification {
  isIntact: boolean
  checked: number
  /** The first row whose content, link or position does not match (an edit, insertion or deletion). */
  firstBrokenId: number | null
}

/** The append-only, hash-chained audit trail. */
export function createAuditLog(db: Db) {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')
  const insert = db.prepare(`INSERT INTO audit_log (id, at, user_id, user_name, action, channel, entity, entity_id, detail, prev_hash, hash)
    VALUES (@id, @at, @userId, @userName, @action, @channel, @entity, @entityId, @detail, @prevHash, @hash)`)
  const all = db.prepare('SELECT * FROM audit_log ORDER BY id')

  return {
    /** Appends one entry; joins the caller's transaction when there is one. */
    append(input: AuditInput): void {
      db.transaction(() => {
        const previous = last.get() as { id: number; hash: string } | undefined
        const id = (previous?.id ?? 0) + 1
        const prevHash = previous?.hash ?? GENESIS
        insert.run({ ...input, id, prevHash, hash: hashOf(prevHash, { ...input, id }) })
      })()
    },

    list(query: AuditQuery = {}): AuditEntry[] {
      const where: string[] = []
      const params: Record<string, unknown> = { limit: Math.min(query.limit ?? 500, 5000) }
      const filters: [unknown, string, string, unknown][] = [
        [query.action, 'action = @action', 'action', query.action],
        [query.userName, 'user_name = @userName', 'userName', query.userName],
        [query.from, 'at >= @from', 'from', query.from],
        // `to` is a day: everything up to the end of it ("T99" sorts after any time of that day).
        [query.to, 'at < @to', 'to', `${query.to}T99`],
      ]
      for (const [given, clause, name, value] of filters) {
        if (!given) continue
        where.push(clause)
        params[name] = value
      }
      if (query.caseIds) {
        where.push(`entity_id IN (SELECT CAST(value AS TEXT) FROM json_each(@caseIds)) AND entity NOT IN ('applicants', 'applications', 'programs', 'users', 'backups', 'session', 'payers', 'attachment')`)
        params.caseIds = JSON.stringify(query.caseIds)
      }
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`
      return (db.prepare(sql).all(params) as AuditRow[]).map(toEntry)
    },

    /** Recomputes every hash and link; ids must run 1, 2, 3… so a deleted row shows as a gap. */
    verify(): AuditVerification {
      let prevHash = GENESIS
      let expectedId = 1
      let checked = 0
      for (const row of all.iterate() as IterableIterator<AuditRow>) {
        const entry = toEntry(row)
        if (entry.id !== expectedId || entry.prevHash !== prevHash || entry.hash !== hashOf(prevHash, entry)) {
          return { isIntact: false, checked, firstBrokenId: entry.id }
        }
        prevHash = entry.hash
        expectedId++
        checked++
      }
      return { isIntact: true, checked, firstBrokenId: null }
    },
  }
}
export type AuditLog = ReturnType<typeof createAuditLog>
