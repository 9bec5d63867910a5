import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Advocate, CaseloadInfo } from '../../../shared/domain/cases'
import type { BundleImportMode, BundleImportReport, CaseCsvField, CsvImportMode, CsvImportReport, CsvPreview } from '../../../shared/domain/transfer'
import { call } from '../api/client'
import { downloadBase64, downloadText, ZIP_MIME } from '../composables/download'

/**
 * The caseload's reference data (advocates) and whole-caseload actions: demo cases, a reset, and moving
 * cases in and out as case bundles and spreadsheets. The import reports stay with the panel that asked.
 */
export const useCaseloadStore = defineStore('caseload', () => {
  const info = ref<CaseloadInfo | null>(null)
  const advocates = ref<Advocate[]>([])
  const hasDemoCases = computed(() => (info.value?.demoCaseCount ?? 0) > 0)

  async function load() {
    ;[info.value, advocates.value] = await Promise.all([call('caseload:info', {}), call('advocates:list', {})])
  }
  async function removeDemo() {
    info.value = await call('caseload:removeDemo', {})
  }
  async function loadDemo() {
    info.value = await call('caseload:loadDemo', {})
    advocates.value = await call('advocates:list', {})
  }
  async function resetEmpty() {
    info.value = await call('caseload:resetEmpty', {})
  }

  /** Every case as one bundle ZIP, saved where the user chooses; answers the file's name. */
  async function exportBundle(): Promise<string> {
    const file = await call('transfer:exportBundle', { caseIds: null })
    downloadBase64(file.fileName, file.base64, ZIP_MIME)
    return file.fileName
  }
  /** Checks (`validate`) or imports a bundle; after an import the caseload's counts are read again. */
  async function importBundle(base64: string, mode: BundleImportMode): Promise<BundleImportReport> {
    const report = await call('transfer:importBundle', { base64, mode })
    if (report.importedCaseIds.length > 0) await load()
    return report
  }
  const previewCsv = (csv: string): Promise<CsvPreview> => call('transfer:previewCsv', { csv })
  async function importCsv(csv: string, mapping: Record<string, CaseCsvField | null>, mode: CsvImportMode): Promise<CsvImportReport> {
    const report = await call('transfer:importCsv', { csv, mapping, mode })
    if (report.imported > 0) await load()
    return report
  }
  /** The caseload as a spreadsheet, saved where the user chooses; answers the file's name. */
  async function exportCsv(): Promise<string> {
    const file = await call('transfer:exportCsv', {})
    downloadText(file.fileName, file.content, 'text/csv')
    return file.fileName
  }

  return { info, advocates, hasDemoCases, load, removeDemo, loadDemo, resetEmpty, exportBundle, importBundle, previewCsv, importCsv, exportCsv }
})
