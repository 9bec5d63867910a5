import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { buildIcs } from '../../../electron/core/deadlines/icsCalendar'
import { makeCore, sampleCase } from './testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))
function setup() {
  const made = makeCore()
  disposers.push(made.dispose)
  return made.core
}

describe('moves follow the ladder', () => {
  it('refuses a second internal level for an individual-market plan, and records an override with its reason', async () => {
    const core = setup()
    const input = sampleCase({ stage: 'internal_appeal' })
    input.coverage.planFamily = 'individual_marketplace'
    const id = core.cases.create(input).id
    const dispatch = createDispatcher(core)
    const refused = await dispatch('cases:move', { caseId: id, toStage: 'second_level' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'move_refused' } })
    expect(core.cases.get(id).stage).toBe('internal_appeal')
    const overridden = core.cases.move({ caseId: id, toStage: 'second_level', overrideReason: 'The plan’s letter offers a voluntary second level', filedOn: null })
    expect(overridden.stage).toBe('second_level')
    expect(overridden.history.at(-1)).toMatchObject({ fromStage: 'internal_appeal', toStage: 'second_level', overrideReason: 'The plan’s letter offers a voluntary second level' })
  })

  it('refuses external review for a grandfathered plan', async () => {
    const core = setup()
    const input = sampleCase({ stage: 'internal_appeal' })
    input.coverage.planFamily = 'grandfathered'
    const id = core.cases.create(input).id
    expect(core.cases.checkMove(id, 'external_review').allowed).toBe(false)
  })

  it('moving up a level records the decision notice and filing day and starts the new level’s clocks', async () => {
    const core = setup()
    const id = core.cases.create(sampleCase({ stage: 'denied' })).id
    core.cases.move({ caseId: id, toStage: 'internal_appeal', filedOn: '2026-11-22' })
    const atInternal = core.cases.get(id)
    expect(atInternal.appealFiledOn).toBe('2026-11-22')
    expect(atInternal.deadlineReport.deadlines.some((d) => d.side === 'payer')).toBe(true)

    const moved = core.cases.move({ caseId: id, toStage: 'external_review', decisionNotice: { noticeDate: '2026-12-10', receivedDate: '2026-12-14' }, filedOn: null })
    expect(moved.denials[0]).toMatchObject({ noticeDate: '2026-12-10', receivedDate: '2026-12-14', reasons: ['not_medically_necessary'] })
    expect(moved.appealFiledOn).toBeNull()
    expect(moved.previousAppealFiledOn).toBe('2026-11-22')
    const ours = moved.deadlineReport.deadlines.find((d) => d.side === 'ours')!
    // ACA four-month rule from receipt of the final internal denial (45 CFR 147.136(d)(2)(i)): Dec 14 → Apr 14.
    expect(ours.dueDate).toBe('2027-04-14')
    expect(moved.history).toHaveLength(3)
  })
})

describe('the payer’s clock', () => {
  it('flags a filed appeal past its decision date as payer overdue, on the page and the card', async () => {
    const core = setup()
    const id = core.cases.create(sampleCase({ stage: 'internal_appeal', openedOn: '2026-07-01' })).id
    core.cases.updateAppeal({ caseId: id, appealFiledOn: '2026-08-03', appealFiledAt: null, internalLevels: 1, payerExtended: false, previousAppealFiledOn: null })
    const detail = core.cases.get(id)
    expect(detail.deadlineReport.payerOverdue).not.toBeNull()
    expect(detail.deadlineReport.payerOverdue!.escalations.length).toBeGreaterThan(0)
    const card = core.board.load({}, '2026-11-25').cards.find((c) => c.id === id)!
    expect(card.isPayerOverdue).toBe(true)
  })
})

describe('prior authorization and representation', () => {
  it('a pending prior authorization gets the payer’s decision date', async () => {
    const core = setup()
    const input = sampleCase({ stage: 'prior_auth', denial: null })
    input.coverage.planFamily = 'medicare_advantage'
    const id = core.cases.create(input).id
    const detail = core.cases.savePriorAuth({ caseId: id, id: null, requestedOn: '2026-11-20', requestedAt: null, expedited: false, outcome: 'pending', decidedOn: null, approvedThrough: null, referenceNumber: 'PA-1' })
    expect(detail.priorAuths).toHaveLength(1)
    const pa = detail.deadlineReport.deadlines.find((d) => d.key.startsWith('pa'))
    expect(pa?.side).toBe('payer')
  })

  it('warns before an appeal move when no representation is on file, and stops warning once one is', async () => {
    const core = setup()
    const id = core.cases.create(sampleCase()).id
    expect(core.cases.checkMove(id, 'internal_appeal').reasonEn).toMatch(/representative/)
    core.cases.saveRepresentation({ caseId: id, representation: { kind: 'hipaa_authorization', representative: 'J. Ellis', signedOn: '2026-11-01', expiresOn: null } })
    expect(core.cases.checkMove(id, 'internal_appeal').reasonEn ?? '').not.toMatch(/representative/)
  })

  it('a CMS-1696 signed over a year ago has expired', async () => {
    const core = setup()
    const input = sampleCase()
    input.coverage.planFamily = 'medicare_part_b'
    const id = core.cases.create(input).id
    const detail = core.cases.saveRepresentation({ caseId: id, representation: { kind: 'cms_1696', representative: 'J. Ellis', signedOn: '2025-10-01', expiresOn: null } })
    expect(detail.deadlineReport.warnings.join(' ')).toMatch(/expired on 2026-10-01/)
  })
})

describe('reminders', () => {
  it('lists overdue and due-soon deadlines and exports them as iCalendar without full names', async () => {
    const core = setup()
    core.cases.create(sampleCase({ denial: { noticeDate: '2026-05-01', receivedDate: '2026-05-04', reasons: ['not_medically_necessary'] } }))
    const dispatch = createDispatcher(core)
    const agenda = await dispatch('deadlines:agenda', {})
    expect(agenda.ok).toBe(true)
    const items = core.agenda.until('2027-12-31')
    expect(items.length).toBeGreaterThan(0)
    const ics = buildIcs(items, '2026-11-25T15:00:00.000Z')
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(ics).toContain('DTSTART;VALUE=DATE:')
    expect(ics).toContain('(J.N.)')
    expect(ics).not.toContain('Núñez')
  })
})

describe('recomputing the whole caseload', () => {
  it('gives every open case the same deadlines as one-by-one refreshes, in one pass', () => {
    const made = makeCore({ seedDemoOnFirstRun: true })
    disposers.push(made.dispose)
    const { core } = made
    const snapshot = () => core.db.prepare('SELECT case_id, key, due_date, rule_id FROM case_deadlines ORDER BY case_id, key').all()
    const before = snapshot()
    expect(before.length).toBeGreaterThan(0)
    const count = core.db.transaction(() => core.deadlines.refreshAll('2026-11-25'))()
    expect(count).toBe(core.db.prepare("SELECT COUNT(*) FROM cases WHERE stage <> 'closed'").pluck().get())
    expect(snapshot()).toEqual(before)
  })
})

describe('recomputing some cases', () => {
  it('recomputes only the cases named', () => {
    const made = makeCore({ seedDemoOnFirstRun: true })
    disposers.push(made.dispose)
    const open = made.core.board.load({}, '2026-11-25').cards.filter((c) => c.stage !== 'closed')
    expect(made.core.deadlines.refreshAll('2026-11-25', [open[0].id, open[1].id])).toBe(2)
  })
})
