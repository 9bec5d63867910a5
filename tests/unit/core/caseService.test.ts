import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/core/db/openDatabase'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { BOARD_PAGE_SIZE, CLOSED_CARDS_SHOWN } from '../../../electron/core/cases/boardRepository'
import { createCore } from '../../../electron/core/createCore'
import { makeCore, sampleCase } from './testCore'

let disposers: (() => void)[] = []
afterEach(() => {
  disposers.forEach((d) => d())
  disposers = []
})
function setup(options = {}) {
  const made = makeCore(options)
  disposers.push(made.dispose)
  return made
}

describe('cases', () => {
  it('creates a case whole: patient, coverage, therapy, denial and the first history entry', async () => {
    const { core } = setup()
    const detail = core.cases.create(sampleCase())
    expect(detail.patient).toMatchObject({ firstName: 'José', lastName: 'Núñez', dateOfBirth: '1961-04-02' })
    expect(detail.coverage).toMatchObject({ planFamily: 'employer_fully_insured', state: 'IL', memberId: 'LBX123' })
    expect(detail.therapy).toMatchObject({ hcpcsCode: 'J1569', icd10Codes: ['D80.1'] })
    expect(detail.denials).toHaveLength(1)
    expect(detail.denials[0]).toMatchObject({ noticeDate: '2026-11-18', receivedDate: '2026-11-21', amount: 12500.5, reasons: ['not_medically_necessary'] })
    expect(detail.history).toEqual([expect.objectContaining({ fromStage: null, toStage: 'denied', movedAt: '2026-11-25T15:00:00.000Z' })])
  })

  it('saves nothing when any part of a case fails', async () => {
    const { core } = setup()
    const before = core.caseload.info().caseCount
    const bad = sampleCase({ advocateId: 999 })
    expect(() => core.cases.create(bad)).toThrow()
    // A failure inside the transaction (a foreign key) must roll back the patient row too.
    expect(core.db.prepare('SELECT COUNT(*) FROM patients').pluck().get()).toBe(0)
    expect(core.caseload.info().caseCount).toBe(before)
  })

  it('records every move with from, to, when and who, and it survives reopening', async () => {
    const made = setup()
    const { core } = made
    core.caseload.bindUser('user-dana', 'Dana Whitfield')
    const id = core.cases.create(sampleCase()).id
    core.cases.move({ caseId: id, toStage: 'internal_appeal', filedOn: null })
    const detail = core.cases.get(id)
    expect(detail.stage).toBe('internal_appeal')
    expect(detail.history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'denied'],
      ['denied', 'internal_appeal'],
    ])
    // Who and when: the signed-in advocate and the core's clock.
    expect(detail.history[1]).toMatchObject({ movedAt: '2026-11-25T15:00:00.000Z', advocateName: 'Dana Whitfield' })
    // A closed case reopened is two entries, the reopening recorded like any move.
    core.cases.move({ caseId: id, toStage: 'closed', filedOn: null })
    core.cases.move({ caseId: id, toStage: 'internal_appeal', filedOn: null, overrideReason: 'Plan reopened the appeal' })
    const reopened = core.cases.get(id)
    expect(reopened.stage).toBe('internal_appeal')
    expect(reopened.history.slice(2).map((h) => [h.fromStage, h.toStage, h.advocateName])).toEqual([
      ['internal_appeal', 'closed', 'Dana Whitfield'],
      ['closed', 'internal_appeal', 'Dana Whitfield'],
    ])
    // And the history survives reopening the caseload.
    const again = createCore({ dataDir: made.dir, now: () => new Date('2026-11-26T09:00:00Z'), seedDemoOnFirstRun: false })
    try {
      expect(again.cases.get(id).history).toEqual(reopened.history)
    } finally {
      again.close()
    }
  })

  it('keeps a contacts log per case, newest first', async () => {
    const { core } = setup()
    const id = core.cases.create(sampleCase()).id
    core.cases.addContact({ caseId: id, kind: 'call', occurredOn: '2026-11-21', withWhom: 'Member services', referenceNumber: 'A1', requested: 'Claim file', submitted: '', submittedOn: null, followUpOn: '2026-11-28' })
    core.cases.addContact({ caseId: id, kind: 'fax', occurredOn: '2026-11-24', withWhom: 'Appeals unit', referenceNumber: 'F2', requested: '', submitted: 'Appeal letter', submittedOn: '2026-11-24', followUpOn: null })
    const contacts = core.cases.get(id).contacts
    expect(contacts.map((c) => c.referenceNumber)).toEqual(['F2', 'A1'])
    expect(contacts[1].followUpOn).toBe('2026-11-28')
  })
})

