import { onBeforeUnmount, onMounted } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { useI18n } from 'vue-i18n'

/**
 * Leaving a form with unsaved changes asks first (issue 12, item 4): another screen of the app (the
 * router) or closing/reloading the window (beforeunload). `isDirty` is read at the moment of leaving.
 */
export function useUnsavedGuard(isDirty: () => boolean) {
  const { t } = useI18n()
  onBeforeRouteLeave(() => (isDirty() ? window.confirm(t('record.leaveUnsaved')) : true))
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!isDirty()) return
    event.preventDefault()
    // Older Chromium needs returnValue set to show its own prompt.
    event.returnValue = ''
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload))
}
