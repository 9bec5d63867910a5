import type { CaseloadInfo } from '../domain/cases'
import { admin, channel, emptyRequest, read, write } from './channel'

/** The caseload as a whole: counts, demo data, starting over. */
export const caseloadChannels = {
  /** Counts and location of the open caseload. */
  'caseload:info': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, read()),
  /** Remove every demo case (and demo-only patients), keeping real ones. */
  'caseload:removeDemo': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, write('delete')),
  /** Start a new empty caseload: every case is removed after the current database is backed up. */
  'caseload:resetEmpty': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, admin('delete')),
  /** Load the demo caseload into the current database. */
  'caseload:loadDemo': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, write('create')),
} as const
