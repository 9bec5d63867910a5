import { createHash, type KeyObject } from 'node:crypto'
import type { Db } from '../db/openDatabase'
import { signText, verifyText } from '../security/accountKeys'
import { anchorText, type AuditAnchor, type TrustedKeys } from '../security/keyStore'

import type { AuditAction, AuditVerificationDto } from '../../../shared/domain/session'
export { AUDIT_ACTIONS, type AuditAction } from '../../../shared/domain/session'

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
  keyId: string
  signature: string
}

export type AuditInput = Omit<AuditEntry, 'id' | 'prevHash' | 'hash' | 'keyId' | 'signature'>

/** The acting account's signing key (issue 13 item 3). */
export interface AuditSigner {
  keyId: string
  sign: KeyObject
}

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
  key_id: string
  signature: string
}

const GENESIS = '0'.repeat(64)

/**
 * The row's hash covers every field, the signing key's id and the previous hash: changing any breaks
 * the chain. Rows from before signing (no key id) were hashed without it.
 */
function hashOf(prevHash: string, e: AuditInput & { id: number; keyId: string }): string {
  const fields = [e.id, prevHash, e.at, e.userId, e.userName, e.action, e.channel, e.entity, e.entityId, e.detail]
  return createHash('sha256')
    .update(JSON.stringify(e.keyId ? [...fields, e.keyId] : fields))
    .digest('hex')
}

const signedText = (hash: string) => `overturn-audit:${hash}`

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
  keyId: r.key_id,
  signature: r.signature,
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

/** What a verification finds: the contract's shape (shared/domain/session.ts), one declaration for both. */
export type AuditVerification = AuditVerificationDto

/** What verify checks the trail against: the certified keys and the anchored heads, from the key store. */
export interface AuditTrust {
  trusted: TrustedKeys
  anchors: Record<string, AuditAnchor>
}

/** The append-only, hash-chained audit trail; each entry signed by the account that acted. */
export function createAuditLog(db: Db, signer?: AuditSigner) {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1')
  const insert = db.prepare(`INSERT INTO audit_log (id, at, user_id, user_name, action, channel, entity, entity_id, detail, prev_hash, hash, key_id, signature)
    VALUES (@id, @at, @userId, @userName, @action, @channel, @entity, @entityId, @detail, @prevHash, @hash, @keyId, @signature)`)
  const all = db.prepare('SELECT * FROM audit_log ORDER BY id')

  return {
    /** Appends one entry; joins the caller's transaction when there is one. */
    append(input: AuditInput): void {
      db.transaction(() => {
        const previous = last.get() as { id: number; hash: string } | undefined
        const id = (previous?.id ?? 0) + 1
        const prevHash = previous?.hash ?? GENESIS
        const keyId = signer?.keyId ?? ''
        const hash = hashOf(prevHash, { ...input, id, keyId })
        insert.run({ ...input, id, prevHash, hash, keyId, signature: signer ? signText(signer.sign, signedText(hash)) : '' })
      })()
    },

    /** The newest entry's id and hash (what an anchor records). */
    head(): { id: number; hash: string } {
      const row = last.get() as { id: number; hash: string } | undefined
      return row ?? { id: 0, hash: GENESIS }
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

    /**
     * Recomputes every hash and link (ids must run 1, 2, 3… so a deleted row shows as a gap), checks
     * every signature against the acting account's certified keys (once signing began, an unsigned row
     * is a break), and checks that every account's anchored head is still in the chain, so a tail cut
     * off after that account last saw it shows. Without `trust` only the chain is checked.
     */
    verify(trust?: AuditTrust): AuditVerification {
      const rootKeyId = trust?.trusted.rootKeyId ?? null
      const broken = (problem: AuditVerification['problem'], firstBrokenId: number | null, checked: number, unsigned: number): AuditVerification => ({ isIntact: false, checked, firstBrokenId, problem, unsigned, rootKeyId })
      if (trust && trust.trusted.problems.length > 0) return broken('keys', null, 0, 0)
      let prevHash = GENESIS
      let expectedId = 1
      let checked = 0
      let unsigned = 0
      let signingBegan = false
      const seen = new Map<number, string>()
      for (const row of all.iterate() as IterableIterator<AuditRow>) {
        const entry = toEntry(row)
        if (entry.id !== expectedId || entry.prevHash !== prevHash || entry.hash !== hashOf(prevHash, entry)) return broken('chain', entry.id, checked, unsigned)
        if (trust) {
          if (!entry.keyId) {
            if (signingBegan) return broken('signature', entry.id, checked, unsigned)
            unsigned++
          } else {
            signingBegan = true
            const publicKey = trust.trusted.keys.get(entry.userId)?.get(entry.keyId)
            if (!publicKey || !verifyText(publicKey, signedText(entry.hash), entry.signature)) return broken('signature', entry.id, checked, unsigned)
          }
        }
        seen.set(entry.id, entry.hash)
        prevHash = entry.hash
        expectedId++
        checked++
      }
      if (trust) {
        for (const [userId, anchor] of Object.entries(trust.anchors)) {
          const publicKey = trust.trusted.keys.get(userId)?.get(anchor.keyId)
          if (!publicKey || !verifyText(publicKey, anchorText(userId, anchor), anchor.signature)) return broken('keys', null, checked, unsigned)
          if (anchor.id > 0 && seen.get(anchor.id) !== anchor.hash) return broken('tail_cut', seen.has(anchor.id) ? anchor.id : expectedId, checked, unsigned)
        }
      }
      return { isIntact: true, checked, firstBrokenId: null, problem: null, unsigned, rootKeyId }
    },
  }
}
export type AuditLog = ReturnType<typeof createAuditLog>
