import { contract, type ApiResult, type Channel } from '../../shared/contract'
import type { CoreEvent, CoreEventMap, CoreEventName } from '../../shared/events'

export type CoreEventListener = (event: CoreEvent) => void

/** Where pushed events start: the shells (Electron main, the browser bridge) subscribe and deliver. */
export function createEventHub() {
  const listeners = new Set<CoreEventListener>()
  return {
    emit<E extends CoreEventName>(name: E, payload: CoreEventMap[E]) {
      const event = { name, payload } as CoreEvent
      for (const listener of listeners) {
        try {
          listener(event)
        } catch {
          // A closed window or stream must not break the call that caused the event.
        }
      }
    },
    subscribe(listener: CoreEventListener): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
export type EventHub = ReturnType<typeof createEventHub>

type Dispatch = (channel: string, request: unknown) => Promise<ApiResult<unknown>>

const idOf = (request: unknown): number | null => {
  const id = request && typeof request === 'object' ? (request as { caseId?: unknown }).caseId : undefined
  return typeof id === 'number' ? id : null
}

/**
 * Wraps the session's dispatch so the core pushes what changed instead of the renderer polling:
 * after a successful write (by the channel's declared policy) every window hears `case:changed` and
 * the new reminder counts; a `locked` answer or a lock announces `session:locked`; a backup reports
 * its progress.
 */
export function withCoreEvents(dispatch: Dispatch, hub: EventHub): Dispatch {
  return async (channel, request) => {
    const policy = Object.hasOwn(contract, channel) ? contract[channel as Channel].policy : null
    const isBackup = channel === 'backups:create'
    if (isBackup) hub.emit('backup:progress', { phase: 'started', fileName: null })
    const result = await dispatch(channel, request)
    if (isBackup) hub.emit('backup:progress', { phase: result.ok ? 'done' : 'failed', fileName: result.ok ? ((result.data as { fileName?: string }).fileName ?? null) : null })
    if (!result.ok) {
      if (result.error.code === 'locked' && channel !== 'session:status') hub.emit('session:locked', {})
      return result
    }
    if (channel === 'session:lock') {
      hub.emit('session:locked', {})
      return result
    }
    const changesCases = policy && (policy.access === 'write' || policy.access === 'admin' || channel === 'packets:export') && !channel.startsWith('session:') && !channel.startsWith('users:')
    if (changesCases) {
      hub.emit('case:changed', { caseId: idOf(request) })
      const counts = await dispatch('deadlines:counts', {})
      if (counts.ok) hub.emit('deadlines:counts', counts.data as CoreEventMap['deadlines:counts'])
    }
    return result
  }
}
