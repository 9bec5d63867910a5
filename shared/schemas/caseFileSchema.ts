import { z } from 'zod'
import { STAGES } from '../domain/enums'
import { PRIOR_AUTH_OUTCOMES, REPRESENTATION_KINDS } from './appealSchemas'
import { caseFileAttachmentSchema, caseFileContactSchema } from './caseFileParts'
import { caseCreateSchema, denialInputSchema } from './caseSchemas'
import { dayString, optionalDay, optionalText, requiredText } from './fields'
import { LETTER_KINDS } from '../domain/documents'
import { destinationInputSchema } from './payerSchemas'

/** The case file's format name and version; docs/case-file.md describes it. */
export const CASE_FILE_FORMAT = 'overturn.case'
export const CASE_FILE_VERSION = 1

const instant = z.iso.datetime({ offset: true }).nullable().optional().default(null)

/**
 * One case as a JSON document (version 1): the same facts the app stores, readable by people and by
 * the command line, and the unit of case import/export. Unknown keys are refused so typos surface.
 */
export const caseFileSchema = z.strictObject({
  format: z.literal(CASE_FILE_FORMAT),
  version: z.literal(CASE_FILE_VERSION),
  case: caseCreateSchema.omit({ denial: true, stage: true, payerDestinationId: true }).extend({
    /** Where this case's appeals go (a payer directory entry, carried whole: ids stay on their machine). */
    appealDestination: destinationInputSchema.omit({ source: true, verified: true }).nullable().optional().default(null),
    stage: z.enum(STAGES),
    /** Every notice received, any order; the latest by notice date starts the current window. */
    denials: z.array(denialInputSchema).max(50).default([]),
    appeal: z
      .strictObject({
        filedOn: optionalDay,
        filedAt: instant,
        internalLevels: z.union([z.literal(1), z.literal(2), z.null()]).optional().default(null),
        payerExtended: z.boolean().optional().default(false),
        previousFiledOn: optionalDay,
      })
      .optional()
      .default({ filedOn: null, filedAt: null, internalLevels: null, payerExtended: false, previousFiledOn: null }),
    priorAuths: z
      .array(
        z.strictObject({
          requestedOn: dayString,
          requestedAt: instant,
          expedited: z.boolean().default(false),
          outcome: z.enum(PRIOR_AUTH_OUTCOMES).default('pending'),
          decidedOn: optionalDay,
          approvedThrough: optionalDay,
          referenceNumber: optionalText(80),
        }),
      )
      .max(50)
      .default([]),
    representation: z
      .strictObject({ kind: z.enum(REPRESENTATION_KINDS), representative: optionalText(200), signedOn: dayString, expiresOn: optionalDay })
      .nullable()
      .optional()
      .default(null),
  }),
  /**
   * The organization that files the appeal (letterhead, signer). The command line's packet uses it;
   * the app uses its own Settings and ignores this on import.
   */
  organization: z
    .strictObject({
      name: requiredText(200),
      letterhead: optionalText(200),
      addressLines: z.array(requiredText(200)).max(6).optional().default([]),
      phone: optionalText(40),
      fax: optionalText(40),
      email: optionalText(200),
      signerName: optionalText(200),
      signerTitle: optionalText(200),
    })
    .optional(),
  /** The advocate's own text of letters, by kind (what "Save this version" keeps), used instead of the template. */
  letters: z
    .array(z.strictObject({ kind: z.enum(LETTER_KINDS), body: requiredText(100_000) }))
    .max(20)
    .optional(),
  /** Bundles only (docs/case-bundle.md): the contact log, without ids. */
  contacts: z.array(caseFileContactSchema).max(5000).optional(),
  /** Bundles only: the attachment index; the bytes are files inside the bundle. */
  attachments: z.array(caseFileAttachmentSchema).max(500).optional(),
})
export type CaseFile = z.output<typeof caseFileSchema>
export type CaseFileInput = z.input<typeof caseFileSchema>
