import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '../../renderer/src/i18n'
import { setEventSource } from '../../renderer/src/api/events'
import type { CoreEvent } from '../../shared/events'

/** Plugins every mounted component needs: the real i18n messages, a router and a real Pinia. */
export function plugins() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  const pinia = createPinia()
  setActivePinia(pinia)
  return [createAppI18n(), router, pinia]
}

/**
 * The core's pushed events in renderer tests: stores subscribe as in the app, and a test pushes an
 * event with `pushCoreEvent` the way Electron's preload or the bridge's stream would.
 */
const eventListeners = new Set<(event: CoreEvent) => void>()
setEventSource({
  subscribe(listener) {
    eventListeners.add(listener)
    return () => eventListeners.delete(listener)
  },
})
export function pushCoreEvent(event: CoreEvent): void {
  for (const listener of eventListeners) listener(event)
}
