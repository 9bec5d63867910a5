import { afterEach, describe, expect, it } from 'vitest'
import { createAppSession } from '../../../electron/core/session/appSession'
import { makeTempDir, sampleCase } from '../core/testCore'

const FAST_KDF = { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 }
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

describe('the audit trail and the case record (issue 12)', () => {
  it('filters by patient, records views as views, and never an assistance lookup as an update', async () => {
    const temp = makeTempDir()
    const session = createAppSession({ dataDir: temp.dir, kdf: FAST_KDF, now: () => new Date('2026-11-25T15:00:00Z'), seedDemoOnFirstRun: false })
    cleanups.push(() => session.close(), temp.cleanup)
    session.setup('Admin', 'a long enough passphrase')
    const core = session.core!
    const mine = core.cases.create(sampleCase()).id
    const other = core.cases.create(sampleCase({ patient: { firstName: 'Ana', lastName: 'Other' } })).id
    const detail = core.cases.get(mine)
    await session.dispatch('cases:get', { caseId: mine })
    await session.dispatch('screening:forCase', { caseId: mine })
    const { id: _p, ...patient } = detail.patient
    const { id: _c, ...coverage } = detail.coverage
    const { id: _t, ...therapy } = detail.therapy
    const saved = await session.dispatch('cases:update', {
      caseId: mine,
      expectedVersion: detail.version,
      patient,
      coverage: { ...coverage, memberId: 'NEW-1' },
      therapy,
      urgency: detail.urgency,
      serviceType: detail.serviceType,
      advocateId: null,
      openedOn: detail.openedOn,
      summary: '',
      payerDestinationId: null,
    })
    expect(saved.ok).toBe(true)
    await session.dispatch('cases:get', { caseId: other })

    const list = await session.dispatch('audit:list', { caseIds: [mine] })
    if (!list.ok) throw new Error('audit:list failed')
    const rows = (list.data as { action: string; channel: string; entityId: string }[]).map((e) => `${e.action} ${e.channel} ${e.entityId}`)
    expect(rows).toContain(`view cases:get ${mine}`)
    expect(rows).toContain(`update cases:update ${mine}`)
    expect(rows.some((r) => r.includes('screening:forCase'))).toBe(false)
    expect(rows.some((r) => r.endsWith(` ${other}`))).toBe(false)
  })
})
