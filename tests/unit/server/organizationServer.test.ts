import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncClient, SyncHttpError } from '../../../electron/core/sync/syncClient'
import { createSyncEngine } from '../../../electron/core/sync/syncEngine'
import { startOrganizationServer } from '../../../electron/server/organizationServer'
import { verifyServerAudit } from '../../../electron/server/serverAudit'
import { MemoryLaptop } from './memoryLaptop'
import { postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from './postgresHarness'

// Real PostgreSQL (initdb in a temp folder, loopback port) and the real server over TLS.
describe.skipIf(!postgresAvailable())('organization server on PostgreSQL', () => {
  let postgres: TestPostgres
  let server: Awaited<ReturnType<typeof startOrganizationServer>>
  let tls: { cert: string; key: string }

  beforeAll(async () => {
    postgres = await startPostgres()
    tls = selfSignedCertificate()
    server = await startOrganizationServer({ databaseUrl: postgres.url, tls, port: 0, keyFile: postgres.keyFile })
  }, 60_000)
  afterAll(async () => {
    await server?.close()
    postgres?.stop()
  })

  async function laptop(name: string, role: 'advocate' | 'read_only' | 'admin' = 'advocate') {
    const account = await server.accounts.createAccount(name, role)
    const code = await server.accounts.issueEnrolmentCode(account.id)
    const { token } = await createSyncClient({ serverUrl: server.url, caPem: tls.cert }).enrol(code, `${name}'s laptop`)
    const client = createSyncClient({ serverUrl: server.url, caPem: tls.cert, token })
    const replica = new MemoryLaptop(account.id)
    return { account, client, replica, engine: createSyncEngine(client, replica), code }
  }

  it('merges edits to different fields of one case made offline on two laptops', async () => {
    const a = await laptop('Ana')
    const b = await laptop('Ben')
    const caseId = a.replica.createCase({ patientName: 'Rosa Delgado', memberId: 'M-1', phone: '555-0100', 'coverage.planFamily': 'employer_self_funded', stage: 'intake' })
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    expect(b.replica.cases.get(caseId)?.memberId).toBe('M-1')

    a.replica.edit(caseId, 'memberId', 'M-2') // A offline
    b.replica.edit(caseId, 'phone', '555-0199')
    await b.engine.syncOnce()
    await a.engine.syncOnce() // A reconnects
    await b.engine.syncOnce()
    for (const replica of [a.replica, b.replica]) {
      expect(replica.cases.get(caseId)).toMatchObject({ memberId: 'M-2', phone: '555-0199' })
    }
    expect(await server.sync.caseFacts(caseId)).toMatchObject({ memberId: 'M-2', phone: '555-0199' })
  })

  it('sends the same field changed on two laptops to the review queue on both, and a person decides', async () => {
    const a = await laptop('Cara')
    const b = await laptop('Dev')
    const caseId = a.replica.createCase({ memberId: 'X-1', 'coverage.planFamily': 'aca_individual', stage: 'intake' })
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    a.replica.edit(caseId, 'memberId', 'X-A')
    b.replica.edit(caseId, 'memberId', 'X-B')
    await a.engine.syncOnce()
    const statusB = await b.engine.syncOnce()
    await a.engine.syncOnce()
    expect(statusB.openConflicts).toBeGreaterThan(0)
    for (const replica of [a.replica, b.replica]) {
      const conflict = replica.conflicts.find((c) => c.caseId === caseId)
      expect(conflict).toMatchObject({ field: 'memberId', current: { value: 'X-A', actor: a.account.id }, incoming: { value: 'X-B', actor: b.account.id } })
    }
    // Nothing was overwritten: the server still has A's value until someone chooses.
    expect((await server.sync.caseFacts(caseId)).memberId).toBe('X-A')
    const conflict = b.replica.conflicts.find((c) => c.caseId === caseId)!
    await b.client.resolve(conflict.id, 'incoming')
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    expect(a.replica.cases.get(caseId)?.memberId).toBe('X-B')
    expect(b.replica.conflicts.find((c) => c.caseId === caseId)).toBeUndefined()
  })

  it('applies an operation once however often it is pushed', async () => {
    const a = await laptop('Eli')
    const caseId = a.replica.createCase({ memberId: 'I-1', 'coverage.planFamily': 'medicare_part_b', stage: 'intake' })
    a.replica.edit(caseId, 'memberId', 'I-2')
    const ops = a.replica.pendingOperations(10)
    const first = await a.client.push(ops)
    const second = await a.client.push(ops)
    expect(second.outcomes).toEqual(first.outcomes)
    const { rows } = await server.pool.query('SELECT COUNT(*)::int AS n FROM operations WHERE case_id = $1', [caseId])
    expect(rows[0].n).toBe(2)
  })

  it('refuses a stage move the ladder does not allow, with the reason, instead of a silent revert', async () => {
    const a = await laptop('Fay')
    const caseId = a.replica.createCase({ 'coverage.planFamily': 'medicaid_ffs', stage: 'denied' })
    a.replica.edit(caseId, 'stage', 'second_level', 'move')
    const status = await a.engine.syncOnce()
    expect(status.refused.at(-1)?.reason).toMatch(/fair hearing/)
    expect((await server.sync.caseFacts(caseId)).stage).toBe('denied')
  })

  it('enforces roles on the server and spends an enrolment code once', async () => {
    const reader = await laptop('Gus', 'read_only')
    const caseId = reader.replica.createCase({ memberId: 'R-1' })
    await expect(reader.client.push(reader.replica.pendingOperations(5))).rejects.toMatchObject({ status: 403 })
    expect(await server.sync.caseFacts(caseId)).toEqual({})
    await expect(createSyncClient({ serverUrl: server.url, caPem: tls.cert }).enrol(reader.code, 'again')).rejects.toMatchObject({ code: 'enrolment_refused' })
  })

  it('stops a removed account from syncing, with a sentence saying why', async () => {
    const a = await laptop('Hal')
    await server.accounts.removeAccount(a.account.id)
    const status = await a.engine.syncOnce()
    expect(status.stopped).toBe(true)
    expect(status.problem).toMatch(/removed/)
  })

  it('stores attachments only as organization-key ciphertext under their keyed address', async () => {
    const a = await laptop('Ivy')
    const { organizationKey } = await a.client.organizationKey()
    const { sealForOrganization } = await import('../../../electron/core/sync/organizationFiles')
    const sealed = sealForOrganization(Buffer.from(organizationKey, 'base64'), Buffer.from('%PDF-1.4 exhibit'))
    await a.client.putAttachment(sealed.address, sealed.ciphertext)
    expect(Buffer.compare(await a.client.getAttachment(sealed.address), sealed.ciphertext)).toBe(0)
    // Plain bytes are refused: nothing readable is ever stored on the server.
    await expect(a.client.putAttachment('0'.repeat(64), Buffer.from('%PDF-1.4 plain'))).rejects.toBeInstanceOf(SyncHttpError)
  })

  it('lets a laptop that was offline for a week catch up page by page', async () => {
    const a = await laptop('Jo')
    const b = await laptop('Kit')
    await b.engine.syncOnce()
    const ids: string[] = []
    for (let i = 0; i < 60; i += 1) ids.push(a.replica.createCase({ memberId: `W-${i}`, 'coverage.planFamily': 'employer_insured', stage: 'intake' }))
    for (let day = 0; day < 7; day += 1) for (const id of ids) a.replica.edit(id, 'note', `day ${day}`)
    expect(a.replica.outbox.length).toBe(60 * 8)
    await a.engine.syncOnce()
    await b.engine.syncOnce()
    for (const id of ids) expect(b.replica.cases.get(id)).toMatchObject({ note: 'day 6' })
  })

  it('keeps a hash-chained server audit trail that detects an edited entry', async () => {
    expect(await verifyServerAudit(server.pool)).toBeNull()
    const client = new pg.Client({ connectionString: postgres.url })
    await client.connect()
    const { rows } = await client.query('SELECT seq FROM server_audit ORDER BY seq LIMIT 1 OFFSET 2')
    await client.query(`UPDATE server_audit SET detail = '{"forged":true}' WHERE seq = $1`, [rows[0].seq])
    await client.end()
    expect(await verifyServerAudit(server.pool)).toBe(Number(rows[0].seq))
  })

  it('refuses a server address that is not https', () => {
    expect(() => createSyncClient({ serverUrl: `http://127.0.0.1:1/${randomUUID()}` })).toThrow(/https/)
  })
})
