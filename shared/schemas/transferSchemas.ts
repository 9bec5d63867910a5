import { z } from 'zod'
import { CASE_CSV_FIELDS, MAX_BUNDLE_BYTES, MAX_CSV_CHARS } from '../domain/transfer'
import { id } from './fields'

/** Requests of the `transfer:*` channels (docs/case-bundle.md, issue 6 item 5). */

export const bundleExportSchema = z.strictObject({
  /** The cases to export; null exports every case. */
  caseIds: z.array(id).max(10_000).nullable().default(null),
})

/** Base64 of a ZIP up to MAX_BUNDLE_BYTES; the core checks the decoded size again. */
export const bundleImportSchema = z.strictObject({
  base64: z
    .string()
    .min(1, { message: 'error.required' })
    .max(Math.ceil(MAX_BUNDLE_BYTES / 3) * 4 + 4, { message: 'transfer.error.bundleTooLarge' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'transfer.error.notZip' }),
  mode: z.enum(['validate', 'import']).default('validate'),
})

const csvText = z.string().max(MAX_CSV_CHARS, { message: 'transfer.error.csvTooLarge' })

export const csvPreviewSchema = z.strictObject({ csv: csvText })

export const csvImportSchema = z.strictObject({
  csv: csvText,
  /** Column header → field; a header mapped to null (or left out) is not imported. */
  mapping: z.record(z.string().max(200), z.enum(CASE_CSV_FIELDS).nullable()),
  /** `all_or_nothing` (the default) imports nothing when any row is bad; `valid_rows_only` is the user's explicit choice. */
  mode: z.enum(['validate', 'all_or_nothing', 'valid_rows_only']).default('all_or_nothing'),
})
export type CsvImportRequest = z.output<typeof csvImportSchema>
