import type { z } from 'zod'
import { advocatesChannels } from './contracts/advocates'
import { applicantsChannels } from './contracts/applicants'
import { applicationsChannels } from './contracts/applications'
import { auditChannels } from './contracts/audit'
import { backupsChannels } from './contracts/backups'
import { caseloadChannels } from './contracts/caseload'
import { casesChannels } from './contracts/cases'
import { contactsChannels } from './contracts/contacts'
import { dashboardChannels } from './contracts/dashboard'
import { deadlinesChannels } from './contracts/deadlines'
import { documentsChannels } from './contracts/documents'
import { evidenceChannels } from './contracts/evidence'
import { lettersChannels } from './contracts/letters'
import { intakeChannels } from './contracts/intake'
import { organizationChannels } from './contracts/organization'
import { outcomesChannels } from './contracts/outcomes'
import { packetsChannels } from './contracts/packets'
import { priorAuthChannels } from './contracts/priorAuth'
import { programsChannels } from './contracts/programs'
import { reportsChannels } from './contracts/reports'
import { representationChannels } from './contracts/representation'
import { screeningChannels } from './contracts/screening'
import { searchChannels } from './contracts/search'
import { sessionChannels } from './contracts/session'
import { syncChannels } from './contracts/sync'
import { transferChannels } from './contracts/transfer'
import { usersChannels } from './contracts/users'
import { operationsChannels } from './contracts/operations'
import { payerChannels } from './contracts/payers'

/**
 * The one typed contract between the renderer and the core (STYLE.md, "One typed contract").
 * Channel names are `domain:verb`. Electron IPC, the preload, the loopback browser bridge and the
 * renderer's client are all generated from this table, so a method cannot exist in one and not another.
 * Each channel prefix has its file, `shared/contracts/<prefix>.ts` (`cases:move` in `contracts/cases.ts`),
 * where every channel declares its request schema, response type and policy; they are merged here.
 */
export const contract = {
  ...casesChannels,
  ...contactsChannels,
  ...advocatesChannels,
  ...caseloadChannels,
  ...priorAuthChannels,
  ...representationChannels,
  ...deadlinesChannels,
  ...evidenceChannels,
  ...documentsChannels,
  ...lettersChannels,
  ...organizationChannels,
  ...packetsChannels,
  ...searchChannels,
  ...outcomesChannels,
  ...dashboardChannels,
  ...reportsChannels,
  ...applicantsChannels,
  ...programsChannels,
  ...screeningChannels,
  ...applicationsChannels,
  ...sessionChannels,
  ...usersChannels,
  ...auditChannels,
  ...backupsChannels,
  ...transferChannels,
  ...payerChannels,
  ...operationsChannels,
  ...intakeChannels,
  ...syncChannels,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>
export type ResponseOf<C extends Channel> = Contract[C]['response']
export const CHANNELS = Object.keys(contract) as Channel[]
/** The channels whose name starts with one of these prefixes (`ChannelsOf<'cases'>` is every `cases:*`). */
export type ChannelsOf<P extends string> = Extract<Channel, `${P}:${string}`>
/**
 * Channels answered by the app session, which owns the key: lock and unlock, accounts, the audit
 * trail and backups. Every other channel is answered by the core and needs an unlocked session.
 */
export const appSessionChannels = { ...sessionChannels, ...usersChannels, ...auditChannels, ...backupsChannels } as const
export type AppSessionChannel = keyof typeof appSessionChannels
/** Channels the core answers. */
export type CoreChannel = Exclude<Channel, AppSessionChannel>

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
