import type { DeadlineReport } from './deadlines'
import type { ContactKind, DenialReason, PlanFamily, ServiceType, Stage, TherapyCategory, Urgency } from './enums'

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
  /** Evidence checklist progress as the case page counts it; null while the case has no denial. */
  evidence: { received: number; total: number } | null
}

export interface BoardData {
  cards: BoardCard[]
  /** Count of all cases per column, before filters: headers show "shown of total". */
  totals: Record<Stage, number>
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
  /** Bumped by every recorded save; a form saves against the version it was opened at. */
  version: number
  denials: DenialDetail[]
  history: HistoryEntry[]
  contacts: ContactEntry[]
  /** Every computed date with its rule and arithmetic, the next step and the payer-overdue flag. */
  deadlineReport: DeadlineReport
}

export interface CaseloadInfo {
  caseCount: number
  demoCaseCount: number
  dataDir: string
  schemaVersion: number
}
