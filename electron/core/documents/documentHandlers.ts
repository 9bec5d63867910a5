import type { ChannelsOf } from '../../../shared/contract'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'

export function documentHandlers(core: Core): HandlersFor<ChannelsOf<'evidence' | 'documents' | 'letters' | 'organization' | 'packets'>> {
  return {
    'evidence:list': ({ caseId }) => core.documents.checklist(caseId),
    'evidence:set': (input) => core.documents.setEvidence(input),
    'documents:list': ({ caseId }) => core.documents.listAttachments(caseId),
    'documents:upload': (input) => core.documents.upload(input),
    'documents:update': (input) => core.documents.updateAttachment(input),
    'documents:reorder': (input) => core.documents.reorder(input),
    'documents:remove': ({ attachmentId }) => core.documents.removeAttachment(attachmentId),
    'documents:open': ({ attachmentId }) => core.documents.openAttachment(attachmentId),
    'letters:list': ({ caseId }) => core.documents.letterOptions(caseId),
    'letters:get': ({ caseId, kind }) => core.documents.letter(caseId, kind),
    'letters:save': (input) => core.documents.saveLetter(input),
    'letters:reset': (input) => core.documents.resetLetter(input),
    'organization:get': () => core.documents.organization(),
    'organization:save': (input) => core.documents.saveOrganization(input),
    'packets:export': async (input) => await core.documents.exportPacket(input),
    'packets:exports': ({ caseId }) => core.documents.packetExports(caseId),
    'packets:markSent': (input) => core.documents.markPacketSent(input),
  }
}
