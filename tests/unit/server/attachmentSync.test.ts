import { createHash, randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncClient, SyncHttpError } from '../../../electron/core/sync/syncClient'
import { letterKindRule } from '../../../shared/rules/letters/kinds'
import { startOrganizationServer } from '../../../electron/server/organizationServer'
import { makeCore, sampleCase } from '../core/testCore'
import { postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from './postgresHarness'

/** A small but real PDF with a sentence nobody outside the laptops should be able to read. */
const SECRET = 'Letter of medical necessity for Rosa Delgado, member LBX123'
const pdf = () => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${SECRET} ${randomBytes(8).toString('hex')}\n%%EOF\n`)

// Two and three real app cores with their own encrypted caseloads (SQLCipher, data keys) and the real
// organization server on a real PostgreSQL over pinned TLS.
describe.skipIf(!postgresAvailable())('attachments between laptops (organization attachment key)', () => {
  let postgres: TestPostgres
  let server: Awaited<ReturnType<typeof startOrganizationServer>>
  let db: pg.Client
  const tls = selfSignedCertificate()
  const disposers: (() => void)[] = []
  beforeAll(async () => {
    postgres = await startPostgres()
    server = await startOrganizationServer({ databaseUrl: postgres.url, tls, port: 0, keyFile: postgres.keyFile })
    db = new pg.Client({ connectionString: postgres.url })
    await db.connect()
  }, 60_000)
  afterAll(async () => {
    disposers.forEach((d) => d())
    await db?.end()
    await server?.close()
    postgres?.stop()
  })

  async function laptop(name: string) {
    const dataKey = randomBytes(32)
    const made = makeCore({ seedDemoOnFirstRun: false, now: () => new Date(), key: dataKey })
    disposers.push(made.dispose)
    const account = await server.accounts.createAccount(name, 'advocate')
    await made.core.sync.join({ serverUrl: server.url, enrolmentCode: await server.accounts.issueEnrolmentCode(account.id), certificatePem: tls.cert })
    return { core: made.core, account, dataKey }
  }
  const localId = (core: Awaited<ReturnType<typeof laptop>>['core'], uid: string) => core.db.prepare('SELECT id FROM cases WHERE uid = ?').pluck().get(uid) as number

  it('brings an exhibit from one laptop to another byte for byte, never readable on the server', async () => {
    const a = await laptop('Ana Ruiz')
    const b = await laptop('Ben Okafor')
    const created = a.core.cases.create(sampleCase())
    const bytes = pdf()
    a.core.documents.upload({ caseId: created.id, fileName: 'lmn.pdf', label: 'Letter of medical necessity', base64: bytes.toString('base64') } as never)
    await a.core.sync.syncNow()
    expect(a.core.sync.status()).toMatchObject({ pending: 0, isConnected: true })

    await b.core.sync.syncNow()
    const uid = a.core.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const onB = localId(b.core, uid)
    // Announced but not fetched yet: listed as on its way, never silently missing.
    expect(b.core.sync.caseView(onB).waitingFiles).toEqual([expect.objectContaining({ label: 'Letter of medical necessity', fileName: 'lmn.pdf', problem: null })])
    const view = await b.core.sync.fetchCaseFiles(onB)
    expect(view.waitingFiles).toEqual([])
    const [exhibit] = b.core.documents.listAttachments(onB)
    expect(exhibit).toMatchObject({ label: 'Letter of medical necessity', originalName: 'lmn.pdf', exhibitNumber: 1 })
    expect(Buffer.from(b.core.documents.openAttachment(exhibit.id).base64, 'base64').equals(bytes)).toBe(true)
    // B's upload history shows where it came from, and B sends nothing back.
    expect(b.core.cases.operations(onB).some((op) => op.kind === 'upload')).toBe(true)
    await b.core.sync.syncNow()
    expect(b.core.sync.status().pending).toBe(0)

    // The server holds ciphertext under a keyed address, not the plaintext nor its plain SHA-256.
    const { rows } = await db.query<{ address: string; bytes: Buffer }>('SELECT address, bytes FROM attachments')
    expect(rows).toHaveLength(1)
    expect(rows[0].address).not.toBe(createHash('sha256').update(bytes).digest('hex'))
    expect(rows[0].bytes.includes(SECRET)).toBe(false)
    expect(rows[0].bytes.includes(bytes.subarray(0, 40))).toBe(false)
    // Each laptop keeps the organization key only wrapped by its own data key.
    const { rows: keyRows } = await db.query<{ key_id: string }>('SELECT key_id FROM organization_key')
    for (const core of [a.core, b.core]) {
      const stored = core.db.prepare("SELECT value FROM sync_state WHERE key = 'org_key'").pluck().get() as string
      expect(JSON.parse(stored)).toHaveProperty('wrapped')
      expect(stored).not.toContain(keyRows[0].key_id)
    }
  }, 60_000)

  it('removes an exhibit on every laptop when the laptop that shared it removes it', async () => {
    const a = await laptop('Gus Ward')
    const b = await laptop('Hana Ito')
    const created = a.core.cases.create(sampleCase())
    const kept = a.core.documents.upload({ caseId: created.id, fileName: 'keep.pdf', label: 'Keep', base64: pdf().toString('base64') } as never)
    const gone = a.core.documents.upload({ caseId: created.id, fileName: 'gone.pdf', label: 'Gone', base64: pdf().toString('base64') } as never)
    await a.core.sync.syncNow()
    await b.core.sync.syncNow()
    const uid = a.core.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const onB = localId(b.core, uid)
    await b.core.sync.fetchCaseFiles(onB)
    expect(b.core.documents.listAttachments(onB).map((x) => x.originalName)).toEqual(['keep.pdf', 'gone.pdf'])
    const storedOnB = b.core.db.prepare("SELECT stored_name FROM attachments WHERE case_id = ? AND original_name = 'gone.pdf'").pluck().get(onB) as string

    a.core.documents.removeAttachment(gone.id)
    await a.core.sync.syncNow()
    await b.core.sync.syncNow()
    expect(b.core.documents.listAttachments(onB)).toEqual([expect.objectContaining({ originalName: 'keep.pdf', exhibitNumber: 1 })])
    expect(existsSync(join(b.core.dataDir, 'attachments', String(onB), storedOnB))).toBe(false)
    expect(b.core.cases.operations(onB).some((op) => op.kind === 'upload' && (op.detail as { removed?: boolean } | null)?.removed)).toBe(true)
    expect(kept.id).toBeGreaterThan(0)
  }, 60_000)

  it('says so on both laptops when the sender’s own copy is damaged, and the change still travels', async () => {
    const a = await laptop('Ida Lane')
    const b = await laptop('Jon Reyes')
    const created = a.core.cases.create(sampleCase())
    a.core.documents.upload({ caseId: created.id, fileName: 'scan.pdf', label: 'Scan', base64: pdf().toString('base64') } as never)
    const stored = a.core.db.prepare('SELECT stored_name FROM attachments WHERE case_id = ?').pluck().get(created.id) as string
    writeFileSync(join(a.core.dataDir, 'attachments', String(created.id), stored), Buffer.from('damaged on disk'))
    expect(await a.core.sync.syncNow()).toMatchObject({ isConnected: true, pending: 0, unsentFiles: 1 })
    await b.core.sync.syncNow()
    const uid = a.core.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const view = await b.core.sync.fetchCaseFiles(localId(b.core, uid))
    expect(view.waitingFiles).toEqual([expect.objectContaining({ fileName: 'scan.pdf', problem: 'sync.files.problem.notOnServer' })])
    expect(b.core.sync.status().waitingFiles).toBeGreaterThanOrEqual(1)
  }, 60_000)

  it('says a file is damaged when the server copy was altered, keeps it waiting, and refuses a removed account', async () => {
    const a = await laptop('Cara Diaz')
    const c = await laptop('Cy Moreno')
    const created = a.core.cases.create(sampleCase())
    a.core.documents.upload({ caseId: created.id, fileName: 'denial.pdf', label: 'Denial', base64: pdf().toString('base64') } as never)
    await a.core.sync.syncNow()
    await c.core.sync.syncNow()
    const uid = a.core.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const onC = localId(c.core, uid)
    const address = (c.core.db.prepare('SELECT address FROM sync_incoming_files WHERE case_id = ?').pluck().get(onC)) as string

    // Someone edits the stored ciphertext on the server: C notices and keeps the file listed.
    await db.query('UPDATE attachments SET bytes = overlay(bytes placing $2 from 30) WHERE address = $1', [address, Buffer.from('XXXX')])
    const damaged = await c.core.sync.fetchCaseFiles(onC)
    expect(damaged.waitingFiles).toEqual([expect.objectContaining({ fileName: 'denial.pdf', problem: 'sync.files.problem.altered' })])
    expect(c.core.documents.listAttachments(onC)).toEqual([])
    // A packet built now would go out without that exhibit: refused until the file is here.
    const kind = c.core.documents.letterOptions(onC).find((o) => letterKindRule(o.kind).isPacket)!.kind
    await expect(c.core.documents.buildPacket({ caseId: onC, kind, acceptPlaceholders: true })).rejects.toMatchObject({ code: 'conflict', message: 'documents.error.exhibitsArriving' })

    // A removed account can no longer fetch anything, with its own token.
    await server.accounts.removeAccount(c.account.id)
    const token = c.core.db.prepare("SELECT value FROM sync_state WHERE key = 'token'").pluck().get() as string
    const client = createSyncClient({ serverUrl: server.url, caPem: tls.cert, token })
    await expect(client.getAttachment(address)).rejects.toMatchObject({ code: 'account_removed' })
    await expect(client.organizationKey()).rejects.toBeInstanceOf(SyncHttpError)
    await c.core.sync.fetchCaseFiles(onC)
    expect(c.core.sync.status().isStopped).toBe(true)
  }, 60_000)

  it('takes a case to a clinic: its files come down in full, and the changes made offline come back', async () => {
    const a = await laptop('Dev Patel')
    const b = await laptop('Eve Stone')
    const created = a.core.cases.create(sampleCase())
    const bytes = pdf()
    a.core.documents.upload({ caseId: created.id, fileName: 'records.pdf', label: 'Records', base64: bytes.toString('base64') } as never)
    await a.core.sync.syncNow()
    await b.core.sync.syncNow()
    const uid = a.core.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const onB = localId(b.core, uid)

    const kept = await b.core.sync.keepOffline(onB, true)
    // The board says so on the case's card.
    expect(b.core.board.load({}, '2026-11-29').cards.find((card) => card.id === onB)?.isKeptOffline).toBe(true)
    expect(kept).toMatchObject({ keptOffline: true, waitingFiles: [] })
    expect(Buffer.from(b.core.documents.openAttachment(b.core.documents.listAttachments(onB)[0].id).base64, 'base64').equals(bytes)).toBe(true)

    // A file added later to a kept case comes down with the next sync, without opening the case.
    const later = pdf()
    a.core.documents.upload({ caseId: created.id, fileName: 'later.pdf', label: 'Later', base64: later.toString('base64') } as never)
    await a.core.sync.syncNow()
    await b.core.sync.syncNow()
    expect(b.core.documents.listAttachments(onB).map((x) => x.originalName)).toEqual(['records.pdf', 'later.pdf'])

    // At the clinic, without a connection: B adds a note-worthy change and a file.
    const serverUrl = b.core.db.prepare("SELECT value FROM sync_state WHERE key = 'server_url'").pluck().get() as string
    b.core.db.prepare("UPDATE sync_state SET value = 'https://127.0.0.1:9' WHERE key = 'server_url'").run()
    const clinicFile = pdf()
    b.core.documents.upload({ caseId: onB, fileName: 'clinic.pdf', label: 'Signed at the clinic', base64: clinicFile.toString('base64') } as never)
    b.core.cases.update({ ...formOf(b.core.cases.get(onB)), summary: 'Seen at the clinic; patient signed the release.' })
    const offline = await b.core.sync.syncNow()
    expect(offline).toMatchObject({ isConnected: false })
    expect(offline.pending).toBeGreaterThan(0)

    // Back at the office.
    b.core.db.prepare("UPDATE sync_state SET value = ? WHERE key = 'server_url'").run(serverUrl)
    expect(await b.core.sync.syncNow()).toMatchObject({ isConnected: true, pending: 0 })
    await a.core.sync.syncNow()
    await a.core.sync.fetchCaseFiles(created.id)
    expect(a.core.cases.get(created.id).summary).toBe('Seen at the clinic; patient signed the release.')
    const clinic = a.core.documents.listAttachments(created.id).find((x) => x.originalName === 'clinic.pdf')
    expect(clinic).toBeDefined()
    expect(Buffer.from(a.core.documents.openAttachment(clinic!.id).base64, 'base64').equals(clinicFile)).toBe(true)
  }, 90_000)
})

function formOf(detail: ReturnType<Awaited<ReturnType<typeof makeCore>>['core']['cases']['get']>) {
  const { id: _p, ...patient } = detail.patient
  const { id: _c, ...coverage } = detail.coverage
  const { id: _t, ...therapy } = detail.therapy
  return {
    caseId: detail.id, expectedVersion: detail.version, patient, coverage: coverage as never, therapy,
    urgency: detail.urgency, serviceType: detail.serviceType, advocateId: detail.advocate?.id ?? null, openedOn: detail.openedOn,
    summary: detail.summary, payerDestinationId: detail.payerDestinationId,
  }
}
