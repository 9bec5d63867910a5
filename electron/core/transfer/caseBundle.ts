import { crc32 } from 'node:zlib'
import type JSZip from 'jszip'
import { z } from 'zod'
import type { CaseDetail } from '../../../shared/domain/cases'
import { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_BUNDLE_BYTES, MAX_BUNDLE_CASES, type BundleCaseReport } from '../../../shared/domain/transfer'
import { ATTACHMENT_FILE_TYPES, type CaseFileContact } from '../../../shared/schemas/caseFileParts'
import { caseFileSchema, type CaseFile, type CaseFileInput } from '../../../shared/schemas/caseFileSchema'
import { toCaseFile } from '../caseFiles/caseFile'
import type { AttachmentRecord } from '../documents/documentRepository'
import type { StoredFile } from '../documents/attachmentStore'
import { AppError } from '../errors'
import { initialsOf } from './caseCsv'

/**
 * The case bundle, version 1 (docs/case-bundle.md): a ZIP holding `bundle.json` and the attachments'
 * plaintext bytes under `attachments/<sha256><ext>`. Building and checking live here; writing to the
 * caseload is the transfer module's job.
 */

// Loaded on first use: the zip library is not needed until a file is built or read (issue 15: core memory).
const loadJsZip = async () => (await import('jszip')).default

export const MANIFEST_NAME = 'bundle.json'

/** One case entry as exported: a case file plus its contact log and attachment index. */
export function bundleEntry(detail: CaseDetail, attachments: AttachmentRecord[]): CaseFileInput {
  const contacts: CaseFileContact[] = [...detail.contacts].reverse().map(({ id: _id, ...contact }) => contact)
  return {
    ...toCaseFile(detail),
    contacts,
    attachments: attachments.map((a) => ({
      label: a.label,
      fileName: a.originalName,
      mime: a.mime,
      sha256: a.sha256,
      exhibitNumber: a.exhibitNumber,
      path: attachmentPath(a.sha256, a.mime),
      addedAt: a.addedAt,
    })),
  }
}

export function attachmentPath(sha256: string, mime: string): string {
  const ext = Object.values(ATTACHMENT_FILE_TYPES).find((t) => t.mime === mime)?.ext ?? ''
  return `attachments/${sha256}${ext}`
}

/** Builds the ZIP. Files shared by several cases are stored once (their path is their hash). */
export async function buildBundle(entries: CaseFileInput[], files: Map<string, Buffer>, exportedAt: string): Promise<Buffer> {
  const zip = new (await loadJsZip())()
  const manifest = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt, cases: entries }
  zip.file(MANIFEST_NAME, JSON.stringify(manifest, null, 2))
  for (const [path, bytes] of files) zip.file(path, bytes)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}

const manifestHeadSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  cases: z.array(z.unknown()),
})

export interface CheckedAttachment {
  entry: NonNullable<CaseFile['attachments']>[number]
  file: StoredFile
  bytes: Buffer
}

export interface CheckedCase {
  file: CaseFile
  attachments: CheckedAttachment[]
}

export interface BundleCheck {
  fileError: string | null
  fileErrorParams?: Record<string, string | number>
  reports: BundleCaseReport[]
  /** Every case, parsed, when the whole bundle is valid; empty otherwise. */
  cases: CheckedCase[]
  attachmentCount: number
}

const refused = (fileError: string, fileErrorParams?: Record<string, string | number>): BundleCheck => ({ fileError, fileErrorParams, reports: [], cases: [], attachmentCount: 0 })

const messageKey = (message: string) => (/^(error|transfer|documents)\./.test(message) ? message : 'error.invalid')

/** Zod issues as `path → message`; an unknown key is named in the path so the typo shows. */
function issueErrors(error: z.ZodError, errors: Map<string, string>) {
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key].join('.')
        if (!errors.has(path)) errors.set(path, 'transfer.error.unknownField')
      }
      continue
    }
    const path = issue.path.join('.') || '_'
    if (!errors.has(path)) errors.set(path, messageKey(issue.message))
  }
}

