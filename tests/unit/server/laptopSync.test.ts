import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseDetail } from '../../../shared/domain/cases'
import type { CaseUpdate } from '../../../shared/schemas/caseSchemas'
import { startOrganizationServer } from '../../../electron/server/organizationServer'
import { makeCore, sampleCase } from '../core/testCore'
import { postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from './postgresHarness'

/** The form a case page sends: every fact as stored, at the version it was opened at. */
function formOf(detail: CaseDetail): CaseUpdate {
  const { id: _p, ...patient } = detail.patient
  const { id: _c, ...coverage } = detail.coverage
  const { id: _t, ...therapy } = detail.therapy
  return {
    caseId: detail.id, expectedVersion: detail.version, patient, coverage: coverage as CaseUpdate['coverage'], therapy,
    urgency: detail.urgency, serviceType: detail.serviceType, advocateId: detail.advocate?.id ?? null, openedOn: detail.openedOn,
    summary: detail.summary, payerDestinationId: detail.payerDestinationId,
  }
}

// Two real app cores, each with its own encrypted-capable SQLite caseload in its own folder, and the
// real organization server on a real PostgreSQL over TLS.
describe.skipIf(!postgresAvailable())('two laptops sharing one organization caseload', () => {
  let postgres: TestPostgres
  let server: Awaited<ReturnType<typeof startOrganizationServer>>
  const tls = selfSignedCertificate()
  const disposers: (() => void)[] = []
  beforeAll(async () => {
    postgres = await startPostgres()
    server = await startOrganizationServer({ databaseUrl: postgres.url, tls, port: 0, keyFile: postgres.keyFile })
  }, 60_000)
  afterAll(async () => {
    disposers.forEach((d) => d())
    await server?.close()
    postgres?.stop()
  })

  async function laptop(name: string) {
    const made = makeCore({ seedDemoOnFirstRun: false, now: () => new Date() })
    disposers.push(made.dispose)
    const advocate = made.core.advocates.create(name, 'advocate', new Date().toISOString())
    made.core.db.prepare("INSERT INTO app_settings (key, value) VALUES ('current_advocate_id', ?)").run(String(advocate))
    const account = await server.accounts.createAccount(name, 'advocate')
    const status = await made.core.sync.join({ serverUrl: server.url, enrolmentCode: await server.accounts.issueEnrolmentCode(account.id), certificatePem: tls.cert })
    expect(status).toMatchObject({ isJoined: true, isConnected: true, pending: 0 })
    return made.core
  }
  const byUid = (core: Awaited<ReturnType<typeof laptop>>, uid: string) => core.cases.get(core.db.prepare('SELECT id FROM cases WHERE uid = ?').pluck().get(uid) as number)

  it('brings a case made on one laptop to the other, and merges offline edits of different fields', async () => {
    const a = await laptop('Ana Ruiz')
    const b = await laptop('Ben Okafor')
    const created = a.cases.create(sampleCase())
    expect(a.sync.status().pending).toBeGreaterThan(0)
    await a.sync.syncNow()
    expect(a.sync.status().pending).toBe(0)
    await b.sync.syncNow()
    const uid = a.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const onB = byUid(b, uid)
    expect(onB.coverage.memberId).toBe(created.coverage.memberId)
    expect(onB.patient.lastName).toBe(created.patient.lastName)

    // A edits the member ID while offline; B edits the phone.
    const formA = formOf(a.cases.get(created.id))
    formA.coverage.memberId = 'NEW-MEMBER-1'
    a.cases.update(formA)
    const formB = formOf(onB)
    formB.patient.phone = '555-010-9999'
    b.cases.update(formB)
    await b.sync.syncNow()
    await a.sync.syncNow()
    await b.sync.syncNow()
    for (const detail of [a.cases.get(created.id), byUid(b, uid)]) {
      expect(detail.coverage.memberId).toBe('NEW-MEMBER-1')
      expect(detail.patient.phone).toBe('555-010-9999')
    }
    // The other laptop's change is in the case's history, and nothing is waiting.
    expect(b.cases.operations(byUid(b, uid).id).some((op) => op.field === 'coverage.memberId' && op.newValue === 'NEW-MEMBER-1')).toBe(true)
    expect(a.sync.status().pending).toBe(0)
    expect(b.sync.status().pending).toBe(0)
  }, 60_000)

  it('puts the same field changed on both laptops in the review queue on both, and a person decides', async () => {
    const a = await laptop('Cara Diaz')
    const b = await laptop('Dev Patel')
    const created = a.cases.create(sampleCase())
    await a.sync.syncNow()
    await b.sync.syncNow()
    const uid = a.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const formA = formOf(a.cases.get(created.id))
    formA.coverage.memberId = 'FROM-A'
    a.cases.update(formA)
    const formB = formOf(byUid(b, uid))
    formB.coverage.memberId = 'FROM-B'
    b.cases.update(formB)
    await a.sync.syncNow()
    const statusB = await b.sync.syncNow()
    await a.sync.syncNow()
    expect(statusB.openConflicts).toBe(1)
    for (const core of [a, b]) {
      expect(core.sync.conflicts()).toEqual([expect.objectContaining({ caseId: uid, field: 'coverage.memberId',
        current: expect.objectContaining({ value: 'FROM-A' }), incoming: expect.objectContaining({ value: 'FROM-B' }) })])
    }
    // B's own value stays on B until someone chooses; nothing was overwritten anywhere.
    expect(byUid(b, uid).coverage.memberId).toBe('FROM-B')
    await a.sync.resolve(a.sync.conflicts()[0].id, 'incoming')
    await b.sync.syncNow()
    expect(a.cases.get(created.id).coverage.memberId).toBe('FROM-B')
    expect(b.sync.conflicts()).toEqual([])
  }, 60_000)

  it('refuses a card move the ladder does not allow, as a refusal the laptop shows', async () => {
    const a = await laptop('Eve Stone')
    const created = a.cases.create(sampleCase({ coverage: { ...sampleCase().coverage, planFamily: 'medicaid_ffs' } }))
    await a.sync.syncNow()
    a.cases.move({ caseId: created.id, toStage: 'second_level', overrideReason: 'testing the server', note: '' } as never)
    const status = await a.sync.syncNow()
    expect(status.refused.at(-1)?.reason).toMatch(/fair hearing/)
  }, 60_000)

  it('says when the server cannot be reached and keeps the changes waiting', async () => {
    const a = await laptop('Finn Hale')
    const created = a.cases.create(sampleCase())
    a.db.prepare("UPDATE sync_state SET value = 'https://127.0.0.1:9' WHERE key = 'server_url'").run()
    const status = await a.sync.syncNow()
    expect(status).toMatchObject({ isConnected: false, problem: expect.stringMatching(/cannot be reached/) })
    expect(status.pending).toBeGreaterThan(0)
    expect(a.cases.get(created.id).coverage.memberId).toBeTruthy()
  }, 60_000)
})
