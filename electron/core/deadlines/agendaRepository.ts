import type { AgendaItem } from '../../../shared/domain/agenda'
import type { Stage } from '../../../shared/domain/enums'
import type { Db } from '../db/openDatabase'
import { toBool } from '../db/rowMapping'

interface AgendaRow {
  case_id: number
  first_name: string
  last_name: string
  stage: Stage
  key: string
  side: 'ours' | 'payer'
  label_key: string
  label_en: string
  due_date: string
  due_at: string | null
  rule_id: string
  citation: string
  verified: number
}

/** Stored deadlines of open cases up to a day, earliest first (indexed on due_date). */
export function createAgendaRepository(db: Db) {
  const select = (where: string) =>
    db.prepare(`SELECT d.case_id, p.first_name, p.last_name, c.stage, d.key, d.side, d.label_key, d.label_en, d.due_date,
        d.due_at, d.rule_id, d.citation, d.verified
      FROM case_deadlines d JOIN cases c ON c.id = d.case_id JOIN patients p ON p.id = c.patient_id
      WHERE c.stage <> 'closed' AND ${where} ORDER BY d.due_date, d.due_at, d.case_id`)
  const untilStatement = select('d.due_date <= ?')
  const caseStatement = select('d.case_id = ?')
  const toItem = (row: AgendaRow): AgendaItem => ({
    caseId: row.case_id,
    patientName: `${row.first_name} ${row.last_name}`,
    stage: row.stage,
    key: row.key,
    side: row.side,
    labelKey: row.label_key,
    labelEn: row.label_en,
    dueDate: row.due_date,
    dueAt: row.due_at,
    ruleId: row.rule_id,
    citation: row.citation,
    verified: toBool(row.verified),
  })
  const countsStatement = db.prepare(`SELECT COALESCE(SUM(d.due_date < @today), 0) AS overdue,
      COALESCE(SUM(d.due_date >= @today AND d.due_date <= @soon), 0) AS soon
    FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE c.stage <> 'closed' AND d.due_date <= @soon`)
  return {
    counts: (today: string, soon: string) => {
      const row = countsStatement.get({ today, soon }) as { overdue: number; soon: number }
      return { overdue: row.overdue, dueWithin3Days: row.soon }
    },
    until: (lastDay: string): AgendaItem[] => (untilStatement.all(lastDay) as AgendaRow[]).map(toItem),
    forCase: (caseId: number): AgendaItem[] => (caseStatement.all(caseId) as AgendaRow[]).map(toItem),
  }
}
export type AgendaRepository = ReturnType<typeof createAgendaRepository>
