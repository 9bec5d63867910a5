import { ref } from 'vue'

const message = ref('')

/**
 * One polite live region for the whole app (App.vue renders it): moves, saves and errors are
 * announced to screen readers, as Atlassian's drag-and-drop accessibility guidance asks.
 */
export function useAnnouncer() {
  function announce(text: string) {
    message.value = ''
    // A fresh text node makes screen readers repeat an identical message.
    queueMicrotask(() => (message.value = text))
  }
  return { message, announce }
}
