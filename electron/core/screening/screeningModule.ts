import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { localDayOf } from '../../../shared/domain/days'
import { applicantFactIssues, applicationDateIssues } from '../../../shared/domain/factChecks'
import {
  type Applicant,
  type ApplicantDetail,
  type ApplicantFacts,
  type ApplicantQueuePage,
  type Application,
  type BridgeAssistance,
  type DocumentKind,
  type DocumentLanguage,
  type FundStatus,
  type ImportMode,
  type ImportReport,
  type Program,
  type ProgramFacts,
  type Reminder,
  type ReminderRow,
  type ScreeningDocument,
  type ScreeningReport,
} from '../../../shared/domain/screening'
import type { Organization } from '../../../shared/domain/documents'
import { applicantQuerySchema, type ApplicantQueryInput, type ApplicationUpdate } from '../../../shared/schemas/screeningSchemas'
import type { RecordOperation } from '../cases/operationLog'
import type { Db } from '../db/openDatabase'
import { createSettingsRepository } from '../settings/settingsRepository'
import { AppError, notFound } from '../errors'
import { applicantCsvRow, APPLICANT_CSV_COLUMNS, parseApplicantCsv, toCsv } from './applicantCsv'
import { createApplicantOutcomes, isOpenApplication } from './applicantOutcomes'
import { createApplicantQueue } from './applicantQueue'
import { createApplicantRepository } from './applicantRepository'
import { createApplicationRepository, type ApplicationRecord } from './applicationRepository'
import { APPEAL_PENDING_STAGES, createCaseLinkQuery } from './caseLink'
import { cleanDocText } from '../documents/docText'
import type { Signer } from './documents/letterParts'
import { createProgramRepository } from './programRepository'
import { applicationReminders, buildScreeningReport, documentsDueOn } from './screeningEngine'
import { seedScreeningDemo } from './screeningDemo'

export interface ScreeningModuleOptions {
  db: Db
  now: () => Date
  dataDir: string
  /** Add demo applicants when the catalog is first seeded (the example catalog itself is always seeded). */
  seedDemo?: boolean
  /** The organization whose letterhead documents carry (Settings → Organization). */
  organization?: () => Organization
  /** The signed-in account, who signs the documents they make. */
  currentAdvocate?: () => { id: number; name: string } | null
  /** Records "started an assistance applicant from this case" in the case's operation log (issue 12). */
  recordOperation?: RecordOperation
}

/**
 * Financial-assistance screening behind the contract: applicants, the program catalog, the
 * screening engine, applications with their reminders, CSV import/export and documents.
 */
