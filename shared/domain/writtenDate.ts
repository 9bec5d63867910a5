import type { DayString } from './days'

/**
 * A day written out the way a letter dates it: "November 29, 2026" in English, "29 de noviembre
 * de 2026" in Spanish (RAE: month names in lower case). From the `YYYY-MM-DD` string itself, so no
 * time zone can move it, and from fixed tables, so no ICU build can change it.
 */
const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
} as const

export type WrittenDateLanguage = keyof typeof MONTHS

export function writtenDate(day: DayString, language: WrittenDateLanguage = 'en'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!match) return day
  const [, year, month, date] = match
  const name = MONTHS[language][Number(month) - 1]
  if (!name) return day
  return language === 'es' ? `${Number(date)} de ${name} de ${year}` : `${name} ${Number(date)}, ${year}`
}
