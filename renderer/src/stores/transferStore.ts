import { defineStore } from 'pinia'
import type { BundleFile, BundleImportMode, BundleImportReport, CaseCsvField, CsvFile, CsvImportMode, CsvImportReport, CsvPreview } from '../../../shared/domain/transfer'
import { call } from '../api/client'

/** Case bundles and caseload spreadsheets; the reports stay with the component that asked. */
export const useTransferStore = defineStore('transfer', () => {
  const exportBundle = (caseIds: number[] | null = null): Promise<BundleFile> => call('transfer:exportBundle', { caseIds })
  const importBundle = (base64: string, mode: BundleImportMode): Promise<BundleImportReport> => call('transfer:importBundle', { base64, mode })
  const previewCsv = (csv: string): Promise<CsvPreview> => call('transfer:previewCsv', { csv })
  const importCsv = (csv: string, mapping: Record<string, CaseCsvField | null>, mode: CsvImportMode): Promise<CsvImportReport> =>
    call('transfer:importCsv', { csv, mapping, mode })
  const exportCsv = (): Promise<CsvFile> => call('transfer:exportCsv', {})
  return { exportBundle, importBundle, previewCsv, importCsv, exportCsv }
})
