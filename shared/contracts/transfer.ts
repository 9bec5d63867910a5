import type { BundleFile, BundleImportReport, CsvFile, CsvImportReport, CsvPreview } from '../domain/transfer'
import { bundleExportSchema, bundleImportSchema, csvImportSchema, csvPreviewSchema } from '../schemas/transferSchemas'
import { BUNDLE_BODY_BYTES, channel, emptyRequest, exporting, read, SPREADSHEET_BODY_BYTES, write } from './channel'

/** Moving cases in and out: the case bundle (docs/case-bundle.md) and the caseload CSV. */
export const transferChannels = {
  /** A ZIP with `bundle.json` and the attachments' decrypted bytes; `caseIds: null` exports every case. */
  'transfer:exportBundle': channel<typeof bundleExportSchema, BundleFile>(bundleExportSchema, exporting()),
  /**
   * Check a bundle (`validate`) or import it (`import`). All-or-nothing: every case and every
   * attachment (sha256, type, size) is checked before anything is written, then one transaction.
   */
  'transfer:importBundle': channel<typeof bundleImportSchema, BundleImportReport>(bundleImportSchema, write('import', { maxBodyBytes: BUNDLE_BODY_BYTES })),
  /** A spreadsheet's headers, first five rows and the columns recognised by name. Writes nothing. */
  'transfer:previewCsv': channel<typeof csvPreviewSchema, CsvPreview>(csvPreviewSchema, read({ maxBodyBytes: SPREADSHEET_BODY_BYTES })),
  /** Import a caseload CSV with a column mapping; a row-by-row report. One transaction. */
  'transfer:importCsv': channel<typeof csvImportSchema, CsvImportReport>(csvImportSchema, write('import', { maxBodyBytes: SPREADSHEET_BODY_BYTES })),
  /** Every case as one CSV row, the import's columns; formula-looking cells escaped. */
  'transfer:exportCsv': channel<typeof emptyRequest, CsvFile>(emptyRequest, exporting()),
} as const
