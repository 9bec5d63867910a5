import type { ApiResult, Channel, OverturnApi } from '../../shared/contract'
import { BOARD_PAGE_SIZE, type BoardCard, type BoardData } from '../../shared/domain/cases'
import { STAGES, type Stage } from '../../shared/domain/enums'
import { checkMove } from '../../electron/core/deadlines/moveCheck'

/** A card with plausible defaults. */
export function card(overrides: Partial<BoardCard> = {}): BoardCard {
  return {
    id: 1,
    stage: 'intake',
    patientName: 'María García',
    therapyCategory: 'ivig_scig',
    drug: 'Gammagard Liquid',
    payer: 'Lakeshore Blue',
    planFamily: 'employer_fully_insured',
    advocateId: 1,
    advocateName: 'Jordan Ellis',
    urgency: 'standard',
    stageEnteredAt: '2026-11-20T10:00:00.000Z',
    nextDeadline: { dueDate: '2026-11-27', side: 'ours', labelKey: 'x.y', labelEn: 'File internal appeal', verified: true },
    isDemo: false,
    isPayerOverdue: false,
    isKeptOffline: false,
    evidence: { received: 2, total: 8 },
    ...overrides,
  }
}

/**
 * An in-memory stand-in for the core, speaking the contract, that records every call. Renderer tests
 * check what the screens send and show; the real core is covered by tests/unit and tests/e2e.
 */
export function createFakeApi(cards: BoardCard[]) {
  const calls: { channel: Channel; request: unknown }[] = []
  const state = { cards: [...cards] }
  /**
   * The board's refusals come from the real rule (electron/core/deadlines/moveCheck.ts reading the
   * ladders in shared/rules), applied to the card's plan family and column, as the core does.
   */
  const verdict = (caseId: number, toStage: Stage) => {
    const c = state.cards.find((x) => x.id === caseId)!
    return checkMove(
      { planFamily: c.planFamily, state: null, urgency: c.urgency, serviceType: 'pre_service', stage: c.stage, levelId: null, therapyCategory: c.therapyCategory, denial: null, appealFiledOn: null, appealFiledAt: null },
      toStage,
    )
  }
  const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data })
  /** Pages like the core: per column, in list order, `limit` cards after the cursor's card. */
  const board = (request: { stage?: Stage; after?: { id: number }; limit?: number } = {}): BoardData => {
    const totals = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
    for (const c of state.cards) totals[c.stage]++
    const limit = request.limit ?? BOARD_PAGE_SIZE
    const result: BoardData = { cards: [], totals, counts: {}, next: {} }
    for (const stage of request.stage ? [request.stage] : STAGES) {
      const column = state.cards.filter((c) => c.stage === stage)
      const start = request.after ? column.findIndex((c) => c.id === request.after!.id) + 1 : 0
      const page = column.slice(start, start + limit)
      result.cards.push(...page)
      result.counts[stage] = column.length
      const last = page.at(-1)
      result.next[stage] = start + limit < column.length && last ? { enteredAt: last.stageEnteredAt, id: last.id } : null
    }
    return result
  }
  const handlers: Partial<Record<Channel, (request: never) => ApiResult<unknown>>> = {
    'cases:board': (request: Parameters<typeof board>[0]) => ok(board(request)),
    'cases:checkMove': (request: { caseId: number; toStage: Stage }) => ok(verdict(request.caseId, request.toStage)),
    'cases:move': (request: { caseId: number; toStage: Stage; overrideReason?: string }) => {
      const check = verdict(request.caseId, request.toStage)
      if (!check.allowed && !request.overrideReason) return { ok: false, error: { code: 'move_refused', message: check.reasonEn ?? 'error.moveRefused' } }
      // Newest in stage first, as the core orders a column.
      const moved = state.cards.find((c) => c.id === request.caseId)
      if (moved) state.cards = [{ ...moved, stage: request.toStage }, ...state.cards.filter((c) => c !== moved)]
      return ok({})
    },
    'advocates:list': () => ok([{ id: 1, displayName: 'Jordan Ellis', role: 'advocate', isActive: true }]),
    'caseload:info': () => ok({ caseCount: state.cards.length, demoCaseCount: 0, dataDir: '/tmp', schemaVersion: 1 }),
  }
  const api = new Proxy({} as OverturnApi, {
    get: (_target, channel: string) => async (request: unknown) => {
      calls.push({ channel: channel as Channel, request })
      const handler = handlers[channel as Channel] as ((r: unknown) => ApiResult<unknown>) | undefined
      return handler ? handler(request) : { ok: false, error: { code: 'internal', message: 'error.internal' } }
    },
  })
  return { api, calls, state }
}
