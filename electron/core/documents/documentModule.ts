import { localDayOf } from '../../../shared/domain/days'
import type {
  Attachment,
  AttachmentFile,
  EvidenceChecklist,
  LetterDraft,
  LetterKind,
  LetterOption,
  Organization,
  PacketExportRecord,
  PacketFile,
} from '../../../shared/domain/documents'
import type { CaseDetail } from '../../../shared/domain/cases'
import { evidenceRulesFor } from '../../../shared/rules/evidence'
import { findPlaceholders } from '../../../shared/rules/letters/facts'
import { letterKindRule, lettersForFamily, workingLevel } from '../../../shared/rules/letters/kinds'
import {
  type AttachmentUpload,
  type PacketExport,
  type PacketMarkSent,
} from '../../../shared/schemas/documentSchemas'
import type { Db } from '../db/openDatabase'
import { AppError } from '../errors'
import { createSettingsRepository } from '../settings/settingsRepository'
import { createAttachmentStore } from './attachmentStore'
import { cleanDocText } from './docText'
import { createAttachmentRepository, createEvidenceRepository, createLetterRepository, publicAttachment } from './documentRepository'
import { buildCoverLetterText, buildLetterText, latestDenial } from './letterModel'
import { createPacketAssembler, createPacketExportLog, type AssembledPacket } from './packetExports'
import type { RecordOperation } from '../cases/operationLog'

export interface DocumentModuleDeps {
  db: Db
  dataDir: string
  now: () => Date
  /** The case with everything a letter needs; throws not_found for an unknown id. */
  getCase: (caseId: number) => CaseDetail
  /** The caseload's data key: attachments are then encrypted at rest (see attachmentStore). */
  key?: Buffer
  /** Earlier data keys: files still under one of them are moved to the current key at start. */
  olderKeys?: Buffer[]
  /** Who is exporting or marking sent (recorded on packet exports). */
  currentAdvocateId?: () => number | null
  /** Sets the case's appeal filing day through the case service; called inside a transaction. */
  fileAppeal?: (caseId: number, filedOn: string) => void
  /** Exhibits another laptop attached whose files are still on their way here (organization sync, issue 18). */
  exhibitsStillArriving?: (caseId: number) => number
  /** Records uploads, letter saves, exports and sends in the case's operation log (issue 12). */
  recordOperation?: RecordOperation
}

/**
 * Evidence checklists, attachments, letters, the organization and packet export for the cases.
 * Database writes run in transactions; files are written before their row and removed after it.
 */
