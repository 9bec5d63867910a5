import { isCoreEvent, type CoreEvent, type CoreEventMap, type CoreEventName } from '../../../shared/events'
import { bridgeToken } from './client'

/** Something that delivers the core's pushed events: Electron's preload, or the bridge's stream. */
export interface CoreEventSource {
  subscribe: (listener: (event: CoreEvent) => void) => () => void
}

declare global {
  interface Window {
    overturnEvents?: CoreEventSource
  }
}

/**
 * Browser mode: the bridge's Server-Sent Events stream on /events, read with fetch so the per-run token
 * travels in a header like every API call (EventSource cannot send one). Reconnects after a drop.
 */
function bridgeEventSource(): CoreEventSource {
  return {
    subscribe(listener) {
      let isStopped = false
      let controller: AbortController | null = null
      async function run() {
        while (!isStopped) {
          controller = new AbortController()
          try {
            const response = await fetch('/events', { headers: { 'X-Overturn-Token': bridgeToken() }, signal: controller.signal })
            // A bridge without a stream (or a wrong token) will not heal by retrying.
            if (response.status === 401 || response.status === 405) return
            if (!response.ok || !response.body) throw new Error('no stream')
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
            let buffer = ''
            for (;;) {
              const { value, done } = await reader.read()
              if (done) break
              buffer += value
              const blocks = buffer.split('\n\n')
              buffer = blocks.pop() ?? ''
              for (const block of blocks) {
                const data = block.split('\n').find((line) => line.startsWith('data: '))
                if (!data) continue
                const event: unknown = JSON.parse(data.slice('data: '.length))
                if (isCoreEvent(event)) listener(event)
              }
            }
          } catch {
            // The bridge stopped or the page is going: wait and try again unless unsubscribed.
          }
          if (!isStopped) await new Promise((resolve) => setTimeout(resolve, 3000))
        }
      }
      void run()
      return () => {
        isStopped = true
        controller?.abort()
      }
    },
  }
}

type Handler = (payload: never) => void
const handlers = new Map<CoreEventName, Set<Handler>>()
let source: CoreEventSource | null = null
let unsubscribe: (() => void) | null = null

function deliver(event: CoreEvent) {
  for (const handler of handlers.get(event.name) ?? []) (handler as (payload: unknown) => void)(event.payload)
}

/**
 * Stores follow the core through this (STYLE.md, Renderer: fetch once, then follow pushed updates).
 * One connection is shared by every subscriber; returns the function that stops this subscription.
 */
export function onCoreEvent<E extends CoreEventName>(name: E, handler: (payload: CoreEventMap[E]) => void): () => void {
  if (!handlers.has(name)) handlers.set(name, new Set())
  handlers.get(name)!.add(handler as Handler)
  if (!unsubscribe) {
    source ??= window.overturnEvents ?? bridgeEventSource()
    unsubscribe = source.subscribe(deliver)
  }
  return () => {
    handlers.get(name)?.delete(handler as Handler)
    if ([...handlers.values()].every((set) => set.size === 0)) {
      unsubscribe?.()
      unsubscribe = null
    }
  }
}

/** For tests: deliver events from any source (a fake core), or go back to the default with null. */
export function setEventSource(next: CoreEventSource | null): void {
  unsubscribe?.()
  unsubscribe = null
  source = next
  if (next && [...handlers.values()].some((set) => set.size > 0)) unsubscribe = next.subscribe(deliver)
}
