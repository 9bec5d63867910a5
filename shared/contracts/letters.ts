import type { LetterDraft, LetterOption } from '../domain/documents'
import { caseIdSchema } from '../schemas/caseSchemas'
import { letterRefSchema, letterSaveSchema } from '../schemas/documentSchemas'
import { channel, read, write } from './channel'

/** A case's letters: offered, drafted, edited. */
export const lettersChannels = {
  /** The letters the case's ladder offers. */
  'letters:list': channel<typeof caseIdSchema, LetterOption[]>(caseIdSchema, read()),
  /** A letter filled with the case's facts (or the advocate's saved edit) and its missing facts. */
  'letters:get': channel<typeof letterRefSchema, LetterDraft>(letterRefSchema, read()),
  /** Save the advocate's edited text as this case's version of the letter. */
  'letters:save': channel<typeof letterSaveSchema, LetterDraft>(letterSaveSchema, write('update')),
  /** Drop the edited version and go back to the template filled with current facts. */
  'letters:reset': channel<typeof letterRefSchema, LetterDraft>(letterRefSchema, write('delete')),
} as const
