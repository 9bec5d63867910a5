import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, type OverturnApi } from '../../shared/contract'
import { DESKTOP_CHANNELS, type DesktopApi } from '../../shared/desktop'
import { CORE_EVENT_CHANNEL, isCoreEvent, type CoreEvent } from '../../shared/events'

/**
 * Exposes exactly the contract's methods, one per channel, and nothing else: the page never sees
 * `ipcRenderer` (Electron's context-isolation guidance; anchors-ecosystem-security F6).
 */
const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as unknown as OverturnApi

contextBridge.exposeInMainWorld('overturn', Object.freeze(api))

/** The desktop-only methods (shared/desktop.ts), equally narrow: one request object each. */
const desktop: DesktopApi = {
  openInWordProcessor: (request) => ipcRenderer.invoke(DESKTOP_CHANNELS.openInWordProcessor, request),
}
contextBridge.exposeInMainWorld('overturnDesktop', Object.freeze(desktop))
/**
 * The core's pushed events (shared/events.ts): the page may subscribe to the typed event map and
 * nothing else; anything else arriving on the channel is dropped.
 */
const events = Object.freeze({
  subscribe(listener: (event: CoreEvent) => void): () => void {
    const handler = (_event: unknown, event: unknown) => {
      if (isCoreEvent(event)) listener(event)
    }
    ipcRenderer.on(CORE_EVENT_CHANNEL, handler)
    return () => void ipcRenderer.removeListener(CORE_EVENT_CHANNEL, handler)
  },
})
contextBridge.exposeInMainWorld('overturnEvents', events)
