/**
 * Intake jobs: a dropped letter is read in the background (OCR in tesseract.js's worker thread) while
 * the renderer polls its per-page progress, can cancel it, and looks at page images. Jobs live in
 * memory only: nothing is stored until the advocate confirms, and then only through the case and
 * attachment services (the letter becomes the case's encrypted exhibit "Denial notice").
 */
import { randomUUID } from 'node:crypto'
import { PDFDocument } from '@cantoo/pdf-lib'
import type { IntakeJobStatus, IntakePageImage } from '../../../shared/domain/intake'
import type { Attachment } from '../../../shared/domain/documents'
import { AppError } from '../errors'
import { createOcrEngine, OcrCancelled } from './ocrEngine'
import { readLetter } from './readLetter'

interface Job {
  status: IntakeJobStatus
  bytes: Buffer
  views: IntakePageImage[]
  cancelled: boolean
  done: Promise<void>
}

export interface IntakeDeps {
  today: () => string
  upload: (input: { caseId: number; fileName: string; label: string; base64: string }) => Attachment
}

/** Jobs kept for review; older ones are dropped (their letters were confirmed or abandoned). */
const MAX_JOBS = 3

export function createIntakeService(deps: IntakeDeps) {
  const jobs = new Map<string, Job>()
  const ocr = createOcrEngine()
  let running: Job | null = null

  const requireJob = (jobId: string) => {
    const job = jobs.get(jobId)
    if (!job) throw new AppError('not_found', 'reader.error.jobGone')
    return job
  }
  const snapshot = (job: Job): IntakeJobStatus => structuredClone(job.status)

  async function run(job: Job) {
    const status = job.status
    try {
      const outcome = await readLetter(job.bytes, status.fileName, {
        today: deps.today(),
        ocr,
        withViews: true,
        isCancelled: () => job.cancelled,
        onOpened: (count) => {
          status.pages = Array.from({ length: count }, (_, index) => ({ index, state: 'waiting', method: null, progress: 0 }))
        },
        onPage: (index, update) => {
          const page = status.pages[index]
          if (page) Object.assign(page, { state: update.state, method: update.method, progress: Math.round(update.progress * 100) / 100 })
        },
      })
      if (job.cancelled) throw new OcrCancelled()
      job.views = outcome.views
      status.result = outcome.result
      status.state = 'done'
    } catch (error) {
      if (job.cancelled || error instanceof OcrCancelled) {
        status.state = 'cancelled'
      } else {
        status.state = 'failed'
        status.error = error instanceof AppError ? error.message : 'reader.error.unreadable'
        if (!(error instanceof AppError)) console.error(`[overturn] intake failed: ${error instanceof Error ? error.name : 'unknown error'}`)
      }
      job.bytes = Buffer.alloc(0)
    }
  }

  return {
    /** Starts reading a letter; answers at once with the job to poll. One letter is read at a time. */
    start(input: { fileName: string; base64: string }): IntakeJobStatus {
      if (running && running.status.state === 'reading') {
        running.cancelled = true
        void ocr.cancel()
      }
      const job: Job = {
        status: { jobId: randomUUID(), state: 'reading', fileName: input.fileName, pages: [], result: null, error: null },
        bytes: Buffer.from(input.base64, 'base64'),
        views: [],
        cancelled: false,
        done: Promise.resolve(),
      }
      jobs.set(job.status.jobId, job)
      while (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value as string)
      const previous = running?.done ?? Promise.resolve()
      running = job
      job.done = previous.then(() => run(job))
      return snapshot(job)
    },

    status(jobId: string): IntakeJobStatus {
      return snapshot(requireJob(jobId))
    },

    /** Stops the reading; pages already read are dropped with the rest. */
    async cancel(jobId: string): Promise<IntakeJobStatus> {
      const job = requireJob(jobId)
      if (job.status.state === 'reading') {
        job.cancelled = true
        await ocr.cancel()
        await job.done
      }
      return snapshot(job)
    },

    /** The page image the field boxes refer to. */
    preview(jobId: string, page: number): IntakePageImage {
      const view = requireJob(jobId).views[page]
      if (!view) throw new AppError('not_found', 'reader.error.jobGone')
      return view
    },

    /**
     * Keeps the letter as the case's exhibit "Denial notice" through the attachment upload path
     * (encrypted like every attachment). A fax TIFF becomes a PDF, since exhibits are PDF, PNG or JPEG.
     */
    async attach(jobId: string, caseId: number, label: string): Promise<Attachment> {
      const job = requireJob(jobId)
      if (job.status.state !== 'done' || !job.status.result) throw new AppError('conflict', 'reader.error.notRead')
      const result = job.status.result
      let bytes: Uint8Array = job.bytes
      let fileName = result.fileName
      if (result.kind === 'tiff') {
        const pdf = await PDFDocument.create()
        for (const view of job.views) {
          const image = await pdf.embedJpg(Buffer.from(view.base64, 'base64'))
          const width = 612
          const height = (612 * view.height) / view.width
          pdf.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height })
        }
        bytes = await pdf.save()
        fileName = `${fileName.replace(/\.[A-Za-z0-9]{1,5}$/, '')}.pdf`
      }
      return deps.upload({ caseId, fileName, label, base64: Buffer.from(bytes).toString('base64') })
    },

    async close() {
      for (const job of jobs.values()) job.cancelled = true
      jobs.clear()
      await ocr.close()
    },
  }
}
export type IntakeService = ReturnType<typeof createIntakeService>
