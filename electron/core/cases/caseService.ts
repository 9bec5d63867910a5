import type { CaseDetail, ContactEntry } from '../../../shared/domain/cases'
import type { MoveCheck } from '../../../shared/domain/deadlines'
import { localDayOf } from '../../../shared/domain/days'
import type { Stage } from '../../../shared/domain/enums'
import type { AppealUpdate, PriorAuthSave, RepresentationSave } from '../../../shared/schemas/appealSchemas'
import type { CaseCreate, CaseMove, CaseUpdate, ContactCreate, DenialAdd, DenialRemove, DenialUpdate } from '../../../shared/schemas/caseSchemas'
import { CASE_FACT_FIELDS, DENIAL_FACT_FIELDS, factAt, sameFact } from '../../../shared/domain/caseFields'
import type { CaseOperation } from '../../../shared/domain/operations'
import type { CaseFactsRepository } from './caseFactsRepository'
import type { OperationInput } from './operationLog'
import type { Db } from '../db/openDatabase'
import { AppError, notFound } from '../errors'
import type { AdvocateRepository } from './advocateRepository'
import type { AppealFacts, CaseRepository } from './caseRepository'
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
  facts: CaseFactsRepository
  currentAdvocateId: () => number | null
}

/** Columns where a level of the ladder is filed; moving into one may record the filing day. */
const APPEAL_STAGES: Stage[] = ['internal_appeal', 'second_level', 'external_review', 'hearing']

/** Columns before a denial: a case recorded with a denial notice belongs past them (issue 12, item 4). */
const PRE_DENIAL_STAGES: Stage[] = ['intake', 'prior_auth']

/**
 * A stale save, field by field (three-way, from the log): what the form started from (`base`), what
 * is stored now (`theirs`) and what the form sends (`mine`). A field you did not change is left alone;
 * a field only you changed is written; a field both changed differently is a conflict, never overwritten.
 */
