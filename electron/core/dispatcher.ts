import { z } from 'zod'
import { contract, type ApiResult, type CoreChannel } from '../../shared/contract'
import type { Core } from './createCore'
import { AppError } from './errors'
import { caseHandlers } from './cases/caseHandlers'
import { documentHandlers } from './documents/documentHandlers'
import { deadlineHandlers } from './deadlines/deadlineHandlers'
import type { HandlersFor } from './handlerTypes'
import { insightHandlers } from './insights/insightHandlers'
import { screeningHandlers } from './screening/screeningHandlers'
import { syncHandlers } from './sync/syncHandlers'
import { transferHandlers } from './transfer/transferHandlers'
import { payerHandlers } from './payers/payerHandlers'
import { intakeHandlers } from './intake/intakeHandlers'

/** Maps every contract channel to the core call that answers it; each feature brings its own part. */
export function createHandlers(core: Core): HandlersFor<CoreChannel> {
  return {
    ...caseHandlers(core),
    ...documentHandlers(core),
    ...deadlineHandlers(core),
    ...insightHandlers(core),
    ...intakeHandlers(core),
    ...screeningHandlers(core),
    ...transferHandlers(core),
    ...payerHandlers(core),
    ...intakeHandlers(core),
    ...syncHandlers(core),
  }
}

/** Turns zod issues into `field.path → message key` for messages shown beside each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_'
    if (!fields[path]) fields[path] = issue.message.startsWith('error.') ? issue.message : 'error.invalid'
  }
  return fields
}

/**
 * The single entry used by Electron IPC and the browser bridge: validates the request with the
 * contract's schema, calls the core, and answers `{ ok, data }` or `{ ok: false, error }`. It never
 * throws and never returns a raw Error, a stack trace or a path; unexpected failures are logged by
 * channel and error name only, so no patient data reaches a log.
 */
export function createDispatcher(core: Core) {
  const handlers = createHandlers(core)
  return async function dispatch(channel: string, request: unknown): Promise<ApiResult<unknown>> {
    return answerCall(handlers as unknown as Record<string, (request: unknown) => unknown>, channel, request)
  }
}

/**
 * Validate, call, answer: the one place a request becomes `{ ok, data }` or `{ ok: false, error }`,
 * for the core's channels and the session's alike (issue 11 item 2).
 */
export async function answerCall(handlers: Record<string, (request: unknown) => unknown>, channel: string, request: unknown): Promise<ApiResult<unknown>> {
  if (!Object.hasOwn(handlers, channel) || !Object.hasOwn(contract, channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: 'error.unknownChannel' } }
  }
  const parsed = contract[channel as keyof typeof contract].request.safeParse(request ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'validation', message: 'error.validation', fields: fieldErrors(parsed.error) } }
  }
  try {
    return { ok: true, data: await handlers[channel](parsed.data) }
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } }
    }
    console.error(`[overturn] ${channel} failed: ${error instanceof Error ? error.name : 'unknown error'}`)
    return { ok: false, error: { code: 'internal', message: 'error.internal' } }
  }
}
export type Dispatch = ReturnType<typeof createDispatcher>
