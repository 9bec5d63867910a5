import { useI18n } from 'vue-i18n'
import { isMessageKey } from '../i18n'

/** Messages from the transfer reports: a known key translated, any other key "not valid", a sentence as is. */
export function useTransferText() {
  const { t, te } = useI18n()
  return function message(key: string | null | undefined, params: Record<string, string | number> = {}): string {
    if (!key) return ''
    if (te(key)) return t(key, params)
    return isMessageKey(key) ? t('error.invalid') : key
  }
}
