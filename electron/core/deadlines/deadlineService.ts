import { addCalendarDays } from '../../../shared/domain/days'
import type { CaseFacts, DeadlineReport, MoveCheck } from '../../../shared/domain/deadlines'
import type { PriorAuthEntry, Representation } from '../../../shared/domain/cases'
import { isFilingStage, type Stage } from '../../../shared/domain/enums'
import { medicareRoute, wrongRouteWarning } from '../../../shared/rules/medicareRouting'
import { representationExpiry, representationStatus } from '../../../shared/rules/representation'
import { checkMove, computeDeadlines, levelForStage } from './deadlineEngine'
import type { CaseCore } from '../cases/caseRepository'
import type { DeadlineRepository } from './deadlineRepository'

/** A stored case as the deadline rules see it. */
export type CaseRecord = CaseCore & {
  priorAuths: PriorAuthEntry[]
  representation: Representation | null
  /** Sent written requests with an answer deadline (ERISA §104(b)(4) plan documents). */
  documentRequests?: CaseFacts['documentRequests']
}

/**
 * Items and services vs drugs matters for MA Part B drug clocks and CMS-0057-F (domain-rules.md §2).
 * Home parenteral nutrition is a Part B prosthetic-device item (SSA §1861(s)(8); NCD 180.2; LCD L38953),
 * not a drug: MA decides it on the items-and-services clocks.
 */
const NON_DRUG_THERAPIES = new Set(['nursing', 'pump_supplies', 'tpn'])

/**
 * The machine's own zone, so a 72-hour clock lands on the day the advocate sees on the wall calendar.
 * Remembered while TZ is unchanged: building an Intl.DateTimeFormat costs ~0.3 ms, which was most of
 * a deadline recompute (scripts/bench: 10,000 open cases).
 */
