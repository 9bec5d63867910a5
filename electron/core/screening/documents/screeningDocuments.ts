import { Document, HeadingLevel, Packer, type Paragraph } from 'docx'
import type { Organization } from '../../../../shared/domain/documents'
import { formatMoney } from '../../../../shared/domain/money'
import type { Applicant, Application, DocumentLanguage, Program, Reminder, RuleResult, ScreeningReport } from '../../../../shared/domain/screening'
import { SCREENING_OUTCOMES } from '../../../../shared/domain/screening'
import { orderResults } from '../../../../shared/domain/screeningOrder'
import { writtenDate } from '../../../../shared/domain/writtenDate'
import { INSURANCE_GROUP_LABELS_EN, INSURANCE_TYPE_LABELS_EN, REMINDERS_EN, fillTemplate, formatPercent } from '../../../../shared/rules/screeningReasons'
import {
  APPLICATION_STATUS_LABELS_ES,
  INSURANCE_GROUP_LABELS_ES,
  INSURANCE_TYPE_LABELS_ES,
  OUTCOME_LABELS_ES,
  REASONS_ES,
  REMINDERS_ES,
  RULE_OUTCOME_LABELS_ES,
} from '../../../../shared/rules/screeningReasonsEs'
import { LETTER_PAGE, letterhead, para, signatureBlock, type Signer } from './letterParts'
import { SUMMARY_TEXT } from './summaryText'

const OUTCOME_EN = { eligible: 'Eligible', needs_information: 'Needs information', not_eligible: 'Not eligible' } as const
const MARK_EN = { pass: 'Meets', fail: 'Fails', unknown: 'Unknown', note: 'Note' } as const

const name = (a: Applicant) => `${a.firstName} ${a.lastName}`

/** English label → Spanish label, for rule parameters the engine filled with English labels. */
const reverse = <K extends string>(en: Record<K, string>, es: Record<K, string>) => new Map(Object.keys(en).map((k) => [en[k as K], es[k as K]]))
const INSURANCE_ES = reverse(INSURANCE_TYPE_LABELS_EN, INSURANCE_TYPE_LABELS_ES)
const GROUP_ES = reverse(INSURANCE_GROUP_LABELS_EN, INSURANCE_GROUP_LABELS_ES)

/** A rule's reason in the document's language: the engine's English text, or the Spanish sentence with its labels translated. */
function reasonText(rule: RuleResult, language: DocumentLanguage): string {
  if (language === 'en' || !(rule.reason in REASONS_ES)) return rule.text
  const params = { ...rule.params }
  if (params.insurance) params.insurance = INSURANCE_ES.get(params.insurance) ?? params.insurance
  if (params.group) params.group = GROUP_ES.get(params.group) ?? params.group
  if (params.groups) params.groups = params.groups.split(', ').map((g) => GROUP_ES.get(g) ?? g).join(', ')
  return fillTemplate(REASONS_ES[rule.reason as keyof typeof REASONS_ES], params)
}

/** A reminder with its days written out, in the document's language. */
function reminderText(reminder: Reminder, language: DocumentLanguage): string {
  const params = { ...reminder.params }
  for (const key of ['date', 'lapse'] as const) if (params[key]) params[key] = writtenDate(params[key], language)
  return fillTemplate((language === 'es' ? REMINDERS_ES : REMINDERS_EN)[reminder.kind], params)
}

/** An insurance label as a fact ("Seguro médico: Plan del empleador…"): the Spanish sentence form's article dropped. */
function factLabel(type: keyof typeof INSURANCE_TYPE_LABELS_EN, language: DocumentLanguage): string {
  if (language === 'en') return INSURANCE_TYPE_LABELS_EN[type]
  const bare = INSURANCE_TYPE_LABELS_ES[type].replace(/^(un|una|el|la) /, '')
  return bare.charAt(0).toUpperCase() + bare.slice(1)
}

export interface SummaryModel {
  applicant: Applicant
  report: ScreeningReport
  applications: Application[]
  preparedOn: string
  organization: Organization
  signer: Signer
  language: DocumentLanguage
}

/**
 * The screening summary, fit to hand to the patient or file: letterhead, the day written out, facts,
 * the poverty-level arithmetic, the programs grouped eligible → needs information → not eligible with
 * every rule, applications, and the screener's signature. In English or Spanish.
 */