export function createScreeningModule(options: ScreeningModuleOptions) {
  const { db } = options
  const programs = createProgramRepository(db)
  const applicants = createApplicantRepository(db)
  const applications = createApplicationRepository(db)
  const caseLink = createCaseLinkQuery(db)
  const outcomes = createApplicantOutcomes({ db, applicants, applications, catalog: () => programs.list() })
  const queueQuery = createApplicantQueue(db)
  const settings = createSettingsRepository(db)
  const today = () => localDayOf(options.now())
  const EMPTY_ORG: Organization = { name: '', letterhead: '', addressLines: [], phone: '', fax: '', email: '', signerName: '', signerTitle: '' }
  const organization = () => options.organization?.() ?? EMPTY_ORG
  const titleKey = (advocateId: number) => `signer_title:${advocateId}` as const

  /**
   * Who signs: the signed-in screener, with the title they set for themselves; until they set one,
   * the organization's signer title when they are the organization's named signer.
   */
  function signer(): Signer {
    const who = options.currentAdvocate?.() ?? null
    const org = organization()
    if (!who) return { name: org.signerName, title: org.signerTitle }
    const own = settings.get(titleKey(who.id))
    return { name: who.name, title: own ?? (who.name === org.signerName ? org.signerTitle : '') }
  }

  function saveSignerTitle(title: string): Signer {
    const who = options.currentAdvocate?.() ?? null
    if (!who) throw new AppError('conflict', 'error.noSigner')
    db.transaction(() => settings.set(titleKey(who.id), title.trim()))()
    return signer()
  }
  const nowIso = () => options.now().toISOString()

  if (programs.count() === 0) seedScreeningDemo(db, today(), { catalogOnly: !options.seedDemo, now: nowIso() })
  // Outcomes left stale (the migration's back-fill, a new guideline year, the demo seed): a few thousand
  // are screened now, more in background batches.
  outcomes.settle(today)

  function withReminders(record: ApplicationRecord, catalog: Map<number, Program>, day: string): Application {
    const program = catalog.get(record.programId)
    return { ...record, reminders: program ? applicationReminders(record, program, day) : [] }
  }

  function catalogById(): Map<number, Program> {
    return new Map(programs.list().map((p) => [p.id, p]))
  }

  /** Today-dependent checks the schema cannot make (a birth date in the future, income without a household). */
  function checkFacts(facts: ApplicantFacts) {
    const issues = applicantFactIssues(facts, today())
    if (Object.keys(issues).length) throw new AppError('validation', 'error.validation', Object.fromEntries(Object.entries(issues).map(([k, v]) => [`applicant.${k}`, v])))
  }

  function requireApplicant(id: number): Applicant {
    const applicant = applicants.get(id)
    if (!applicant) throw notFound('applicant')
    return applicant
  }

  function detail(applicantId: number): ApplicantDetail {
    const applicant = requireApplicant(applicantId)
    const day = today()
    const catalog = catalogById()
    return {
      applicant,
      report: buildScreeningReport(applicant, [...catalog.values()], day),
      applications: applications.byApplicant(applicantId).map((r) => withReminders(r, catalog, day)),
      history: applications.historyByApplicant(applicantId),
    }
  }

  const isOpen = isOpenApplication
  const firstReminder = (list: Reminder[]): Reminder | null => list.reduce<Reminder | null>((first, r) => (!first || r.dueOn < first.dueOn ? r : first), null)

  /**
   * One page of the queue, filtered, sorted and counted in SQL over the stored outcomes (issue 15).
   * Stale outcomes are re-screened first, so nothing stale is ever shown as current; only the page's
   * reminders are built here, for their text.
   */
  function queue(input: ApplicantQueryInput = {}): ApplicantQueuePage {
    // The contract parsed it already on the IPC path; the command line and the benchmark call in directly.
    const query = applicantQuerySchema.parse(input)
    const day = today()
    outcomes.catchUp(day)
    const { rows, nextCursor, total } = queueQuery.page(query)
    const catalog = catalogById()
    const byApplicant = new Map<number, Application[]>()
    for (const record of applications.byApplicants(rows.map((r) => r.id))) {
      if (!isOpen(record)) continue
      byApplicant.set(record.applicantId, [...(byApplicant.get(record.applicantId) ?? []), withReminders(record, catalog, day)])
    }
    return {
      rows: rows.map(({ nextReminderOn: _stored, ...row }) => ({ ...row, nextReminder: firstReminder((byApplicant.get(row.id) ?? []).flatMap((app) => app.reminders)) })),
      total: total ?? queueQuery.count(query),
      nextCursor,
    }
  }

  function importCsv(csv: string, mode: ImportMode): ImportReport {
    const parsed = parseApplicantCsv(csv)
    const rows = parsed.rows.map(({ facts: _facts, ...row }) => row)
    const valid = parsed.rows.filter((r) => r.isValid)
    const invalidRows = parsed.rows.length - valid.length
    const report: ImportReport = { mode, totalRows: parsed.rows.length, validRows: valid.length, invalidRows, imported: 0, isRejected: false, fileError: parsed.fileError, rows }
    if (parsed.fileError) return { ...report, isRejected: mode !== 'validate' }
    if (mode === 'validate') return report
    // A file with any bad row imports nothing unless the user chose to import the valid rows only.
    if (mode === 'all_or_nothing' && invalidRows > 0) return { ...report, isRejected: true }
    const now = nowIso()
    const day = today()
    db.transaction(() => {
      const catalog = programs.list()
      const epoch = outcomes.currentEpoch(day)
      for (const row of valid) outcomes.storeNew(applicants.insert(row.facts!, { patientId: null, isDemo: false, now }), row.facts!, catalog, day, epoch)
    })()
    return { ...report, imported: valid.length }
  }

  /** Builds a .docx (the screening summary, or a cover letter to a program), keeps a copy under exports and answers its bytes. */
  async function buildDocument(applicantId: number, kind: DocumentKind, programId: number | null, language: DocumentLanguage = 'en'): Promise<ScreeningDocument> {
    const { applicant, report, applications: apps } = detail(applicantId)
    const day = today()
    // The docx library loads on the first document, not with the caseload (issue 15: core memory).
    const { buildCoverLetter, buildScreeningSummary, packDocx } = await import('./documents/screeningDocuments')
    let document
    let fileName
    if (kind === 'summary') {
      document = buildScreeningSummary({ applicant, report, applications: apps, preparedOn: day, organization: organization(), signer: signer(), language })
      fileName = `screening-summary-${applicant.lastName}-${day}${language === 'en' ? '' : `-${language}`}.docx`
    } else {
      const program = programId === null ? null : programs.get(programId)
      if (!program) throw notFound('program')
      // The newest application to this program, if any, adds its document deadline to the letter.
      const application = apps.filter((a) => a.programId === program.id).at(-1) ?? null
      document = buildCoverLetter({ applicant, program, application, fplPercent: report.fpl?.percent ?? null, preparedOn: day, organization: organization(), signer: signer() })
      fileName = `cover-letter-${applicant.lastName}-${program.key}-${day}.docx`
    }
    fileName = cleanDocText(fileName).replace(/[^A-Za-z0-9._-]+/g, '_')
    const buffer = await packDocx(document)
    const folder = join(options.dataDir, 'exports', 'screening')
    await mkdir(folder, { recursive: true })
    await writeFile(join(folder, fileName), buffer)
    return { fileName, base64: buffer.toString('base64') }
  }

  return {
    programs: {
      list: (): Program[] => programs.list(),
      create(facts: ProgramFacts): Program {
        const id = db.transaction(() => programs.insert(facts, { now: nowIso() }))()
        outcomes.settle(today)
        return programs.get(id)!
      },
      update(id: number, facts: ProgramFacts): Program {
        if (!programs.get(id)) throw notFound('program')
        db.transaction(() => programs.update(id, facts, { now: nowIso(), today: today() }))()
        outcomes.settle(today)
        return programs.get(id)!
      },
      /** Close, reopen or waitlist a fund; screening follows at once. */
      setFundStatus(id: number, fundStatus: FundStatus): Program {
        if (!programs.get(id)) throw notFound('program')
        db.transaction(() => programs.setFundStatus(id, fundStatus, { now: nowIso(), today: today() }))()
        outcomes.settle(today)
        return programs.get(id)!
      },
    },
    applicants: {
      list: queue,
      get: detail,
      create(facts: ApplicantFacts, patientId: number | null): ApplicantDetail {
        checkFacts(facts)
        const id = db.transaction(() => {
          const applicantId = applicants.insert(facts, { patientId, isDemo: false, now: nowIso() })
          outcomes.refresh(applicantId, today())
          return applicantId
        })()
        return detail(id)
      },
      update(id: number, facts: ApplicantFacts): ApplicantDetail {
        requireApplicant(id)
        checkFacts(facts)
        db.transaction(() => {
          applicants.update(id, facts, nowIso())
          outcomes.refresh(id, today())
        })()
        return detail(id)
      },
      /** Starts an applicant from a case's patient, coverage and therapy (bridge assistance during an appeal). */
      createFromCase(caseId: number): ApplicantDetail {
        const link = caseLink(caseId)
        if (!link) throw notFound('case')
        const id = db.transaction(() => {
          const applicantId = applicants.insert({ ...link.facts, outOfPocket: link.deniedAmount }, { patientId: link.patientId, isDemo: false, now: nowIso() })
          outcomes.refresh(applicantId, today())
          options.recordOperation?.(caseId, [{ kind: 'screening_link', entityId: applicantId, newValue: { applicantId } }])
          return applicantId
        })()
        return detail(id)
      },
      importCsv,
      exportCsv(): { fileName: string; csv: string } {
        const rows = applicants.search({}).map(applicantCsvRow)
        return { fileName: `applicants-${today()}.csv`, csv: toCsv([[...APPLICANT_CSV_COLUMNS], ...rows]) }
      },
    },
    screening: {
      signer,
      saveSignerTitle,
      /** Screens facts without saving them (the command line and "what if" checks). */
      run: (facts: ApplicantFacts, screenedOn?: string): ScreeningReport => buildScreeningReport(facts, programs.list(), screenedOn ?? today()),
      forCase(caseId: number): BridgeAssistance {
        const link = caseLink(caseId)
        if (!link) throw notFound('case')
        const day = today()
        const catalog = catalogById()
        const list = [...catalog.values()]
        const linked = applicants.byPatient(link.patientId).map((applicant) => {
          const report = buildScreeningReport(applicant, list, day)
          return {
            applicant,
            counts: report.counts,
            eligible: report.results.filter((r) => r.outcome === 'eligible').map((r) => ({ programName: r.programName, programId: r.programId })),
            applications: applications.byApplicant(applicant.id).map((r) => withReminders(r, catalog, day)).filter(isOpen),
          }
        })
        const isAppealPending = APPEAL_PENDING_STAGES.includes(link.stage)
        const facesCost = isAppealPending && ((link.deniedAmount ?? 0) > 0 || linked.some((l) => (l.applicant.outOfPocket ?? 0) > 0))
        return { caseId, patientId: link.patientId, facesCost, isAppealPending, applicants: linked }
      },
      buildDocument,
    },
    applications: {
      create(applicantId: number, programId: number): Application {
        requireApplicant(applicantId)
        const program = programs.get(programId)
        if (!program) throw notFound('program')
        // A waitlisted fund takes the applicant onto its waitlist rather than screening them in.
        const id = db.transaction(() => {
          const applicationId = applications.insert(applicantId, programId, program.fundStatus === 'waitlist' ? 'waitlisted' : 'screened', nowIso())
          outcomes.refresh(applicantId, today())
          return applicationId
        })()
        return withReminders(applications.get(id)!, catalogById(), today())
      },
      update(update: ApplicationUpdate): Application {
        const current = applications.get(update.applicationId)
        if (!current) throw notFound('application')
        const program = programs.get(current.programId)
        const dateIssues = applicationDateIssues(update, today())
        if (Object.keys(dateIssues).length) throw new AppError('validation', 'error.validation', dateIssues)
        if (update.status === 'approved' && update.awardAmount !== null && program?.maxAward != null && update.awardAmount > program.maxAward) {
          throw new AppError('validation', 'error.validation', { awardAmount: 'error.overMaxAward' })
        }
        // Pre-approval starts the program's document clock when staff leave the due date blank.
        const dueOn = update.documentsDueOn ?? documentsDueOn(update.preApprovedOn, program?.documentsDueDays ?? null)
        db.transaction(() => {
          applications.update({ ...update, documentsDueOn: dueOn }, current.status, nowIso())
          outcomes.refresh(current.applicantId, today())
        })()
        return withReminders(applications.get(update.applicationId)!, catalogById(), today())
      },
      /** Every open application's reminders, soonest first, for the queue's reminder list. */
      reminders(): ReminderRow[] {
        const day = today()
        const catalog = catalogById()
        // Only applications whose status can carry a reminder, names joined in SQL (not one read per applicant).
        return applications
          .remindable()
          .flatMap(({ applicantName, ...record }) => withReminders(record, catalog, day).reminders.map((r) => ({ ...r, applicantId: record.applicantId, applicationId: record.id, applicantName })))
          .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
      },
    },
  }
}
export type ScreeningModule = ReturnType<typeof createScreeningModule>
