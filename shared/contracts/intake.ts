import type { Attachment } from '../domain/documents'
import type { IntakeJobStatus, IntakePageImage } from '../domain/intake'
import { intakeAttachSchema, intakeJobSchema, intakePreviewSchema, intakeStartSchema } from '../schemas/intakeSchemas'
import { channel } from './channel'

/** Reading a denial letter offline (issue 17): nothing is saved until the advocate confirms. */
export const intakeChannels = {
  /**
   * Start reading a dropped letter (PDF, TIFF, PNG or JPEG, ≤ 25 MB and 12 pages, sent as base64).
   * Answers at once with the job; poll `intake:status` for per-page progress and the fields.
   */
  'intake:start': channel<typeof intakeStartSchema, IntakeJobStatus>(intakeStartSchema),
  /** The job's progress, and when done its fields with confidence, checks and source boxes. */
  'intake:status': channel<typeof intakeJobSchema, IntakeJobStatus>(intakeJobSchema),
  /** Stop reading (OCR is interrupted); nothing read is kept. */
  'intake:cancel': channel<typeof intakeJobSchema, IntakeJobStatus>(intakeJobSchema),
  /** One page of the letter as an image, to show a field's source words on it. */
  'intake:preview': channel<typeof intakePreviewSchema, IntakePageImage>(intakePreviewSchema),
  /** Keep the read letter as an exhibit of a case (after the advocate confirmed the fields). */
  'intake:attach': channel<typeof intakeAttachSchema, Attachment>(intakeAttachSchema),
} as const
