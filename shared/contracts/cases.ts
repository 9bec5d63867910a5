import type { BoardData, CaseDetail } from '../domain/cases'
import type { MoveCheck } from '../domain/deadlines'
import { appealUpdateSchema, moveCheckSchema } from '../schemas/appealSchemas'
import { boardQuerySchema, caseCreateSchema, caseIdSchema, caseMoveSchema } from '../schemas/caseSchemas'
import { channel, read, write } from './channel'

/** Cases and the board: read, create, move (checked against the ladder first), appeal filing facts. */
export const casesChannels = {
  /** Everything the board needs, filtered. */
  'cases:board': channel<typeof boardQuerySchema, BoardData>(boardQuerySchema, read()),
  /** One case with its patient, coverage, therapy, denials, history, contacts and deadlines. */
  'cases:get': channel<typeof caseIdSchema, CaseDetail>(caseIdSchema, read({ audit: 'view', auditEntity: 'case' })),
  /** Create a case (patient, coverage, therapy, optional denial) in one transaction. */
  'cases:create': channel<typeof caseCreateSchema, CaseDetail>(caseCreateSchema, write('create')),
  /** Move a case to another board column; recorded in its history. */
  'cases:move': channel<typeof caseMoveSchema, CaseDetail>(caseMoveSchema, write('move')),
  /** Whether a move follows the ladder, before making it (a refusal or a caution to show). */
  'cases:checkMove': channel<typeof moveCheckSchema, MoveCheck>(moveCheckSchema, read()),
  /** Record when the current level was filed, internal levels, payer extension. */
  'cases:updateAppeal': channel<typeof appealUpdateSchema, CaseDetail>(appealUpdateSchema, write('update')),
} as const
