import type { Advocate } from '../domain/cases'
import { channel, emptyRequest, read } from './channel'

/** The advocates cases are assigned to. */
export const advocatesChannels = {
  'advocates:list': channel<typeof emptyRequest, Advocate[]>(emptyRequest, read()),
} as const
