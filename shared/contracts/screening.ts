import type { BridgeAssistance, ScreeningDocument, ScreeningReport } from '../domain/screening'
import { caseRefSchema, documentExportSchema, screeningRunSchema, signerTitleSchema } from '../schemas/screeningSchemas'
import { channel, emptyRequest, exporting, read, SCREENING_WORK, write } from './channel'

/** Screening facts against the program catalog, and its documents. */
export const screeningChannels = {
  /** Screen facts against the catalog without saving them (what the command line prints). */
  'screening:run': channel<typeof screeningRunSchema, ScreeningReport>(screeningRunSchema, read()),
  /** Bridge assistance for a case: its patient's screening results and open applications. */
  'screening:forCase': channel<typeof caseRefSchema, BridgeAssistance>(caseRefSchema, read()),
  /** Build a DOCX (screening summary, or a cover letter to `programId`) and answer its bytes as base64. */
  'screening:document': channel<typeof documentExportSchema, ScreeningDocument>(documentExportSchema, exporting()),
  /** The signed-in person's name and title for the signature block of screening letters. */
  'screening:signer': channel<typeof emptyRequest, { name: string; title: string }>(emptyRequest, read()),
  /** Saves the title printed under the signed-in person's name. */
  'screening:saveSignerTitle': channel<typeof signerTitleSchema, { name: string; title: string }>(signerTitleSchema, write('update', { roles: SCREENING_WORK })),
} as const
