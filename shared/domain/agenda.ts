import type { Stage } from './enums'

/** One open deadline across the caseload, for the Due soon / Overdue lists and the calendar. */
export interface AgendaItem {
  caseId: number
  patientName: string
  stage: Stage
  key: string
  side: 'ours' | 'payer'
  labelKey: string
  labelEn: string
  dueDate: string
  dueAt: string | null
  ruleId: string
  citation: string
  verified: boolean
}

export interface Agenda {
  today: string
  overdue: AgendaItem[]
  dueSoon: AgendaItem[]
  later: AgendaItem[]
}

export interface IcsFile {
  fileName: string
  content: string
}
