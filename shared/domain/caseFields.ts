/**
 * The facts of a case an advocate can correct after intake, as paths. The edit form, the core's
 * update, the operation log and the history's plain sentences all use these paths (issue 12, item 1).
 */
export const CASE_FACT_FIELDS = [
  'patient.firstName',
  'patient.lastName',
  'patient.dateOfBirth',
  'patient.phone',
  'patient.preferredLanguage',
  'coverage.payer',
  'coverage.planFamily',
  'coverage.memberId',
  'coverage.groupNumber',
  'coverage.state',
  'therapy.category',
  'therapy.drug',
  'therapy.hcpcsCode',
  'therapy.icd10Codes',
  'therapy.prescriber',
  'therapy.prescriberNpi',
  'therapy.prescriberPhone',
  'therapy.prescriberFax',
  'therapy.infusionProvider',
  'urgency',
  'serviceType',
  'advocateId',
  'openedOn',
  'summary',
  'payerDestinationId',
] as const
export type CaseFactField = (typeof CASE_FACT_FIELDS)[number]

/** The facts of a denial notice, recorded as `denial.<name>` with the notice's id. */
export const DENIAL_FACT_FIELDS = ['noticeDate', 'receivedDate', 'reasons', 'priorAuthNumber', 'claimNumber', 'amount', 'statedDeadline'] as const
export type DenialFactField = (typeof DENIAL_FACT_FIELDS)[number]

type Json = string | number | boolean | null | string[]

/** Reads a path (`coverage.memberId`) from a nested object. */
export function factAt(source: object, path: string): Json {
  let value: unknown = source
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined
  return value === undefined ? null : (value as Json)
}

/** Equality for fact values: '' and null are the same absence; lists compare by content. */
export function sameFact(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === '' || v === undefined ? null : v)
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b))
}
