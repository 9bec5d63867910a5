import { getCurrentInstance, onBeforeUnmount, ref } from 'vue'
import { useAnnouncer } from './useAnnouncer'

/** How long the visible note stays: long enough to read after looking back at the control. */
const SHOW_MS = 8000

/**
 * A save's confirmation, said twice: once to screen readers through the app's live region, and once
 * on screen beside the control that saved (render `note` with SaveNote.vue). A note only announced
 * leaves sighted users wondering whether anything happened.
 */
export function useSaveConfirmation() {
  const { announce } = useAnnouncer()
  const note = ref('')
  let timer: ReturnType<typeof setTimeout> | undefined
  /** The visible note alone, for a save already announced (before navigating to this screen). */
  function showNote(text: string) {
    note.value = text
    clearTimeout(timer)
    timer = setTimeout(() => (note.value = ''), SHOW_MS)
  }
  function confirm(text: string) {
    announce(text)
    showNote(text)
  }
  function clearNote() {
    clearTimeout(timer)
    note.value = ''
  }
  if (getCurrentInstance()) onBeforeUnmount(() => clearTimeout(timer))
  return { note, confirm, showNote, clearNote }
}
