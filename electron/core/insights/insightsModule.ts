import sanitizeFilename from 'sanitize-filename'
import { localDayOf } from '../../../shared/domain/days'
import { toCsv } from '../../../shared/domain/csv'
import type { CaseOutcome, CsvFile, DashboardData, DocxFile, SearchResponse } from '../../../shared/domain/insights'
import { resolveRange, type CsvRequest, type DateRangeInput, type OutcomeRecord, type OutcomeUpdate } from '../../../shared/schemas/insightSchemas'
import type { RecordOperation } from '../cases/operationLog'
import type { Db } from '../db/openDatabase'
import { AppError, notFound } from '../errors'
import { createSettingsRepository } from '../settings/settingsRepository'
import { createDashboardRepository } from './dashboardRepository'
import { buildDashboard } from './dashboardService'
import { buildFunderReportModel } from './funderReport'
import { createOutcomeRepository } from './outcomeRepository'
import { createSearchRepository } from './searchRepository'

/** Excel opens UTF-8 CSV correctly only with a byte-order mark ('José' would show as 'JosÃ©'). */
const UTF8_BOM = '\uFEFF'

/**
 * Search everywhere, outcomes, the dashboard and reports (issue 6), on the caseload database.
 * `now` is the clock; "today" is its local day.
 */
export function createInsightsModule({ db, now, recordOperation }: { db: Db; now: () => Date; recordOperation?: RecordOperation }) {
  const search = createSearchRepository(db)
  const outcomes = createOutcomeRepository(db)
  const dashboard = createDashboardRepository(db)
  const caseExists = db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck()
  const settings = createSettingsRepository(db)
  const today = () => localDayOf(now())
  const nowIso = () => now().toISOString()

  function checkDecidedOn(decidedOn: string) {
    if (decidedOn > today()) throw new AppError('validation', 'error.validation', { decidedOn: 'outcomes.error.futureDate' })
  }

  function loadDashboard(range: DateRangeInput): DashboardData {
    return buildDashboard(dashboard, resolveRange(range, today()), today())
  }

  const organizationName = () => settings.organization().name

  return {
    search: (text: string, limitPerKind: number): SearchResponse => search.search(text, limitPerKind),

    listOutcomes(caseId: number): CaseOutcome[] {
      if (!caseExists.get(caseId)) throw notFound('case')
      return outcomes.listForCase(caseId)
    },

    recordOutcome({ caseId, ...fields }: OutcomeRecord): CaseOutcome[] {
      checkDecidedOn(fields.decidedOn)
      db.transaction(() => {
        if (!caseExists.get(caseId)) throw notFound('case')
        outcomes.insert(caseId, fields, nowIso())
        recordOperation?.(caseId, [{ kind: 'outcome', newValue: fields as unknown as Record<string, unknown> }])
      })()
      return outcomes.listForCase(caseId)
    },

    updateOutcome({ id, ...fields }: OutcomeUpdate): CaseOutcome[] {
      checkDecidedOn(fields.decidedOn)
      const existing = outcomes.get(id)
      if (!existing) throw notFound('outcome')
      db.transaction(() => {
        outcomes.update(id, existing.caseId, fields, nowIso())
        recordOperation?.(existing.caseId, [{ kind: 'outcome', entityId: id, newValue: fields as unknown as Record<string, unknown> }])
      })()
      return outcomes.listForCase(existing.caseId)
    },

    removeOutcome(id: number): CaseOutcome[] {
      const existing = outcomes.get(id)
      if (!existing) throw notFound('outcome')
      db.transaction(() => {
        outcomes.remove(id)
        recordOperation?.(existing.caseId, [{ kind: 'outcome', entityId: id, detail: { removed: true } }])
      })()
      return outcomes.listForCase(existing.caseId)
    },

    dashboard: loadDashboard,

    /** Writes a table as CSV; the file name carries the day it was made. */
    csv(request: CsvRequest): CsvFile {
      const fileName = sanitizeFilename(`overturn-${request.name}-${today()}.csv`, { replacement: '_' })
      return { fileName, content: UTF8_BOM + toCsv(request.header, request.rows) }
    },

    /** The de-identified funder report as a .docx (aggregates only; see funderReport.ts). */
    async funderReport(range: DateRangeInput): Promise<DocxFile> {
      const model = buildFunderReportModel(loadDashboard(range), organizationName())
      // The docx library loads on the first report, not with the caseload (issue 15: core memory).
      const { funderDocxBytes } = await import('./funderDocx')
      const bytes = await funderDocxBytes(model)
      return { fileName: `overturn-funder-report-${model.generatedOn}.docx`, base64: bytes.toString('base64') }
    },
  }
}
export type InsightsModule = ReturnType<typeof createInsightsModule>
