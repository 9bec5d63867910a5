import type { MissingFact } from '../../domain/documents'

/**
 * The facts a letter template may use, each with the label shown when the case lacks it. A template
 * writes `{patientName}`; when the fact is empty the letter gets a visible placeholder
 * `[[Patient's full name]]` instead, so nothing factual is ever invented.
 */
export const FACT_LABELS_EN = {
  today: 'Date of this letter',
  patientName: 'Patient’s full name',
  dateOfBirth: 'Patient’s date of birth',
  memberId: 'Member ID',
  groupNumber: 'Group number',
  payer: 'Plan or payer name',
  state: 'State of coverage',
  drug: 'Drug or service, with dose',
  hcpcsCode: 'HCPCS code',
  diagnosisCodes: 'ICD-10 diagnosis codes',
  diagnosis: 'ICD-10 diagnosis codes',
  priorAuthNumber: 'Prior-authorization number',
  claimNumber: 'Claim number',
  originalNoticeDate: 'Date of the first denial notice',
  payerRole: 'Who decides (plan or program)',
  payerLabel: 'Kind of coverage',
  stateName: 'State of coverage',
  appealAddress: 'Mailing address or fax number for appeals, from the denial notice',
  externalReviewRecipient: 'Who receives the external review request',
  clinicalSummary: 'Clinical summary (the case summary)',
  medicareRoute: 'Medicare benefit that covers this therapy',
  stepTherapyLaw: 'State step-therapy exception statute',
  stepTherapyDecision: 'Decision time under the state step-therapy statute',
  externalReviewLaw: 'State external review law',
  continuationCitation: 'Rule that keeps therapy going during the appeal',
  actionEffectiveDate: 'Date the therapy stops or is reduced',
  representationSignedOn: 'Date the representation was signed',
  expeditedClock: 'Expedited decision time',
  aicStatement: 'Amount in controversy and the threshold it meets',
  prescriber: 'Prescriber’s name',
  prescriberNpi: 'Prescriber’s NPI',
  prescriberPhone: 'Prescriber’s phone',
  prescriberFax: 'Prescriber’s fax',
  infusionProvider: 'Home infusion provider',
  noticeDate: 'Date of the denial notice',
  reference: 'Claim or reference number',
  priorAuthRequestedOn: 'Date prior authorization was requested',
  amount: 'Amount denied',
  reasonList: 'Reasons given for the denial',
  orgName: 'Your organization’s name (Settings)',
  signerName: 'Signer’s name (representation on file, or Settings)',
  signerTitle: 'Signer’s title (Settings)',
  orgPhone: 'Your phone number (Settings)',
  orgFax: 'Your fax number (Settings)',
} as const
export type FactKey = keyof typeof FACT_LABELS_EN
export type Facts = Record<FactKey, string>

/** Placeholder syntax in letter text: `[[label]]`. Labels never contain brackets or newlines. */
export const PLACEHOLDER_PATTERN = /\[\[([^[\]\n]{1,200})\]\]/g

export const placeholder = (label: string) => `[[${label}]]`

const TOKEN_PATTERN = /\{([a-zA-Z]+)\}/g

/** The fact tokens a template uses, to check templates against FACT_LABELS_EN in tests. */
export function templateTokens(template: string): string[] {
  return [...template.matchAll(TOKEN_PATTERN)].map((m) => m[1])
}

/**
 * Fills `{fact}` tokens with the case's facts; an empty fact becomes its placeholder. Unknown tokens
 * throw, so a typo in a template cannot reach a letter.
 */
export function fillTemplate(template: string, facts: Facts): string {
  return template.replace(TOKEN_PATTERN, (_, key: string) => {
    if (!Object.hasOwn(FACT_LABELS_EN, key)) throw new Error(`Unknown letter fact {${key}}`)
    const value = facts[key as FactKey].trim()
    return value || placeholder(FACT_LABELS_EN[key as FactKey])
  })
}

/** Every placeholder in the texts, with counts, in order of first appearance: the "needs from you" list. */
export function findPlaceholders(...texts: string[]): MissingFact[] {
  const counts = new Map<string, number>()
  for (const text of texts) {
    for (const match of text.matchAll(PLACEHOLDER_PATTERN)) {
      const label = match[1].trim()
      counts.set(label, (counts.get(label) ?? 0) + 1)
    }
  }
  return [...counts].map(([label, count]) => ({ label, count }))
}

/** Splits a line into text and placeholder segments, for highlighting in the DOCX and the editor. */
export function splitPlaceholders(line: string): { text: string; isPlaceholder: boolean }[] {
  const parts: { text: string; isPlaceholder: boolean }[] = []
  let last = 0
  for (const match of line.matchAll(PLACEHOLDER_PATTERN)) {
    if (match.index > last) parts.push({ text: line.slice(last, match.index), isPlaceholder: false })
    parts.push({ text: match[0], isPlaceholder: true })
    last = match.index + match[0].length
  }
  if (last < line.length) parts.push({ text: line.slice(last), isPlaceholder: false })
  return parts
}