export function buildScreeningSummary(model: SummaryModel): Document {
  const { applicant, report, language } = model
  const text = SUMMARY_TEXT[language]
  const money = (value: number | null) => (value === null ? text.notGiven : formatMoney(value))
  const insurance = applicant.insuranceType ? factLabel(applicant.insuranceType, language) : text.notGiven
  const children: Paragraph[] = [
    ...letterhead(model.organization),
    para(writtenDate(model.preparedOn, language), { after: 240 }),
    para(text.title(name(applicant)), { heading: HeadingLevel.HEADING_1 }),
    para(`${text.screened(writtenDate(report.screenedOn, language))} ${text.verifyNote}`),
    para(text.applicant, { heading: HeadingLevel.HEADING_2 }),
    para(`${text.householdSize}: ${applicant.householdSize ?? text.notGiven}`),
    para(`${text.income}: ${money(applicant.annualIncome)}`),
    para(`${text.state}: ${applicant.state ?? text.notGiven}`),
    para(`${text.insurance}: ${insurance}${applicant.payer ? ` (${applicant.payer})` : ''}`),
    para(`${text.diagnosis}: ${applicant.icd10Codes.join(', ') || text.notGiven}; ${text.drug.toLowerCase()}: ${[applicant.drugName, applicant.hcpcsCode].filter(Boolean).join(' ') || text.notGiven}`),
    para(`${text.outOfPocket}: ${money(applicant.outOfPocket)}`),
    para(text.fplTitle, { heading: HeadingLevel.HEADING_2 }),
  ]
  const fpl = report.fpl
  if (fpl) {
    children.push(
      para(text.fplGuideline(fpl.year, fpl.householdSize, formatMoney(fpl.firstPerson), fpl.householdSize - 1, formatMoney(fpl.perAdditionalPerson), formatMoney(fpl.guideline))),
      para(`${text.fplPercent(formatMoney(fpl.annualIncome), formatMoney(fpl.guideline), formatPercent(fpl.percent))}${fpl.verification === 'U' ? text.fplVerify : ''}`),
      para(`${text.source}: ${fpl.citation}`),
    )
  } else {
    // The engine states why in English; the Spanish copy says the same from its own table.
    children.push(para(language === 'es' ? REASONS_ES.fpl_missing_facts : (report.fplMissing ?? '')))
  }
  children.push(para(text.programs, { heading: HeadingLevel.HEADING_2 }))
  const ordered = orderResults(report.results)
  for (const outcome of SCREENING_OUTCOMES) {
    const group = ordered.filter((r) => r.outcome === outcome)
    if (!group.length) continue
    children.push(para(text.groups[outcome], { heading: HeadingLevel.HEADING_3 }))
    for (const result of group) {
      const verdict = language === 'es' ? OUTCOME_LABELS_ES[result.outcome] : OUTCOME_EN[result.outcome]
      children.push(para(`${result.programName}: ${verdict}${result.isProgramVerified ? '' : ` (${text.verifyProgram})`}`, { bold: true }))
      for (const r of result.rules) {
        const mark = language === 'es' ? RULE_OUTCOME_LABELS_ES[r.outcome] : MARK_EN[r.outcome]
        children.push(para(`${mark}: ${reasonText(r, language)}${r.citation ? ` [${r.citation}]` : ''}`, { indent: true }))
      }
    }
  }
  if (model.applications.length) {
    children.push(para(text.applications, { heading: HeadingLevel.HEADING_2 }))
    for (const app of model.applications) {
      const status = language === 'es' ? APPLICATION_STATUS_LABELS_ES[app.status] : app.status.replace(/_/g, ' ')
      children.push(para(`${app.programName}: ${status}${app.awardAmount !== null ? `, ${text.award(formatMoney(app.awardAmount))}` : ''}`))
      for (const reminder of app.reminders) children.push(para(reminderText(reminder, language), { indent: true }))
    }
  }
  children.push(para(text.questions, { after: 240 }), ...signatureBlock(text.closing, model.signer, model.organization))
  return new Document({ creator: 'Overturn', title: text.title(name(applicant)), sections: [{ properties: { page: LETTER_PAGE }, children }] })
}

export interface CoverLetterModel {
  applicant: Applicant
  program: Program
  application: Application | null
  fplPercent: number | null
  preparedOn: string
  organization: Organization
  signer: Signer
}

/**
 * A cover letter sending an application to a program, fit to send: letterhead, the day written out,
 * the program's address block, a reference line, the request, the documents enclosed, the deadline
 * written out, a closing and the screener's signature block.
 */
export function buildCoverLetter(model: CoverLetterModel): Document {
  const { applicant, program, organization } = model
  const dueOn = model.application?.documentsDueOn
  const children: Paragraph[] = [
    ...letterhead(organization),
    para(writtenDate(model.preparedOn), { after: 240 }),
    para(program.sponsor ? `${program.name}\n${program.sponsor}` : program.name, { after: 240 }),
    para(`Re: Application for ${name(applicant)}${applicant.dateOfBirth ? ` (date of birth ${writtenDate(applicant.dateOfBirth)})` : ''}`, { bold: true, after: 240 }),
    para(`Dear ${program.name} team:`),
    para(
      `Please find enclosed an application for ${name(applicant)}, who receives ${applicant.drugName || 'home infusion therapy'}${applicant.icd10Codes.length ? ` for diagnosis ${applicant.icd10Codes.join(', ')}` : ''}. ` +
        `The applicant's household of ${applicant.householdSize ?? '(not given)'} has an annual income of ${applicant.annualIncome === null ? '(not given)' : formatMoney(applicant.annualIncome)}` +
        `${model.fplPercent !== null ? `, ${formatPercent(model.fplPercent)}% of the federal poverty level` : ''}.`,
    ),
  ]
  if (program.documentsRequired.length) {
    children.push(para('Enclosed:'))
    for (const doc of program.documentsRequired) children.push(para(`• ${doc}`, { indent: true }))
  }
  if (dueOn) children.push(para(`We understand the documents are due by ${writtenDate(dueOn)}, and we are sending them ahead of that date.`))
  const contact = [organization.phone && `by phone at ${organization.phone}`, organization.email && `by email at ${organization.email}`].filter(Boolean).join(' or ')
  children.push(
    para(`Thank you for considering this application. Please contact me${contact ? ` ${contact}` : ''} with any question or if anything further is needed.`, { after: 240 }),
    ...signatureBlock('Sincerely,', model.signer, organization),
  )
  return new Document({ creator: 'Overturn', title: 'Application cover letter', sections: [{ properties: { page: LETTER_PAGE }, children }] })
}

/** Packs a document into .docx bytes. */
export function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document)
}
