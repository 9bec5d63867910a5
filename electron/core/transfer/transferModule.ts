import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { localDayOf } from '../../../shared/domain/days'
import type { CaseDetail } from '../../../shared/domain/cases'
import {
  MAX_BUNDLE_BYTES,
  MAX_BUNDLE_CASES,
  type BundleFile,
  type BundleImportMode,
  type BundleImportReport,
  type CaseCsvField,
  type CsvFile,
  type CsvImportReport,
  type CsvPreview,
} from '../../../shared/domain/transfer'
import type { CaseFileInput } from '../../../shared/schemas/caseFileSchema'
import type { PayerDirectoryRepository } from '../payers/payerDirectoryRepository'
import type { CaseCreate } from '../../../shared/schemas/caseSchemas'
import type { CsvImportRequest } from '../../../shared/schemas/transferSchemas'
import type { Db } from '../db/openDatabase'
import { createAttachmentStore } from '../documents/attachmentStore'
import { createAttachmentRepository } from '../documents/documentRepository'
import { AppError } from '../errors'
import type { CaseRepository } from '../cases/caseRepository'
import type { ContactRepository } from '../cases/contactRepository'
import type { PriorAuthRepository } from '../deadlines/priorAuthRepository'
import type { RepresentationRepository } from '../cases/representationRepository'
import { dollarsToCents } from '../db/rowMapping'
import type { DeadlineService } from '../deadlines/deadlineService'
import { attachmentPath, buildBundle, bundleEntry, checkBundle, checkCaseEntries, type BundleCheck, type CheckedCase } from './caseBundle'
import { caseloadCsv, checkMapping, previewCsv, readCsv, validateRows } from './caseCsv'

export interface TransferModuleDeps {
  db: Db
  dataDir: string
  now: () => Date
  /** The caseload's data key: attachments written on import are encrypted at rest like uploads. */
  key?: Buffer
  cases: CaseRepository
  contacts: ContactRepository
  priorAuths: PriorAuthRepository
  representations: RepresentationRepository
  deadlines: DeadlineService
  getCase: (caseId: number) => CaseDetail
  currentAdvocateId: () => number | null
  /** The payer directory, to link an imported case's appeal destination (issue 12). */
  payers?: PayerDirectoryRepository
}

/**
 * Moving cases in and out of Overturn (issue 6, item 5): case bundles and caseload CSV files.
 * Imports are all-or-nothing: everything is checked before anything is written, then one transaction.
 */
