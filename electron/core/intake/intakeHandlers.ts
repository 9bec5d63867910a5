import { localDayOf } from '../../../shared/domain/days'
import type { intakeChannels } from '../../../shared/contracts/intake'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'
import { createIntakeService } from './intakeService'

/** The intake slice's channels; its service (and OCR worker) lives as long as the dispatcher. */
export function intakeHandlers(core: Core): HandlersFor<keyof typeof intakeChannels> {
  const intake = createIntakeService({ today: () => localDayOf(core.now()), upload: (input) => core.documents.upload(input) })
  return {
    'intake:start': (input) => intake.start(input),
    'intake:status': ({ jobId }) => intake.status(jobId),
    'intake:cancel': ({ jobId }) => intake.cancel(jobId),
    'intake:preview': ({ jobId, page }) => intake.preview(jobId, page),
    'intake:attach': ({ jobId, caseId, label }) => intake.attach(jobId, caseId, label),
  }
}
