import type { Advocate, BoardData, CaseDetail, CaseloadInfo, ContactEntry } from '../domain/cases'
import { boardQuerySchema, caseCreateSchema, caseIdSchema, caseMoveSchema, contactCreateSchema } from '../schemas/caseSchemas'
import { admin, channel, emptyRequest, read, write } from './channel'

/** Cases, the board, contacts and the caseload as a whole. */
export const caseChannels = {
  /** Everything the board needs, filtered. */
  'cases:board': channel<typeof boardQuerySchema, BoardData>(boardQuerySchema, read()),
  /** One case with its patient, coverage, therapy, denials, history, contacts and deadlines. */
  'cases:get': channel<typeof caseIdSchema, CaseDetail>(caseIdSchema, read({ audit: 'view', auditEntity: 'case' })),
  /** Create a case (patient, coverage, therapy, optional denial) in one transaction. */
  'cases:create': channel<typeof caseCreateSchema, CaseDetail>(caseCreateSchema, write('create')),
  /** Move a case to another board column; recorded in its history. */
  'cases:move': channel<typeof caseMoveSchema, CaseDetail>(caseMoveSchema, write('move')),
  /** Add an entry to a case's contacts log. */
  'contacts:add': channel<typeof contactCreateSchema, ContactEntry>(contactCreateSchema, write('create')),
  'advocates:list': channel<typeof emptyRequest, Advocate[]>(emptyRequest, read()),
  /** Counts and location of the open caseload. */
  'caseload:info': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, read()),
  /** Remove every demo case (and demo-only patients), keeping real ones. */
  'caseload:removeDemo': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, write('delete')),
  /** Start a new empty caseload: every case is removed after the current database is backed up. */
  'caseload:resetEmpty': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, admin('delete')),
  /** Load the demo caseload into the current database. */
  'caseload:loadDemo': channel<typeof emptyRequest, CaseloadInfo>(emptyRequest, write('create')),
} as const
