import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import type { CaseDetail } from '../../../shared/domain/cases'
import type { CaseOperation } from '../../../shared/domain/operations'
import type { CaseUpdate } from '../../../shared/schemas/caseSchemas'
import { makeCore, sampleCase } from './testCore'

let disposers: (() => void)[] = []
afterEach(() => {
  disposers.forEach((d) => d())
  disposers = []
})
function setup() {
  const made = makeCore()
  disposers.push(made.dispose)
  const advocate = made.core.advocates.create('Dana Reyes', 'advocate', '2026-11-01T00:00:00.000Z')
  made.core.db.prepare("INSERT INTO app_settings (key, value) VALUES ('current_advocate_id', ?)").run(String(advocate))
  return { ...made, advocate }
}

/** The form a case page would send: every fact as stored, at the version it was opened at. */
function formOf(detail: CaseDetail): CaseUpdate {
  const { id: _p, ...patient } = detail.patient
  const { id: _c, ...coverage } = detail.coverage
  const { id: _t, ...therapy } = detail.therapy
  return {
    caseId: detail.id,
    expectedVersion: detail.version,
    patient,
    coverage: coverage as CaseUpdate['coverage'],
    therapy,
    urgency: detail.urgency,
    serviceType: detail.serviceType,
    advocateId: detail.advocate?.id ?? null,
    openedOn: detail.openedOn,
    summary: detail.summary,
    payerDestinationId: detail.payerDestinationId,
  }
}

describe('the case operation log', () => {
  it('records the creation with every fact, at version 1, by the current advocate', () => {
    const { core } = setup()
    const detail = core.cases.create(sampleCase())
    expect(detail.version).toBe(1)
    const ops = core.cases.operations(detail.id)
    expect(ops.map((o) => o.kind).sort()).toEqual(['create', 'denial_add'])
    const create = ops.find((o) => o.kind === 'create')!
    expect(create).toMatchObject({ caseVersion: 1, actorName: 'Dana Reyes', at: '2026-11-25T15:00:00.000Z' })
    expect(create.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(create.newValue).toMatchObject({ coverage: { memberId: 'LBX123' } })
  })

  it('an edit records field, old and new value, bumps the version and recomputes deadlines in the same save', () => {
    const { core } = setup()
    const created = core.cases.create(sampleCase())
    const before = created.deadlineReport.deadlines.map((d) => d.dueDate)
    const form = formOf(created)
    form.coverage.memberId = 'LBX124'
    form.coverage.planFamily = 'medicare_part_b'
    const saved = core.cases.update(form)
    expect(saved.version).toBe(2)
    expect(saved.coverage.memberId).toBe('LBX124')
    const edits = core.cases.operations(created.id).filter((o) => o.kind === 'edit')
    expect(edits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'coverage.memberId', oldValue: 'LBX123', newValue: 'LBX124', caseVersion: 2, actorName: 'Dana Reyes' }),
        expect.objectContaining({ field: 'coverage.planFamily', oldValue: 'employer_fully_insured', newValue: 'medicare_part_b' }),
      ]),
    )
    expect(edits).toHaveLength(2)
    // The stored deadlines (the board's) follow the new plan family at once.
    const stored = core.db.prepare('SELECT rule_id FROM case_deadlines WHERE case_id = ?').pluck().all(created.id)
    expect(stored.join()).toEqual(saved.deadlineReport.deadlines.map((d) => d.ruleId).join())
    expect(saved.deadlineReport.deadlines.map((d) => d.dueDate)).not.toEqual(before)
  })

  it('saving an unchanged form writes nothing and keeps the version', () => {
    const { core } = setup()
    const created = core.cases.create(sampleCase())
    expect(core.cases.update(formOf(created)).version).toBe(1)
    expect(core.cases.operations(created.id).filter((o) => o.kind === 'edit')).toHaveLength(0)
  })

  it('operations cannot be rewritten', () => {
    const { core } = setup()
    const id = core.cases.create(sampleCase()).id
    expect(() => core.db.prepare("UPDATE case_operations SET new_value = '\"x\"' WHERE case_id = ?").run(id)).toThrow(/append-only/)
  })

  it('a refused save leaves no operation and no version bump', () => {
    const { core } = setup()
    const created = core.cases.create(sampleCase())
    const form = formOf(created)
    form.advocateId = 999
    form.summary = 'changed'
    expect(() => core.cases.update(form)).toThrow()
    expect(core.cases.get(created.id)).toMatchObject({ version: 1, summary: '' })
    expect(core.cases.operations(created.id)).toHaveLength(2)
  })

  it('moves, filing facts, contacts and denial notices are all operations, newest first', () => {
    const { core } = setup()
    const id = core.cases.create(sampleCase()).id
    core.cases.addContact({ caseId: id, kind: 'call', occurredOn: '2026-11-21', withWhom: 'Member services', referenceNumber: '', requested: '', submitted: '', submittedOn: null, followUpOn: null })
    core.cases.move({ caseId: id, toStage: 'internal_appeal', filedOn: '2026-11-24' })
    const kinds = core.cases.operations(id).map((o) => `${o.kind}:${o.field}`)
    expect(kinds.slice(0, 3)).toEqual(['appeal:appealFiledOn', 'move:stage', 'contact:'])
  })
})