export function createDocumentModule(deps: DocumentModuleDeps) {
  const { db } = deps
  const attachments = createAttachmentRepository(db)
  const evidence = createEvidenceRepository(db)
  const letters = createLetterRepository(db)
  const settings = createSettingsRepository(db)
  const store = createAttachmentStore(deps.dataDir, deps.key)
  rehomeAttachments(db, store, deps.olderKeys ?? [], settings)
  const nowIso = () => deps.now().toISOString()
  const today = () => localDayOf(deps.now())
  const recordOp: RecordOperation = (caseId, ops) => deps.recordOperation?.(caseId, ops)

  const organization = (): Organization => settings.organization()

  function checklist(caseId: number): EvidenceChecklist {
    const detail = deps.getCase(caseId)
    const levelId = workingLevel(detail.coverage.planFamily, detail.stage)
    const state = evidence.stateFor(caseId)
    const items = evidenceRulesFor({
      reasons: latestDenial(detail)?.reasons ?? [],
      therapy: detail.therapy.category,
      family: detail.coverage.planFamily,
      levelId,
      urgency: detail.urgency,
    }).map((rule) => ({
      id: rule.id,
      labelEn: rule.labelEn,
      detailEn: rule.detailEn,
      citation: rule.citation,
      verified: rule.verified,
      status: state.get(rule.id)?.status ?? 'needed',
      attachmentId: state.get(rule.id)?.attachmentId ?? null,
    }))
    const counted = items.filter((i) => i.status !== 'not_applicable')
    return { caseId, levelId, items, received: counted.filter((i) => i.status === 'received').length, total: counted.length }
  }

  function requireItem(caseId: number, itemId: string) {
    if (!checklist(caseId).items.some((i) => i.id === itemId)) {
      throw new AppError('validation', 'error.validation', { itemId: 'documents.error.unknownEvidenceItem' })
    }
  }

  function requireAttachment(attachmentId: number) {
    const record = attachments.get(attachmentId)
    if (!record) throw new AppError('not_found', 'documents.error.attachmentNotFound')
    return record
  }

  function offers(detail: CaseDetail): LetterOption[] {
    const edited = new Set(letters.editedKinds(detail.id))
    const level = workingLevel(detail.coverage.planFamily, detail.stage)
    const offered = lettersForFamily(detail.coverage.planFamily)
    return offered.map(({ rule, levelId }) => ({
      kind: rule.kind,
      titleEn: rule.titleEn,
      levelId,
      isRecommended: levelId !== null && levelId === level,
      isEdited: edited.has(rule.kind),
    }))
  }

  function requireOffered(detail: CaseDetail, kind: LetterKind) {
    if (!offers(detail).some((o) => o.kind === kind)) throw new AppError('validation', 'documents.error.letterNotOffered', { kind: 'documents.error.letterNotOffered' })
  }

  function draft(caseId: number, kind: LetterKind): LetterDraft {
    const detail = deps.getCase(caseId)
    requireOffered(detail, kind)
    const rule = letterKindRule(kind)
    const org = organization()
    const saved = letters.get(caseId, kind)
    const body = saved?.body ?? buildLetterText(kind, detail, org, today())
    const cover = rule.isPacket ? buildCoverLetterText(kind, detail, org, today(), attachments.list(caseId).length) : ''
    return {
      caseId,
      kind,
      titleEn: rule.titleEn,
      levelId: offers(detail).find((o) => o.kind === kind)?.levelId ?? null,
      body,
      isEdited: saved !== null,
      updatedAt: saved?.updatedAt ?? null,
      missing: findPlaceholders(body, cover),
    }
  }

  const assemble = createPacketAssembler({
    getCase: deps.getCase,
    draft,
    organization,
    today,
    now: deps.now,
    attachments: (caseId) => attachments.list(caseId),
    read: (caseId, storedName) => store.read(caseId, storedName),
    checklistLabels: (caseId) => new Map(checklist(caseId).items.filter((i) => i.attachmentId !== null).map((i) => [i.attachmentId as number, i.labelEn])),
    exhibitsStillArriving: deps.exhibitsStillArriving,
  })
  const exportLog = createPacketExportLog({
    db,
    nowIso,
    today,
    currentAdvocateId: deps.currentAdvocateId ?? (() => null),
    attachment: (attachmentId) => attachments.get(attachmentId),
    fileAppeal: (caseId, filedOn) => {
      if (!deps.fileAppeal) throw new AppError('internal', 'error.internal')
      deps.fileAppeal(caseId, filedOn)
    },
  })

  /** The packet's file (ZIP or plain .docx), placeholders or not; recorded nowhere. */
  const buildPacket = async (request: PacketExport): Promise<PacketFile> => (await assemble(request)).file

  return {
    checklist,

    setEvidence(input: { caseId: number; itemId: string; status: EvidenceChecklist['items'][number]['status'] }): EvidenceChecklist {
      requireItem(input.caseId, input.itemId)
      db.transaction(() => {
        evidence.set({ ...input, attachmentId: null, updatedAt: nowIso() })
        recordOp(input.caseId, [{ kind: 'evidence', field: input.itemId, newValue: input.status }])
      })()
      return checklist(input.caseId)
    },

    listAttachments(caseId: number): Attachment[] {
      deps.getCase(caseId)
      return attachments.list(caseId).map(publicAttachment)
    },

    /** Stores a file as the case's next exhibit; ticks its checklist item when one is named. */
    upload(input: AttachmentUpload): Attachment {
      deps.getCase(input.caseId)
      if (input.evidenceItemId) requireItem(input.caseId, input.evidenceItemId)
      const bytes = Buffer.from(input.base64, 'base64')
      const file = store.inspect(bytes)
      const duplicate = attachments.findByHash(input.caseId, file.sha256)
      if (duplicate) {
        throw new AppError('conflict', `This file is already attached as exhibit ${duplicate.exhibitNumber}.`, { file: 'documents.error.fileDuplicate' })
      }
      store.write(input.caseId, file, bytes)
      const originalName = cleanDocText(input.fileName).slice(0, 255)
      try {
        const id = db.transaction(() => {
          const newId = attachments.insert({
            caseId: input.caseId,
            label: input.label || originalName.replace(/\.[A-Za-z0-9]{1,5}$/, ''),
            originalName,
            storedName: file.storedName,
            kind: file.kind,
            mime: file.mime,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            addedAt: nowIso(),
          })
          if (input.evidenceItemId) {
            evidence.set({ caseId: input.caseId, itemId: input.evidenceItemId, status: 'received', attachmentId: newId, updatedAt: nowIso() })
          }
          recordOp(input.caseId, [{ kind: 'upload', entityId: newId, newValue: { label: input.label || originalName, fileName: originalName } }])
          return newId
        })()
        return publicAttachment(requireAttachment(id))
      } catch (error) {
        store.remove(input.caseId, file.storedName)
        throw error
      }
    },

    updateAttachment(input: { attachmentId: number; label: string }): Attachment {
      requireAttachment(input.attachmentId)
      attachments.setLabel(input.attachmentId, input.label)
      return publicAttachment(requireAttachment(input.attachmentId))
    },

    /** New exhibit order; the list must name every attachment of the case exactly once. */
    reorder(input: { caseId: number; attachmentIds: number[] }): Attachment[] {
      const current = attachments.list(input.caseId).map((a) => a.id)
      const given = [...input.attachmentIds]
      if (given.length !== current.length || new Set(given).size !== given.length || !given.every((id) => current.includes(id))) {
        throw new AppError('validation', 'error.validation', { attachmentIds: 'documents.error.reorderMismatch' })
      }
      db.transaction(() => attachments.renumber(input.caseId, given))()
      return attachments.list(input.caseId).map(publicAttachment)
    },

    removeAttachment(attachmentId: number): Attachment[] {
      const record = requireAttachment(attachmentId)
      db.transaction(() => {
        attachments.remove(record)
        recordOp(record.caseId, [{ kind: 'upload', entityId: record.id, oldValue: { label: record.label, fileName: record.originalName }, detail: { removed: true } }])
      })()
      store.remove(record.caseId, record.storedName)
      return attachments.list(record.caseId).map(publicAttachment)
    },

    openAttachment(attachmentId: number): AttachmentFile {
      const record = requireAttachment(attachmentId)
      return { fileName: record.originalName, mime: record.mime, base64: store.read(record.caseId, record.storedName).toString('base64') }
    },

    letterOptions: (caseId: number): LetterOption[] => offers(deps.getCase(caseId)),
    letter: draft,

    saveLetter(input: { caseId: number; kind: LetterKind; body: string }): LetterDraft {
      requireOffered(deps.getCase(input.caseId), input.kind)
      db.transaction(() => {
        letters.save(input.caseId, input.kind, input.body.replace(/\r\n?/g, '\n'), nowIso())
        recordOp(input.caseId, [{ kind: 'letter_save', field: input.kind, newValue: { kind: input.kind } }])
      })()
      return draft(input.caseId, input.kind)
    },

    resetLetter(input: { caseId: number; kind: LetterKind }): LetterDraft {
      requireOffered(deps.getCase(input.caseId), input.kind)
      db.transaction(() => {
        letters.remove(input.caseId, input.kind)
        recordOp(input.caseId, [{ kind: 'letter_save', field: input.kind, newValue: { kind: input.kind }, detail: { reset: true } }])
      })()
      return draft(input.caseId, input.kind)
    },

    organization,

    saveOrganization(input: Organization): Organization {
      const clean = { ...input, addressLines: input.addressLines.map((l) => l.trim()).filter(Boolean) }
      db.transaction(() => settings.saveOrganization(clean))()
      return organization()
    },

    buildPacket,
    /** The whole build (the .docx and exhibit bytes apart too), for the command line. */
    assemblePacket: (request: PacketExport): Promise<AssembledPacket> => assemble(request),

    /**
     * The export: missing facts refuse it (`conflict`, listing them as `missing.<n>` → label) unless
     * the advocate confirmed; then the file keeps its highlighted placeholders. Every export is recorded.
     */
    async exportPacket(request: PacketExport): Promise<PacketFile> {
      const letter = draft(request.caseId, request.kind)
      if (letter.missing.length > 0 && !request.acceptPlaceholders) {
        throw new AppError('conflict', 'documents.error.placeholdersRemain', Object.fromEntries(letter.missing.map((m, i) => [`missing.${i}`, m.label])))
      }
      const packet = await assemble(request)
      db.transaction(() => {
        exportLog.record(request.caseId, packet)
        recordOp(request.caseId, [{ kind: 'export', field: request.kind, newValue: { kind: request.kind, fileName: packet.file.fileName } }])
      })()
      return packet.file
    },

    packetExports(caseId: number): PacketExportRecord[] {
      deps.getCase(caseId)
      return exportLog.list(caseId)
    },

    markPacketSent: (input: PacketMarkSent): PacketExportRecord[] =>
      db.transaction(() => {
        const records = exportLog.markSent(input)
        const caseId = db.prepare('SELECT case_id FROM packet_exports WHERE id = ?').pluck().get(input.exportId) as number
        recordOp(caseId, [{ kind: 'send', entityId: input.exportId, newValue: { sentOn: input.sentOn, method: input.method } }])
        return records
      })(),
  }
}
export type DocumentModule = ReturnType<typeof createDocumentModule>

