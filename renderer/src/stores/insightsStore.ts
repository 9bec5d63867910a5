import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaseOutcome, DashboardData } from '../../../shared/domain/insights'
import type { OutcomeRecordInput } from '../../../shared/schemas/insightSchemas'
import type { CsvCell } from '../../../shared/domain/csv'
import { call } from '../api/client'
import { DOCX_MIME, downloadBase64, downloadText } from '../composables/download'

/** The dashboard, a case's outcomes and the reports. */
export const useInsightsStore = defineStore('insights', () => {
  const dashboard = ref<DashboardData | null>(null)
  const range = ref<{ from?: string; to?: string }>({})
  const isLoading = ref(false)
  const outcomes = ref<{ caseId: number; list: CaseOutcome[] } | null>(null)

  async function loadDashboard(next: { from?: string; to?: string } = range.value) {
    isLoading.value = true
    try {
      range.value = next
      dashboard.value = await call('dashboard:load', next)
    } finally {
      isLoading.value = false
    }
  }

  async function loadOutcomes(caseId: number) {
    outcomes.value = { caseId, list: await call('outcomes:list', { caseId }) }
  }

  async function recordOutcome(input: OutcomeRecordInput) {
    outcomes.value = { caseId: input.caseId, list: await call('outcomes:record', input) }
  }

  async function removeOutcome(caseId: number, id: number) {
    outcomes.value = { caseId, list: await call('outcomes:remove', { id }) }
  }

  /** Writes a table as shown (translated headers) to CSV through the core, and saves it. */
  async function exportCsv(name: string, header: string[], rows: CsvCell[][]): Promise<string> {
    const file = await call('reports:csv', { name, header, rows: rows.map((r) => r.map((c) => (c === undefined || typeof c === 'boolean' ? String(c ?? '') : c))) })
    downloadText(file.fileName, file.content, 'text/csv')
    return file.fileName
  }

  async function funderReport(): Promise<string> {
    const file = await call('reports:funderDocx', range.value)
    downloadBase64(file.fileName, file.base64, DOCX_MIME)
    return file.fileName
  }

  return { dashboard, range, isLoading, outcomes, loadDashboard, loadOutcomes, recordOutcome, removeOutcome, exportCsv, funderReport }
})
