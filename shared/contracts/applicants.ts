import type { ApplicantDetail, ApplicantQueuePage, ImportReport } from '../domain/screening'
import { applicantCreateSchema, applicantIdSchema, applicantImportSchema, applicantQuerySchema, applicantUpdateSchema, caseRefSchema } from '../schemas/screeningSchemas'
import { channel, emptyRequest, exporting, read, SCREENING_WORK, SPREADSHEET_BODY_BYTES, write } from './channel'

/** Financial-assistance applicants: the screening queue, one applicant, CSV in and out. */
export const applicantsChannels = {
  /**
   * The screening queue, one page at a time: applicants with result counts, open applications and the
   * next reminder, filtered, searched and sorted in SQL, with the total that match (issue 15).
   */
  'applicants:list': channel<typeof applicantQuerySchema, ApplicantQueuePage>(applicantQuerySchema, read()),
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
} as const
