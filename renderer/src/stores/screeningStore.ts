import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { UsState } from '../../../shared/domain/enums'
import type {
  ApplicantDetail,
  ApplicantQueueCursor,
  ApplicantQueueRow,
  ApplicantQueueSort,
  DocumentKind,
  DocumentLanguage,
  FundStatus,
  ImportMode,
  Program,
  ReminderRow,
  ScreeningOutcome,
} from '../../../shared/domain/screening'
import type { ApplicantFactsInput, ApplicationUpdateInput, ProgramFactsInput } from '../../../shared/schemas/screeningSchemas'
import { call } from '../api/client'

export interface QueueFilters {
  text: string
  state: UsState | null
  outcome: ScreeningOutcome | null
  hasOpenApplication: boolean | null
  sort: ApplicantQueueSort
}

const emptyFilters = (): QueueFilters => ({ text: '', state: null, outcome: null, hasOpenApplication: null, sort: 'name' })

/** Screening's server data: the queue, reminders, the program catalog and the open applicant. */
export const useScreeningStore = defineStore('screening', () => {
  const queue = ref<ApplicantQueueRow[]>([])
  /** Applicants matching the filters (the queue holds the pages loaded so far). */
  const queueTotal = ref(0)
  const nextCursor = ref<ApplicantQueueCursor | null>(null)
  const isLoadingMore = ref(false)
  const filters = reactive<QueueFilters>(emptyFilters())
  const reminders = ref<ReminderRow[]>([])
  const programs = ref<Program[]>([])
  const current = ref<ApplicantDetail | null>(null)
  /** Who signs screening documents (the signed-in screener) and their title. */
  const signer = ref<{ name: string; title: string } | null>(null)
  const loadError = ref<string | null>(null)
  let serial = 0

  const errorKey = (error: unknown) => (error instanceof Error ? error.message : 'error.internal')

  const queueRequest = () => ({ ...filters, text: filters.text.trim() || undefined })

  /** The first page for the current filters (and the reminder list); a newer load wins over an older one. */
  async function loadQueue() {
    const mine = ++serial
    try {
      const [page, due] = await Promise.all([call('applicants:list', queueRequest()), call('applications:reminders', {})])
      if (mine !== serial) return
      queue.value = page.rows
      queueTotal.value = page.total
      nextCursor.value = page.nextCursor
      reminders.value = due
      loadError.value = null
    } catch (error) {
      if (mine === serial) loadError.value = errorKey(error)
    }
  }

  /** The next page after the rows shown, appended; ignored while one is loading or when none is left. */
  async function loadMoreQueue() {
    const after = nextCursor.value
    if (!after || isLoadingMore.value) return
    const mine = serial
    isLoadingMore.value = true
    try {
      const page = await call('applicants:list', { ...queueRequest(), after })
      // Filters changed meanwhile: the new first page replaces everything, so this page is dropped.
      if (mine !== serial) return
      queue.value = [...queue.value, ...page.rows]
      queueTotal.value = page.total
      nextCursor.value = page.nextCursor
      loadError.value = null
    } catch (error) {
      if (mine === serial) loadError.value = errorKey(error)
    } finally {
      isLoadingMore.value = false
    }
  }

  function clearFilters() {
    Object.assign(filters, emptyFilters())
  }

  async function loadPrograms() {
    programs.value = await call('programs:list', {})
  }

  async function openApplicant(applicantId: number) {
    loadError.value = null
    try {
      current.value = await call('applicants:get', { applicantId })
    } catch (error) {
      current.value = null
      loadError.value = errorKey(error)
    }
  }

  async function createApplicant(applicant: ApplicantFactsInput, patientId: number | null = null) {
    current.value = await call('applicants:create', { applicant, patientId })
    return current.value
  }

  async function updateApplicant(applicantId: number, applicant: ApplicantFactsInput) {
    current.value = await call('applicants:update', { applicantId, applicant })
    return current.value
  }

  async function createFromCase(caseId: number) {
    current.value = await call('applicants:createFromCase', { caseId })
    return current.value
  }

  const importCsv = (csv: string, mode: ImportMode) => call('applicants:import', { csv, mode })
  const exportCsv = () => call('applicants:exportCsv', {})

  async function saveProgram(programId: number | null, program: ProgramFactsInput) {
    const saved = programId === null ? await call('programs:create', { program }) : await call('programs:update', { programId, program })
    await loadPrograms()
    return saved
  }

  async function setFundStatus(programId: number, fundStatus: FundStatus) {
    const saved = await call('programs:setFundStatus', { programId, fundStatus })
    await loadPrograms()
    return saved
  }

  async function startApplication(applicantId: number, programId: number) {
    await call('applications:create', { applicantId, programId })
    await openApplicant(applicantId)
  }

  async function updateApplication(update: ApplicationUpdateInput) {
    const saved = await call('applications:update', update)
    if (current.value) await openApplicant(current.value.applicant.id)
    return saved
  }

  /** Builds a .docx in the core: the screening summary, or a cover letter to `programId`. */
  const makeDocument = (applicantId: number, kind: DocumentKind, programId: number | null = null, language: DocumentLanguage = 'en') =>
    call('screening:document', { applicantId, kind, programId, language })

  /** The documents each program asks for, by program id: the next step shown beside an eligible result. */
  const documentsOf = (programId: number): string[] => programs.value.find((p) => p.id === programId)?.documentsRequired ?? []

  async function loadSigner() {
    signer.value = await call('screening:signer', {})
  }

  async function saveSignerTitle(title: string) {
    signer.value = await call('screening:saveSignerTitle', { title })
    return signer.value
  }

  const bridgeForCase = (caseId: number) => call('screening:forCase', { caseId })

  return {
    queue,
    queueTotal,
    nextCursor,
    isLoadingMore,
    loadMoreQueue,
    filters,
    reminders,
    programs,
    current,
    loadError,
    loadQueue,
    clearFilters,
    loadPrograms,
    openApplicant,
    createApplicant,
    updateApplicant,
    createFromCase,
    importCsv,
    exportCsv,
    saveProgram,
    setFundStatus,
    startApplication,
    updateApplication,
    makeDocument,
    signer,
    loadSigner,
    saveSignerTitle,
    documentsOf,
    bridgeForCase,
  }
})
