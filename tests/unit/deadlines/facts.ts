import type { CaseFacts } from '../../../shared/domain/deadlines'

/** A standard pre-service case with a notice dated Monday 2026-03-02; override what a test needs. */
type Overrides = Omit<Partial<CaseFacts>, 'denial'> & { denial?: Partial<NonNullable<CaseFacts['denial']>> | null }

export function facts(overrides: Overrides = {}): CaseFacts {
  const { denial, ...rest } = overrides
  return {
    planFamily: 'employer_self_funded',
    state: null,
    urgency: 'standard',
    serviceType: 'pre_service',
    stage: 'denied',
    levelId: null,
    therapyCategory: 'ivig_scig',
    denial:
      denial === null
        ? null
        : { noticeDate: '2026-03-02', receivedDate: null, statedDeadline: null, reasons: ['not_medically_necessary'], ...denial },
    appealFiledOn: null,
    appealFiledAt: null,
    priorAuth: null,
    ...rest,
  }
}
