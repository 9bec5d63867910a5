import type { Attachment } from '../domain/documents'
import type { IntakeJobStatus, IntakePageImage } from '../domain/intake'
import { intakeAttachSchema, intakeJobSchema, intakePreviewSchema, intakeStartSchema } from '../schemas/intakeSchemas'
import { CASEWORK, channel, FILE_BODY_BYTES, read, write } from './channel'

/** Reading a denial letter offline (issue 17): nothing is saved until the advocate confirms. */
export const intakeChannels = {
  /**
   * Start reading a dropped letter (PDF, TIFF, PNG or JPEG, ≤ 25 MB and 12 pages, sent as base64).
   * Answers at once with the job; poll `intake:status` for per-page progress and the fields.
   */
  'intake:start': channel<typeof intakeStartSchema, IntakeJobStatus>(intakeStartSchema, write('import', { roles: CASEWORK, maxBodyBytes: FILE_BODY_BYTES, auditEntity: 'denial_letter' })),
  /** The job's progress, and when done its fields with confidence, checks and source boxes. */
  'intake:status': channel<typeof intakeJobSchema, IntakeJobStatus>(intakeJobSchema, read({ roles: CASEWORK })),
  /** Stop reading (OCR is interrupted); nothing read is kept. */
  'intake:cancel': channel<typeof intakeJobSchema, IntakeJobStatus>(intakeJobSchema, read({ roles: CASEWORK })),
  /** One page of the letter as an image, to show a field's source words on it. */
  'intake:preview': channel<typeof intakePreviewSchema, IntakePageImage>(intakePreviewSchema, read({ roles: CASEWORK })),
  /** Keep the read letter as an exhibit of a case (after the advocate confirmed the fields). */
  'intake:attach': channel<typeof intakeAttachSchema, Attachment>(intakeAttachSchema, write('create', { auditEntity: 'attachment' })),
} as const
