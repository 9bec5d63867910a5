import type { CaseDetail, ContactEntry } from '../../../shared/domain/dto'
import type { DeadlineReport } from '../../../shared/domain/deadlines'
import { localDayOf } from '../../../shared/domain/days'
import type { CaseCreate, CaseMove, ContactCreate } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'
import { AppError, notFound } from '../errors'
import type { AdvocateRepository } from '../repositories/advocateRepository'
import type { CaseRepository } from '../repositories/caseRepository'
import type { ContactRepository } from '../repositories/contactRepository'
import type { DeadlineService } from './deadlineService'

interface Deps {
  db: Db
  now: () => Date
  cases: CaseRepository
  contacts: ContactRepository
  advocates: AdvocateRepository
  deadlines: DeadlineService
  currentAdvocateId: () => number | null
}

/** Case use-cases. Every write is one transaction: a case is saved whole or not at all. */
export function createCaseService(deps: Deps) {
  const { db, cases, contacts, advocates, deadlines } = deps
  const nowIso = () => deps.now().toISOString()
  const today = () => localDayOf(deps.now())

  function detail(id: number): CaseDetail & { deadlineReport: DeadlineReport } {
    const core = cases.getCore(id)
    if (!core) throw notFound('case')
    const { advocateId, ...rest } = core
    return {
      ...rest,
      advocate: advocateId ? advocates.get(advocateId) : null,
      history: cases.history(id),
      contacts: contacts.listForCase(id),
      deadlineReport: deadlines.reportFor(core, today()),
    }
  }

  return {
    get: detail,

    create(input: CaseCreate, options: { isDemo?: boolean } = {}): CaseDetail {
      if (input.advocateId && !advocates.get(input.advocateId)) {
        throw new AppError('validation', 'error.validation', { advocateId: 'error.unknownAdvocate' })
      }
      const id = db.transaction(() => {
        const caseId = cases.insert(input, { isDemo: options.isDemo ?? false, now: nowIso(), movedBy: deps.currentAdvocateId() })
        deadlines.refresh(caseId, today())
        return caseId
      })()
      return detail(id)
    },

    /**
     * Moves a case between board columns. A move the case's appeal ladder does not allow is refused
     * with the reason, unless the advocate gives an override reason, which is recorded in the history.
     */
    move(input: CaseMove): CaseDetail {
      db.transaction(() => {
        const core = cases.getCore(input.caseId)
        if (!core) throw notFound('case')
        if (core.stage === input.toStage) return
        const check = deadlines.checkMove(core, input.toStage)
        const overrideReason = input.overrideReason?.trim() ?? ''
        if (!check.allowed && !overrideReason) {
          throw new AppError('move_refused', check.reasonEn ?? 'error.moveRefused', { reasonKey: check.reasonKey ?? '' })
        }
        cases.move(core.id, core.stage, input.toStage, {
          now: nowIso(),
          today: today(),
          movedBy: deps.currentAdvocateId(),
          overrideReason: check.allowed ? '' : overrideReason,
          note: input.note ?? '',
          keepFiled: false,
        })
        deadlines.refresh(core.id, today())
      })()
      return detail(input.caseId)
    },

    addContact(input: ContactCreate): ContactEntry {
      return db.transaction(() => {
        if (!cases.getCore(input.caseId)) throw notFound('case')
        return contacts.add(input, deps.currentAdvocateId(), nowIso())
      })()
    },
  }
}
export type CaseService = ReturnType<typeof createCaseService>