describe('optimistic concurrency', () => {
  it('merges a stale save that touches other fields, and refuses one that overwrites a newer value', async () => {
    const { core } = setup()
    const opened = core.cases.create(sampleCase())
    // Window A and window B open the same case at version 1.
    const a = formOf(opened)
    const b = formOf(opened)
    a.coverage.memberId = 'A-111'
    expect(core.cases.update(a).version).toBe(2)

    // B changed a different field: merged, A's change kept.
    b.summary = 'Needs IVIG every 4 weeks'
    const merged = core.cases.update(b)
    expect(merged).toMatchObject({ version: 3, summary: 'Needs IVIG every 4 weeks', coverage: { memberId: 'A-111' } })

    // C, also from version 1, changes the member ID A changed: conflict through the dispatcher, nothing written.
    const c = formOf(opened)
    c.coverage.memberId = 'C-333'
    c.patient.phone = '555-0100'
    const dispatch = createDispatcher(core)
    const result = await dispatch('cases:update', c)
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'error.conflict', fields: { 'coverage.memberId': 'error.conflictField' } } })
    expect(core.cases.get(opened.id)).toMatchObject({ version: 3, coverage: { memberId: 'A-111' }, patient: { phone: '' } })
    // What changed since C's version, for the message beside the field: who, when, their value.
    const since = await dispatch('operations:list', { caseId: opened.id, sinceVersion: 1 })
    expect(since.ok && (since.data as CaseOperation[]).find((o) => o.field === 'coverage.memberId')).toMatchObject({ newValue: 'A-111', actorName: 'Dana Reyes' })
  })

  it('refuses a version from the future', () => {
    const { core } = setup()
    const created = core.cases.create(sampleCase())
    expect(() => core.cases.update({ ...formOf(created), expectedVersion: 9 })).toThrow()
  })
})

describe('denial notices after intake', () => {
  it('adds, corrects and removes notices, each recorded, deadlines following', () => {
    const { core } = setup()
    const created = core.cases.create(sampleCase())
    const first = created.denials[0]
    const added = core.cases.addDenial({ caseId: created.id, expectedVersion: created.version, denial: { noticeDate: '2026-11-23', receivedDate: null, reasons: ['site_of_care'], priorAuthNumber: '', claimNumber: 'CL-9', amount: null, statedDeadline: null } })
    expect(added.denials).toHaveLength(2)
    const edited = core.cases.updateDenial({
      caseId: created.id,
      expectedVersion: added.version,
      denialId: first.id,
      denial: { ...first, claimNumber: 'CL-1', amount: 100 },
    })
    expect(edited.denials.find((d) => d.id === first.id)).toMatchObject({ claimNumber: 'CL-1', amount: 100 })
    const removed = core.cases.removeDenial({ caseId: created.id, expectedVersion: edited.version, denialId: first.id })
    expect(removed.denials.map((d) => d.noticeDate)).toEqual(['2026-11-23'])
    const ops = core.cases.operations(created.id)
    expect(ops.filter((o) => o.kind === 'denial_edit').map((o) => [o.field, o.oldValue, o.newValue])).toEqual(
      expect.arrayContaining([
        ['denial.claimNumber', '', 'CL-1'],
        ['denial.amount', 12500.5, 100],
      ]),
    )
    expect(ops.find((o) => o.kind === 'denial_remove')?.oldValue).toMatchObject({ noticeDate: '2026-11-18', claimNumber: 'CL-1' })
  })

  it('refuses to remove a notice someone corrected since the page was opened', () => {
    const { core } = setup()
    const created = core.cases.create(sampleCase())
    const first = created.denials[0]
    core.cases.updateDenial({ caseId: created.id, expectedVersion: 1, denialId: first.id, denial: { ...first, claimNumber: 'X' } })
    expect(() => core.cases.removeDenial({ caseId: created.id, expectedVersion: 1, denialId: first.id })).toThrow(/conflict/)
  })
})

describe('nothing silently lost', () => {
  it('a denial recorded at intake places the case in "Denied – appeal due" with a deadline', () => {
    const { core } = setup()
    const detail = core.cases.create(sampleCase({ stage: 'intake' }))
    expect(detail.stage).toBe('denied')
    expect(detail.deadlineReport.deadlines.some((d) => d.side === 'ours')).toBe(true)
  })

  it('a move into the filed column keeps the filing day recorded by "Mark sent"', () => {
    const { core } = setup()
    const id = core.cases.create(sampleCase()).id
    core.cases.updateAppeal({ caseId: id, appealFiledOn: '2026-11-24', appealFiledAt: null, internalLevels: null, payerExtended: false, previousAppealFiledOn: null })
    const payerDate = core.cases.get(id).deadlineReport.deadlines.filter((d) => d.side === 'payer').map((d) => d.dueDate)
    const moved = core.cases.move({ caseId: id, toStage: 'internal_appeal', filedOn: null })
    expect(moved.appealFiledOn).toBe('2026-11-24')
    expect(moved.deadlineReport.deadlines.filter((d) => d.side === 'payer').map((d) => d.dueDate)).toEqual(payerDate)
  })
})
