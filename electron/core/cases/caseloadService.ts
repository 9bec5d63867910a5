import type { CaseloadInfo } from '../../../shared/domain/cases'
import { addCalendarDays, localDayOf } from '../../../shared/domain/days'
import { createBackup } from '../backup/backupService'
import { schemaVersion } from '../db/migrate'
import type { Db } from '../db/openDatabase'
import { generateCaseload } from '../demo/demoCaseload'
import { removeCaseAttachmentFolders } from '../documents/attachmentStore'
import { ADVOCATE_NAMES } from '../demo/demoFacts'
import { seedDemoOutcomes } from '../insights/demoOutcomes'
import type { AdvocateRepository } from './advocateRepository'
import type { CaseRepository } from './caseRepository'
import type { ContactRepository } from './contactRepository'
import type { PriorAuthRepository } from '../deadlines/priorAuthRepository'
import type { RepresentationRepository } from './representationRepository'
import type { SettingsRepository } from '../settings/settingsRepository'
import type { DeadlineService } from '../deadlines/deadlineService'

interface Deps {
  db: Db
  dataDir: string
  now: () => Date
  cases: CaseRepository
  contacts: ContactRepository
  representations: RepresentationRepository
  priorAuths: PriorAuthRepository
  advocates: AdvocateRepository
  settings: SettingsRepository
  deadlines: DeadlineService
  /** The caseload's data key, so safety backups stay encrypted like the database. */
  key?: Buffer
}

/** Whole-caseload actions: the demo caseload, starting empty, counts. */
export function createCaseloadService(deps: Deps) {
  const { db, cases, advocates, settings } = deps

  function currentAdvocateId(): number | null {
    const value = settings.get('current_advocate_id')
    return value ? Number(value) : (advocates.list()[0]?.id ?? null)
  }

  function info(): CaseloadInfo {
    return { ...cases.counts(), currentAdvocateId: currentAdvocateId(), dataDir: deps.dataDir, schemaVersion: schemaVersion(db) }
  }

  /**
   * A checked backup (database and attachments, same encryption) before a destructive action, listed
   * with the others so it can be restored from the Security page.
   */
  function snapshot(reason: 'before-empty-caseload'): string {
    return createBackup(db, { dataDir: deps.dataDir, key: deps.key, reason, now: deps.now() }).fileName
  }

  /** Deletes cases in one transaction, then (only once it committed) their attachment folders. */
  function deleteCases(filter: 'demo' | 'all'): void {
    const ids = db.transaction(() => {
      const doomed = cases.idsWhere(filter)
      cases.deleteWhere(filter)
      // Applicants go with them: demo ones with the demo, every one with an emptied caseload
      // (their applications and histories follow by ON DELETE CASCADE).
      db.prepare(`DELETE FROM applicants ${filter === 'demo' ? 'WHERE is_demo = 1' : ''}`).run()
      return doomed
    })()
    removeCaseAttachmentFolders(deps.dataDir, ids)
  }

  function ensureAdvocates(): number[] {
    const existing = advocates.list()
    if (existing.length > 0) return existing.map((a) => a.id)
    const now = deps.now().toISOString()
    return ADVOCATE_NAMES.map((name) => advocates.create(name, 'advocate', now))
  }

  function loadDemo(): CaseloadInfo {
    const today = localDayOf(deps.now())
    db.transaction(() => {
      const advocateIds = ensureAdvocates()
      if (!settings.get('current_advocate_id')) settings.set('current_advocate_id', String(advocateIds[0]))
      for (const demo of generateCaseload({ today, advocateIds })) {
        const firstStage = demo.path[0]?.stage ?? demo.input.stage
        const openedAt = `${demo.input.openedOn}T15:00:00.000Z`
        const id = cases.insert({ ...demo.input, stage: firstStage }, { isDemo: true, now: openedAt, movedBy: demo.input.advocateId })
        let from = firstStage
        for (const step of [...demo.path.slice(1), { stage: demo.input.stage, daysAgo: demo.enteredDaysAgo }]) {
          if (step.stage === from) continue
          const at = `${addCalendarDays(today, -step.daysAgo)}T16:00:00.000Z`
          cases.move(id, from, step.stage, { now: at, today, movedBy: demo.input.advocateId, overrideReason: '', note: '' })
          from = step.stage
        }
        for (const contact of demo.contacts) deps.contacts.add({ ...contact, caseId: id }, demo.input.advocateId, openedAt)
        if (demo.filedDaysAgo !== null) {
          const appealFiledOn = addCalendarDays(today, -demo.filedDaysAgo)
          cases.setAppeal(id, { appealFiledOn, appealFiledAt: null, internalLevels: null, payerExtended: false, previousAppealFiledOn: null }, openedAt)
        }
        if (demo.priorAuthRequestedDaysAgo !== null) {
          const requestedOn = addCalendarDays(today, -demo.priorAuthRequestedDaysAgo)
          const pa = { requestedOn, requestedAt: null, expedited: demo.input.urgency === 'expedited', outcome: 'pending' as const, decidedOn: null, approvedThrough: null, referenceNumber: `PA-REQ-${id}` }
          deps.priorAuths.save(id, pa, openedAt)
        }
        if (demo.representationSignedDaysAgo !== null) {
          const signedOn = addCalendarDays(today, -demo.representationSignedDaysAgo)
          deps.representations.save(id, { kind: 'hipaa_authorization', representative: 'Demo advocate', signedOn, expiresOn: null }, openedAt)
        }
        deps.deadlines.refresh(id, today)
      }
      settings.set('demo_loaded', 'yes')
      seedDemoOutcomes(db, deps.now().toISOString())
    })()
    return info()
  }

  return {
    info,
    loadDemo,
    snapshot,
    /** First run of a new data folder: open on the demo caseload so the board is never blank. */
    initializeIfNew(): void {
      if (settings.get('initialized')) return
      if (cases.counts().caseCount === 0) loadDemo()
      settings.set('initialized', deps.now().toISOString())
    },
    removeDemo(): CaseloadInfo {
      deleteCases('demo')
      return info()
    },
    resetEmpty(): CaseloadInfo {
      snapshot('before-empty-caseload')
      deleteCases('all')
      return info()
    },
    /** Links the unlocked account to its advocate row (created on first unlock), for "who" in history. */
    bindUser(userId: string, displayName: string): void {
      db.transaction(() => {
        const key = `user_advocate:${userId}` as const
        let advocateId = Number(settings.get(key) ?? 0)
        if (!advocateId || !advocates.get(advocateId)) {
          advocateId = advocates.create(displayName, 'advocate', deps.now().toISOString())
          settings.set(key, String(advocateId))
        }
        settings.set('current_advocate_id', String(advocateId))
      })()
    },
    currentAdvocateId,
  }
}
export type CaseloadService = ReturnType<typeof createCaseloadService>
