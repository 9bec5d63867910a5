import { z } from 'zod'
import { INTAKE_MAX_BYTES, INTAKE_MAX_PAGES } from '../domain/intake'
import { id, requiredText } from './fields'

/** A dropped letter as base64, no larger than INTAKE_MAX_BYTES; the core checks the decoded size again. */
export const intakeStartSchema = z.strictObject({
  /** The name on the advocate's disk, shown back and kept for the exhibit; never used as a path. */
  fileName: requiredText(255),
  base64: z
    .string()
    .min(1, { message: 'error.required' })
    .max(Math.ceil(INTAKE_MAX_BYTES / 3) * 4 + 4, { message: 'reader.error.tooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'error.invalid' }),
})

export const intakeJobSchema = z.strictObject({ jobId: z.uuid({ message: 'error.invalid' }) })

export const intakePreviewSchema = z.strictObject({
  jobId: z.uuid({ message: 'error.invalid' }),
  page: z.number().int().min(0).max(INTAKE_MAX_PAGES - 1),
})

export const intakeAttachSchema = z.strictObject({
  jobId: z.uuid({ message: 'error.invalid' }),
  caseId: id,
  /** The exhibit's label, "Denial notice" in the advocate's language. */
  label: requiredText(200),
})
