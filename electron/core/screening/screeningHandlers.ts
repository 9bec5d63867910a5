import type { ChannelsOf } from '../../../shared/contract'
import type { Core } from '../createCore'
import type { HandlersFor } from '../handlerTypes'

export function screeningHandlers(core: Core): HandlersFor<ChannelsOf<'applicants' | 'programs' | 'screening' | 'applications'>> {
  return {
    'applicants:list': (query) => core.screening.applicants.list(query),
    'applicants:get': ({ applicantId }) => core.screening.applicants.get(applicantId),
    'applicants:create': ({ applicant, patientId }) => core.screening.applicants.create(applicant, patientId),
    'applicants:update': ({ applicantId, applicant }) => core.screening.applicants.update(applicantId, applicant),
    'applicants:createFromCase': ({ caseId }) => core.screening.applicants.createFromCase(caseId),
    'applicants:import': ({ csv, mode }) => core.screening.applicants.importCsv(csv, mode),
    'applicants:exportCsv': () => core.screening.applicants.exportCsv(),
    'programs:list': () => core.screening.programs.list(),
    'programs:create': ({ program }) => core.screening.programs.create(program),
    'programs:update': ({ programId, program }) => core.screening.programs.update(programId, program),
    'programs:setFundStatus': ({ programId, fundStatus }) => core.screening.programs.setFundStatus(programId, fundStatus),
    'screening:run': ({ applicant, screenedOn }) => core.screening.screening.run(applicant, screenedOn),
    'screening:forCase': ({ caseId }) => core.screening.screening.forCase(caseId),
    'screening:document': async ({ applicantId, kind, programId, language }) => await core.screening.screening.buildDocument(applicantId, kind, programId, language),
    'screening:signer': () => core.screening.screening.signer(),
    'screening:saveSignerTitle': ({ title }) => core.screening.screening.saveSignerTitle(title),
    'applications:create': ({ applicantId, programId }) => core.screening.applications.create(applicantId, programId),
    'applications:update': (update) => core.screening.applications.update(update),
    'applications:reminders': () => core.screening.applications.reminders(),
  }
}
