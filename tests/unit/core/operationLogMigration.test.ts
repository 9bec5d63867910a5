import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadMigrations, migrate } from '../../../electron/core/db/migrate'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { createCore } from '../../../electron/core/createCore'
import { makeTempDir } from './testCore'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

describe('the case record migration (the case operation log)', () => {
  it('gives cases written before it a uid, version 1 and their moves and contacts as operations', () => {
    const temp = makeTempDir()
    cleanups.push(temp.cleanup)
    // A caseload as the version before this migration wrote it.
    const db = openDatabase(join(temp.dir, 'overturn.db'))
    const all = loadMigrations()
    const before = all.slice(0, all.findIndex((m) => m.name.includes('case_record')))
    migrate(db, before)
    const now = '2026-11-01T10:00:00.000Z'
    db.prepare("INSERT INTO advocates (id, display_name, created_at) VALUES (1, 'Dana Reyes', ?)").run(now)
    db.prepare("INSERT INTO patients (id, first_name, last_name, created_at, updated_at) VALUES (1, 'Ana', 'Old', ?, ?)").run(now, now)
    db.prepare("INSERT INTO coverages (id, patient_id, payer, plan_family, state, created_at) VALUES (1, 1, 'Plan', 'other', 'IL', ?)").run(now)
    db.prepare("INSERT INTO therapies (id, patient_id, category, drug, created_at) VALUES (1, 1, 'tpn', 'TPN', ?)").run(now)
    db.prepare("INSERT INTO cases (id, patient_id, coverage_id, therapy_id, stage, opened_on, stage_entered_at, created_at, updated_at) VALUES (1, 1, 1, 1, 'denied', '2026-11-01', ?, ?, ?)").run(now, now, now)
    db.prepare("INSERT INTO case_history (case_id, from_stage, to_stage, moved_at, advocate_id) VALUES (1, NULL, 'intake', ?, 1), (1, 'intake', 'denied', '2026-11-02T10:00:00.000Z', 1)").run(now)
    db.prepare("INSERT INTO contacts (case_id, kind, occurred_on, with_whom, advocate_id, created_at) VALUES (1, 'call', '2026-11-03', 'Appeals unit', 1, '2026-11-03T10:00:00.000Z')").run()
    db.close()

    const core = createCore({ dataDir: temp.dir, seedDemoOnFirstRun: false })
    cleanups.unshift(() => core.close())
    const detail = core.cases.get(1)
    expect(detail.version).toBe(1)
    expect(core.db.prepare('SELECT uid FROM cases WHERE id = 1').pluck().get()).toMatch(/^[0-9a-f-]{36}$/)
    const ops = core.cases.operations(1)
    expect(ops.map((o) => [o.kind, o.oldValue, o.newValue, o.actorName])).toEqual([
      ['contact', null, { kind: 'call', withWhom: 'Appeals unit', occurredOn: '2026-11-03' }, 'Dana Reyes'],
      ['move', 'intake', 'denied', 'Dana Reyes'],
      ['create', null, 'intake', 'Dana Reyes'],
    ])
    // The seeded payer directory came with it.
    expect(core.payers.list().some((p) => p.seedKey === 'medicare_omha' && !p.verified)).toBe(true)
    // A first edit after the upgrade is version 2.
    const { id: _p, ...patient } = detail.patient
    const { id: _c, ...coverage } = detail.coverage
    const { id: _t, ...therapy } = detail.therapy
    const saved = core.cases.update({ caseId: 1, expectedVersion: 1, patient: { ...patient, lastName: 'Older' }, coverage: coverage as never, therapy, urgency: detail.urgency, serviceType: detail.serviceType, advocateId: null, openedOn: detail.openedOn, summary: '', payerDestinationId: null })
    expect(saved.version).toBe(2)
  })
})
