import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { loadMigrations, migrate } from './db/migrate'
import { createDocumentModule } from './documents/documentModule'
import { openDatabase, type Db } from './db/openDatabase'
import { createInsightsModule } from './insights/insightsModule'
import { createAdvocateRepository } from './cases/advocateRepository'
import { createAgendaRepository } from './deadlines/agendaRepository'
import { createBoardRepository } from './cases/boardRepository'
import { createCaseRepository } from './cases/caseRepository'
import { createCaseFactsRepository } from './cases/caseFactsRepository'
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
  const representations = createRepresentationRepository(db)
  const deadlines = createDeadlineService({
    load: createCaseRecordLoader({ cases, priorAuths, representations }),
    store: createDeadlineRepository(db),
    bulk: { openCores: (caseIds) => cases.listOpenCores(caseIds), priorAuthsByCase: () => priorAuths.byCase(), representationsByCase: () => representations.byCase() },
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
    currentAdvocateId: () => caseload.currentAdvocateId(),
  })
  const documents = createDocumentModule({
    db,
    dataDir: options.dataDir,
    now,
    key: options.key,
    getCase: (caseId) => caseService.get(caseId),
    currentAdvocateId: () => caseload.currentAdvocateId(),
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
  const insights = createInsightsModule({ db, now })
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
  const screening = createScreeningModule({ db, now, dataDir: options.dataDir, seedDemo: (options.seedDemoOnFirstRun ?? true) && cases.counts().demoCaseCount > 0 })

  return {
    db,
    now,
    dataDir: options.dataDir,
    board,
    agenda: createAgendaRepository(db),
    advocates,
    cases: caseService,
    caseload,
    deadlines,
    documents,
    screening,
    insights,
    transfer,
    sync: createSyncModule({ db, cases, facts, deadlines, now }),
    close: () => db.close(),
  }
}
export type Core = ReturnType<typeof createCore>
