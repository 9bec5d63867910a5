import { useI18n } from 'vue-i18n'
import type { Reminder, RuleResult } from '../../../shared/domain/screening'
import { formatMoney } from '../../../shared/domain/money'
import { isMessageKey } from '../i18n'

/** Shared wording for screening screens: reasons, reminders, money, days and field errors. */
export function useScreeningText() {
  const { t, te, d } = useI18n()
  return {
    reason: (rule: Pick<RuleResult, 'reason' | 'params'>) => t(`screening.reason.${rule.reason}`, rule.params),
    reminder: (r: Pick<Reminder, 'reason' | 'params'>) => t(`screening.reminder.${r.reason}`, r.params),
    /** Money as the documents and the engine write it (shared/domain/money.ts): `$37,701.60`. */
    money: (value: number | null) => (value === null ? t('applicants.notGiven') : formatMoney(value)),
    day: (value: string | null) => (value ? d(new Date(`${value}T12:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' }) : ''),
    /** A field message key from the shared schemas: core keys under `error`, screening's own under `screening.fieldError`. */
    fieldMessage(key: string | undefined): string | undefined {
      if (!key) return undefined
      if (te(key)) return t(key)
      const own = `screening.fieldError.${key.replace(/^error\./, '').split('.')[0]}`
      if (te(own)) return t(own)
      return isMessageKey(key) ? t('error.invalid') : key
    },
  }
}
