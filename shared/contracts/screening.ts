import type {
  ApplicantDetail,
  ApplicantQueueRow,
  Application,
  BridgeAssistance,
  ImportReport,
  Program,
  ReminderRow,
  ScreeningDocument,
  ScreeningReport,
} from '../domain/screening'
import {
  applicantCreateSchema,
  applicantIdSchema,
  applicantImportSchema,
  applicantQuerySchema,
  applicantUpdateSchema,
  applicationCreateSchema,
  applicationUpdateSchema,
  caseRefSchema,
  documentExportSchema,
  programCreateSchema,
  programFundStatusSchema,
  programUpdateSchema,
  screeningRunSchema,
} from '../schemas/screeningSchemas'
import { channel, emptyRequest, exporting, read, SCREENING_WORK, SPREADSHEET_BODY_BYTES, write } from './channel'

/** Financial-assistance screening: applicants, the program catalog, results, applications, documents. */
export const screeningChannels = {
  /** The screening queue: applicants with result counts, open applications and the next reminder, filtered. */
  'applicants:list': channel<typeof applicantQuerySchema, ApplicantQueueRow[]>(applicantQuerySchema, read()),
  /** One applicant with the screening report (every program, rule by rule, FPL arithmetic) and applications. */
  'applicants:get': channel<typeof applicantIdSchema, ApplicantDetail>(applicantIdSchema, read({ audit: 'view', auditEntity: 'applicant' })),
  'applicants:create': channel<typeof applicantCreateSchema, ApplicantDetail>(applicantCreateSchema, write('create', { roles: SCREENING_WORK })),
  'applicants:update': channel<typeof applicantUpdateSchema, ApplicantDetail>(applicantUpdateSchema, write('update', { roles: SCREENING_WORK })),
  /** Start an applicant from a case's patient, coverage and therapy. */
  'applicants:createFromCase': channel<typeof caseRefSchema, ApplicantDetail>(caseRefSchema, write('create', { roles: SCREENING_WORK })),
  /**
   * Check or import a CSV of applicants. `validate` only reports; `all_or_nothing` imports nothing
   * when any row is bad; `valid_rows_only` is the user's explicit choice to skip bad rows. One transaction.
   */
  'applicants:import': channel<typeof applicantImportSchema, ImportReport>(applicantImportSchema, write('import', { roles: SCREENING_WORK, maxBodyBytes: SPREADSHEET_BODY_BYTES })),
  /** Every applicant as CSV (formula-looking cells escaped). */
  'applicants:exportCsv': channel<typeof emptyRequest, { fileName: string; csv: string }>(emptyRequest, exporting()),
  /** The program catalog, by name. */
  'programs:list': channel<typeof emptyRequest, Program[]>(emptyRequest, read()),
  'programs:create': channel<typeof programCreateSchema, Program>(programCreateSchema, write('create', { roles: SCREENING_WORK })),
  'programs:update': channel<typeof programUpdateSchema, Program>(programUpdateSchema, write('update', { roles: SCREENING_WORK })),
  /** Close, reopen or waitlist a program's fund. */
  'programs:setFundStatus': channel<typeof programFundStatusSchema, Program>(programFundStatusSchema, write('update', { roles: SCREENING_WORK })),
  /** Screen facts against the catalog without saving them (what the command line prints). */
  'screening:run': channel<typeof screeningRunSchema, ScreeningReport>(screeningRunSchema, read()),
  /** Bridge assistance for a case: its patient's screening results and open applications. */
  'screening:forCase': channel<typeof caseRefSchema, BridgeAssistance>(caseRefSchema, read()),
  /** Build a DOCX (screening summary, or a cover letter to `programId`) and answer its bytes as base64. */
  'screening:document': channel<typeof documentExportSchema, ScreeningDocument>(documentExportSchema, exporting()),
  /** Start an application (status `screened`, or `waitlisted` for a waitlisted fund). */
  'applications:create': channel<typeof applicationCreateSchema, Application>(applicationCreateSchema, write('create', { roles: SCREENING_WORK })),
  /** Change status, award and dates; pre-approval fills the documents-due day from the program's rule. */
  'applications:update': channel<typeof applicationUpdateSchema, Application>(applicationUpdateSchema, write('update', { roles: SCREENING_WORK })),
  /** Every open application's reminders (documents due, usage clocks, grant ends), soonest first. */
  'applications:reminders': channel<typeof emptyRequest, ReminderRow[]>(emptyRequest, read()),
} as const
