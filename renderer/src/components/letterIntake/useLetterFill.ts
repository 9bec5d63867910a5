import { ref, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAnnouncer } from '../../composables/useAnnouncer'
import { isMessageKey } from '../../i18n'
import { ApiCallError } from '../../api/client'
import { useLetterIntakeStore } from '../../stores/letterIntakeStore'
import type { IntakeForm } from '../../views/caseIntakeForm'
import { fillFormFromLetter, type LetterValues } from './letterToCase'

/** The new-case form's side of reading a letter: fill on confirm, keep the letter once the case exists. */
export function useLetterFill(form: Ref<IntakeForm>) {
  const { t } = useI18n()
  const { announce } = useAnnouncer()
  const store = useLetterIntakeStore()
  const usedFile = ref('')

  const summary = (v: LetterValues) =>
    t('reader.summary', {
      address: v.appealAddress || '—',
      fax: v.appealFax ? t('reader.summaryFax', { fax: v.appealFax }) : '',
      reviewer: v.reviewer ? t('reader.summaryReviewer', { name: v.reviewer }) : '',
    }).trim()

  function use(values: LetterValues) {
    fillFormFromLetter(form.value, values, summary)
    usedFile.value = store.job?.fileName ?? ''
  }

  /** After the case is created: the letter becomes its exhibit "Denial notice" (encrypted like every attachment). */
  async function keepAsExhibit(caseId: number) {
    if (!usedFile.value) return
    try {
      const attachment = await store.attach(caseId, t('reader.exhibitLabel'))
      if (attachment) announce(t('reader.attached', { number: attachment.exhibitNumber }))
    } catch (error) {
      const message = error instanceof ApiCallError ? error.error.message : 'error.internal'
      announce(t('reader.attachFailed', { reason: isMessageKey(message) ? t(message) : message }))
    } finally {
      store.reset()
    }
  }

  return { use, usedFile, keepAsExhibit }
}
