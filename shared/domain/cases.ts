import type { DeadlineReport } from './deadlines'
import type { AppealDestination } from './payers'
import type { ContactKind, ContactOutcome, DenialReason, PlanFamily, ServiceType, Stage, TherapyCategory, Urgency } from './enums'

/** Plain-data shapes that cross the IPC boundary: ISO strings, no class instances (STYLE.md, contract). */

export interface Advocate {
  id: number
  displayName: string
  role: string
  isActive: boolean
}

/** The nearest open deadline of a case, shown on its card. */
export interface CardDeadline {
  dueDate: string
  side: 'ours' | 'payer'
  labelKey: string
  labelEn: string
  verified: boolean
}

export interface BoardCard {
  id: number
  stage: Stage
  patientName: string
  therapyCategory: TherapyCategory
  drug: string
  payer: string
  planFamily: PlanFamily
  advocateId: number | null
  advocateName: string | null
  urgency: Urgency
  stageEnteredAt: string
  nextDeadline: CardDeadline | null
  isDemo: boolean
  isPayerOverdue: boolean
  /** Taken to a clinic: kept whole on this laptop for work without internet (organization sync, issue 18). */
  isKeptOffline: boolean
  /** Evidence checklist progress as the case page counts it; null while the case has no denial. */
  evidence: { received: number; total: number } | null
}

/** Cards per column in the board's first page: a screenful and a half at 1440 × 900 (issue 15). */
export const BOARD_PAGE_SIZE = 20
/** How many closed cases the board shows, newest first (the column says "200 of N"; search finds the rest). */
export const CLOSED_CARDS_SHOWN = 200

/** Where a column's next page starts: the last card shown, in the board's order (newest in stage first). */
export interface BoardCursor {
  enteredAt: string
  id: number
}

/**
 * One page of the board (issue 15): the first screenful of every column, or the next page of one
 * (`stage` in the query). `counts` and `next` carry a key for each column the page covers.
 */
export interface BoardData {
  cards: BoardCard[]
  /**
   * Count of all cases per column, before filters: headers show "shown of total". Null on a column's
   * next page (a request with `after`): counting the whole caseload again was most of a next page's
   * cost, and the board keeps the counts of its first page, refreshed with every reload.
   */
  totals: Record<Stage, number> | null
  /** Cases per column that match the filters (closed: all of them, though only the newest are shown); empty on a next page. */
  counts: Partial<Record<Stage, number>>
  /** Cursor for the column's next page; null when the column is fully loaded (or at its bound). */
  next: Partial<Record<Stage, BoardCursor | null>>
}

export interface HistoryEntry {
  id: number
  fromStage: Stage | null
  toStage: Stage
  movedAt: string
  advocateName: string | null
  overrideReason: string
  note: string
}

export interface ContactEntry {
  id: number
  kind: ContactKind
  occurredOn: string
  withWhom: string
  referenceNumber: string
  requested: string
  submitted: string
  submittedOn: string | null
  followUpOn: string | null
  /** Peer-to-peer calls: what came of it; null for other contacts. */
  outcome: ContactOutcome | null
  createdAt: string
}

export interface DenialDetail {
  id: number
  noticeDate: string
  receivedDate: string | null
  reasons: DenialReason[]
  priorAuthNumber: string
  claimNumber: string
  amount: number | null
  statedDeadline: string | null
}

export type PriorAuthOutcome = 'pending' | 'approved' | 'partly_approved' | 'more_info' | 'denied'

export interface PriorAuthEntry {
  id: number
  requestedOn: string
  requestedAt: string | null
  expedited: boolean
  outcome: PriorAuthOutcome
  decidedOn: string | null
  approvedThrough: string | null
  referenceNumber: string
}

export type RepresentationKind = 'cms_1696' | 'hipaa_authorization' | 'plan_form' | 'other'

export interface Representation {
  kind: RepresentationKind
  representative: string
  signedOn: string
  expiresOn: string | null
}

export interface CaseDetail {
  id: number
  stage: Stage
  urgency: Urgency
  serviceType: ServiceType
  openedOn: string
  closedOn: string | null
  stageEnteredAt: string
  /** The day the appeal at the current level was filed (Medicare: received by the contractor). */
  appealFiledOn: string | null
  appealFiledAt: string | null
  /** Employer plans: internal levels the plan mandates; null when not checked. */
  internalLevels: 1 | 2 | null
  payerExtended: boolean
  previousAppealFiledOn: string | null
  priorAuths: PriorAuthEntry[]
  representation: Representation | null
  summary: string
  isDemo: boolean
  advocate: Advocate | null
  patient: { id: number; firstName: string; lastName: string; dateOfBirth: string | null; phone: string; preferredLanguage: string }
  coverage: { id: number; payer: string; planFamily: PlanFamily; memberId: string; groupNumber: string; state: string }
  therapy: {
    id: number
    category: TherapyCategory
    drug: string
    hcpcsCode: string
    icd10Codes: string[]
    prescriber: string
    prescriberNpi: string
    prescriberPhone: string
    prescriberFax: string
    infusionProvider: string
  }
  /** The payer directory entry this case's appeals go to, if linked. */
  payerDestinationId: number | null
  /** That directory entry, for the letters' recipient block and the fax cover. */
  appealDestination: AppealDestination | null
  /** Bumped by every recorded save; a form saves against the version it was opened at. */
  version: number
  denials: DenialDetail[]
  history: HistoryEntry[]
  contacts: ContactEntry[]
  /** Every computed date with its rule and arithmetic, the next step and the payer-overdue flag. */
  deadlineReport: DeadlineReport
}

export interface CaseloadInfo {
  /** The signed-in account's advocate: new cases are assigned to it by default. */
  currentAdvocateId: number | null
  caseCount: number
  demoCaseCount: number
  dataDir: string
  schemaVersion: number
}
