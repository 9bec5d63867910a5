import type { Attachment, LetterKind, Organization } from '../../../shared/domain/documents'
import type { CaseDetail, DenialDetail } from '../../../shared/domain/cases'
import { REASON_NAMES_EN, argumentsFor, headingFor } from '../../../shared/rules/letters/arguments'
import { fillTemplate, placeholder, type Facts } from '../../../shared/rules/letters/facts'
import { letterKindRule, type LetterKindRule } from '../../../shared/rules/letters/kinds'

/**
 * Letter models, pure: a case and the organization in, letter text out. Every fact comes from a case
 * field or becomes a visible `[[placeholder]]` (docassemble's rule: the model apart from the layout).
 */

export const EMPTY_ORGANIZATION: Organization = {
  name: '',
  letterhead: '',
  addressLines: [],
  phone: '',
  fax: '',
  email: '',
  signerName: '',
  signerTitle: '',
}

/** `2026-11-18` → `November 18, 2026`; days are never shifted by the machine's time zone. */
export function formatDay(day: string | null): string {
  if (!day) return ''
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'UTC' })
}

const formatMoney = (amount: number | null) =>
  amount === null ? '' : amount.toLocaleString('en-US', { style: 'currency', currency: 'USD' })

/** The denial a letter answers: the most recent notice. */
export function latestDenial(detail: CaseDetail): DenialDetail | null {
  return [...detail.denials].sort((a, b) => b.noticeDate.localeCompare(a.noticeDate) || b.id - a.id)[0] ?? null
}

/** The case's facts as letters print them; empty strings are missing facts. */
export function caseFacts(detail: CaseDetail, organization: Organization, today: string): Facts {
  const denial = latestDenial(detail)
  const priorAuth = [...(detail.priorAuths ?? [])].sort((a, b) => b.requestedOn.localeCompare(a.requestedOn))[0] ?? null
  return {
    today: formatDay(today),
    patientName: `${detail.patient.firstName} ${detail.patient.lastName}`.trim(),
    dateOfBirth: formatDay(detail.patient.dateOfBirth),
    memberId: detail.coverage.memberId,
    groupNumber: detail.coverage.groupNumber,
    payer: detail.coverage.payer,
    state: detail.coverage.state,
    drug: detail.therapy.drug,
    hcpcsCode: detail.therapy.hcpcsCode,
    diagnosisCodes: detail.therapy.icd10Codes.join(', '),
    prescriber: detail.therapy.prescriber,
    prescriberNpi: detail.therapy.prescriberNpi ?? '',
    prescriberPhone: detail.therapy.prescriberPhone ?? '',
    prescriberFax: detail.therapy.prescriberFax ?? '',
    infusionProvider: detail.therapy.infusionProvider,
    noticeDate: formatDay(denial?.noticeDate ?? null),
    reference: denial?.claimNumber || denial?.priorAuthNumber || priorAuth?.referenceNumber || '',
    priorAuthRequestedOn: formatDay(priorAuth?.requestedOn ?? null),
    amount: formatMoney(denial?.amount ?? null),
    reasonList: (denial?.reasons ?? []).map((r) => REASON_NAMES_EN[r]).join('; '),
    orgName: organization.name,
    // The representative on file signs for the patient (issue 12, item 3); else the organization's signer.
    signerName: detail.representation?.representative || organization.signerName,
    signerTitle: organization.signerTitle,
    orgPhone: organization.phone,
    orgFax: organization.fax,
  }
}

function referenceLines(rule: LetterKindRule, facts: Facts): string[] {
  return [
    `Re: ${rule.subjectEn}`,
    'Patient: {patientName}',
    'Date of birth: {dateOfBirth}',
    facts.groupNumber ? 'Member ID: {memberId} · Group: {groupNumber}' : 'Member ID: {memberId}',
    'Plan: {payer}',
    'Claim or reference number: {reference}',
    'Date of the denial notice: {noticeDate}',
    facts.hcpcsCode ? 'Service: {drug} (HCPCS {hcpcsCode})' : 'Service: {drug}',
    ...(facts.amount ? ['Amount denied: {amount}'] : []),
  ]
}

