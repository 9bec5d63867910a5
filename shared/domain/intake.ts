import type { DenialReason, PlanFamily } from './enums'

/**
 * Reading a denial letter (issue 17): the words found on each page with their place and confidence,
 * and the fields extracted from them. Nothing here is saved until the advocate confirms the fields.
 */

/** Limits that keep a dropped file from tying the app up; a larger file gets a clear message. */
export const INTAKE_MAX_BYTES = 25 * 1024 * 1024
export const INTAKE_MAX_PAGES = 12

export const INTAKE_FILE_KINDS = ['pdf', 'tiff', 'png', 'jpeg'] as const
export type IntakeFileKind = (typeof INTAKE_FILE_KINDS)[number]

/** A box on a page as fractions of the page's width and height (0..1), so any rendering can show it. */
export interface IntakeBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** One word as read from a text layer (confidence 1) or by OCR (its confidence 0..1). */
export interface IntakeWord {
  text: string
  page: number
  box: IntakeBox
  confidence: number
  /** The OCR engine's line number on the page; text-layer words are grouped into lines by position. */
  line?: number
}

export const INTAKE_FIELD_KEYS = [
  'patientName',
  'patientState',
  'payer',
  'planFamily',
  'memberId',
  'claimNumber',
  'referenceNumber',
  'noticeDate',
  'serviceDate',
  'drug',
  'hcpcsCode',
  'icd10Codes',
  'reason',
  'appealDeadline',
  'appealAddress',
  'appealFax',
  'reviewer',
  'providerNpi',
] as const
export type IntakeFieldKey = (typeof INTAKE_FIELD_KEYS)[number]

/**
 * Why a field needs a person's look before it is used. `lowConfidence`: OCR was unsure of a word;
 * `badFormat`: the value does not have the shape of its kind (ICD-10, HCPCS, MBI, NPI, date);
 * `unknownCode`: a well-formed code that is not on the known-code lists (domain-rules.md §4);
 * `badCheckDigit`: an NPI whose Luhn check digit fails; `implausibleDate`: a date outside what a
 * denial letter can say; `corrected`: a likely OCR swap was undone (J1561 read as T1561);
 * `guessed`: found without a label, by layout or wording only; `notFound`: a fact every case needs
 * (payer, notice date, reason) was not found; `mismatch`: the letter prints it differently in another
 * place (the addressee block and the salutation disagree).
 */
export const INTAKE_ISSUES = ['lowConfidence', 'badFormat', 'unknownCode', 'badCheckDigit', 'implausibleDate', 'corrected', 'guessed', 'notFound', 'mismatch'] as const
export type IntakeIssue = (typeof INTAKE_ISSUES)[number]

export interface IntakeSource {
  page: number
  boxes: IntakeBox[]
  /** The words as read, before any correction. */
  text: string
}

export interface IntakeField {
  key: IntakeFieldKey
  /** A string, a list (ICD-10 codes), or null when the letter does not say. */
  value: string | string[] | null
  /** 0..1: the lowest confidence among the source words, lowered for guesses. */
  confidence: number
  source: IntakeSource | null
  issues: IntakeIssue[]
  /** True when a person must look at it: low confidence or any failed check. */
  needsReview: boolean
}

export interface IntakePageInfo {
  index: number
  /** Page size in pixels of the rendering the boxes refer to. */
  width: number
  height: number
  /** Read from the PDF's text layer, or recognized by OCR. */
  method: 'text' | 'ocr'
  /** Mean word confidence, 0..1. */
  confidence: number
}

export interface IntakeResult {
  fileName: string
  kind: IntakeFileKind
  pages: IntakePageInfo[]
  fields: IntakeField[]
}

/** What the corpus expects a reader to find (scripts/intake/corpusLetters.ts). */
export interface IntakeExpected {
  patientName: string
  /** The state of the addressee's address (a hint for the coverage state). */
  patientState: string | null
  payer: string
  planFamily: PlanFamily | null
  memberId: string | null
  claimNumber: string | null
  referenceNumber: string | null
  noticeDate: string
  serviceDate: string | null
  drug: string | null
  hcpcsCode: string | null
  icd10Codes: string[]
  reason: DenialReason
  appealDeadline: string | null
  appealAddress: string | null
  appealFax: string | null
  reviewer: string | null
  providerNpi: string | null
}

export type IntakePageState = 'waiting' | 'reading' | 'done'

export interface IntakeJobStatus {
  jobId: string
  state: 'reading' | 'done' | 'failed' | 'cancelled'
  fileName: string
  pages: { index: number; state: IntakePageState; method: 'text' | 'ocr' | null; progress: number }[]
  result: IntakeResult | null
  /** An i18n key (`reader.error.*`) when the file could not be read. */
  error: string | null
}

export interface IntakePageImage {
  /** JPEG of the page as base64; boxes are fractions of its size. */
  base64: string
  width: number
  height: number
}
