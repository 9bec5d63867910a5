import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS, type ApiResult } from '../../shared/contract'
import { DESKTOP_CHANNELS } from '../../shared/desktop'
import type { Dispatch } from '../core/dispatcher'
import { isLoggedCall, silentLog, type EventLog } from '../core/logging/eventLog'

/**
 * Registers every contract channel through one wrapper. The sender check refuses calls from any
 * frame that is not our own renderer (Electron security checklist #17, "validate the sender").
 * Refusals and failed calls are logged by channel name and error code only.
 */
export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean, log: EventLog = silentLog): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedUrl(url)) {
        log.warn('ipc.refused-sender', { channel })
        return { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } }
      }
      return dispatch(channel, request).then((result) => {
        if (!result.ok) log.info('ipc.failed', { channel, code: result.error.code })
        else if (isLoggedCall(channel)) log.info('ipc.call', { channel })
        return result
      })
    })
  }
}

/** The desktop-only methods (shared/desktop.ts), behind the same sender check. */
export function registerDesktopIpc(handlers: { openInWordProcessor: (request: unknown) => Promise<ApiResult<{ opened: true }>> }, isTrustedUrl: (url: string) => boolean, log: EventLog = silentLog): void {
  ipcMain.handle(DESKTOP_CHANNELS.openInWordProcessor, (event: IpcMainInvokeEvent, request: unknown) => {
    if (!isTrustedUrl(event.senderFrame?.url ?? '')) {
      log.warn('ipc.refused-sender', { channel: DESKTOP_CHANNELS.openInWordProcessor })
      return { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } }
    }
    return handlers.openInWordProcessor(request)
  })
}