function signatureLines(rule: LetterKindRule, facts: Facts): string[] {
  switch (rule.signer) {
    case 'prescriber':
      if (!facts.prescriberNpi) return ['Sincerely,', '', '{prescriber}', placeholder('Prescriber’s credentials, NPI and practice address')]
      return ['Sincerely,', '', '{prescriber}', 'NPI {prescriberNpi}', facts.prescriberFax ? 'Phone {prescriberPhone} · Fax {prescriberFax}' : 'Phone {prescriberPhone}']
    case 'patient':
      return ['Sincerely,', '', 'Signature: ______________________   Date: ____________', '{patientName}']
    case 'advocate':
      return [
        'Sincerely,',
        '',
        '{signerName}',
        '{signerTitle}, {orgName}',
        'Authorized representative of {patientName}',
        facts.orgFax ? 'Phone {orgPhone} · Fax {orgFax}' : 'Phone {orgPhone}',
      ]
  }
}

/**
 * The recipient block: the case's appeal destination from the payer directory when it is linked
 * (issue 12, item 3), else the letter kind's generic block with its placeholders.
 */
export function recipientLines(rule: LetterKindRule, detail: CaseDetail): string[] {
  const to = detail.appealDestination
  if (!to) return rule.recipientEn
  // Typed text goes through the template filler: braces would read as fact tokens.
  const plain = (line: string) => line.replace(/[{}]/g, '')
  return [to.recipient, ...(to.payer && to.payer !== to.recipient ? [to.payer] : []), ...to.addressLines, ...(to.fax ? [`Fax: ${to.fax}`] : [])].map(plain)
}

/** The argument sections for the case's denial reasons; a block shared by two reasons appears once. */
function argumentSections(detail: CaseDetail): string[] {
  const reasons = latestDenial(detail)?.reasons ?? []
  const used = new Set<string>()
  const sections: string[] = []
  for (const reason of reasons.length ? reasons : (['other'] as const)) {
    const blocks = argumentsFor(reason, detail.therapy.category, detail.coverage.planFamily).filter((b) => !used.has(b.id))
    if (!blocks.length) continue
    blocks.forEach((b) => used.add(b.id))
    sections.push(`## ${headingFor(reason)}`, ...blocks.flatMap((b) => b.paragraphsEn))
  }
  return sections
}

/**
 * The letter as editable text (shared/rules/letters/letterText.ts format), filled with the case's
 * facts. Paragraphs are joined by blank lines; facts the case lacks are `[[placeholders]]`.
 */
export function buildLetterText(kind: LetterKind, detail: CaseDetail, organization: Organization, today: string): string {
  const rule = letterKindRule(kind)
  const facts = caseFacts(detail, organization, today)
  const paragraphs: string[] = [
    '{today}',
    recipientLines(rule, detail).join('\n'),
    referenceLines(rule, facts).join('\n'),
    rule.salutationEn,
    ...rule.openingEn,
  ]
  if (rule.argues) {
    if (facts.reasonList) paragraphs.push('The notice gives these reasons for the denial: {reasonList}. Each is answered below.')
    paragraphs.push(...argumentSections(detail))
  }
  paragraphs.push('## What we ask', ...rule.askEn)
  if (rule.isPacket) paragraphs.push('The enclosed exhibits are listed in the exhibit index.')
  paragraphs.push(signatureLines(rule, facts).join('\n'))
  return paragraphs.map((p) => fillTemplate(p, facts)).join('\n\n')
}

