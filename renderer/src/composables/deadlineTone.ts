import { daysBetween } from '../../../shared/domain/days'

export type DeadlineTone = 'overdue' | 'soon' | 'fortnight' | 'later'

/** The card's colour bands (issue 2): overdue, 3 days or less, 14 days or less. */
export function deadlineTone(dueDate: string, today: string): DeadlineTone {
  const days = daysBetween(today, dueDate)
  if (days < 0) return 'overdue'
  if (days <= 3) return 'soon'
  if (days <= 14) return 'fortnight'
  return 'later'
}
