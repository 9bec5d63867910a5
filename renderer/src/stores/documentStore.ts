import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Attachment, EvidenceChecklist, EvidenceStatus, LetterDraft, LetterKind, LetterOption, Organization, PacketExportRecord } from '../../../shared/domain/documents'
import type { OrganizationInput, PacketMarkSent } from '../../../shared/schemas/documentSchemas'
import { ApiCallError, call } from '../api/client'
import { getDesktopApi } from '../api/desktop'
import { base64ToBlob, downloadBase64, downloadBlob, DOCX_MIME, fileToBase64, ZIP_MIME } from '../composables/download'

/** The open case's packet: checklist, exhibits, letters; and the organization for settings. */
export const useDocumentStore = defineStore('documents', () => {
  const caseId = ref<number | null>(null)
  const checklist = ref<EvidenceChecklist | null>(null)
  const attachments = ref<Attachment[]>([])
  const letterOptions = ref<LetterOption[]>([])
  const letter = ref<LetterDraft | null>(null)
  const organization = ref<Organization | null>(null)
  const isExporting = ref(false)
  /** The case's recorded packet exports, newest first. */
  const exports = ref<PacketExportRecord[]>([])

  const progress = computed(() => (checklist.value ? { received: checklist.value.received, total: checklist.value.total } : null))

  async function load(id: number) {
    caseId.value = id
    const [list, files, options, exported] = await Promise.all([
      call('evidence:list', { caseId: id }),
      call('documents:list', { caseId: id }),
      call('letters:list', { caseId: id }),
      call('packets:exports', { caseId: id }),
    ])
    exports.value = exported
    checklist.value = list
    attachments.value = files
    letterOptions.value = options
    const kind = letter.value?.caseId === id ? letter.value.kind : (options.find((o) => o.isRecommended) ?? options[0])?.kind
    letter.value = kind ? await call('letters:get', { caseId: id, kind }) : null
  }

  async function setEvidence(itemId: string, status: EvidenceStatus) {
    if (caseId.value === null) return
    checklist.value = await call('evidence:set', { caseId: caseId.value, itemId, status })
  }

  async function refreshAfterFiles() {
    if (caseId.value === null) return
    const id = caseId.value
    checklist.value = await call('evidence:list', { caseId: id })
    // The cover letter counts the exhibits, so the missing-facts list may change.
    if (letter.value) letter.value = { ...letter.value, missing: (await call('letters:get', { caseId: id, kind: letter.value.kind })).missing }
  }

  async function upload(file: File, options: { label?: string; evidenceItemId?: string } = {}): Promise<Attachment> {
    if (caseId.value === null) throw new Error('no case')
    const base64 = await fileToBase64(file)
    const attachment = await call('documents:upload', {
      caseId: caseId.value,
      fileName: file.name,
      label: options.label ?? '',
      base64,
      ...(options.evidenceItemId ? { evidenceItemId: options.evidenceItemId } : {}),
    })
    attachments.value = await call('documents:list', { caseId: caseId.value })
    await refreshAfterFiles()
    return attachment
  }

  async function move(attachmentId: number, offset: -1 | 1) {
    if (caseId.value === null) return
    const ids = attachments.value.map((a) => a.id)
    const from = ids.indexOf(attachmentId)
    const to = from + offset
    if (from < 0 || to < 0 || to >= ids.length) return
    ids.splice(to, 0, ids.splice(from, 1)[0])
    attachments.value = await call('documents:reorder', { caseId: caseId.value, attachmentIds: ids })
  }

  async function remove(attachmentId: number) {
    attachments.value = await call('documents:remove', { attachmentId })
    await refreshAfterFiles()
  }

  /**
   * A stored file's bytes, decrypted by the core and kept in memory only: the preview shows PDFs and
   * images from these bytes (never from a file on disk, never in a new window).
   */
  async function readAttachment(attachmentId: number): Promise<{ fileName: string; mime: string; bytes: Uint8Array<ArrayBuffer> }> {
    const file = await call('documents:open', { attachmentId })
    return { fileName: file.fileName, mime: file.mime, bytes: new Uint8Array(await base64ToBlob(file.base64, file.mime).arrayBuffer()) }
  }

  /** Saves a copy of a stored file where the user chooses (browser mode's way to open Word files). */
  async function downloadAttachment(attachmentId: number) {
    const file = await readAttachment(attachmentId)
    downloadBlob(file.fileName, new Blob([file.bytes], { type: file.mime }))
  }

  /** Desktop only: hands a Word exhibit to the system's word processor (the dialog has asked first). */
  async function openInWordProcessor(attachmentId: number) {
    const desktop = getDesktopApi()
    if (!desktop) throw new Error('desktop only')
    const result = await desktop.openInWordProcessor({ attachmentId })
    if (!result.ok) throw new ApiCallError(result.error)
  }

  async function openLetter(kind: LetterKind) {
    if (caseId.value === null) return
    letter.value = await call('letters:get', { caseId: caseId.value, kind })
  }

  async function saveLetter(body: string) {
    if (!letter.value) return
    letter.value = await call('letters:save', { caseId: letter.value.caseId, kind: letter.value.kind, body })
    letterOptions.value = await call('letters:list', { caseId: letter.value.caseId })
  }

  async function resetLetter() {
    if (!letter.value) return
    letter.value = await call('letters:reset', { caseId: letter.value.caseId, kind: letter.value.kind })
    letterOptions.value = await call('letters:list', { caseId: letter.value.caseId })
  }

  /**
   * Builds the packet for the open letter and downloads it (a ZIP with the .docx and `exhibits/`, or a
   * plain .docx for letter-only drafts): the browser or Electron asks where to save, so nothing is
   * overwritten silently. Returns the file name; the export is recorded on the case. Refused with a
   * `conflict` ApiCallError (missing facts in its fields) while placeholders remain and not accepted.
   */
  async function exportPacket(acceptPlaceholders: boolean): Promise<string> {
    if (!letter.value) throw new Error('no letter')
    isExporting.value = true
    try {
      const file = await call('packets:export', { caseId: letter.value.caseId, kind: letter.value.kind, acceptPlaceholders })
      downloadBase64(file.fileName, file.base64, file.fileName.endsWith('.zip') ? ZIP_MIME : DOCX_MIME)
      exports.value = await call('packets:exports', { caseId: letter.value.caseId })
      return file.fileName
    } finally {
      isExporting.value = false
    }
  }

  /**
   * Records the sending. Its filing day (and so the deadlines) changes the case: the case store follows
   * the core's pushed `case:changed` for that, not a fetch from here.
   */
  async function markSent(input: PacketMarkSent) {
    exports.value = await call('packets:markSent', input)
  }

  async function loadOrganization() {
    organization.value = await call('organization:get', {})
  }

  async function saveOrganization(input: OrganizationInput) {
    organization.value = await call('organization:save', input)
  }

  return {
    caseId,
    checklist,
    attachments,
    letterOptions,
    letter,
    organization,
    isExporting,
    exports,
    progress,
    load,
    setEvidence,
    upload,
    move,
    remove,
    readAttachment,
    downloadAttachment,
    openInWordProcessor,
    openLetter,
    saveLetter,
    resetLetter,
    exportPacket,
    markSent,
    loadOrganization,
    saveOrganization,
  }
})
