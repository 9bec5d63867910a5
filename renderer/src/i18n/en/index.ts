import { coreMessages } from './core'
import { deadlineMessages } from './deadlines'
import { insightMessages } from './insights'
import { securityMessages } from './security'
import { documentMessages } from './documents'
import { screeningMessages } from './screening'
import { syncMessages } from './sync'
import { transferMessages } from './transfer'
import { previewMessages } from './preview'
import { shellMessages } from './shell'
import { caseRecordMessages } from './caseRecord'
import { boardPagingMessages } from './boardPaging'
import { integrityMessages } from './integrity'
import { readerMessages } from './reader'

/**
 * English messages. Each feature keeps its strings in its own file here, merged below; top-level
 * keys must not collide (tests/renderer/i18n.test.ts checks).
 */
export const en = {
  ...coreMessages,
  ...deadlineMessages,
  ...insightMessages,
  ...securityMessages,
  ...documentMessages,
  ...screeningMessages,
  ...transferMessages,
  ...previewMessages,
  ...shellMessages,
  ...caseRecordMessages,
  ...boardPagingMessages,
  ...integrityMessages,
  ...readerMessages,
  ...syncMessages,
}
export type MessageSchema = typeof en
