import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IntakeField, IntakeFieldKey, IntakeJobStatus, IntakePageImage } from '../../../shared/domain/intake'
import { INTAKE_MAX_BYTES } from '../../../shared/domain/intake'
import { ApiCallError, call } from '../api/client'

/** Reads a File as base64 without the `data:` prefix. */
function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/** How often the reading job is asked for progress; OCR pages take seconds, so twice a second is plenty. */
const POLL_MS = 400

/**
 * Reading a denial letter (issue 17): the job's progress, the fields read, the advocate's edits and
 * the page images. Nothing reaches a case until `confirmedValues` is taken by the form.
 */
export const useLetterIntakeStore = defineStore('letterIntake', () => {
  const job = ref<IntakeJobStatus | null>(null)
  /** An i18n key or sentence to show beside the drop zone. */
  const error = ref('')
  /** The advocate's values, starting from what was read (lists joined with ", "). */
  const edits = ref<Partial<Record<IntakeFieldKey, string>>>({})
  const pages = ref<Record<number, IntakePageImage>>({})
  let timer: ReturnType<typeof setTimeout> | null = null

  const isReading = computed(() => job.value?.state === 'reading')
  const fields = computed<IntakeField[]>(() => job.value?.result?.fields ?? [])

  function stopPolling() {
    if (timer) clearTimeout(timer)
    timer = null
  }

  async function poll() {
    if (!job.value) return
    try {
      job.value = await call('intake:status', { jobId: job.value.jobId })
    } catch (e) {
      error.value = e instanceof ApiCallError ? e.error.message : 'error.internal'
      job.value = null
      return
    }
    if (job.value.state === 'reading') timer = setTimeout(() => void poll(), POLL_MS)
    else finish()
  }

  function finish() {
    const current = job.value
    if (!current) return
    if (current.state === 'failed') {
      error.value = current.error ?? 'reader.error.unreadable'
      return
    }
    if (current.state === 'done' && current.result) {
      edits.value = Object.fromEntries(current.result.fields.map((f) => [f.key, Array.isArray(f.value) ? f.value.join(', ') : (f.value ?? '')]))
    }
  }

  async function read(file: File) {
    stopPolling()
    reset()
    if (file.size > INTAKE_MAX_BYTES) {
      error.value = 'reader.error.tooLarge'
      return
    }
    try {
      job.value = await call('intake:start', { fileName: file.name || 'letter', base64: await fileToBase64(file) })
      timer = setTimeout(() => void poll(), POLL_MS)
    } catch (e) {
      error.value = e instanceof ApiCallError ? (Object.values(e.error.fields ?? {})[0] ?? e.error.message) : 'error.internal'
    }
  }

  async function cancel() {
    if (!job.value) return
    stopPolling()
    job.value = await call('intake:cancel', { jobId: job.value.jobId })
  }

  async function page(index: number): Promise<IntakePageImage | null> {
    if (!job.value) return null
    pages.value[index] ??= await call('intake:preview', { jobId: job.value.jobId, page: index })
    return pages.value[index]
  }

  /** Keeps the letter as the case's exhibit (label "Denial notice" in the advocate's language). */
  async function attach(caseId: number, label: string) {
    if (!job.value || job.value.state !== 'done') return null
    return call('intake:attach', { jobId: job.value.jobId, caseId, label })
  }

  function reset() {
    stopPolling()
    job.value = null
    error.value = ''
    edits.value = {}
    pages.value = {}
  }

  return { job, error, edits, fields, isReading, read, cancel, page, attach, reset }
})
