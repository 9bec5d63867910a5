import type { ApiError, ApiResult, Channel, OverturnApi, RequestOf, ResponseOf } from '../../../shared/contract'

declare global {
  interface Window {
    overturn?: OverturnApi
  }
}

/** A failed call, carrying the contract's error (code, message key, field messages). */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
    this.name = 'ApiCallError'
  }
}

const TOKEN_KEY = 'overturn.bridgeToken'
export const LOCKED_EVENT = 'overturn:locked'

/**
 * Browser mode: the bridge prints a URL carrying a per-run token. Keep it for this tab's session
 * and take it out of the address bar so it is not left in history or screenshots.
 */
export function bridgeToken(): string {
  const params = new URLSearchParams(window.location.search)
  const fromUrl = params.get('token')
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    params.delete('token')
    const query = params.toString()
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`)
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

/** The same contract over the loopback bridge, for browser mode. */
function createBridgeApi(): OverturnApi {
  const token = bridgeToken()
  const call = async (channel: Channel, request: unknown): Promise<ApiResult<unknown>> => {
    try {
      const response = await fetch(`/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Overturn-Token': token },
        body: JSON.stringify(request ?? {}),
      })
      return (await response.json()) as ApiResult<unknown>
    } catch {
      return { ok: false, error: { code: 'internal', message: 'error.bridgeUnreachable' } }
    }
  }
  // A proxy rather than a table built from the contract: the start-up bundle then carries no schemas
  // (the core validates every request anyway, and unknown channels get `unknown_channel`).
  const methods = new Map<string, (request: unknown) => Promise<ApiResult<unknown>>>()
  return new Proxy({} as OverturnApi, {
    get: (_target, name) => {
      if (typeof name !== 'string') return undefined
      if (!methods.has(name)) methods.set(name, (request: unknown) => call(name as Channel, request))
      return methods.get(name)
    },
  })
}

let api: OverturnApi | null = null

/** Electron's preload when present, the browser bridge otherwise. */
export function getApi(): OverturnApi {
  api ??= window.overturn ?? createBridgeApi()
  return api
}

/** For tests: run the renderer against any implementation of the contract. */
export function setApi(next: OverturnApi | null): void {
  api = next
}

/** Calls a channel and unwraps its result; throws ApiCallError on `{ ok: false }`. */
export async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = (await getApi()[channel](request)) as ApiResult<ResponseOf<C>>
  if (!result.ok) {
    // The core locked (idle, sleep, another window): the app returns to the lock screen.
    if (result.error.code === 'locked' && channel !== 'session:status') window.dispatchEvent(new Event(LOCKED_EVENT))
    throw new ApiCallError(result.error)
  }
  return result.data
}