const rawName = (entry: unknown, key: 'firstName' | 'lastName'): unknown => {
  const c = entry && typeof entry === 'object' ? (entry as { case?: unknown }).case : undefined
  const p = c && typeof c === 'object' ? (c as { patient?: unknown }).patient : undefined
  return p && typeof p === 'object' ? (p as Record<string, unknown>)[key] : undefined
}

/** JSZip's chunked inflater for one entry (StreamHelper; not in its type declarations). */
interface ZipStream {
  on(event: 'data' | 'error' | 'end', listener: (chunk: Uint8Array) => void): ZipStream
  resume(): void
  pause(): void
}

/** What JSZip knows of an entry from the central directory, and its inflater. */
interface ZipEntryInternals {
  _data?: { uncompressedSize?: number; crc32?: number }
  internalStream(type: 'uint8array'): ZipStream
}
const internals = (file: JSZip.JSZipObject) => file as unknown as ZipEntryInternals

/** The declared (central directory) size of every entry: refuses a ZIP bomb before inflating anything. */
function declaredSize(zip: JSZip): number {
  let total = 0
  zip.forEach((_path, file) => {
    const size = internals(file)._data?.uncompressedSize
    total += typeof size === 'number' && size > 0 ? size : 0
  })
  return total
}

/**
 * Inflates one entry with a byte counter (issue 13 item 8): it stops the moment the output passes the
 * entry's declared size or what is left of the bundle's budget, so an entry that lies about its size
 * costs no more than the size it declared. The CRC-32 is checked on the result (JSZip's own check
 * would inflate every entry at load, before any limit could apply).
 */
function inflateBounded(file: JSZip.JSZipObject, budget: { left: number }): Promise<Buffer> {
  const data = internals(file)._data
  const declared = data?.uncompressedSize ?? 0
  const limit = Math.min(declared, budget.left)
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    let stopped = false
    const stream = internals(file).internalStream('uint8array')
    stream
      .on('data', (chunk: Uint8Array) => {
        if (stopped) return
        total += chunk.length
        if (total > limit) {
          stopped = true
          stream.pause()
          reject(new AppError('validation', declared > budget.left ? 'transfer.error.bundleTooLarge' : 'transfer.error.attachmentUnreadable'))
          return
        }
        chunks.push(Buffer.from(chunk))
      })
      .on('error', () => {
        if (!stopped) reject(new AppError('validation', 'transfer.error.attachmentUnreadable'))
        stopped = true
      })
      .on('end', () => {
        if (stopped) return
        const bytes = Buffer.concat(chunks)
        budget.left -= bytes.length
        if (bytes.length !== declared || (data?.crc32 !== undefined && crc32(bytes) !== data.crc32 >>> 0)) reject(new AppError('validation', 'transfer.error.attachmentUnreadable'))
        else resolve(bytes)
      })
    stream.resume()
  })
}

/**
 * Reads and checks a bundle without writing anything: the ZIP, its format and version, then its
 * cases and their attachments (checkCaseEntries), every entry inflated within its budget.
 */
