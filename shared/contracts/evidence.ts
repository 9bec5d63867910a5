import type { EvidenceChecklist } from '../domain/documents'
import { caseIdSchema } from '../schemas/caseSchemas'
import { evidenceSetSchema } from '../schemas/documentSchemas'
import { channel, read, write } from './channel'

/** A case's evidence checklist. */
export const evidenceChannels = {
  /** The case's checklist, generated from its denial reasons × therapy × ladder level, with progress. */
  'evidence:list': channel<typeof caseIdSchema, EvidenceChecklist>(caseIdSchema, read()),
  /** Mark a checklist item needed, received or not applicable. */
  'evidence:set': channel<typeof evidenceSetSchema, EvidenceChecklist>(evidenceSetSchema, write('update')),
} as const
