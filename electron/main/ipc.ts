import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHANNELS } from '../../shared/contract'
import type { Dispatch } from '../core/dispatcher'
import { silentLog, type EventLog } from '../core/logging/eventLog'

/**
 * Registers every contract channel through one wrapper. The sender check refuses calls from any
 * frame that is not our own renderer (Electron security checklist #17, "validate the sender").
 * Refusals and failed calls are logged by channel name and error code only.
 */
export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean, log: EventLog = silentLog): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, request: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedUrl(url)) {
        log.warn('ipc.refused-sender', { channel })
        return { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } }
      }
      const result = await dispatch(channel, request)
      if (!result.ok) log.info('ipc.failed', { channel, code: result.error.code })
      return result
    })
  }
}
