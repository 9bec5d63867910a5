import type { CaseDetail, ContactEntry } from '../../../shared/domain/cases'
import type { MoveCheck } from '../../../shared/domain/deadlines'
import { localDayOf } from '../../../shared/domain/days'
import { isFilingStage, type Stage } from '../../../shared/domain/enums'
import type { AppealUpdate, PriorAuthSave, RepresentationSave } from '../../../shared/schemas/appealSchemas'
import type { CaseCreate, CaseMove, ContactCreate } from '../../../shared/schemas/caseSchemas'
import type { Db } from '../db/openDatabase'
import { AppError, notFound } from '../errors'
import type { AdvocateRepository } from './advocateRepository'
import type { CaseRepository } from './caseRepository'
import type { ContactRepository } from './contactRepository'
import type { PriorAuthRepository } from '../deadlines/priorAuthRepository'
import type { RepresentationRepository } from './representationRepository'
import type { CaseRecord, DeadlineService } from '../deadlines/deadlineService'

interface Deps {
  db: Db
  now: () => Date
  cases: CaseRepository
  contacts: ContactRepository
  advocates: AdvocateRepository
  priorAuths: PriorAuthRepository
  representations: RepresentationRepository
  deadlines: DeadlineService
  currentAdvocateId: () => number | null
}

/** Columns where a level of the ladder is filed; moving into one may record the filing day. */

/** Loads a case with what the deadline rules need; shared by the service and the deadline store. */
export function createCaseRecordLoader(deps: Pick<Deps, 'cases' | 'priorAuths' | 'representations'>) {
  return (id: number): CaseRecord | null => {
    const core = deps.cases.getCore(id)
    return core ? { ...core, priorAuths: deps.priorAuths.listForCase(id), representation: deps.representations.get(id) } : null
  }
}

/** Case use-cases. Every write is one transaction: a case is saved whole or not at all. */
export function createCaseService(deps: Deps) {
  const { db, cases, contacts, advocates, deadlines } = deps
  const nowIso = () => deps.now().toISOString()
  const today = () => localDayOf(deps.now())
  const load = createCaseRecordLoader(deps)

  function mustLoad(id: number): CaseRecord {
    const record = load(id)
    if (!record) throw notFound('case')
    return record
  }

  function detail(id: number): CaseDetail {
    const record = mustLoad(id)
    const { advocateId, ...rest } = record
    return {
      ...rest,
      advocate: advocateId ? advocates.get(advocateId) : null,
      history: cases.history(id),
      contacts: contacts.listForCase(id),
      deadlineReport: deadlines.reportFor(record, today()),
    }
  }

  /** Runs a write for one case in a transaction, then refreshes its stored deadlines in the same one. */
  function writeCase(caseId: number, write: (record: CaseRecord) => void): CaseDetail {
    db.transaction(() => {
      write(mustLoad(caseId))
      deadlines.refresh(caseId, today())
    })()
    return detail(caseId)
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

    checkMove: (caseId: number, toStage: Stage): MoveCheck => deadlines.checkMove(mustLoad(caseId), toStage, today()),

    /**
     * Moves a case between board columns. A move the case's appeal ladder does not allow is refused
     * with the reason, unless the advocate gives an override reason, which is recorded in the history.
     * Moving up a level keeps the case's history, contacts and documents (they belong to the case),
     * records the decision notice that starts the new level's window and, if given, the filing day.
     */
    move(input: CaseMove): CaseDetail {
      return writeCase(input.caseId, (record) => {
        if (record.stage === input.toStage) return
        const check = deadlines.checkMove(record, input.toStage, today())
        const overrideReason = input.overrideReason?.trim() ?? ''
        if (!check.allowed && !overrideReason) {
          throw new AppError('move_refused', check.reasonEn ?? 'error.moveRefused')
        }
        cases.move(record.id, record.stage, input.toStage, {
          now: nowIso(),
          today: today(),
          movedBy: deps.currentAdvocateId(),
          overrideReason: check.allowed ? '' : overrideReason,
          note: input.note ?? '',
        })
        if (input.decisionNotice) {
          const reasons = record.denials[0]?.reasons ?? ['other']
          cases.addNotice(record.id, { ...input.decisionNotice, reasons, statedDeadline: null }, nowIso())
        }
        if (isFilingStage(input.toStage)) {
          // A new level starts with its own clocks: the old filing day becomes the previous level's.
          cases.setAppeal(
            record.id,
            {
              appealFiledOn: input.filedOn ?? null,
              appealFiledAt: null,
              internalLevels: record.internalLevels,
              payerExtended: false,
              previousAppealFiledOn: record.appealFiledOn ?? record.previousAppealFiledOn,
            },
            nowIso(),
          )
        }
      })
    },

    updateAppeal: ({ caseId, ...facts }: AppealUpdate): CaseDetail => writeCase(caseId, () => cases.setAppeal(caseId, facts, nowIso())),

    savePriorAuth: ({ caseId, ...input }: PriorAuthSave): CaseDetail =>
      writeCase(caseId, () => {
        if (!deps.priorAuths.save(caseId, input, nowIso())) throw notFound('priorAuth')
      }),

    saveRepresentation: ({ caseId, representation }: RepresentationSave): CaseDetail =>
      writeCase(caseId, () => deps.representations.save(caseId, representation, nowIso())),

    addContact(input: ContactCreate): ContactEntry {
      return db.transaction(() => {
        if (!cases.getCore(input.caseId)) throw notFound('case')
        return contacts.add(input, deps.currentAdvocateId(), nowIso())
      })()
    },
  }
}
export type CaseService = ReturnType<typeof createCaseService>
