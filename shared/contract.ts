import type { z } from 'zod'
import { caseChannels } from './contracts/cases'
import { documentChannels } from './contracts/documents'
import { deadlineChannels } from './contracts/deadlines'
import { insightChannels } from './contracts/insights'
import { screeningChannels } from './contracts/screening'
import { sessionChannels } from './contracts/session'
import { syncChannels } from './contracts/sync'
import { transferChannels } from './contracts/transfer'

/**
 * The one typed contract between the renderer and the core (STYLE.md, "One typed contract").
 * Channel names are `domain:verb`. Electron IPC, the preload, the loopback browser bridge and the
 * renderer's client are all generated from this table, so a method cannot exist in one and not another.
 * Each feature declares its channels in `shared/contracts/<feature>.ts`; they are merged here.
 */
export const contract = {
  ...caseChannels,
  ...documentChannels,
  ...deadlineChannels,
  ...insightChannels,
  ...screeningChannels,
  ...sessionChannels,
  ...transferChannels,
  ...syncChannels,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']
export const CHANNELS = Object.keys(contract) as Channel[]
/** Channels the core answers; session channels are answered by the app session that owns the key. */
export type CoreChannel = Exclude<Channel, keyof typeof sessionChannels>

export type ErrorCode = 'validation' | 'not_found' | 'move_refused' | 'conflict' | 'forbidden' | 'locked' | 'internal' | 'unknown_channel'

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
