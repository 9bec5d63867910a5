import type { LevelId } from '../rules/ladders/types'

/** Plain-data shapes for attachments, evidence checklists, letters and packets (STYLE.md, contract). */

/** File types an advocate may attach; checked by magic bytes in the core, not by the file name. */
export const ATTACHMENT_KINDS = ['pdf', 'png', 'jpeg', 'docx'] as const
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

/** Largest file the app stores: a scanned medical record fits; a video does not. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024

export interface Attachment {
  id: number
  caseId: number
  label: string
  originalName: string
  kind: AttachmentKind
  mime: string
  sizeBytes: number
  sha256: string
  addedAt: string
  /** 1-based order in the packet's exhibit index. */
  exhibitNumber: number
}

/** A stored file's bytes, for preview or download in the renderer. */
export interface AttachmentFile {
  fileName: string
  mime: string
  base64: string
}

export const EVIDENCE_STATUSES = ['needed', 'received', 'not_applicable'] as const
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number]

export interface EvidenceItem {
  id: string
  /** i18n key `evidence.item.<id>` in the renderer; English here for documents. */
  labelEn: string
  detailEn: string
  citation: string
  /** false when domain-rules.md marks the underlying rule U (unverified): the UI shows "verify". */
  verified: boolean
  status: EvidenceStatus
  /** The exhibit that satisfied the item, when it arrived as an attachment. */
  attachmentId: number | null
}

export interface EvidenceChecklist {
  caseId: number
  /** The ladder level the checklist was generated for (the case's current or next level). */
  levelId: LevelId | null
  items: EvidenceItem[]
  received: number
  /** Items that count toward progress (everything not marked "not applicable"). */
  total: number
}

export const LETTER_KINDS = [
  'internal_appeal',
  'second_level_appeal',
  'external_review_request',
  'expedited_review_request',
  'claim_file_request',
  'medical_necessity_letter',
  'patient_statement',
  'doi_complaint',
  'ebsa_complaint',
  'medicare_redetermination',
  'medicare_reconsideration',
  'ma_reconsideration',
  'part_d_redetermination',
  'medicaid_fair_hearing',
  'part_d_ire_request',
  'alj_hearing_request',
  'council_review_request',
  'continued_benefits_request',
  'plan_document_request',
  'expedited_external_review',
  'peer_to_peer_request',
  'medicare_fast_track_qio',
  'patient_summary',
  'representation_authorization',
] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

/** A letter a case offers, per its ladder. */
export interface LetterOption {
  kind: LetterKind
  titleEn: string
  levelId: LevelId | null
  /** The letter for the case's current step. */
  isRecommended: boolean
  /** The advocate has saved an edited version for this case. */
  isEdited: boolean
}

/** A fact the letter needs and the case does not have yet (the "needs from you" list). */
export interface MissingFact {
  label: string
  /** How many times it appears across the letter and the cover letter. */
  count: number
}

/** A letter ready to read and edit: plain text where `[[label]]` marks a missing fact. */
export interface LetterDraft {
  caseId: number
  kind: LetterKind
  titleEn: string
  levelId: LevelId | null
  body: string
  isEdited: boolean
  updatedAt: string | null
  /** Every placeholder in the body and in the packet's cover letter, in order of first appearance. */
  missing: MissingFact[]
}

/** The organization that signs letters, set once in settings. */
export interface Organization {
  name: string
  letterhead: string
  addressLines: string[]
  phone: string
  fax: string
  email: string
  signerName: string
  signerTitle: string
}

/** An export: its suggested name and bytes as base64 — a ZIP (the .docx plus `exhibits/`) for packets, a plain .docx for letter-only drafts. */
export interface PacketFile {
  fileName: string
  base64: string
}

/** How a packet went to the payer. */
export const SENT_METHODS = ['fax', 'mail', 'portal', 'hand_delivery'] as const
export type SentMethod = (typeof SENT_METHODS)[number]

/** One packet export recorded on the case; marking it sent starts the payer's decision clock. */
export interface PacketExportRecord {
  id: number
  caseId: number
  kind: LetterKind
  titleEn: string
  /** The ladder level (or, without one, the case's stage) the letter was for. */
  levelId: string
  exportedAt: string
  exportedBy: number | null
  exportedByName: string | null
  fileName: string
  /** sha256 of the ZIP the advocate saved; null when the export was a plain .docx (letter-only drafts). */
  zipSha256: string | null
  docxSha256: string
  /** `edited:<sha256 of the text>` for the advocate's saved version, else `template`. */
  letterVersion: string
  sentOn: string | null
  sentMethod: SentMethod | null
  confirmationAttachmentId: number | null
}
