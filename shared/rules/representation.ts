import { addCalendarDays, type DayString } from '../domain/days'

/**
 * How long an appointment of representative lasts. Only the Medicare form has a fixed term in our
 * sources; it is not in domain-rules.md, so it carries the "verify" flag.
 */
export const REPRESENTATION_RULES = {
  cms_1696: {
    termDays: 365,
    ruleId: 'medicare.aor.cms1696_one_year',
    citation: 'CMS-1696 Appointment of Representative form instructions; 42 CFR 405.910',
    verified: false,
  },
} as const

/** The day a representation stops being valid: the stated expiry, or one year after a CMS-1696 is signed. */
export function representationExpiry(rep: { kind: string; signedOn: DayString; expiresOn: DayString | null }): DayString | null {
  if (rep.expiresOn) return rep.expiresOn
  if (rep.kind === 'cms_1696') return addCalendarDays(rep.signedOn, REPRESENTATION_RULES.cms_1696.termDays)
  return null
}

export type RepresentationStatus = 'missing' | 'expired' | 'expiring' | 'valid'

/** Whether the advocate may act for the patient on `today`; "expiring" is within 30 days. */
export function representationStatus(rep: { kind: string; signedOn: DayString; expiresOn: DayString | null } | null, today: DayString): RepresentationStatus {
  if (!rep) return 'missing'
  const expiry = representationExpiry(rep)
  if (!expiry) return 'valid'
  if (expiry < today) return 'expired'
  return expiry <= addCalendarDays(today, 30) ? 'expiring' : 'valid'
}

