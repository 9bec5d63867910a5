import type { AgendaItem } from '../../../shared/domain/agenda'
import { addCalendarDays } from '../../../shared/domain/days'

/**
 * RFC 5545 calendar of deadlines. Calendars sync to phones and lock screens, so an event names the
 * case number and the patient's initials, never the full name or any clinical fact.
 */
export function buildIcs(items: AgendaItem[], stampIso: string): string {
  const stamp = stampIso.replace(/[-:]/g, '').replace(/\.\d{3}/, '')
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Overturn//Deadlines//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  for (const item of items) {
    const initials = item.patientName
      .split(/\s+/)
      .filter(Boolean)
      .map((part) => `${part[0]}.`)
      .join('')
    const who = item.side === 'ours' ? 'Our deadline' : 'Payer decision due'
    lines.push(
      'BEGIN:VEVENT',
      `UID:overturn-${item.caseId}-${item.key}@overturn.local`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${item.dueDate.replace(/-/g, '')}`,
      `DTEND;VALUE=DATE:${addCalendarDays(item.dueDate, 1).replace(/-/g, '')}`,
      fold(`SUMMARY:${escapeText(`Case #${item.caseId} (${initials}): ${item.labelEn}`)}`),
      fold(`DESCRIPTION:${escapeText(`${who}. Rule ${item.ruleId}: ${item.citation}${item.verified ? '' : ' (unverified rule: check it)'}`)}`),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.join('\r\n')}\r\n`
}

/** Escapes text values (RFC 5545 §3.3.11). */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** Folds lines longer than 75 octets (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line)
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let current = ''
  for (const char of line) {
    if (new TextEncoder().encode(current + char).length > (parts.length ? 74 : 75)) {
      parts.push(current)
      current = ''
    }
    current += char
  }
  parts.push(current)
  return parts.join('\r\n ')
}
