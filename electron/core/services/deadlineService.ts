import type { CaseFacts, DeadlineReport, MoveCheck } from '../../../shared/domain/deadlines'
import type { Stage } from '../../../shared/domain/enums'
import { checkMove, computeDeadlines, levelForStage } from '../deadlines/deadlineEngine'
import type { CaseCore, CaseRepository } from '../repositories/caseRepository'
import type { DeadlineRepository } from '../repositories/deadlineRepository'

/** The engine's view of a stored case (rules live in shared/rules, arithmetic in core/deadlines). */
export function caseFactsOf(core: CaseCore): CaseFacts {
  const denial = core.denials[0] ?? null
  return {
    planFamily: core.coverage.planFamily,
    state: core.coverage.state || null,
    urgency: core.urgency,
    serviceType: core.serviceType,
    stage: core.stage,
    levelId: levelForStage(core.coverage.planFamily, core.stage)?.id ?? null,
    therapyCategory: core.therapy.category,
    denial: denial
      ? { noticeDate: denial.noticeDate, receivedDate: denial.receivedDate, statedDeadline: denial.statedDeadline, reasons: denial.reasons }
      : null,
    appealFiledOn: core.appealFiledOn,
    appealFiledAt: null,
    priorAuth: null,
  }
}

export function createDeadlineService(deps: { cases: CaseRepository; store: DeadlineRepository }) {
  return {
    reportFor: (core: CaseCore, today: string): DeadlineReport => computeDeadlines(caseFactsOf(core), today),
    checkMove: (core: CaseCore, toStage: Stage): MoveCheck => checkMove(caseFactsOf(core), toStage),
    /** Recomputes and stores one case's deadlines (closed cases keep none). Call inside a transaction. */
    refresh(caseId: number, today: string): void {
      const core = deps.cases.getCore(caseId)
      if (!core) return
      const report = core.stage === 'closed' ? null : computeDeadlines(caseFactsOf(core), today)
      deps.store.replace(caseId, report?.deadlines ?? [])
    },
  }
}
export type DeadlineService = ReturnType<typeof createDeadlineService>
