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
  signerTitleSchema,
} from '../schemas/screeningSchemas'
import { channel, emptyRequest } from './channel'

/** Financial-assistance screening: applicants, the program catalog, results, applications, documents. */
export const screeningChannels = {
  /** The screening queue: applicants with result counts, open applications and the next reminder, filtered. */
  'applicants:list': channel<typeof applicantQuerySchema, ApplicantQueueRow[]>(applicantQuerySchema),
  /** One applicant with the screening report (every program, rule by rule, FPL arithmetic) and applications. */
  'applicants:get': channel<typeof applicantIdSchema, ApplicantDetail>(applicantIdSchema),
  'applicants:create': channel<typeof applicantCreateSchema, ApplicantDetail>(applicantCreateSchema),
  'applicants:update': channel<typeof applicantUpdateSchema, ApplicantDetail>(applicantUpdateSchema),
  /** Start an applicant from a case's patient, coverage and therapy. */
  'applicants:createFromCase': channel<typeof caseRefSchema, ApplicantDetail>(caseRefSchema),
  /**
   * Check or import a CSV of applicants. `validate` only reports; `all_or_nothing` imports nothing
   * when any row is bad; `valid_rows_only` is the user's explicit choice to skip bad rows. One transaction.
   */
  'applicants:import': channel<typeof applicantImportSchema, ImportReport>(applicantImportSchema),
  /** Every applicant as CSV (formula-looking cells escaped). */
  'applicants:exportCsv': channel<typeof emptyRequest, { fileName: string; csv: string }>(emptyRequest),
  /** The program catalog, by name. */
  'programs:list': channel<typeof emptyRequest, Program[]>(emptyRequest),
  'programs:create': channel<typeof programCreateSchema, Program>(programCreateSchema),
  'programs:update': channel<typeof programUpdateSchema, Program>(programUpdateSchema),
  /** Close, reopen or waitlist a program's fund. */
  'programs:setFundStatus': channel<typeof programFundStatusSchema, Program>(programFundStatusSchema),
  /** Screen facts against the catalog without saving them (what the command line prints). */
  'screening:run': channel<typeof screeningRunSchema, ScreeningReport>(screeningRunSchema),
  /** Bridge assistance for a case: its patient's screening results and open applications. */
  'screening:forCase': channel<typeof caseRefSchema, BridgeAssistance>(caseRefSchema),
  /** Build a DOCX (screening summary, or a cover letter to `programId`) and answer its bytes as base64. */
  'screening:document': channel<typeof documentExportSchema, ScreeningDocument>(documentExportSchema),
  /** Who signs screening documents: the signed-in screener's name and the title they set. */
  'screening:signer': channel<typeof emptyRequest, { name: string; title: string }>(emptyRequest),
  /** Sets the signed-in screener's title for the signature block of screening documents. */
  'screening:saveSignerTitle': channel<typeof signerTitleSchema, { name: string; title: string }>(signerTitleSchema),
  /** Start an application (status `screened`, or `waitlisted` for a waitlisted fund). */
  'applications:create': channel<typeof applicationCreateSchema, Application>(applicationCreateSchema),
  /** Change status, award and dates; pre-approval fills the documents-due day from the program's rule. */
  'applications:update': channel<typeof applicationUpdateSchema, Application>(applicationUpdateSchema),
  /** Every open application's reminders (documents due, usage clocks, grant ends), soonest first. */
  'applications:reminders': channel<typeof emptyRequest, ReminderRow[]>(emptyRequest),
} as const
