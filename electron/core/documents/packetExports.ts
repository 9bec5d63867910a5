import { createHash } from 'node:crypto'
import sanitizeFilename from 'sanitize-filename'
import { stripUnsafeText } from '../../../shared/domain/factChecks'
import type { LetterDraft, Organization, PacketExportRecord, PacketFile } from '../../../shared/domain/documents'
import type { CaseDetail } from '../../../shared/domain/cases'
import { letterKindRule } from '../../../shared/rules/letters/kinds'
import type { PacketExport, PacketMarkSent } from '../../../shared/schemas/documentSchemas'
import type { Db } from '../db/openDatabase'
import { AppError } from '../errors'
import { publicAttachment, type AttachmentRecord } from './documentRepository'
import { exhibitFileName, exhibitPages } from './exhibitFiles'
import { buildPacketModel } from './letterModel'
import type { PacketPdf } from './packetPdf'
import { createPacketExportRepository } from './packetExportRepository'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** A built packet: the file the advocate saves, and what the export record and the CLI report. */
export interface AssembledPacket {
  file: PacketFile
  docxName: string
  docx: Buffer
  exhibits: { name: string; bytes: Buffer }[]
  /** The fax-ready PDF beside the DOCX (packet letters only): same model, exhibits merged. */
  pdf: PacketPdf | null
  letter: LetterDraft
  levelId: string
  zipSha256: string | null
  docxSha256: string
}

interface AssemblerDeps {
  getCase: (caseId: number) => CaseDetail
  draft: (caseId: number, kind: PacketExport['kind']) => LetterDraft
  organization: () => Organization
  today: () => string
  now: () => Date
  attachments: (caseId: number) => AttachmentRecord[]
  read: (caseId: number, storedName: string) => Buffer
  /** The evidence checklist's label for each attachment that satisfied an item: the exhibit index uses it. */
  checklistLabels?: (caseId: number) => Map<number, string>
  /** Exhibits another laptop attached whose files have not reached this one yet (organization sync). */
  exhibitsStillArriving?: (caseId: number) => number
}

/**
 * Builds a packet: for packet letters one ZIP holding `<name>.docx`, the fax-ready `<name> - fax.pdf`
 * and `exhibits/Exhibit-NN-<label>.<ext>`
 * (the decrypted files, in exhibit order); for letter-only drafts the plain .docx.
 */
export function createPacketAssembler(deps: AssemblerDeps) {
  return async function assemble(request: PacketExport): Promise<AssembledPacket> {
    const detail = deps.getCase(request.caseId)
    const letter = deps.draft(request.caseId, request.kind)
    const rule = letterKindRule(request.kind)
    // A packet without an exhibit the case has would go out short without anyone noticing (issue 18):
    // refuse until the files another laptop attached have arrived.
    if (rule.isPacket && (deps.exhibitsStillArriving?.(request.caseId) ?? 0) > 0) throw new AppError('conflict', 'documents.error.exhibitsArriving')
    const records = rule.isPacket ? deps.attachments(request.caseId) : []
    const files = records.map((a) => ({ record: a, bytes: deps.read(a.caseId, a.storedName) }))
    const model = buildPacketModel({
      kind: request.kind,
      detail,
      organization: deps.organization(),
      today: deps.today(),
      letterBody: letter.body,
      attachments: records.map(publicAttachment),
      pages: new Map(files.map((f) => [f.record.id, exhibitPages(f.record.kind, f.bytes)])),
      checklistLabels: rule.isPacket ? deps.checklistLabels?.(request.caseId) : undefined,
    })
    // docx, pdf-lib and the zip library load on the first export, not with the caseload (issue 15: core memory).
    const { buildPacketDocx } = await import('./packetDocx')
    const docx = await buildPacketDocx(model)
    // Names stored before the boundary refused bidi overrides must not reorder the file name (issue 12).
    const base = sanitizeFilename(stripUnsafeText(`${detail.patient.lastName} ${detail.patient.firstName} - ${letter.titleEn} - ${deps.today()}`), { replacement: '_' }) || 'packet'
    const docxName = `${base}.docx`
    const levelId = letter.levelId ?? detail.stage
    const common = { docxName, docx, letter, levelId, docxSha256: sha256(docx) }
    if (!rule.isPacket) return { ...common, exhibits: [], pdf: null, zipSha256: null, file: { fileName: docxName, base64: docx.toString('base64') } }
    const { buildPacketPdf } = await import('./packetPdf')
    const pdf = await buildPacketPdf(model, files.map((f) => ({ number: f.record.exhibitNumber, kind: f.record.kind, bytes: f.bytes })))

    const exhibits = files.map((f) => ({ name: `exhibits/${exhibitFileName(f.record.exhibitNumber, f.record.label, f.record.kind)}`, bytes: f.bytes }))
    const zip = new (await import('jszip')).default()
    const date = deps.now()
    zip.file(docxName, docx, { date })
    zip.file(`${base} - fax.pdf`, pdf.bytes, { date })
    zip.folder('exhibits')
    for (const e of exhibits) zip.file(e.name, e.bytes, { date })
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
    return { ...common, exhibits, pdf, zipSha256: sha256(bytes), file: { fileName: `${base}.zip`, base64: bytes.toString('base64') } }
  }
}

interface LogDeps {
  db: Db
  nowIso: () => string
  today: () => string
  currentAdvocateId: () => number | null
  attachment: (attachmentId: number) => AttachmentRecord | null
  /** Sets the case's appeal filing day (the case service's updateAppeal); runs inside our transaction. */
  fileAppeal: (caseId: number, filedOn: string) => void
}

/** The `packet_exports` record of each export, and marking one sent. */
export function createPacketExportLog(deps: LogDeps) {
  const repository = createPacketExportRepository(deps.db)

  return {
    record(caseId: number, packet: AssembledPacket): PacketExportRecord {
      const id = deps.db.transaction(() =>
        repository.insert({
          caseId,
          kind: packet.letter.kind,
          levelId: packet.levelId,
          exportedAt: deps.nowIso(),
          exportedBy: deps.currentAdvocateId(),
          fileName: packet.file.fileName,
          zipSha256: packet.zipSha256,
          docxSha256: packet.docxSha256,
          letterVersion: packet.letter.isEdited ? `edited:${sha256(Buffer.from(packet.letter.body, 'utf8'))}` : 'template',
        }),
      )()
      return repository.get(id)!
    },

    list: (caseId: number): PacketExportRecord[] => repository.list(caseId),

    /**
     * Records the sending; a packet letter (appeal, review request, hearing request…) also becomes the
     * case's filing: its appeal filing day is set to `sentOn` in the same transaction.
     */
    markSent(input: PacketMarkSent): PacketExportRecord[] {
      const record = repository.get(input.exportId)
      if (!record) throw new AppError('not_found', 'documents.error.exportNotFound')
      if (input.sentOn > deps.today()) throw new AppError('validation', 'error.validation', { sentOn: 'documents.error.sentInFuture' })
      const confirmation = input.confirmationAttachmentId ?? null
      if (confirmation !== null && deps.attachment(confirmation)?.caseId !== record.caseId) {
        throw new AppError('validation', 'error.validation', { confirmationAttachmentId: 'documents.error.attachmentNotFound' })
      }
      deps.db.transaction(() => {
        repository.markSent({ id: record.id, sentOn: input.sentOn, method: input.method, now: deps.nowIso(), sentBy: deps.currentAdvocateId(), confirmationAttachmentId: confirmation })
        if (letterKindRule(record.kind).isPacket) deps.fileAppeal(record.caseId, input.sentOn)
      })()
      return repository.list(record.caseId)
    },
  }
}