function mergeField(base: unknown, theirs: unknown, mine: unknown): 'skip' | 'write' | 'conflict' {
  if (sameFact(mine, base) || sameFact(mine, theirs)) return 'skip'
  return sameFact(theirs, base) ? 'write' : 'conflict'
}

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

  function recordOps(caseId: number, operations: OperationInput[]) {
    cases.log.record(caseId, operations, { actorId: deps.currentAdvocateId(), at: nowIso() })
  }

  /** Records the filing facts and, for each that changed, an `appeal` operation. */
  function setAppealFacts(record: CaseRecord, facts: AppealFacts) {
    cases.setAppeal(record.id, facts, nowIso())
    const changes: OperationInput[] = []
    for (const [field, value] of Object.entries(facts) as [keyof AppealFacts, AppealFacts[keyof AppealFacts]][]) {
      if (!sameFact(record[field], value)) changes.push({ kind: 'appeal', field, oldValue: record[field], newValue: value })
    }
    recordOps(record.id, changes)
  }

  /** Operations saved after the version a form was opened at; a version from the future is refused. */
  function staleOperations(record: CaseRecord, expectedVersion: number): CaseOperation[] {
    if (expectedVersion > record.version) throw new AppError('validation', 'error.validation', { expectedVersion: 'error.invalid' })
    return expectedVersion === record.version ? [] : cases.log.since(record.id, expectedVersion)
  }

  /** A field's value at the form's version: the old value of the first later change to it, else today's. */
  function baseValue(later: CaseOperation[], field: string, entityId: string, current: unknown): unknown {
    const first = later.find((op) => op.field === field && op.entityId === entityId)
    return first ? first.oldValue : current
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
      // A denial recorded at intake starts the appeal clock: the case goes where its deadline shows.
      const stage = input.denial && PRE_DENIAL_STAGES.includes(input.stage) ? 'denied' : input.stage
      const id = db.transaction(() => {
        const caseId = cases.insert({ ...input, stage }, { isDemo: options.isDemo ?? false, now: nowIso(), movedBy: deps.currentAdvocateId() })
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
          throw new AppError('move_refused', check.reasonEn ?? 'error.moveRefused', { reasonKey: check.reasonKey ?? '' })
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
          const notice = { ...input.decisionNotice, reasons, statedDeadline: null }
          const denialId = cases.addNotice(record.id, notice, nowIso())
          recordOps(record.id, [{ kind: 'denial_add', entityId: denialId, newValue: notice }])
        }
        if (APPEAL_STAGES.includes(input.toStage)) {
          // Moving from one filed level to the next starts new clocks: the old filing day becomes the
          // previous level's. Moving into the first filed column keeps a filing day already recorded
          // ("Mark sent" before the move): a stage move never erases a fact (issue 12, item 4).
          const isNextLevel = APPEAL_STAGES.includes(record.stage)
          setAppealFacts(
            record,
            isNextLevel
              ? {
                  appealFiledOn: input.filedOn ?? null,
                  appealFiledAt: null,
                  internalLevels: record.internalLevels,
                  payerExtended: false,
                  previousAppealFiledOn: record.appealFiledOn ?? record.previousAppealFiledOn,
                }
              : {
                  appealFiledOn: input.filedOn ?? record.appealFiledOn,
                  appealFiledAt: input.filedOn && input.filedOn !== record.appealFiledOn ? null : record.appealFiledAt,
                  internalLevels: record.internalLevels,
                  payerExtended: record.payerExtended,
                  previousAppealFiledOn: record.previousAppealFiledOn,
                },
          )
        }
      })
    },

    updateAppeal: ({ caseId, ...facts }: AppealUpdate): CaseDetail => writeCase(caseId, (record) => setAppealFacts(record, facts)),

    savePriorAuth: ({ caseId, ...input }: PriorAuthSave): CaseDetail =>
      writeCase(caseId, (record) => {
        const before = input.id ? (record.priorAuths.find((p) => p.id === input.id) ?? null) : null
        if (!deps.priorAuths.save(caseId, input, nowIso())) throw notFound('priorAuth')
        recordOps(caseId, [{ kind: 'prior_auth', entityId: input.id ?? '', oldValue: before as unknown as Record<string, unknown>, newValue: input as unknown as Record<string, unknown> }])
      }),

    saveRepresentation: ({ caseId, representation }: RepresentationSave): CaseDetail =>
      writeCase(caseId, (record) => {
        deps.representations.save(caseId, representation, nowIso())
        const op = { kind: 'representation' as const, oldValue: record.representation as unknown as Record<string, unknown>, newValue: representation as unknown as Record<string, unknown> }
        if (!sameFact(op.oldValue, op.newValue)) recordOps(caseId, [op])
      }),

    addContact(input: ContactCreate): ContactEntry {
      return db.transaction(() => {
        if (!cases.getCore(input.caseId)) throw notFound('case')
        const entry = contacts.add(input, deps.currentAdvocateId(), nowIso())
        recordOps(input.caseId, [{ kind: 'contact', entityId: entry.id, newValue: { kind: entry.kind, withWhom: entry.withWhom, occurredOn: entry.occurredOn } }])
        return entry
      })()
    },

    /**
     * Corrects any fact of a case (issue 12, item 1) with the intake's validation, in one transaction
     * with its operations and recomputed deadlines. A save made from an older version is merged field
     * by field against the log; a field someone else changed meanwhile is refused with `conflict`.
     */
    update(input: CaseUpdate): CaseDetail {
      if (input.advocateId && !advocates.get(input.advocateId)) {
        throw new AppError('validation', 'error.validation', { advocateId: 'error.unknownAdvocate' })
      }
      return writeCase(input.caseId, (record) => {
        const later = staleOperations(record, input.expectedVersion)
        const changes: OperationInput[] = []
        const conflicts: Record<string, string> = {}
        for (const field of CASE_FACT_FIELDS) {
          const theirs = factAt(record, field)
          const mine = factAt(input, field)
          const base = baseValue(later, field, '', theirs)
          const verdict = mergeField(base, theirs, mine)
          if (verdict === 'conflict') conflicts[field] = 'error.conflictField'
          if (verdict === 'write') changes.push({ kind: 'edit', field, oldValue: theirs, newValue: mine as OperationInput['newValue'] })
        }
        if (Object.keys(conflicts).length) throw new AppError('conflict', 'error.conflict', conflicts)
        for (const change of changes) deps.facts.setFact(record.id, change.field as (typeof CASE_FACT_FIELDS)[number], change.newValue, nowIso())
        recordOps(record.id, changes)
      })
    },

    addDenial: ({ caseId, denial }: DenialAdd): CaseDetail =>
      writeCase(caseId, () => {
        const denialId = deps.facts.addDenial(caseId, denial, nowIso())
        recordOps(caseId, [{ kind: 'denial_add', entityId: denialId, newValue: denial as unknown as Record<string, unknown> }])
      }),

    updateDenial: ({ caseId, expectedVersion, denialId, denial }: DenialUpdate): CaseDetail =>
      writeCase(caseId, (record) => {
        const current = record.denials.find((d) => d.id === denialId)
        if (!current) throw notFound('denial')
        const later = staleOperations(record, expectedVersion)
        const changes: OperationInput[] = []
        const conflicts: Record<string, string> = {}
        for (const name of DENIAL_FACT_FIELDS) {
          const field = `denial.${name}`
          const theirs = current[name]
          const mine = denial[name]
          const verdict = mergeField(baseValue(later, field, String(denialId), theirs), theirs, mine)
          if (verdict === 'conflict') conflicts[`denial.${name}`] = 'error.conflictField'
          if (verdict === 'write') changes.push({ kind: 'denial_edit', field, entityId: denialId, oldValue: theirs, newValue: mine })
        }
        if (Object.keys(conflicts).length) throw new AppError('conflict', 'error.conflict', conflicts)
        for (const change of changes) deps.facts.setDenialFact(caseId, denialId, change.field!.slice('denial.'.length) as (typeof DENIAL_FACT_FIELDS)[number], change.newValue)
        recordOps(caseId, changes)
      }),

    removeDenial: ({ caseId, expectedVersion, denialId }: DenialRemove): CaseDetail =>
      writeCase(caseId, (record) => {
        const current = record.denials.find((d) => d.id === denialId)
        if (!current) throw notFound('denial')
        // Removing a notice someone corrected since you looked would discard their correction unseen.
        const touched = staleOperations(record, expectedVersion).filter((op) => op.entityId === String(denialId))
        if (touched.length) throw new AppError('conflict', 'error.conflict', { denial: 'error.conflictField' })
        deps.facts.removeDenial(caseId, denialId)
        const { id: _id, ...removed } = current
        recordOps(caseId, [{ kind: 'denial_remove', entityId: denialId, oldValue: removed as unknown as Record<string, unknown> }])
      }),

    /** The case's operations, newest first, or those saved after a version (oldest first). */
    operations(caseId: number, sinceVersion?: number): CaseOperation[] {
      if (!cases.getCore(caseId)) throw notFound('case')
      return sinceVersion === undefined ? cases.log.list(caseId) : cases.log.since(caseId, sinceVersion)
    },
  }
}
export type CaseService = ReturnType<typeof createCaseService>