describe('the board', () => {
  it('shows every case with its card facts and filters by advocate, plan family, therapy, urgency and text', async () => {
    const { core } = setup({ seedDemoOnFirstRun: true })
    const all = core.board.load({}, '2026-11-25')
    expect(all.cards).toHaveLength(40)
    expect(Object.values(all.totals!).every((n) => n > 0)).toBe(true)
    const advocateId = all.cards[0].advocateId!
    expect(core.board.load({ advocateId }, '2026-11-25').cards.every((c) => c.advocateId === advocateId)).toBe(true)
    const medicare = core.board.load({ planFamily: 'medicare_advantage' }, '2026-11-25').cards
    expect(medicare.length).toBeGreaterThan(0)
    expect(medicare.every((c) => c.planFamily === 'medicare_advantage')).toBe(true)
    expect(core.board.load({ therapyCategory: 'tpn' }, '2026-11-25').cards.every((c) => c.therapyCategory === 'tpn')).toBe(true)
    expect(core.board.load({ urgency: 'expedited' }, '2026-11-25').cards.every((c) => c.urgency === 'expedited')).toBe(true)
    const name = all.cards[5].patientName
    expect(core.board.load({ text: name }, '2026-11-25').cards.map((c) => c.patientName)).toContain(name)
    // Typed wildcards match literally: 'Gar%a' would find García if % were a wildcard.
    expect(core.board.load({ text: 'Gar%a' }, '2026-11-25').cards).toHaveLength(0)
    expect(core.board.load({ text: '10%' }, '2026-11-25').cards.every((c) => c.drug.includes('10%'))).toBe(true)
  })
})

describe('the demo caseload', () => {
  it('opens a new data folder on about 40 demo cases spread over every column, removable in one action', async () => {
    const { core } = setup({ seedDemoOnFirstRun: true })
    const info = core.caseload.info()
    expect(info.caseCount).toBe(40)
    expect(info.demoCaseCount).toBe(40)
    const real = core.cases.create(sampleCase())
    const after = core.caseload.removeDemo()
    expect(after).toMatchObject({ caseCount: 1, demoCaseCount: 0 })
    expect(core.cases.get(real.id).patient.lastName).toBe('Núñez')
    expect(core.db.prepare('SELECT COUNT(*) FROM patients').pluck().get()).toBe(1)
  })

  it('starts a new empty caseload after keeping a backup copy', async () => {
    const { core, dir } = setup({ seedDemoOnFirstRun: true })
    expect(core.caseload.resetEmpty().caseCount).toBe(0)
    const backups = readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.db'))
    expect(backups).toEqual([expect.stringMatching(/^overturn-.*-before-empty-caseload\.db$/)])
    const copy = openDatabase(join(dir, 'backups', backups[0]))
    expect(copy.prepare('SELECT COUNT(*) FROM cases').pluck().get()).toBe(40)
    copy.close()
  })
})

