/**
 * One log of changes (STYLE.md): every change to a case is an operation. The case history, the audit
 * trail and a future organization server read the same rows. Values are plain JSON.
 */

export const OPERATION_KINDS = [
  'create',
  'edit',
  'move',
  'denial_add',
  'denial_edit',
  'denial_remove',
  'contact',
  'appeal',
  'prior_auth',
  'representation',
  'upload',
  'letter_save',
  'export',
  'send',
  'outcome',
  'screening_link',
  'evidence',
] as const
export type OperationKind = (typeof OPERATION_KINDS)[number]

/** The timeline's filters: each groups the kinds an advocate thinks of together. */
export const TIMELINE_FILTERS = {
  edits: ['create', 'edit', 'denial_add', 'denial_edit', 'denial_remove', 'appeal', 'prior_auth', 'representation'],
  moves: ['move'],
  documents: ['upload', 'letter_save', 'export', 'send', 'evidence'],
  contacts: ['contact'],
  assistance: ['screening_link'],
  outcomes: ['outcome'],
} as const satisfies Record<string, readonly OperationKind[]>
export type TimelineFilter = keyof typeof TIMELINE_FILTERS

export type OperationValue = string | number | boolean | null | string[] | Record<string, unknown>

export interface CaseOperation {
  /** A UUID: replaying the same operation twice changes nothing. */
  id: string
  caseId: number
  caseUid: string
  /** The case's version after this operation; operations saved together share one. */
  caseVersion: number
  kind: OperationKind
  /** The fact changed as a path (`coverage.memberId`, `denial.claimNumber`), '' for whole records. */
  field: string
  /** The row inside the case (a denial's id, a contact's id), '' for the case itself. */
  entityId: string
  oldValue: OperationValue
  newValue: OperationValue
  /** Context that is not a value: a move's note or override reason, a file's label. */
  detail: Record<string, unknown> | null
  actorName: string
  at: string
}

/** What another save changed in a field you also changed: shown beside the field, nothing written. */
export interface FieldConflict {
  field: string
  entityId: string
  theirValue: OperationValue
  yourValue: OperationValue
  actorName: string
  at: string
}
