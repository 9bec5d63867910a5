import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS, type OverturnApi } from '../../shared/contract'
import { DESKTOP_CHANNELS, type DesktopApi } from '../../shared/desktop'

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
