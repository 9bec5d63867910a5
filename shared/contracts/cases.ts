import type { Advocate, BoardData, CaseDetail, CaseloadInfo, ContactEntry } from '../domain/cases'
import { boardQuerySchema, caseCreateSchema, caseIdSchema, caseMoveSchema, contactCreateSchema } from '../schemas/caseSchemas'
import { channel, emptyRequest } from './channel'

/** Cases, the board, contacts and the caseload as a whole. */
export const caseChannels = {
  /** The board, paged (issue 15): every column's first page with its count, or with `stage` + `after` one column's next page (keyset); filtered in SQL. */
  'cases:board': channel<typeof boardQuerySchema, BoardData>(boardQuerySchema),
  /** One case with its patient, coverage, therapy, denials, history, contacts and deadlines. */
  'cases:get': channel<typeof caseIdSchema, CaseDetail>(caseIdSchema),
  /** Create a case (patient, coverage, therapy, optional denial) in one transaction. */
  'cases:create': channel<typeof caseCreateSchema, CaseDetail>(caseCreateSchema),
  /** Move a case to another board column; recorded in its history. */
  'cases:move': channel<typeof caseMoveSchema, CaseDetail>(caseMoveSchema),
  /** Add an entry to a case's contacts log. */
  'contacts:add': channel<typeof contactCreateSchema, ContactEntry>(contactCreateSchema),
  'advocates:list': channel<typeof emptyRequest, Advocate[]>(emptyRequest),
  /** Counts and location of the open caseload. */
  'caseload:info': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest),
  /** Remove every demo case (and demo-only patients), keeping real ones. */
  'caseload:removeDemo': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest),
  /** Start a new empty caseload: every case is removed after the current database is backed up. */
  'caseload:resetEmpty': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest),
  /** Load the demo caseload into the current database. */
  'caseload:loadDemo': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest),
} as const
