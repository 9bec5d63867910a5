import type { SearchResponse } from '../domain/insights'
import { searchQuerySchema } from '../schemas/insightSchemas'
import { channel, read } from './channel'

/** Search everywhere. */
export const searchChannels = {
  /** Full-text search over patients, cases, denials, contacts, notes and letters, grouped by kind. */
  'search:query': channel<typeof searchQuerySchema, SearchResponse>(searchQuerySchema, read()),
} as const