/**
 * Brings every stored file to the current key and keyed name (issue 13 items 4 and 6): after a rotation
 * of the data key, after a restore of an older backup, and once for files named by their plain sha256.
 * Each file is written under its new name first, then its row is updated, then the old file goes, so an
 * interruption leaves a row that still names a readable file; a later start finishes the job.
 * The pass is recorded with the key generation it reached, so an ordinary unlock skips it (issue 15
 * item 4: it read every attachment row and probed the disk on each unlock, ≈ 0.6 s at 100,000 cases).
 * A rotation or a restore of a backup made under another key changes the generation and runs it again;
 * files found missing are left to the integrity report, as before.
 */
export function rehomeAttachments(db: Db, store: ReturnType<typeof createAttachmentStore>, olderKeys: Buffer[], settings = createSettingsRepository(db)): number {
  const generation = store.generation()
  if (settings.get('attachments_current_for') === generation) return 0
  const rows = db.prepare('SELECT id, case_id AS caseId, stored_name AS storedName, sha256 FROM attachments').all() as { id: number; caseId: number; storedName: string; sha256: string }[]
  const update = db.prepare('UPDATE attachments SET stored_name = ? WHERE id = ?')
  let moved = 0
  const touched = new Set<number>()
  for (const row of rows) {
    const target = store.rehome(row.caseId, row.storedName, row.sha256, olderKeys)
    if (!target) continue
    update.run(target, row.id)
    touched.add(row.caseId)
    moved++
  }
  for (const caseId of touched) {
    const keep = new Set(db.prepare('SELECT stored_name FROM attachments WHERE case_id = ?').pluck().all(caseId) as string[])
    store.sweep(caseId, keep)
  }
  settings.set('attachments_current_for', generation)
  return moved
}
