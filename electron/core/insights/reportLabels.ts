/** English labels for documents the core writes itself (the funder report); vocabularies come from shared. */
export { DENIAL_REASON_EN, PLAN_FAMILY_EN, STAGE_EN, THERAPY_EN } from '../../../shared/domain/enumLabels'

/** A label for any key of a breakdown, falling back to the key itself. */
export function labelEn(table: Record<string, string>, key: string): string {
  return Object.hasOwn(table, key) ? table[key] : key
}
