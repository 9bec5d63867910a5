import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import type { Applicant, Application, Program, ScreeningReport } from '../../../../shared/domain/screening'
import { INSURANCE_TYPE_LABELS_EN, PROGRAM_TYPE_LABELS_EN, formatDollars, formatPercent } from '../../../../shared/rules/screeningReasons'
import { docLines } from '../../documents/docText'

/** US Letter in twentieths of a point (docx defaults to A4), one-inch margins. */
const LETTER_PAGE = { size: { width: 12_240, height: 15_840 }, margin: { top: 1440, right: 1440, bottom: 1440, left: 1440 } }

const OUTCOME_EN = { eligible: 'Eligible', needs_information: 'Needs information', not_eligible: 'Not eligible' } as const
const MARK_EN = { pass: 'Meets', fail: 'Fails', unknown: 'Unknown', note: 'Note' } as const

/** A paragraph of user text: every line a run, joined by line breaks. */
function para(text: string, options: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; indent?: boolean } = {}): Paragraph {
  const runs = docLines(text).map((line, i) => new TextRun({ text: line, bold: options.bold, break: i > 0 ? 1 : undefined }))
  return new Paragraph({ children: runs, heading: options.heading, indent: options.indent ? { left: 360 } : undefined, spacing: { after: 80 } })
}

const name = (a: Applicant) => `${a.firstName} ${a.lastName}`

export interface SummaryModel {
  applicant: Applicant
  report: ScreeningReport
  applications: Application[]
  preparedOn: string
}

/** The screening summary for the applicant's file: facts, FPL arithmetic, each program's result rule by rule. */
export function buildScreeningSummary(model: SummaryModel): Document {
  const { applicant, report } = model
  const children: Paragraph[] = [
    para(`Financial assistance screening: ${name(applicant)}`, { heading: HeadingLevel.HEADING_1 }),
    para(`Screened ${report.screenedOn}. Prepared with Overturn on ${model.preparedOn}. Program rules marked "verify" must be confirmed with the program.`),
    para('Applicant', { heading: HeadingLevel.HEADING_2 }),
    para(`Household size: ${applicant.householdSize ?? 'not given'}`),
    para(`Annual household income: ${applicant.annualIncome === null ? 'not given' : formatDollars(applicant.annualIncome)}`),
    para(`State: ${applicant.state ?? 'not given'}`),
    para(`Insurance: ${applicant.insuranceType ? INSURANCE_TYPE_LABELS_EN[applicant.insuranceType] : 'not given'}${applicant.payer ? ` (${applicant.payer})` : ''}`),
    para(`Diagnosis: ${applicant.icd10Codes.join(', ') || 'not given'}; drug: ${[applicant.drugName, applicant.hcpcsCode].filter(Boolean).join(' ') || 'not given'}`),
    para(`Out-of-pocket cost: ${applicant.outOfPocket === null ? 'not given' : formatDollars(applicant.outOfPocket)}`),
    para('Percentage of the federal poverty level', { heading: HeadingLevel.HEADING_2 }),
  ]
  const fpl = report.fpl
  if (fpl) {
    children.push(
      para(`${fpl.year} HHS guideline for a household of ${fpl.householdSize}: ${formatDollars(fpl.firstPerson)} + ${fpl.householdSize - 1} × ${formatDollars(fpl.perAdditionalPerson)} = ${formatDollars(fpl.guideline)}.`),
      para(`${formatDollars(fpl.annualIncome)} ÷ ${formatDollars(fpl.guideline)} = ${formatPercent(fpl.percent)}% of the poverty level.${fpl.verification === 'U' ? ' Verify: a figure used is unconfirmed.' : ''}`),
      para(`Source: ${fpl.citation}`),
    )
  } else {
    children.push(para(report.fplMissing ?? ''))
  }
  children.push(para('Programs', { heading: HeadingLevel.HEADING_2 }))
  for (const result of report.results) {
    children.push(para(`${result.programName}: ${OUTCOME_EN[result.outcome]}${result.isProgramVerified ? '' : ' (verify before use)'}`, { heading: HeadingLevel.HEADING_3 }))
    for (const r of result.rules) children.push(para(`${MARK_EN[r.outcome]}: ${r.text}${r.citation ? ` [${r.citation}]` : ''}`, { indent: true }))
  }
  if (model.applications.length) {
    children.push(para('Applications', { heading: HeadingLevel.HEADING_2 }))
    for (const app of model.applications) {
      children.push(para(`${app.programName}: ${app.status.replace(/_/g, ' ')}${app.awardAmount !== null ? `, award ${formatDollars(app.awardAmount)}` : ''}`))
      for (const reminder of app.reminders) children.push(para(`${reminder.dueOn}: ${reminder.text}`, { indent: true }))
    }
  }
  return new Document({ creator: 'Overturn', title: 'Screening summary', sections: [{ properties: { page: LETTER_PAGE }, children }] })
}

export interface CoverLetterModel {
  applicant: Applicant
  program: Program
  application: Application | null
  fplPercent: number | null
  preparedOn: string
}

/** A cover letter sending an application to a program, listing the documents the program asks for. */
export function buildCoverLetter(model: CoverLetterModel): Document {
  const { applicant, program } = model
  const children: Paragraph[] = [
    para(model.preparedOn),
    para(program.sponsor ? `${program.name}\n${program.sponsor}` : program.name),
    para(`Re: Application for ${name(applicant)}`, { bold: true }),
    para(`Dear ${program.name} team,`),
    para(
      `Please find enclosed an application for ${name(applicant)}, who receives ${applicant.drugName || 'home infusion therapy'}${applicant.icd10Codes.length ? ` for diagnosis ${applicant.icd10Codes.join(', ')}` : ''}. ` +
        `The applicant's household of ${applicant.householdSize ?? '(not given)'} has an annual income of ${applicant.annualIncome === null ? '(not given)' : formatDollars(applicant.annualIncome)}` +
        `${model.fplPercent !== null ? `, ${formatPercent(model.fplPercent)}% of the federal poverty level` : ''}.`,
    ),
    para(`Program type: ${PROGRAM_TYPE_LABELS_EN[program.type]}.`),
  ]
  if (program.documentsRequired.length) {
    children.push(para('Enclosed:'))
    for (const doc of program.documentsRequired) children.push(para(`• ${doc}`, { indent: true }))
  }
  if (model.application?.documentsDueOn) children.push(para(`We understand the documents are due by ${model.application.documentsDueOn}.`))
  children.push(para('Thank you for considering this application. Please contact us with any question.'), para('Sincerely,'), new Paragraph({ alignment: AlignmentType.LEFT, children: [] }))
  return new Document({ creator: 'Overturn', title: 'Application cover letter', sections: [{ properties: { page: LETTER_PAGE }, children }] })
}

/** Packs a document into .docx bytes. */
export function packDocx(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document)
}
