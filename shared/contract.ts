import { z } from 'zod'
import type { Advocate, BoardData, CaseDetail, CaseloadInfo, ContactEntry } from './domain/dto'
import { boardQuerySchema, caseCreateSchema, caseIdSchema, caseMoveSchema, contactCreateSchema } from './schemas/caseSchemas'

/**
 * The one typed contract between the renderer and the core (STYLE.md, "One typed contract").
 * Channel names are `domain:verb`. Electron IPC, the preload, the loopback browser bridge and the
 * renderer's client are all generated from this table, so a method cannot exist in one and not another.
 */
const empty = z.strictObject({})

function channel<Req extends z.ZodType, Res>(request: Req) {
  return { request, response: undefined as unknown as Res }
}

export const contract = {
  /** Everything the board needs, filtered. */
  'cases:board': channel<typeof boardQuerySchema, BoardData>(boardQuerySchema),
  /** One case with its patient, coverage, therapy, denials, history and contacts. */
  'cases:get': channel<typeof caseIdSchema, CaseDetail>(caseIdSchema),
  /** Create a case (patient, coverage, therapy, optional denial) in one transaction. */
  'cases:create': channel<typeof caseCreateSchema, CaseDetail>(caseCreateSchema),
  /** Move a case to another board column; recorded in its history. */
  'cases:move': channel<typeof caseMoveSchema, CaseDetail>(caseMoveSchema),
  /** Add an entry to a case's contacts log. */
  'contacts:add': channel<typeof contactCreateSchema, ContactEntry>(contactCreateSchema),
  'advocates:list': channel<typeof empty, Advocate[]>(empty),
  /** Counts and location of the open caseload. */
  'caseload:info': channel<typeof empty, CaseloadInfo>(empty),
  /** Remove every demo case (and demo-only patients), keeping real ones. */
  'caseload:removeDemo': channel<typeof empty, CaseloadInfo>(empty),
  /** Start a new empty caseload: every case is removed after the current database is backed up. */
  'caseload:resetEmpty': channel<typeof empty, CaseloadInfo>(empty),
  /** Load the demo caseload into the current database. */
  'caseload:loadDemo': channel<typeof empty, CaseloadInfo>(empty),
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']
export const CHANNELS = Object.keys(contract) as Channel[]

export type ErrorCode = 'validation' | 'not_found' | 'move_refused' | 'conflict' | 'forbidden' | 'internal' | 'unknown_channel'

export interface ApiError {
  code: ErrorCode
  /** An i18n key or plain sentence safe to show; never a stack trace or a file path. */
  message: string
  /** Field path (e.g. `patient.lastName`) → i18n key, for messages beside the field. */
  fields?: Record<string, string>
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** The API object the preload exposes and the bridge client implements: one method per channel. */
export type OverturnApi = { [C in Channel]: (request: RequestOf<C>) => Promise<ApiResult<ResponseOf<C>>> }