export async function checkBundle(bytes: Buffer, inspect: (bytes: Buffer) => StoredFile): Promise<BundleCheck> {
  if (bytes.length === 0) return refused('transfer.error.notZip')
  if (bytes.length > MAX_BUNDLE_BYTES) return refused('transfer.error.bundleTooLarge')
  let zip: JSZip
  try {
    // Reads the central directory only; entries are inflated one by one, bounded (inflateBounded).
    zip = await (await loadJsZip()).loadAsync(bytes, { checkCRC32: false })
  } catch {
    return refused('transfer.error.notZip')
  }
  if (declaredSize(zip) > MAX_BUNDLE_BYTES) return refused('transfer.error.bundleTooLarge')
  const budget = { left: MAX_BUNDLE_BYTES }
  const manifestFile = zip.file(MANIFEST_NAME)
  if (!manifestFile) return refused('transfer.error.noManifest')
  let manifest: unknown
  try {
    manifest = JSON.parse((await inflateBounded(manifestFile, budget)).toString('utf8'))
  } catch (error) {
    if (error instanceof AppError && error.message === 'transfer.error.bundleTooLarge') return refused('transfer.error.bundleTooLarge')
    return refused('transfer.error.manifestUnreadable')
  }
  const head = manifest && typeof manifest === 'object' ? (manifest as Record<string, unknown>) : {}
  if (head.format !== BUNDLE_FORMAT) return refused('transfer.error.unknownFormat')
  if (head.version !== BUNDLE_VERSION) return refused('transfer.error.unknownVersion', { version: String(head.version ?? '?').slice(0, 20), supported: BUNDLE_VERSION })
  const parsedHead = manifestHeadSchema.safeParse(manifest)
  if (!parsedHead.success) return refused('transfer.error.manifestInvalid')
  const entries = parsedHead.data.cases
  if (entries.length === 0) return refused('transfer.error.noCases')
  if (entries.length > MAX_BUNDLE_CASES) return refused('transfer.error.tooManyCases', { max: MAX_BUNDLE_CASES })

  const bytesByPath = new Map<string, Buffer | AppError>()
  async function readAttachment(path: string): Promise<Buffer | AppError> {
    const cached = bytesByPath.get(path)
    if (cached) return cached
    const file = zip.file(path)
    let result: Buffer | AppError
    try {
      result = file ? await inflateBounded(file, budget) : new AppError('validation', 'transfer.error.attachmentMissing')
    } catch (error) {
      result = error instanceof AppError ? error : new AppError('validation', 'transfer.error.attachmentUnreadable')
    }
    bytesByPath.set(path, result)
    return result
  }

  return checkCaseEntries(entries, readAttachment, inspect)
}

/**
 * Checks case-file entries and their attachments without writing anything: every case against the
 * case-file schema, and every attachment's bytes (present, of a type the attachment store takes,
 * within its size limit, and with exactly the sha256 the entry declares). A bundle's cases and the
 * command line's single case file both come through here.
 */
export async function checkCaseEntries(
  entries: unknown[],
  readAttachment: (path: string) => Promise<Buffer | AppError>,
  inspect: (bytes: Buffer) => StoredFile,
): Promise<BundleCheck> {
  const reports: BundleCaseReport[] = []
  const cases: CheckedCase[] = []
  let attachmentCount = 0
  for (const [index, entry] of entries.entries()) {
    const errors = new Map<string, string>()
    const parsed = caseFileSchema.safeParse(entry)
    const checked: CheckedAttachment[] = []
    if (!parsed.success) issueErrors(parsed.error, errors)
    else {
      const seen = new Set<string>()
      for (const [i, attachment] of (parsed.data.attachments ?? []).entries()) {
        attachmentCount += 1
        if (seen.has(attachment.sha256)) {
          errors.set(`attachments.${i}.sha256`, 'transfer.error.attachmentDuplicate')
          continue
        }
        seen.add(attachment.sha256)
        const content = await readAttachment(attachment.path)
        if (content instanceof AppError) {
          errors.set(`attachments.${i}.path`, content.message)
          continue
        }
        let file: StoredFile
        try {
          file = inspect(content)
        } catch (error) {
          errors.set(`attachments.${i}.path`, error instanceof AppError ? error.message : 'transfer.error.attachmentUnreadable')
          continue
        }
        if (file.sha256 !== attachment.sha256) errors.set(`attachments.${i}.sha256`, 'transfer.error.sha256Mismatch')
        else if (file.mime !== attachment.mime) errors.set(`attachments.${i}.mime`, 'transfer.error.attachmentTypeMismatch')
        else checked.push({ entry: attachment, file, bytes: content })
      }
    }
    const isValid = parsed.success && errors.size === 0
    reports.push({ index, initials: initialsOf(rawName(entry, 'firstName'), rawName(entry, 'lastName')), isValid, errors: Object.fromEntries(errors) })
    if (isValid) cases.push({ file: parsed.data, attachments: checked })
  }
  const isValid = reports.every((r) => r.isValid)
  return { fileError: null, reports, cases: isValid ? cases : [], attachmentCount }
}