/** The cover letter that goes on top of a packet. */
export function buildCoverLetterText(kind: LetterKind, detail: CaseDetail, organization: Organization, today: string, exhibitCount: number): string {
  const rule = letterKindRule(kind)
  const facts = caseFacts(detail, organization, today)
  const exhibits = exhibitCount === 1 ? 'the one exhibit' : `the ${exhibitCount} exhibits`
  const paragraphs = [
    '{today}',
    recipientLines(rule, detail).join('\n'),
    `Re: ${rule.subjectEn}\nPatient: {patientName} · Member ID: {memberId}\nClaim or reference number: {reference}`,
    rule.salutationEn,
    `Enclosed please find the ${rule.titleEn.toLowerCase()} for {patientName}, an exhibit index and ${exhibits} it lists.`,
    ...(detail.urgency === 'expedited' ? ['This request is urgent. Please decide it on the expedited timeframe.'] : []),
    'Please send all correspondence about this matter to {signerName}, {orgName}, at {orgPhone}, and to the patient.',
    ['Sincerely,', '', '{signerName}', '{signerTitle}, {orgName}'].join('\n'),
  ]
  return paragraphs.map((p) => fillTemplate(p, facts)).join('\n\n')
}

export interface PacketExhibit {
  number: number
  label: string
  originalName: string
  kind: Attachment['kind']
  sizeBytes: number
  addedOn: string
  /** Pages the exhibit adds (PDF counted, image 1); null for a Word file or an unreadable PDF. */
  pages: number | null
}

/** The fax cover sheet on top of a packet. */
export interface FaxCover {
  to: string[]
  /** The destination's fax number from the payer directory; '' leaves the placeholder. */
  fax?: string
  date: string
  /** Pages of all exhibits that could be counted, and whether some (Word files) could not. */
  exhibitPages: number
  hasUncountedPages: boolean
}

/** Everything the DOCX builder needs; no database, no files. */
export interface PacketModel {
  title: string
  patientName: string
  /** The identifiers printed in every page's header. */
  memberId: string
  reference: string
  organization: Organization
  letterTitle: string
  /** Null for letter-only drafts (no cover sheet, cover letter or exhibits). */
  faxCover: FaxCover | null
  coverLetter: string | null
  letter: string
  exhibits: PacketExhibit[]
}

export function buildPacketModel(input: {
  kind: LetterKind
  detail: CaseDetail
  organization: Organization
  today: string
  letterBody: string
  attachments: Attachment[]
  /** Pages per attachment id (see exhibitFiles.ts); missing ids count as unknown. */
  pages?: Map<number, number | null>
}): PacketModel {
  const rule = letterKindRule(input.kind)
  const facts = caseFacts(input.detail, input.organization, input.today)
  const patientName = `${input.detail.patient.firstName} ${input.detail.patient.lastName}`.trim()
  const pagesOf = (id: number) => input.pages?.get(id) ?? null
  return {
    title: `${rule.titleEn} — ${patientName}`,
    patientName,
    memberId: fillTemplate('{memberId}', facts),
    reference: fillTemplate('{reference}', facts),
    organization: input.organization,
    letterTitle: rule.titleEn,
    faxCover: rule.isPacket
      ? {
          to: recipientLines(rule, input.detail).slice(0, 2).map((line) => fillTemplate(line, facts)),
          fax: input.detail.appealDestination?.fax ?? '',
          date: facts.today,
          exhibitPages: input.attachments.reduce((sum, a) => sum + (pagesOf(a.id) ?? 0), 0),
          hasUncountedPages: input.attachments.some((a) => pagesOf(a.id) === null),
        }
      : null,
    coverLetter: rule.isPacket ? buildCoverLetterText(input.kind, input.detail, input.organization, input.today, input.attachments.length) : null,
    letter: input.letterBody,
    exhibits: rule.isPacket
      ? input.attachments.map((a) => ({
          number: a.exhibitNumber,
          label: a.label,
          originalName: a.originalName,
          kind: a.kind,
          sizeBytes: a.sizeBytes,
          addedOn: formatDay(a.addedAt.slice(0, 10)),
          pages: pagesOf(a.id),
        }))
      : [],
  }
}
