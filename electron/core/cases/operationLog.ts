import { randomUUID } from 'node:crypto'
import type { CaseOperation, OperationKind, OperationValue } from '../../../shared/domain/operations'
import type { Db } from '../db/openDatabase'

interface OperationRow {
  id: string
  case_id: number
  case_uid: string
  case_version: number
  kind: OperationKind
  field: string
  entity_id: string
  old_value: string | null
  new_value: string | null
  detail: string | null
  actor_name: string
  at: string
}

/** One change to record; values are plain JSON. */
export interface OperationInput {
  kind: OperationKind
  field?: string
  entityId?: string | number
  oldValue?: OperationValue | undefined
  newValue?: OperationValue | undefined
  detail?: Record<string, unknown> | null
}

const parse = (text: string | null): OperationValue => (text === null ? null : (JSON.parse(text) as OperationValue))
const json = (value: OperationValue | undefined) => (value === undefined || value === null ? null : JSON.stringify(value))

const toOperation = (row: OperationRow): CaseOperation => ({
  id: row.id,
  caseId: row.case_id,
  caseUid: row.case_uid,
  caseVersion: row.case_version,
  kind: row.kind,
  field: row.field,
  entityId: row.entity_id,
  oldValue: parse(row.old_value),
  newValue: parse(row.new_value),
  detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  actorName: row.actor_name,
  at: row.at,
})

/**
 * The case operation log (STYLE.md, "One log of changes"). `record` bumps the case's version once and
 * appends its operations in the caller's transaction, so a write and its record commit together or not
 * at all. Operations are never updated (a trigger refuses it); they go only with their case.
 */
export function createOperationLog(db: Db) {
  const caseRow = db.prepare('SELECT uid, version FROM cases WHERE id = ?')
  const setUid = db.prepare('UPDATE cases SET uid = ? WHERE id = ? AND uid IS NULL')
  const bump = db.prepare('UPDATE cases SET version = version + 1 WHERE id = ?')
  const actorName = db.prepare('SELECT display_name FROM advocates WHERE id = ?').pluck()
  const insert = db.prepare(`INSERT INTO case_operations
    (id, case_id, case_uid, case_version, kind, field, entity_id, old_value, new_value, detail, actor_id, actor_name, at)
    VALUES (@id, @caseId, @caseUid, @caseVersion, @kind, @field, @entityId, @oldValue, @newValue, @detail, @actorId, @actorName, @at)`)
  const listForCase = db.prepare('SELECT * FROM case_operations WHERE case_id = ? ORDER BY case_version DESC, seq DESC LIMIT ?')
  const since = db.prepare('SELECT * FROM case_operations WHERE case_id = ? AND case_version > ? ORDER BY case_version, seq')

  return {
    /** Records one save of a case (one or more operations) as one new version; returns that version. */
    record(caseId: number, operations: OperationInput[], actor: { actorId: number | null; at: string }): number {
      if (operations.length === 0) return (caseRow.get(caseId) as { version: number }).version
      return db.transaction(() => {
        let row = caseRow.get(caseId) as { uid: string | null; version: number } | undefined
        if (!row) throw new Error('record: no such case')
        if (!row.uid) {
          setUid.run(randomUUID(), caseId)
          row = caseRow.get(caseId) as { uid: string; version: number }
        }
        // A new case starts at version 1 with its creation; later saves go one up.
        const isCreation = operations.some((op) => op.kind === 'create')
        if (!isCreation) bump.run(caseId)
        const caseVersion = isCreation ? row.version : row.version + 1
        const name = actor.actorId === null ? '' : ((actorName.get(actor.actorId) as string | undefined) ?? '')
        for (const op of operations) {
          insert.run({
            id: randomUUID(),
            caseId,
            caseUid: row.uid,
            caseVersion,
            kind: op.kind,
            field: op.field ?? '',
            entityId: op.entityId === undefined ? '' : String(op.entityId),
            oldValue: json(op.oldValue),
            newValue: json(op.newValue),
            detail: op.detail ? JSON.stringify(op.detail) : null,
            actorId: actor.actorId,
            actorName: name,
            at: actor.at,
          })
        }
        return caseVersion
      })()
    },

    /** The case's operations, newest first. */
    list: (caseId: number, limit = 2000): CaseOperation[] => (listForCase.all(caseId, limit) as OperationRow[]).map(toOperation),

    /** Operations saved after a version, oldest first: what changed since a form was opened. */
    since: (caseId: number, version: number): CaseOperation[] => (since.all(caseId, version) as OperationRow[]).map(toOperation),

    version: (caseId: number): number | null => (caseRow.get(caseId) as { version: number } | undefined)?.version ?? null,
  }
}
export type OperationLog = ReturnType<typeof createOperationLog>
