import { Notification } from 'electron'
import { addCalendarDays, localDayOf } from '../../shared/domain/days'
import type { Core } from '../core/createCore'

const HOUR_MS = 60 * 60_000

/**
 * Desktop notifications for deadlines. Notifications show on lock screens and in notification
 * centres, so they carry counts only, never a patient's name or any clinical fact.
 */
export function startDeadlineReminders(currentCore: () => Core | null): () => void {
  const notify = () => {
    const core = currentCore()
    if (!core || !Notification.isSupported()) return
    const today = localDayOf(core.now())
    const items = core.agenda.until(addCalendarDays(today, 3))
    const overdue = items.filter((i) => i.dueDate < today).length
    const soon = items.length - overdue
    if (overdue + soon === 0) return
    new Notification({ title: 'Overturn deadlines', body: `${overdue} overdue and ${soon} due within 3 days.`, silent: false }).show()
  }
  notify()
  const timer = setInterval(notify, HOUR_MS)
  return () => clearInterval(timer)
}
