import type { ApiResult } from './contract'

/**
 * What only the desktop app can do, beside the contract: hand a Word exhibit to the system's word
 * processor. Browser mode has no such bridge (it downloads the file instead), so this is not a
 * contract channel that the loopback bridge would answer. Main checks the sender and goes through
 * `documents:open` (so roles, the lock and the audit trail apply) before anything is written.
 */
export const DESKTOP_CHANNELS = {
  openInWordProcessor: 'desktop:openInWordProcessor',
} as const

export interface DesktopApi {
  openInWordProcessor: (request: { attachmentId: number }) => Promise<ApiResult<{ opened: true }>>
}

export const WORD_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
