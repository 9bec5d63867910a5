import type { Attachment, LetterKind, Organization } from '../../../shared/domain/documents'
import type { CaseDetail, DenialDetail } from '../../../shared/domain/cases'
import { REASON_NAMES_EN, argumentsFor, headingFor } from '../../../shared/rules/letters/arguments'
import { fillTemplate, type Facts } from '../../../shared/rules/letters/facts'
import { letterKindRule, workingLevel, type LetterKindRule } from '../../../shared/rules/letters/kinds'
import type { PlanFamily } from '../../../shared/domain/enums'
import { addCalendarDays } from '../../../shared/domain/days'
import { continuationRuleFor } from '../../../shared/rules/continuation'
import { describeDiagnosis } from '../../../shared/rules/icd10'
import { aicFor, findLevel } from '../../../shared/rules/ladders'
import { medicareRoute } from '../../../shared/rules/medicareRouting'
import { STATE_LAW_FAMILIES, stateRules } from '../../../shared/rules/stateRules'
import {
  DEADLINE_WORDS,
  PATIENT_SUMMARY,
  PATIENT_SUMMARY_WHAT_TO_DO,
  REASON_NAMES_ES,
  REPRESENTATION_AUTHORIZATION,
  SIGNATURE_LINES,
  patientLanguage,
} from '../../../shared/rules/letters/patientDocuments'

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

function firstDenial(detail: CaseDetail): DenialDetail | null {
  return [...detail.denials].sort((a, b) => a.noticeDate.localeCompare(b.noticeDate) || a.id - b.id)[0] ?? null
}

/** How a letter names the decision-maker: Original Medicare is a program, not "a plan". */
function payerWords(family: PlanFamily): { role: string; label: string } {
  if (family === 'medicare_part_b') return { role: 'Medicare', label: 'Medicare contractor' }
  if (family === 'medicaid_ffs') return { role: 'the Medicaid agency', label: 'Medicaid program' }
  return { role: 'the plan', label: 'Plan' }
}

/** The expedited decision time at the case's level, as a letter states it: "72 hours (29 CFR …)". */
function expeditedClock(detail: CaseDetail): string {
  const levelId = workingLevel(detail.coverage.planFamily, detail.stage)
  const level = levelId ? findLevel(detail.coverage.planFamily, levelId) : null
  const window = level?.decisionWindows.find((w) => w.track === 'expedited')
  if (!window || !level?.expedited.available) return ''
  const unit = window.unit === 'hours' ? 'hours' : window.unit === 'business_days' ? 'business days' : 'days'
  return `${window.amount} ${unit} (${window.citation})`
}

/** "The amount in controversy, $4,200.00, meets the $200 threshold for 2026 (FR …)"; empty when unknown or below. */
function aicStatement(amount: number | null, today: string): string {
  if (amount === null) return ''
  const year = Number(today.slice(0, 4))
  const row = aicFor(year)
  if (!row || amount < row.alj) return ''
  return `The amount in controversy, ${formatMoney(amount)}, meets the $${row.alj} threshold for requests filed in ${year} (${row.citation}).`
}

function continuationCitation(detail: CaseDetail): string {
  return continuationRuleFor(detail.coverage.planFamily, detail.therapy.category)?.citation ?? ''
}

/** The day an ongoing therapy is cut: the day after the latest approved authorization ends. */
function actionEffectiveDate(detail: CaseDetail): string | null {
  const ends = (detail.priorAuths ?? []).filter((pa) => (pa.outcome === 'approved' || pa.outcome === 'partly_approved') && pa.approvedThrough).map((pa) => pa.approvedThrough as string)
  const last = ends.sort().at(-1)
  return last ? addCalendarDays(last, 1) : null
}

