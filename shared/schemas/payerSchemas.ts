import { z } from 'zod'
import { PLAN_FAMILIES } from '../domain/enums'
import { DESTINATION_LEVELS } from '../domain/payers'
import { id, optionalText, requiredText } from './fields'

/** One appeal destination as the organization edits it (Settings → Payer directory). */
export const destinationInputSchema = z.strictObject({
  payer: requiredText(200),
  planFamily: z.union([z.enum(PLAN_FAMILIES), z.literal('')]).optional().default(''),
  level: z.enum(DESTINATION_LEVELS).optional().default('any'),
  recipient: requiredText(200),
  addressLines: z.array(requiredText(200)).max(6, { message: 'error.tooLong' }).optional().default([]),
  phone: optionalText(40),
  fax: optionalText(40),
  portal: optionalText(300),
  source: optionalText(500),
  verified: z.boolean().optional().default(false),
})
export type DestinationInput = z.output<typeof destinationInputSchema>

export const destinationSaveSchema = destinationInputSchema.extend({ id: id.nullable().optional().default(null) })
export type DestinationSave = z.output<typeof destinationSaveSchema>
export const destinationIdSchema = z.strictObject({ id })