let zoneCache: { tz: string | undefined; zone: string } | null = null
export const systemTimeZone = () => {
  const tz = process.env.TZ
  if (zoneCache?.tz !== tz || zoneCache === null) zoneCache = { tz, zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' }
  return zoneCache.zone
}

/** The engine's view of a case: the same mapping for stored cases and case files (CLI). */
export function caseFactsOf(record: CaseRecord, timeZone = systemTimeZone()): CaseFacts {
  const denial = record.denials[0] ?? null
  const pendingPriorAuth = record.priorAuths.find((pa) => pa.outcome === 'pending' || pa.outcome === 'more_info') ?? null
  return {
    planFamily: record.coverage.planFamily,
    state: record.coverage.state || null,
    urgency: record.urgency,
    serviceType: record.serviceType,
    stage: record.stage,
    levelId: levelForStage(record.coverage.planFamily, record.stage)?.id ?? null,
    internalLevels: record.internalLevels ?? undefined,
    therapyCategory: record.therapy.category,
    isDrug: !NON_DRUG_THERAPIES.has(record.therapy.category),
    denial: denial
      ? { noticeDate: denial.noticeDate, receivedDate: denial.receivedDate, statedDeadline: denial.statedDeadline, reasons: denial.reasons }
      : null,
    appealFiledOn: record.appealFiledOn,
    appealFiledAt: record.appealFiledAt,
    previousAppealFiledOn: record.previousAppealFiledOn,
    payerExtended: record.payerExtended,
    amountInControversy: denial?.amount ?? null,
    priorAuth: pendingPriorAuth
      ? { requestedOn: pendingPriorAuth.requestedOn, requestedAt: pendingPriorAuth.requestedAt, expedited: pendingPriorAuth.expedited }
      : null,
    timeZone,
    actionEffectiveDate: record.serviceType === 'concurrent' ? endOfCurrentAuthorization(record.priorAuths) : null,
    documentRequests: record.documentRequests ?? [],
  }
}

/**
 * An ongoing therapy is cut on the day after its current authorization ends: the latest approved
 * authorization's `approvedThrough` + 1 day. Null when no end date is recorded.
 */
function endOfCurrentAuthorization(priorAuths: PriorAuthEntry[]): string | null {
  const ends = priorAuths.filter((pa) => (pa.outcome === 'approved' || pa.outcome === 'partly_approved') && pa.approvedThrough).map((pa) => pa.approvedThrough as string)
  const last = ends.sort().at(-1)
  return last ? addCalendarDays(last, 1) : null
}

/** Medicare: warn when the request or denial went down a different benefit route than the therapy's (domain-rules §5). */
export function routeWarning(record: Pick<CaseRecord, 'coverage' | 'therapy'>): string | null {
  if (!record.coverage.planFamily.startsWith('medicare_')) return null
  const route = medicareRoute({ therapy: record.therapy.category, icd10Codes: record.therapy.icd10Codes, hcpcsCode: record.therapy.hcpcsCode, drug: record.therapy.drug })
  return wrongRouteWarning(record.coverage.planFamily, route)
}

/** A sentence about the representation on file, when an appeal needs it and it is missing or lapsing. */
export function representationWarning(record: CaseRecord, today: string): string | null {
  const status = representationStatus(record.representation, today)
  if (status === 'valid') return null
  if (status === 'missing') return 'No appointment of representative or HIPAA authorization is on file: the payer may refuse to deal with you.'
  const expiry = record.representation ? representationExpiry(record.representation) : null
  return status === 'expired'
    ? `The representation on file expired on ${expiry}: get a new signature before acting for the patient.`
    : `The representation on file expires on ${expiry}: plan a new signature.`
}

/**
 * A case's deadline report, the one assembly the app and the command line share: the engine's
 * deadlines and warnings, plus the representation warning while the case is open (a closed case
 * needs no one to act for the patient).
 */
export function caseDeadlineReport(record: CaseRecord, today: string, timeZone = systemTimeZone()): DeadlineReport {
  const report = computeDeadlines(caseFactsOf(record, timeZone), today)
  if (record.stage === 'closed') return report
  const warnings = [routeWarning(record), representationWarning(record, today)].filter((w): w is string => w !== null)
  return warnings.length ? { ...report, warnings: [...report.warnings, ...warnings] } : report
}

/** Bump when the rules or the engine change what they compute: stored deadlines are then recomputed at open. */
export const DEADLINE_RULES_VERSION = '2026-11-29.14'

export interface BulkLoaders {
  openCores: (caseIds?: number[]) => CaseCore[]
  priorAuthsByCase: () => Map<number, PriorAuthEntry[]>
  representationsByCase: () => Map<number, Representation>
  /** Sent plan-document requests by case (packet exports of kind plan_document_request with a sent date). */
  documentRequestsByCase?: () => Map<number, NonNullable<CaseFacts['documentRequests']>>
}

export function createDeadlineService(deps: {
  load: (caseId: number) => CaseRecord | null
  store: DeadlineRepository
  bulk: BulkLoaders
  /** Runs a function in one transaction (a savepoint when one is already open). */
  inTransaction: <T>(work: () => T) => T
}) {
  const withRequests = (record: CaseRecord): CaseRecord =>
    record.documentRequests ? record : { ...record, documentRequests: deps.bulk.documentRequestsByCase?.().get(record.id) ?? [] }
  const reportFor = (record: CaseRecord, today: string): DeadlineReport => caseDeadlineReport(withRequests(record), today)

  return {
    reportFor,
    /** The ladder's verdict on a move, plus a caution when the move files an appeal without representation. */
    checkMove(record: CaseRecord, toStage: Stage, today: string): MoveCheck {
      const check = checkMove(caseFactsOf(record), toStage)
      const warning = isFilingStage(toStage) ? representationWarning(record, today) : null
      if (!warning || !check.allowed) return check
      return { allowed: true, reasonKey: check.reasonKey ?? 'move.caution.representation', reasonEn: [check.reasonEn, warning].filter(Boolean).join(' ') }
    },
    /**
     * Recomputes open cases' deadlines from four queries and stores them, in one transaction (one
     * fsync, not one per case). Every open case by default, closed ones then keeping none; or only
     * `caseIds`. Returns how many cases were computed.
     */
    refreshAll(today: string, caseIds?: number[]): number {
      return deps.inTransaction(() => {
        const priorAuths = deps.bulk.priorAuthsByCase()
        const representations = deps.bulk.representationsByCase()
        const requests = deps.bulk.documentRequestsByCase?.() ?? new Map()
        const timeZone = systemTimeZone()
        if (!caseIds) deps.store.clearAll()
        const cores = deps.bulk.openCores(caseIds)
        for (const core of cores) {
          const record: CaseRecord = { ...core, priorAuths: priorAuths.get(core.id) ?? [], representation: representations.get(core.id) ?? null, documentRequests: requests.get(core.id) ?? [] }
          deps.store.replace(core.id, computeDeadlines(caseFactsOf(record, timeZone), today).deadlines)
        }
        return cores.length
      })
    },
    /** Recomputes and stores one case's deadlines (closed cases keep none). Call inside a transaction. */
    refresh(caseId: number, today: string): void {
      const record = deps.load(caseId)
      if (!record) return
      deps.store.replace(caseId, record.stage === 'closed' ? [] : computeDeadlines(caseFactsOf(withRequests(record)), today).deadlines)
    },
  }
}
export type DeadlineService = ReturnType<typeof createDeadlineService>
