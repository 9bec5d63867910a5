import type { BoardData, CaseDetail } from '../domain/cases'
import type { MoveCheck } from '../domain/deadlines'
import { appealUpdateSchema, moveCheckSchema } from '../schemas/appealSchemas'
import { boardQuerySchema, caseCreateSchema, caseIdSchema, caseMoveSchema, caseUpdateSchema, denialAddSchema, denialRemoveSchema, denialUpdateSchema } from '../schemas/caseSchemas'
import { channel, read, write } from './channel'

/** Cases and the board: read, create, correct, move (checked against the ladder first), appeal filing facts. */
export const casesChannels = {
  /** The board, paged (issue 15): every column's first page with its count, or with `stage` + `after` one column's next page (keyset); filtered in SQL. */
  'cases:board': channel<typeof boardQuerySchema, BoardData>(boardQuerySchema, read()),
  /** One case with its patient, coverage, therapy, denials, history, contacts and deadlines. */
  'cases:get': channel<typeof caseIdSchema, CaseDetail>(caseIdSchema, read({ audit: 'view', auditEntity: 'case' })),
  /** Create a case (patient, coverage, therapy, optional denial) in one transaction. */
  'cases:create': channel<typeof caseCreateSchema, CaseDetail>(caseCreateSchema, write('create')),
  /**
   * Correct any fact of a case, saved against the version the form was opened at. A field someone
   * else changed since answers `conflict` with the field paths; nothing is written then.
   */
  'cases:update': channel<typeof caseUpdateSchema, CaseDetail>(caseUpdateSchema, write('update')),
  /** Add a denial notice to a case; its deadlines recompute at once. */
  'cases:addDenial': channel<typeof denialAddSchema, CaseDetail>(denialAddSchema, write('update')),
  /** Correct a denial notice (same conflict rule as `cases:update`). */
  'cases:updateDenial': channel<typeof denialUpdateSchema, CaseDetail>(denialUpdateSchema, write('update')),
  /** Remove a denial notice recorded in error; the removal and its facts stay in the history. */
  'cases:removeDenial': channel<typeof denialRemoveSchema, CaseDetail>(denialRemoveSchema, write('delete')),
  /** Move a case to another board column; recorded in its history. */
  'cases:move': channel<typeof caseMoveSchema, CaseDetail>(caseMoveSchema, write('move')),
  /** Whether a move follows the ladder, before making it (a refusal or a caution to show). */
  'cases:checkMove': channel<typeof moveCheckSchema, MoveCheck>(moveCheckSchema, read()),
  /** Record when the current level was filed, internal levels, payer extension. */
  'cases:updateAppeal': channel<typeof appealUpdateSchema, CaseDetail>(appealUpdateSchema, write('update')),
} as const
