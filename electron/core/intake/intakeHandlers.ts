import { localDayOf } from '../../../shared/domain/days'
import type { intakeChannels } from '../../../shared/contracts/intake'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'
import type { IntakeService } from './intakeService'

/**
 * The intake slice's channels; its service (and OCR worker) lives as long as the dispatcher. The
 * service, with pdf.js, the canvas, the TIFF reader and tesseract.js behind it, loads on the first
 * letter read, not with the caseload (issue 15: core memory).
 */
export function intakeHandlers(core: Core): HandlersFor<keyof typeof intakeChannels> {
  let loading: Promise<IntakeService> | null = null
  const intake = () =>
    (loading ??= import('./intakeService').then(({ createIntakeService }) =>
      createIntakeService({ today: () => localDayOf(core.now()), upload: (input) => core.documents.upload(input) }),
    ))
  return {
    'intake:start': async (input) => (await intake()).start(input),
    'intake:status': async ({ jobId }) => (await intake()).status(jobId),
    'intake:cancel': async ({ jobId }) => (await intake()).cancel(jobId),
    'intake:preview': async ({ jobId, page }) => (await intake()).preview(jobId, page),
    'intake:attach': async ({ jobId, caseId, label }) => (await intake()).attach(jobId, caseId, label),
  }
}
