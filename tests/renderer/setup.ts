import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '../../renderer/src/i18n'

/** Plugins every mounted component needs: the real i18n messages, a router and a real Pinia. */
export function plugins() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  const pinia = createPinia()
  setActivePinia(pinia)
  return [createAppI18n(), router, pinia]
}
