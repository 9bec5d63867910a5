import { createI18n } from 'vue-i18n'
import { en, type MessageSchema } from './en/index'

export function createAppI18n() {
  return createI18n<[MessageSchema], 'en'>({
    legacy: false,
    locale: 'en',
    fallbackLocale: 'en',
    messages: { en },
    missingWarn: false,
    fallbackWarn: false,
  })
}

/** Translates an error key from the core, or shows a plain sentence the core wrote itself. */
export function isMessageKey(text: string): boolean {
  return /^[a-z]+(\.[A-Za-z0-9_]+)+$/.test(text)
}
