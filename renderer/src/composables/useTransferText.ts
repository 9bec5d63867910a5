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

/** Bytes ↔ base64 in chunks, so a large bundle does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
  return bytes
}