describe('the dispatcher (the IPC and bridge boundary)', () => {
  it('answers { ok, data } and validates every request with the contract schema', async () => {
    const { core } = setup()
    const dispatch = createDispatcher(core)
    expect(await dispatch('caseload:info', {})).toMatchObject({ ok: true, data: { caseCount: 0 } })
    const bad = await dispatch('cases:create', { ...sampleCase(), patient: { firstName: '', lastName: 'X' } })
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', fields: { 'patient.firstName': 'error.required' } } })
    expect(await dispatch('cases:get', { caseId: 12345 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch('nope:nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    expect(await dispatch('cases:board', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } })
  })

  it('never throws on arbitrary input', async () => {
    const { core } = setup()
    const dispatch = createDispatcher(core)
    for (const junk of [42, 'x', [], { caseId: -1 }, { caseId: 1.5 }, { toStage: 'moon' }, { text: 7 }]) {
      for (const channel of ['cases:get', 'cases:move', 'cases:create', 'contacts:add', 'cases:board']) {
        const result = await dispatch(channel, junk)
        expect(result.ok).toBe(false)
      }
    }
  })
})

describe('removing demo data', () => {
  it('takes the demo applicants too, and an emptied caseload keeps no applicant', () => {
    const made = makeCore({ seedDemoOnFirstRun: true })
    disposers.push(made.dispose)
    const count = () => made.core.db.prepare('SELECT COUNT(*) FROM applicants').pluck().get()
    expect(count()).toBeGreaterThan(0)
    made.core.caseload.removeDemo()
    expect(count()).toBe(0)
  })
})

describe('the board at scale', () => {
  it('bounds the closed column to the newest ones, paged, with the full count for the column header', () => {
    const made = makeCore()
    disposers.push(made.dispose)
    const { core } = made
    core.db.transaction(() => {
      for (let i = 0; i < CLOSED_CARDS_SHOWN + 5; i++) core.cases.create(sampleCase({ stage: 'closed' }))
      core.cases.create(sampleCase({ stage: 'denied' }))
    })()
    const board = core.board.load({}, '2026-11-25')
    expect(board.cards.filter((c) => c.stage === 'closed')).toHaveLength(BOARD_PAGE_SIZE)
    expect(board.totals?.closed).toBe(CLOSED_CARDS_SHOWN + 5)
    expect(board.counts.closed).toBe(CLOSED_CARDS_SHOWN + 5)
    expect(board.cards.filter((c) => c.stage === 'denied')).toHaveLength(1)
    expect(board.next.denied).toBeNull()
    // Scrolling the closed column to its end reaches the newest CLOSED_CARDS_SHOWN and stops there.
    const seen = board.cards.filter((c) => c.stage === 'closed').map((c) => c.id)
    let after = board.next.closed ?? undefined
    while (after) {
      const page = core.board.load({ stage: 'closed', after, limit: 45 }, '2026-11-25')
      expect(Object.keys(page.next)).toEqual(['closed'])
      // A next page does not count the whole caseload again: the board keeps its first page's counts.
      expect(page.totals).toBeNull()
      seen.push(...page.cards.map((c) => c.id))
      after = page.next.closed ?? undefined
    }
    expect(seen).toHaveLength(CLOSED_CARDS_SHOWN)
    expect(new Set(seen).size).toBe(CLOSED_CARDS_SHOWN)
    const newest = core.db.prepare("SELECT id FROM cases WHERE stage = 'closed' ORDER BY stage_entered_at DESC, id DESC LIMIT ?").pluck().all(CLOSED_CARDS_SHOWN)
    expect(seen).toEqual(newest)
  })

  it('pages an open column in keyset order, with filters and counts from SQL, and a moved card leads its new column', () => {
    const made = makeCore()
    disposers.push(made.dispose)
    const { core } = made
    core.db.transaction(() => {
      for (let i = 0; i < 50; i++) core.cases.create(sampleCase({ stage: 'internal_appeal', urgency: i % 2 ? 'expedited' : 'standard' }))
    })()
    const whole = core.db.prepare("SELECT id FROM cases WHERE stage = 'internal_appeal' ORDER BY stage_entered_at DESC, id DESC").pluck().all()
    const collect = (query: Record<string, unknown>) => {
      const first = core.board.load(query, '2026-11-25')
      const ids = first.cards.filter((c) => c.stage === 'internal_appeal').map((c) => c.id)
      let after = first.next.internal_appeal ?? undefined
      while (after) {
        const page = core.board.load({ ...query, stage: 'internal_appeal', after }, '2026-11-25')
        ids.push(...page.cards.map((c) => c.id))
        after = page.next.internal_appeal ?? undefined
      }
      return { ids, count: first.counts.internal_appeal }
    }
    expect(collect({})).toEqual({ ids: whole, count: 50 })
    const mine = collect({ urgency: 'expedited' })
    expect(mine.count).toBe(25)
    expect(mine.ids).toEqual(whole.filter((id) => core.cases.get(id as number).urgency === 'expedited'))
    // Moved out of a partly loaded column: it leaves that column's count and heads the target's first page.
    const last = whole.at(-1) as number
    core.cases.move({ caseId: last, toStage: 'second_level', overrideReason: 'test', filedOn: null })
    const after = core.board.load({}, '2026-11-25')
    expect(after.counts.internal_appeal).toBe(49)
    expect(after.cards.find((c) => c.stage === 'second_level')?.id).toBe(last)
  })
})