/** The case's facts as letters print them; empty strings are missing facts. */
export function caseFacts(detail: CaseDetail, organization: Organization, today: string): Facts {
  const denial = latestDenial(detail)
  const priorAuth = [...(detail.priorAuths ?? [])].sort((a, b) => b.requestedOn.localeCompare(a.requestedOn))[0] ?? null
  const family = detail.coverage.planFamily
  const words = payerWords(family)
  const state = stateRules(detail.coverage.state)
  const isStateRegulated = STATE_LAW_FAMILIES.includes(family)
  const route = family.startsWith('medicare_')
    ? medicareRoute({ therapy: detail.therapy.category, icd10Codes: detail.therapy.icd10Codes, hcpcsCode: detail.therapy.hcpcsCode, drug: detail.therapy.drug })
    : null
  const priorAuthNumber = denial?.priorAuthNumber || priorAuth?.referenceNumber || ''
  const representative = detail.representation?.representative.trim() ?? ''
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
    diagnosis: detail.therapy.icd10Codes.map(describeDiagnosis).join('; '),
    prescriber: detail.therapy.prescriber,
    prescriberNpi: detail.therapy.prescriberNpi ?? '',
    prescriberPhone: detail.therapy.prescriberPhone ?? '',
    prescriberFax: detail.therapy.prescriberFax ?? '',
    infusionProvider: detail.therapy.infusionProvider,
    noticeDate: formatDay(denial?.noticeDate ?? null),
    originalNoticeDate: formatDay(firstDenial(detail)?.noticeDate ?? null),
    reference: denial?.claimNumber || priorAuthNumber,
    priorAuthNumber,
    claimNumber: denial?.claimNumber ?? '',
    priorAuthRequestedOn: formatDay(priorAuth?.requestedOn ?? null),
    amount: formatMoney(denial?.amount ?? null),
    reasonList: (denial?.reasons ?? []).map((r) => REASON_NAMES_EN[r]).join('; '),
    payerRole: words.role,
    payerLabel: words.label,
    stateName: state?.nameEn ?? detail.coverage.state,
    // The payer directory (issue 12) supplies appeal addresses; until then the advocate types it in.
    appealAddress: '',
    externalReviewRecipient:
      family === 'employer_self_funded'
        ? `${detail.coverage.payer}, for assignment to an independent review organization`
        : state?.externalReview && isStateRegulated
          ? `${state.externalReview.nameEn}, ${state.nameEn}`
          : detail.coverage.state
            ? `${state?.nameEn ?? detail.coverage.state} Department of Insurance, External Review`
            : '',
    clinicalSummary: detail.summary,
    // A route argument only where it helps this appeal: Part B routes for Part B and Medicare Advantage,
    // Part D routes for Part D. A mismatch is a wrong-route warning on the case page, not an argument.
    medicareRoute: route && (family === 'medicare_advantage' || (family === 'medicare_part_b') === (route.part === 'B')) ? route.argumentEn : '',
    aicStatement: aicStatement(denial?.amount ?? null, today),
    stepTherapyLaw: isStateRegulated && state?.stepTherapy ? `${state.nameEn} law (${state.stepTherapy.citation})` : '',
    stepTherapyDecision: isStateRegulated ? (state?.stepTherapy?.decisionEn ?? '') : '',
    externalReviewLaw:
      isStateRegulated && state?.externalReview
        ? `${state.externalReview.nameEn.includes(state.nameEn) ? 'the' : `${state.nameEn}’s`} ${state.externalReview.nameEn} (${state.externalReview.citation})`
        : '',
    continuationCitation: continuationCitation(detail),
    actionEffectiveDate: formatDay(actionEffectiveDate(detail)),
    representationSignedOn: formatDay(detail.representation?.signedOn ?? null),
    expeditedClock: expeditedClock(detail),
    orgName: organization.name,
    // The representative on file signs; without one, the signer set in Settings.
    signerName: representative || organization.signerName,
    signerTitle: organization.signerTitle,
    orgPhone: organization.phone,
    orgFax: organization.fax,
  }
}

