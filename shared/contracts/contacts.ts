import type { ContactEntry } from '../domain/cases'
import { contactCreateSchema } from '../schemas/caseSchemas'
import { channel, write } from './channel'

/** A case's contacts log. */
export const contactsChannels = {
  /** Add an entry to a case's contacts log. */
  'contacts:add': channel<typeof contactCreateSchema, ContactEntry>(contactCreateSchema, write('create')),
} as const