export function createTransferModule(deps: TransferModuleDeps) {
  const { db, cases } = deps
  const attachments = createAttachmentRepository(db)
  const store = createAttachmentStore(deps.dataDir, deps.key)
  const nowIso = () => deps.now().toISOString()
  const today = () => localDayOf(deps.now())
  // The case repository's own notice insert keeps only dates and reasons; a bundle carries every column.
  const insertDenial = db.prepare(`INSERT INTO denials
    (case_id, notice_date, received_date, reasons, prior_auth_number, claim_number, amount_cents, stated_deadline, created_at)
    VALUES (@caseId, @noticeDate, @receivedDate, @reasons, @priorAuthNumber, @claimNumber, @amountCents, @statedDeadline, @now)`)
  const allIds = () => (db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[])

  /** Writes one checked case; call inside the import transaction. Files written are recorded for cleanup. */
  function writeCase({ file, attachments: files }: CheckedCase, written: { caseId: number; storedName: string }[], newFolders: number[]): number {
    const c = file.case
    const now = nowIso()
    const input: CaseCreate = {
      patient: c.patient,
      coverage: c.coverage,
      therapy: c.therapy,
      stage: c.stage,
      urgency: c.urgency,
      serviceType: c.serviceType,
      // Advocates are people on the exporting machine; the import is assigned to nobody.
      advocateId: null,
      openedOn: c.openedOn,
      summary: c.summary,
      // The destination travels whole; here it becomes (or matches) a row of this payer directory.
      payerDestinationId: c.appealDestination && deps.payers ? deps.payers.findOrCreate({ ...c.appealDestination, source: '', verified: false }, now) : null,
      denial: null,
    }
    const caseId = cases.insert(input, { isDemo: false, now, movedBy: deps.currentAdvocateId() })
    for (const { amount, reasons, ...denial } of [...c.denials].sort((a, b) => (a.noticeDate < b.noticeDate ? -1 : a.noticeDate > b.noticeDate ? 1 : 0))) {
      insertDenial.run({ ...denial, caseId, reasons: JSON.stringify(reasons), amountCents: dollarsToCents(amount), now })
    }
    cases.setAppeal(
      caseId,
      {
        appealFiledOn: c.appeal.filedOn,
        appealFiledAt: c.appeal.filedAt ? new Date(c.appeal.filedAt).toISOString() : null,
        internalLevels: c.appeal.internalLevels,
        payerExtended: c.appeal.payerExtended,
        previousAppealFiledOn: c.appeal.previousFiledOn,
      },
      now,
    )
    for (const pa of [...c.priorAuths].reverse()) {
      deps.priorAuths.save(caseId, { ...pa, requestedAt: pa.requestedAt ? new Date(pa.requestedAt).toISOString() : null }, now)
    }
    if (c.representation) deps.representations.save(caseId, c.representation, now)
    for (const { createdAt, ...contact } of file.contacts ?? []) {
      deps.contacts.add({ ...contact, caseId }, deps.currentAdvocateId(), createdAt ? new Date(createdAt).toISOString() : now)
    }
    const folder = join(deps.dataDir, 'attachments', String(caseId))
    if (files.length > 0 && !existsSync(folder)) newFolders.push(caseId)
    for (const { entry, file: stored, bytes } of [...files].sort((a, b) => a.entry.exhibitNumber - b.entry.exhibitNumber)) {
      store.write(caseId, stored, bytes)
      written.push({ caseId, storedName: stored.storedName })
      attachments.insert({
        caseId,
        label: entry.label || entry.fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''),
        originalName: entry.fileName,
        storedName: stored.storedName,
        kind: stored.kind,
        mime: stored.mime,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        addedAt: entry.addedAt ? new Date(entry.addedAt).toISOString() : now,
      })
    }
    deps.deadlines.refresh(caseId, today())
    return caseId
  }

  /** Every checked case in ONE transaction; on failure the files already written are removed again. */
  function writeAll(checked: CheckedCase[]): number[] {
    const written: { caseId: number; storedName: string }[] = []
    const newFolders: number[] = []
    try {
      return db.transaction(() => checked.map((c) => writeCase(c, written, newFolders)))()
    } catch (error) {
      for (const { caseId, storedName } of written) store.remove(caseId, storedName)
      for (const caseId of newFolders) rmSync(join(deps.dataDir, 'attachments', String(caseId)), { recursive: true, force: true })
      throw error
    }
  }

  async function exportBundle(caseIds: number[] | null): Promise<BundleFile> {
    const ids = caseIds ? [...new Set(caseIds)] : allIds()
    if (ids.length === 0) throw new AppError('validation', 'transfer.error.nothingToExport')
    if (ids.length > MAX_BUNDLE_CASES) throw new AppError('validation', 'transfer.error.tooManyCases')
    const entries: CaseFileInput[] = []
    const files = new Map<string, Buffer>()
    let totalBytes = 0
    for (const caseId of ids) {
      const detail = deps.getCase(caseId)
      const records = attachments.list(caseId)
      for (const record of records) {
        const path = attachmentPath(record.sha256, record.mime)
        if (files.has(path)) continue
        const bytes = store.read(caseId, record.storedName)
        totalBytes += bytes.length
        // A bundle the import would refuse is no use: stop before building it.
        if (totalBytes > MAX_BUNDLE_BYTES) throw new AppError('validation', 'transfer.error.exportTooLarge')
        files.set(path, bytes)
      }
      entries.push(bundleEntry(detail, records))
    }
    const zip = await buildBundle(entries, files, nowIso())
    const name = caseIds ? `overturn-${ids.length}-cases-${today()}.zip` : `overturn-caseload-${today()}.zip`
    return { fileName: name, base64: zip.toString('base64') }
  }

  async function importBundle(base64: string, mode: BundleImportMode): Promise<BundleImportReport> {
    return importChecked(await checkBundle(Buffer.from(base64, 'base64'), (bytes) => store.inspect(bytes)), mode)
  }

  /**
   * One case file (docs/case-file.md) with the attachments at hand, by the path the file names:
   * checked and written exactly like a bundle's case (the command line's packet command uses it).
   */
  async function importCaseFile(entry: unknown, files: Map<string, Buffer>, mode: BundleImportMode): Promise<BundleImportReport> {
    const read = async (path: string) => files.get(path) ?? new AppError('validation', 'transfer.error.attachmentMissing')
    return importChecked(await checkCaseEntries([entry], read, (bytes) => store.inspect(bytes)), mode)
  }

  function importChecked(check: BundleCheck, mode: BundleImportMode): BundleImportReport {
    const invalid = check.reports.filter((r) => !r.isValid).length
    const report: BundleImportReport = {
      mode,
      fileError: check.fileError,
      ...(check.fileErrorParams ? { fileErrorParams: check.fileErrorParams } : {}),
      totalCases: check.reports.length,
      validCases: check.reports.length - invalid,
      invalidCases: invalid,
      attachmentCount: check.attachmentCount,
      isRejected: check.fileError !== null || invalid > 0,
      cases: check.reports,
      importedCaseIds: [],
    }
    if (report.isRejected || mode === 'validate') return report
    return { ...report, importedCaseIds: writeAll(check.cases) }
  }

  function importCsv(request: CsvImportRequest): CsvImportReport {
    const parsed = readCsv(request.csv)
    const mapping = new Map<string, CaseCsvField>(Object.entries(request.mapping).filter((e): e is [string, CaseCsvField] => e[1] !== null))
    const empty: CsvImportReport = {
      mode: request.mode,
      fileError: parsed.fileError,
      mappingErrors: {},
      totalRows: parsed.rows.length,
      validRows: 0,
      invalidRows: 0,
      imported: 0,
      isRejected: true,
      rows: [],
      importedCaseIds: [],
    }
    if (parsed.fileError) return empty
    const mappingCheck = checkMapping(parsed.headers, mapping)
    if (mappingCheck.fileError) return { ...empty, ...mappingCheck }
    const validated = validateRows(parsed, mapping, today())
    const valid = validated.filter((r) => r.input !== null)
    const report: CsvImportReport = {
      ...empty,
      validRows: valid.length,
      invalidRows: validated.length - valid.length,
      isRejected: false,
      rows: validated.map(({ input: _input, ...row }) => row),
    }
    if (parsed.rows.length === 0) return { ...report, fileError: 'transfer.error.csvNoRows', isRejected: true }
    // A file with any bad row imports nothing unless the user chose to import the valid rows only.
    if (report.invalidRows > 0 && request.mode !== 'valid_rows_only') return { ...report, isRejected: true }
    if (request.mode === 'validate' || valid.length === 0) return report
    const movedBy = deps.currentAdvocateId()
    const ids = db.transaction(() =>
      valid.map(({ input }) => {
        const caseId = cases.insert(input!, { isDemo: false, now: nowIso(), movedBy })
        deps.deadlines.refresh(caseId, today())
        return caseId
      }),
    )()
    return { ...report, imported: ids.length, importedCaseIds: ids }
  }

  return {
    exportBundle,
    importBundle,
    importCaseFile,
    previewCsv: (csv: string): CsvPreview => previewCsv(csv),
    importCsv,
    exportCsv(): CsvFile {
      return { fileName: `overturn-caseload-${today()}.csv`, content: caseloadCsv(allIds().flatMap((id) => cases.getCore(id) ?? [])) }
    },
  }
}
export type TransferModule = ReturnType<typeof createTransferModule>