function referenceLines(rule: LetterKindRule, facts: Facts): string[] {
  const ids = [facts.priorAuthNumber && 'Prior-authorization number: {priorAuthNumber}', facts.claimNumber && 'Claim number: {claimNumber}'].filter(Boolean) as string[]
  return [
    `Re: ${rule.subjectEn}`,
    'Patient: {patientName} · Date of birth: {dateOfBirth}',
    facts.groupNumber ? 'Member ID: {memberId} · Group: {groupNumber}' : 'Member ID: {memberId}',
    '{payerLabel}: {payer}',
    'Diagnosis: {diagnosis}',
    facts.hcpcsCode ? 'Service: {drug} (HCPCS {hcpcsCode})' : 'Service: {drug}',
    ...(ids.length ? ids : ['Claim or reference number: {reference}']),
    'Decision appealed: notice dated {noticeDate}',
    ...(facts.amount ? ['Amount denied: {amount}'] : []),
  ]
}

function signatureLines(rule: LetterKindRule, facts: Facts): string[] {
  switch (rule.signer) {
    case 'prescriber':
      if (!facts.prescriberNpi) return ['Sincerely,', '', '', '{prescriber}', 'Treating physician']
      return ['Sincerely,', '', '', '{prescriber}', 'Treating physician · NPI {prescriberNpi}', facts.prescriberFax ? 'Phone {prescriberPhone} · Fax {prescriberFax}' : 'Phone {prescriberPhone}']
    case 'patient':
      return ['Sincerely,', '', 'Signature: ______________________   Date: ____________', '{patientName}']
    case 'advocate': {
      const appointed = facts.representationSignedOn ? ' (appointment signed {representationSignedOn}, enclosed)' : ''
      return [
        'Sincerely,',
        '',
        '',
        '{signerName}',
        facts.signerTitle ? '{signerTitle}, {orgName}' : '{orgName}',
        `Authorized representative of {patientName}${appointed}`,
        facts.orgFax ? 'Phone {orgPhone} · Fax {orgFax}' : 'Phone {orgPhone}',
      ]
    }
  }
}

/**
 * The recipient block: the case's appeal destination from the payer directory when it is linked
 * (issue 12, item 3), else the letter kind's generic block with its placeholders.
 */
export function recipientLines(rule: LetterKindRule, detail: CaseDetail): string[] {
  const to = detail.appealDestination
  // Only letters sent to the appeal address use the directory: complaints to a regulator (DOL, a
  // state department of insurance) keep their own recipient.
  if (!to || !rule.recipientEn.includes('{appealAddress}')) return rule.recipientEn
  // Typed text goes through the template filler: braces would read as fact tokens.
  const plain = (line: string) => line.replace(/[{}]/g, '')
  const address = [...to.addressLines, ...(to.fax ? [`Fax: ${to.fax}`] : [])].map(plain)
  // An external review request keeps who decides it (the plan for assignment to an IRO, or the state
  // program) and takes only the address from the directory.
  if (EXTERNAL_REVIEW_KINDS.includes(rule.kind)) return rule.recipientEn.flatMap((line) => (line === '{appealAddress}' ? address : [line]))
  return [...[to.recipient, ...(to.payer && to.payer !== to.recipient ? [to.payer] : [])].map(plain), ...address]
}

/** The argument sections for the case's denial reasons; a block shared by two reasons appears once. */
/** External review requests are already that review: the "eligible for external review" paragraph would read oddly. */
const EXTERNAL_REVIEW_KINDS: LetterKind[] = ['external_review_request', 'expedited_external_review']

function argumentSections(detail: CaseDetail, facts: Facts, kind: LetterKind): string[] {
  const reasons = latestDenial(detail)?.reasons ?? []
  const used = new Set<string>()
  const sections: string[] = []
  for (const reason of reasons.length ? reasons : (['other'] as const)) {
    const blocks = argumentsFor(reason, detail.therapy.category, detail.coverage.planFamily).filter(
      (b) =>
        !used.has(b.id) &&
        (!b.requiresFact || facts[b.requiresFact].trim() !== '') &&
        !(b.id === 'necessity.external_scope' && EXTERNAL_REVIEW_KINDS.includes(kind)),
    )
    if (!blocks.length) continue
    blocks.forEach((b) => used.add(b.id))
    sections.push(`## ${headingFor(reason)}`, ...blocks.flatMap((b) => b.paragraphsEn))
  }
  return sections
}

