import type { DesktopApi } from '../../../shared/desktop'

declare global {
  interface Window {
    overturnDesktop?: DesktopApi
  }
}

/** The desktop app's extra methods (electron/preload), or null in browser mode. */
export function getDesktopApi(): DesktopApi | null {
  return window.overturnDesktop ?? null
}
