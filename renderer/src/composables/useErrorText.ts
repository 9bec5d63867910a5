import { useI18n } from 'vue-i18n'
import { ApiCallError } from '../api/client'
import { isMessageKey } from '../i18n'

/** A readable sentence for any failure: the core's message key translated, or its plain sentence. */
export function useErrorText() {
  const { t } = useI18n()
  return function errorText(error: unknown): string {
    const message = error instanceof ApiCallError ? error.error.message : error instanceof Error ? error.message : 'error.internal'
    const field = error instanceof ApiCallError ? Object.values(error.error.fields ?? {})[0] : undefined
    // A field message is more specific than "Some values are not valid."
    const key = message === 'error.validation' && field ? field : message
    return isMessageKey(key) ? t(key) : key
  }
}