function legalBasis(rule: LetterKindRule, detail: CaseDetail, facts: Facts): string[] {
  const row = rule.legalBasisEn?.find((b) => b.families.includes(detail.coverage.planFamily) && (!b.requiresFact || facts[b.requiresFact].trim() !== ''))
  return row ? [row.textEn] : []
}

/** An urgent case asks for an expedited decision outright, in every appeal it files. */
function urgencyParagraphs(rule: LetterKindRule, detail: CaseDetail, facts: Facts): string[] {
  if (!rule.isAppeal || detail.urgency !== 'expedited' || rule.kind === 'expedited_review_request' || rule.kind === 'expedited_external_review') return []
  if (!facts.expeditedClock) return []
  return ['## This request is urgent', '{prescriber} has stated that waiting for a standard decision could seriously jeopardize {patientName}’s life, health or ability to regain maximum function. We ask for an expedited decision, within {expeditedClock}.']
}

/** A reduced or stopped ongoing therapy: ask that it continue while the appeal is pending. */
function continuationParagraphs(rule: LetterKindRule, detail: CaseDetail, facts: Facts): string[] {
  if (!rule.isAppeal || detail.serviceType !== 'concurrent' || rule.kind === 'continued_benefits_request' || rule.kind === 'medicare_fast_track_qio') return []
  if (!facts.continuationCitation || detail.coverage.planFamily.startsWith('medicare_')) return []
  return ['Because this decision reduces or ends an ongoing course of treatment, we ask that {drug} continue to be covered while this appeal is pending ({continuationCitation}).']
}

/**
 * The letter as editable text (shared/rules/letters/letterText.ts format), filled with the case's
 * facts. Paragraphs are joined by blank lines; facts the case lacks are `[[placeholders]]`.
 */
export function buildLetterText(kind: LetterKind, detail: CaseDetail, organization: Organization, today: string): string {
  if (kind === 'patient_summary' || kind === 'representation_authorization') return buildPatientDocument(kind, detail, organization, today)
  const rule = letterKindRule(kind)
  const facts = caseFacts(detail, organization, today)
  const paragraphs: string[] = [
    '{today}',
    recipientLines(rule, detail).join('\n'),
    referenceLines(rule, facts).join('\n'),
    rule.salutationEn,
    ...rule.openingEn,
    ...continuationParagraphs(rule, detail, facts),
    ...legalBasis(rule, detail, facts),
    ...urgencyParagraphs(rule, detail, facts),
  ]
  if (rule.argues) {
    if (facts.reasonList) paragraphs.push('The notice gives these reasons for the denial: {reasonList}. Each is answered below.')
    paragraphs.push(...argumentSections(detail, facts, kind))
  }
  paragraphs.push('## What we ask', ...rule.askEn)
  if (rule.isPacket) paragraphs.push('The enclosed exhibits are listed in the exhibit index.')
  paragraphs.push(signatureLines(rule, facts).join('\n'))
  return paragraphs.map((p) => fillTemplate(p, facts)).join('\n\n')
}

const formatDayEs = (day: string | null) => (day ? new Date(`${day}T12:00:00Z`).toLocaleDateString('es-US', { dateStyle: 'long', timeZone: 'UTC' }) : '')

/**
 * The patient's own documents, in the patient's language (English or Spanish): the summary of the appeal
 * with its dates, or the representation authorization to sign. Same facts, same placeholders.
 */
