import type { Organization } from '../domain/documents'
import { organizationSchema } from '../schemas/documentSchemas'
import { channel, emptyRequest, read, write } from './channel'

/** The organization that signs letters. */
export const organizationChannels = {
  /** The organization that signs letters (letterhead, address, signer). */
  'organization:get': channel<typeof emptyRequest, Organization>(emptyRequest, read()),
  'organization:save': channel<typeof organizationSchema, Organization>(organizationSchema, write('update')),
} as const
