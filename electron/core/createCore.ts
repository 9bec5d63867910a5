import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadMigrations, migrate } from './db/migrate'
import { createDocumentModule } from './documents/documentModule'
import { sentPlanDocumentRequests } from './documents/packetExportRepository'
import { openDatabase, type Db } from './db/openDatabase'
import { createInsightsModule } from './insights/insightsModule'
import { createAdvocateRepository } from './cases/advocateRepository'
import { createAgendaRepository } from './deadlines/agendaRepository'
import { createBoardRepository } from './cases/boardRepository'
import { createCaseRepository } from './cases/caseRepository'
import { createCaseFactsRepository } from './cases/caseFactsRepository'
import type { RecordOperation } from './cases/operationLog'
import { createPayerDirectoryRepository } from './payers/payerDirectoryRepository'
import { createContactRepository } from './cases/contactRepository'
import { createDeadlineRepository } from './deadlines/deadlineRepository'
import { createPriorAuthRepository } from './deadlines/priorAuthRepository'
import { createRepresentationRepository } from './cases/representationRepository'
import { createSettingsRepository } from './settings/settingsRepository'
import { createScreeningModule } from './screening/screeningModule'
import { createTransferModule } from './transfer/transferModule'
import { createCaseRecordLoader, createCaseService } from './cases/caseService'
import { createCaseloadService } from './cases/caseloadService'
import { createDeadlineService, DEADLINE_RULES_VERSION } from './deadlines/deadlineService'
import { localDayOf } from '../../shared/domain/days'
import { filesStillArriving } from './sync/fileTransfer'
import { createSyncModule } from './sync/syncModule'

export interface CoreOptions {
  /** Folder holding the caseload database and its backups. */
  dataDir: string
  /** The clock; tests pass a fixed one. */
  now?: () => Date
  /** Open on the demo caseload when the folder is new (default true). */
  seedDemoOnFirstRun?: boolean
  migrationsDir?: string
  /** The caseload's data key; without one the database is plain SQLite (tests, the CLI, benchmarks). */
  key?: Buffer
  /** Earlier data keys: attachments still under one of them move to the current key at open (issue 13). */
  olderKeys?: Buffer[]
  /** Called before pending migrations run (the app backs the database up first). */
  beforeMigrating?: (db: Db) => void
}

export const DATABASE_FILE = 'overturn.db'

/**
 * The composition root: opens the database, migrates it, and wires repositories into services.
 * The same core runs behind Electron IPC, the browser bridge, the command line and the tests.
 */
export function createCore(options: CoreOptions) {
  const now = options.now ?? (() => new Date())
  mkdirSync(options.dataDir, { recursive: true })
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), options.key)
  try {
    migrate(db, loadMigrations(options.migrationsDir), () => options.beforeMigrating?.(db))
  } catch (error) {
    db.close()
    throw error
  }

  const cases = createCaseRepository(db)
  const contacts = createContactRepository(db)
  const advocates = createAdvocateRepository(db)
  const settings = createSettingsRepository(db)
  const board = createBoardRepository(db)
  const priorAuths = createPriorAuthRepository(db)
  const payers = createPayerDirectoryRepository(db)
  // The directory's Medicare contractors, added once; rows the organization edited or removed stay so.
  db.transaction(() => payers.seed(now().toISOString()))()
  const representations = createRepresentationRepository(db)
  const deadlines = createDeadlineService({
    load: createCaseRecordLoader({ cases, priorAuths, representations }),
    store: createDeadlineRepository(db),
    bulk: {
      openCores: (caseIds) => cases.listOpenCores(caseIds),
      priorAuthsByCase: () => priorAuths.byCase(),
      representationsByCase: () => representations.byCase(),
      documentRequestsByCase: () => sentPlanDocumentRequests(db),
    },
    inTransaction: (work) => db.transaction(work)(),
  })
  const caseload = createCaseloadService({ db, dataDir: options.dataDir, now, cases, contacts, representations, priorAuths, advocates, settings, deadlines, key: options.key })
  const facts = createCaseFactsRepository(db)
  const caseService = createCaseService({
    db,
    now,
    cases,
    contacts,
    advocates,
    priorAuths,
    representations,
    deadlines,
    facts,
    payers,
    currentAdvocateId: () => caseload.currentAdvocateId(),
  })
  // Other features record their changes to a case in the same log, as the signed-in advocate.
  const recordOperation: RecordOperation = (caseId, operations) =>
    cases.log.record(caseId, operations, { actorId: caseload.currentAdvocateId(), at: now().toISOString() })
  const documents = createDocumentModule({
    recordOperation,
    db,
    dataDir: options.dataDir,
    now,
    key: options.key,
    olderKeys: options.olderKeys,
    getCase: (caseId) => caseService.get(caseId),
    currentAdvocateId: () => caseload.currentAdvocateId(),
    exhibitsStillArriving: (caseId) => filesStillArriving(db, caseId),
    // A packet marked sent is the appeal's filing: the same write as the filing panel's.
    fileAppeal: (caseId, filedOn) => {
      const current = caseService.get(caseId)
      caseService.updateAppeal({
        caseId,
        appealFiledOn: filedOn,
        appealFiledAt: null,
        internalLevels: current.internalLevels,
        payerExtended: current.payerExtended,
        previousAppealFiledOn: current.previousAppealFiledOn,
      })
    },
  })
  const insights = createInsightsModule({ db, now, recordOperation })
  const transfer = createTransferModule({
    db,
    dataDir: options.dataDir,
    now,
    key: options.key,
    cases,
    contacts,
    priorAuths,
    representations,
    deadlines,
    getCase: (caseId) => caseService.get(caseId),
    payers,
    currentAdvocateId: () => caseload.currentAdvocateId(),
  })
  if (options.seedDemoOnFirstRun ?? true) caseload.initializeIfNew()
  // Stored dates are only as new as the rules that computed them: recompute after a rules update.
  if (settings.get('deadline_rules_version') !== DEADLINE_RULES_VERSION) {
    db.transaction(() => {
      deadlines.refreshAll(localDayOf(now()))
      settings.set('deadline_rules_version', DEADLINE_RULES_VERSION)
    })()
  }
  // After the demo caseload, so demo applicants can be linked to demo patients; only a demo caseload gets them.
  const screening = createScreeningModule({
    db,
    now,
    recordOperation,
    dataDir: options.dataDir,
    seedDemo: (options.seedDemoOnFirstRun ?? true) && cases.counts().demoCaseCount > 0,
    // Screening documents carry the organization's letterhead and the signed-in screener's signature.
    organization: () => documents.organization(),
    currentAdvocate: () => {
      const id = caseload.currentAdvocateId()
      const advocate = id === null ? null : advocates.get(id)
      return advocate ? { id: advocate.id, name: advocate.displayName } : null
    },
  })

  return {
    db,
    now,
    dataDir: options.dataDir,
    board,
    agenda: createAgendaRepository(db),
    advocates,
    payers,
    cases: caseService,
    caseload,
    deadlines,
    documents,
    screening,
    insights,
    transfer,
    sync: createSyncModule({ db, cases, facts, deadlines, now, dataDir: options.dataDir, key: options.key, olderKeys: options.olderKeys }),
    close: () => db.close(),
  }
}
export type Core = ReturnType<typeof createCore>