function buildPatientDocument(kind: 'patient_summary' | 'representation_authorization', detail: CaseDetail, organization: Organization, today: string): string {
  const language = patientLanguage(detail.patient.preferredLanguage)
  const english = caseFacts(detail, organization, today)
  const denial = latestDenial(detail)
  const facts: Facts =
    language === 'es'
      ? {
          ...english,
          today: formatDayEs(today),
          dateOfBirth: formatDayEs(detail.patient.dateOfBirth),
          noticeDate: formatDayEs(denial?.noticeDate ?? null),
          reasonList: (denial?.reasons ?? []).map((r) => REASON_NAMES_ES[r]).join('; '),
        }
      : english
  const format = language === 'es' ? formatDayEs : formatDay
  const signature = SIGNATURE_LINES[language]
  const paragraphs: string[] = ['{today}']
  if (kind === 'patient_summary') {
    const text = PATIENT_SUMMARY[language]
    paragraphs.push(`## ${text.title}`, ...text.paragraphs, text.datesHeading)
    const dates = (detail.deadlineReport?.deadlines ?? [])
      .filter((d) => d.side === 'ours' || d.key.startsWith('decide_'))
      .map((d) => {
        const words = DEADLINE_WORDS[language].find((w) => d.key.startsWith(w.prefix))?.text
        return words ? `- ${words}: ${format(d.dueDate)}` : null
      })
      .filter((line): line is string => line !== null)
    paragraphs.push(dates.length ? dates.join('\n') : text.noDates, PATIENT_SUMMARY_WHAT_TO_DO[language][0], PATIENT_SUMMARY_WHAT_TO_DO[language].slice(1).join('\n'))
    paragraphs.push([signature.closing, '', '', '{signerName}', '{orgName}', '{orgPhone}'].join('\n'))
  } else {
    const text = REPRESENTATION_AUTHORIZATION[language]
    paragraphs.push(`## ${text.title}`, ...text.paragraphs)
    if (detail.coverage.planFamily.startsWith('medicare_') && text.medicareNote) paragraphs.push(text.medicareNote)
    paragraphs.push(signature.patient.join('\n'), signature.representative.join('\n'))
  }
  return paragraphs.map((p) => fillTemplate(p, facts)).join('\n\n')
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve']

/** "the one exhibit it lists", "the 14 exhibits it lists"; with none, only the index. */
function exhibitPhrase(count: number): string {
  if (count === 0) return 'and an exhibit index'
  if (count === 1) return 'an exhibit index and the one exhibit it lists'
  return `an exhibit index and the ${NUMBER_WORDS[count] ?? count} exhibits it lists`
}

/** The cover letter that goes on top of a packet. */
export function buildCoverLetterText(kind: LetterKind, detail: CaseDetail, organization: Organization, today: string, exhibitCount: number): string {
  const rule = letterKindRule(kind)
  const facts = caseFacts(detail, organization, today)
  const subject = rule.subjectEn.charAt(0).toLowerCase() + rule.subjectEn.slice(1)
  const ids = [facts.priorAuthNumber && 'Prior-authorization number: {priorAuthNumber}', facts.claimNumber && 'Claim number: {claimNumber}'].filter(Boolean)
  const paragraphs = [
    '{today}',
    recipientLines(rule, detail).join('\n'),
    [`Re: ${rule.subjectEn}`, 'Patient: {patientName} · Member ID: {memberId}', ...(ids.length ? ids : ['Claim or reference number: {reference}'])].join('\n'),
    rule.salutationEn,
    `Enclosed please find our ${subject} on behalf of {patientName}, ${exhibitPhrase(exhibitCount)}.`,
    ...(detail.urgency === 'expedited' && facts.expeditedClock ? ['This request is urgent. Please decide it on the expedited timeframe, within {expeditedClock}.'] : []),
    'Please send all correspondence about this matter to {signerName}, {orgName}, at {orgPhone}, and to the patient.',
    ['Sincerely,', '', '', '{signerName}', facts.signerTitle ? '{signerTitle}, {orgName}' : '{orgName}'].join('\n'),
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

/** "Letter of medical necessity (Dr. Osei, Nov 2026)": the checklist's label first, the advocate's label after when it adds something. */
function exhibitDescription(label: string, checklistLabel: string | undefined): string {
  if (!checklistLabel) return label
  const own = label.trim()
  return !own || own.toLowerCase() === checklistLabel.toLowerCase() ? checklistLabel : `${checklistLabel} (${own})`
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
  /** The checklist item each attachment satisfied, by attachment id: the index names exhibits as the checklist does. */
  checklistLabels?: Map<number, string>
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
          label: exhibitDescription(a.label, input.checklistLabels?.get(a.id)),
          originalName: a.originalName,
          kind: a.kind,
          sizeBytes: a.sizeBytes,
          addedOn: formatDay(a.addedAt.slice(0, 10)),
          pages: pagesOf(a.id),
        }))
      : [],
  }
}
