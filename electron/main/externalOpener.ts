import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sanitizeFilename from 'sanitize-filename'
import type { ApiResult } from '../../shared/contract'
import { WORD_MIME } from '../../shared/desktop'
import type { Dispatch } from '../core/dispatcher'
import { silentLog, type EventLog } from '../core/logging/eventLog'

const FOLDER_PREFIX = 'overturn-open-'

export interface ExternalOpenerOptions {
  dispatch: Dispatch
  /** The system temp folder (Electron's `app.getPath('temp')`). */
  tempRoot: string
  /** Electron's `shell.openPath`: resolves to '' on success, an error text otherwise. */
  openPath: (path: string) => Promise<string>
  log?: EventLog
}

/**
 * Opens a Word exhibit in the system's word processor, which can only read a file on disk. The
 * decrypted copy goes to a private folder (owner-only permissions) made for this run, removed when
 * Overturn quits; folders left by a crash are removed at the next start. PDFs and images are never
 * written: they are previewed in the page from memory. The user is told all this before it happens
 * (preview.wordConfirm).
 */
export function createExternalOpener(options: ExternalOpenerOptions) {
  const log = options.log ?? silentLog
  let folder: string | null = null

  function privateFolder(): string {
    folder ??= mkdtempSync(join(options.tempRoot, FOLDER_PREFIX))
    chmodSync(folder, 0o700)
    return folder
  }

  return {
    async openInWordProcessor(request: unknown): Promise<ApiResult<{ opened: true }>> {
      const attachmentId = (request as { attachmentId?: unknown } | null)?.attachmentId
      const result = await options.dispatch('documents:open', { attachmentId })
      if (!result.ok) return result
      const file = result.data as { fileName: string; mime: string; base64: string }
      if (file.mime !== WORD_MIME) return { ok: false, error: { code: 'validation', message: 'preview.notWord' } }
      // One sub-folder per opening, so two exhibits with the same name never overwrite each other.
      const dir = mkdtempSync(join(privateFolder(), 'x'))
      const name = sanitizeFilename(file.fileName).replace(/\.docx$/i, '') || 'exhibit'
      const path = join(dir, `${name}.docx`)
      writeFileSync(path, Buffer.from(file.base64, 'base64'), { mode: 0o600 })
      const failure = await options.openPath(path)
      if (failure) {
        rmSync(dir, { recursive: true, force: true })
        log.warn('documents.open-external-failed')
        return { ok: false, error: { code: 'internal', message: 'preview.wordFailed' } }
      }
      log.info('documents.opened-external')
      return { ok: true, data: { opened: true } }
    },

    /** Removes this run's folder (on quit). */
    cleanup() {
      if (folder) rmSync(folder, { recursive: true, force: true })
      folder = null
    },

    /** Removes folders a previous run could not (a crash, a power cut). */
    sweepLeftovers() {
      mkdirSync(options.tempRoot, { recursive: true })
      for (const entry of readdirSync(options.tempRoot)) {
        if (!entry.startsWith(FOLDER_PREFIX) || join(options.tempRoot, entry) === folder) continue
        try {
          rmSync(join(options.tempRoot, entry), { recursive: true, force: true })
        } catch {
          // Another user's folder in a shared /tmp: not ours to remove.
        }
      }
    },
  }
}
