import { useI18n } from 'vue-i18n'
import type { AuditEntryDto } from '../../../shared/domain/session'

/**
 * The audit trail in plain language (issue 12, item 6): "Corrected the facts of case 12", not
 * `cases:update`. Channels without a sentence fall back to the action and what it concerned.
 */
export function useAuditText() {
  const { t, te } = useI18n()
  const actionText = (action: string) => (te(`auditText.action.${action}`) ? t(`auditText.action.${action}`) : action)
  function sentence(entry: AuditEntryDto): string {
    const key = `auditText.channel.${entry.channel.replace(':', '_')}`
    const id = entry.entityId
    if (entry.channel && te(key)) return t(key, { id })
    const what = entry.entity && id ? t('auditText.entity', { entity: entry.entity, id }) : entry.entity
    return [actionText(entry.action), what, entry.detail].filter(Boolean).join(' · ')
  }
  return { sentence, actionText }
}
