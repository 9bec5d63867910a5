import type { Advocate, BoardData, CaseDetail, CaseloadInfo, ContactEntry } from '../domain/cases'
import type { CaseOperation } from '../domain/operations'
import {
  boardQuerySchema,
  caseCreateSchema,
  caseIdSchema,
  caseMoveSchema,
  caseUpdateSchema,
  contactCreateSchema,
  denialAddSchema,
  denialRemoveSchema,
  denialUpdateSchema,
  operationsQuerySchema,
} from '../schemas/caseSchemas'
import { channel, emptyRequest } from './channel'

/** Cases, the board, contacts and the caseload as a whole. */
export const caseChannels = {
  /** Everything the board needs, filtered. */
  'cases:board': channel<typeof boardQuerySchema, BoardData>(boardQuerySchema),
  /** One case with its patient, coverage, therapy, denials, history, contacts and deadlines. */
  'cases:get': channel<typeof caseIdSchema, CaseDetail>(caseIdSchema),
  /** Create a case (patient, coverage, therapy, optional denial) in one transaction. */
  'cases:create': channel<typeof caseCreateSchema, CaseDetail>(caseCreateSchema),
  /**
   * Correct any fact of a case, saved against the version the form was opened at. A field someone
   * else changed since answers `conflict` with the field paths; nothing is written then.
   */
  'cases:update': channel<typeof caseUpdateSchema, CaseDetail>(caseUpdateSchema),
  /** Add a denial notice to a case; its deadlines recompute at once. */
  'cases:addDenial': channel<typeof denialAddSchema, CaseDetail>(denialAddSchema),
  /** Correct a denial notice (same conflict rule as `cases:update`). */
  'cases:updateDenial': channel<typeof denialUpdateSchema, CaseDetail>(denialUpdateSchema),
  /** Remove a denial notice recorded in error; the removal and its facts stay in the history. */
  'cases:removeDenial': channel<typeof denialRemoveSchema, CaseDetail>(denialRemoveSchema),
  /** The case's recorded operations (its history), or those saved after a version. */
  'operations:list': channel<typeof operationsQuerySchema, CaseOperation[]>(operationsQuerySchema),
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
