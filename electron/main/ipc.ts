import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/contract'
import type { Dispatch } from '../core/dispatcher'

/**
 * Registers every contract channel through one wrapper. The sender check refuses calls from any
 * frame that is not our own renderer (Electron security checklist #17, "validate the sender").
 */
export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedUrl(url)) {
        return { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } }
      }
      return dispatch(channel, request)
    })
  }
}
