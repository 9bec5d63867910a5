import type { CaseDetail } from '../../../shared/domain/cases'
import { CASE_FILE_FORMAT, CASE_FILE_VERSION, type CaseFile, type CaseFileInput } from '../../../shared/schemas/caseFileSchema'
import type { CaseRecord } from '../deadlines/deadlineService'

/** Writes a stored case as a version-1 case file (docs/case-file.md). */
export function toCaseFile(detail: CaseDetail): CaseFileInput {
  const { id: _coverageId, ...coverage } = detail.coverage
  const { id: _therapyId, ...therapy } = detail.therapy
  return {
    format: CASE_FILE_FORMAT,
    version: CASE_FILE_VERSION,
    case: {
      patient: {
        firstName: detail.patient.firstName,
        lastName: detail.patient.lastName,
        dateOfBirth: detail.patient.dateOfBirth,
        phone: detail.patient.phone,
        preferredLanguage: detail.patient.preferredLanguage,
      },
      coverage: { ...coverage, state: coverage.state as CaseFile['case']['coverage']['state'] },
      therapy,
      stage: detail.stage,
      urgency: detail.urgency,
      serviceType: detail.serviceType,
      advocateId: null,
      openedOn: detail.openedOn,
      summary: detail.summary,
      denials: detail.denials.map(({ noticeDate, receivedDate, reasons, priorAuthNumber, claimNumber, amount, statedDeadline }) => ({
        noticeDate,
        receivedDate,
        reasons,
        priorAuthNumber,
        claimNumber,
        amount,
        statedDeadline,
      })),
      appeal: {
        filedOn: detail.appealFiledOn,
        filedAt: detail.appealFiledAt,
        internalLevels: detail.internalLevels,
        payerExtended: detail.payerExtended,
        previousFiledOn: detail.previousAppealFiledOn,
      },
      priorAuths: detail.priorAuths.map(({ id: _id, ...rest }) => rest),
      representation: detail.representation,
    },
  }
}

/**
 * The deadline rules' view of a case file: the same `CaseRecord` shape a stored case has, so the
 * command line and the app compute identical dates (issue 3: "the CLI prints the same dates as the UI").
 */
export function caseFileToRecord(file: CaseFile): CaseRecord {
  const c = file.case
  const denials = [...c.denials]
    .sort((a, b) => (a.noticeDate < b.noticeDate ? 1 : a.noticeDate > b.noticeDate ? -1 : 0))
    .map((d, index) => ({ id: index + 1, ...d }))
  return {
    id: 0,
    stage: c.stage,
    urgency: c.urgency,
    serviceType: c.serviceType,
    openedOn: c.openedOn,
    closedOn: null,
    stageEnteredAt: `${c.openedOn}T00:00:00.000Z`,
    appealFiledOn: c.appeal.filedOn,
    appealFiledAt: c.appeal.filedAt ? new Date(c.appeal.filedAt).toISOString() : null,
    internalLevels: c.appeal.internalLevels,
    payerExtended: c.appeal.payerExtended,
    previousAppealFiledOn: c.appeal.previousFiledOn,
    summary: c.summary,
    isDemo: false,
    advocateId: null,
    version: 1,
    payerDestinationId: null,
    patient: { id: 0, firstName: c.patient.firstName, lastName: c.patient.lastName, dateOfBirth: c.patient.dateOfBirth, phone: c.patient.phone, preferredLanguage: c.patient.preferredLanguage },
    coverage: { id: 0, ...c.coverage },
    therapy: { id: 0, ...c.therapy },
    denials,
    priorAuths: c.priorAuths.map((pa, index) => ({ id: index + 1, ...pa, requestedAt: pa.requestedAt ? new Date(pa.requestedAt).toISOString() : null })),
    representation: c.representation,
  }
}
