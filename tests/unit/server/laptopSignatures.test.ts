import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncOperation } from '../../../shared/domain/sync'
import { createSyncClient } from '../../../electron/core/sync/syncClient'
import { publicBundle, signOperations, wireSigner, type LaptopSigner } from '../../../electron/core/sync/syncSigning'
import { addUser, createKeyStore, currentCertifier } from '../../../electron/core/security/keyStore'
import { startOrganizationServer } from '../../../electron/server/organizationServer'
import { verifyServerAudit } from '../../../electron/server/serverAudit'
import { makeCore, sampleCase } from '../core/testCore'
import { postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from './postgresHarness'

const KDF = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 }

/** A laptop's real key store (issue 13): the first administrator, and an advocate certified by them. */
function laptopKeys() {
  const made = createKeyStore({ displayName: 'First Admin', passphrase: 'correct horse battery staple' }, KDF)
  const advocate = addUser(made.store, made.dataKey, { displayName: 'Ana Ruiz', passphrase: 'another long passphrase', role: 'advocate' }, currentCertifier(made.user, made.privates))
  const signer: LaptopSigner = { holder: advocate.user.id, keyId: advocate.user.keys!.at(-1)!.keyId, sign: advocate.privates.sign, bundle: publicBundle(made.store) }
  return { ...made, signer }
}

// Real key stores, a real app core, the real server on a real PostgreSQL over TLS.
describe.skipIf(!postgresAvailable())('the server checks laptops’ Ed25519 signatures', () => {
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

  async function enrolled(name: string) {
    const keys = laptopKeys()
    const account = await server.accounts.createAccount(name, 'advocate')
    const code = await server.accounts.issueEnrolmentCode(account.id)
    const { token } = await createSyncClient({ serverUrl: server.url, caPem: tls.cert }).enrol(code, 'laptop', wireSigner(keys.signer))
    return { keys, account, client: createSyncClient({ serverUrl: server.url, caPem: tls.cert, token }) }
  }
  const op = (actor: string, memberId: string): SyncOperation => ({ id: randomUUID(), caseId: randomUUID(), kind: 'create', field: '', oldValue: null,
    newValue: { memberId, 'coverage.planFamily': 'employer_insured', stage: 'intake' }, actor, at: new Date().toISOString() })

  it('accepts a signed app core’s changes and records the verification in its audit trail', async () => {
    const keys = laptopKeys()
    const made = makeCore({ seedDemoOnFirstRun: false, now: () => new Date(), key: keys.dataKey })
    disposers.push(made.dispose)
    made.core.sync.useSigner(() => keys.signer)
    const account = await server.accounts.createAccount('Ana Ruiz', 'advocate')
    await made.core.sync.join({ serverUrl: server.url, enrolmentCode: await server.accounts.issueEnrolmentCode(account.id), certificatePem: tls.cert })
    made.core.cases.create(sampleCase())
    expect(await made.core.sync.syncNow()).toMatchObject({ isConnected: true, pending: 0, refused: [] })

    const { rows: device } = await db.query('SELECT signing_root_key_id FROM devices WHERE account_id = $1', [account.id])
    expect(device[0].signing_root_key_id).toBe(keys.user.keys![0].keyId)
    const { rows } = await db.query("SELECT signed_key_id, signature FROM operations WHERE pushed_by = $1 AND status = 'applied'", [account.id])
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row).toMatchObject({ signed_key_id: keys.signer.keyId, signature: expect.any(String) })
    const { rows: audit } = await db.query("SELECT detail FROM server_audit WHERE account_id = $1 AND action = 'push'", [account.id])
    expect(audit.at(-1)!.detail.signatures).toEqual({ keyId: keys.signer.keyId, verified: rows.length, refused: 0 })
  }, 60_000)

  it('refuses a tampered, a forged and an unsigned operation, each with a sentence, and applies the genuine one', async () => {
    const { keys, account, client } = await enrolled('Ben Okafor')
    const [genuine, tampered, forged, unsigned] = signOperations([op(account.id, 'OK-1'), op(account.id, 'OK-2'), op(account.id, 'OK-3'), op(account.id, 'OK-4')], keys.signer)
    tampered.newValue = { ...(tampered.newValue as object), memberId: 'CHANGED-AFTER-SIGNING' }
    forged.signature = signOperations([forged], laptopKeys().signer)[0].signature
    delete unsigned.signature
    const { outcomes } = await client.push([genuine, tampered, forged, unsigned], wireSigner(keys.signer))
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'refused', 'refused', 'refused'])
    expect(outcomes[1]).toMatchObject({ reason: expect.stringMatching(/altered after it was signed, or forged/) })
    expect(outcomes[3]).toMatchObject({ reason: expect.stringMatching(/not signed/) })
    expect(await server.sync.caseFacts(tampered.caseId)).toEqual({})
    const { rows: audit } = await db.query("SELECT detail FROM server_audit WHERE account_id = $1 AND action = 'push' ORDER BY seq DESC LIMIT 1", [account.id])
    expect(audit[0].detail.signatures).toEqual({ keyId: keys.signer.keyId, verified: 1, refused: 3 })
    expect(await verifyServerAudit(server.pool)).toBeNull()
  }, 60_000)

  it('refuses a push signed with another laptop’s keys, a push without a signer, and a certificate that does not check out', async () => {
    const { account, client } = await enrolled('Cara Diaz')
    const other = laptopKeys()
    await expect(client.push(signOperations([op(account.id, 'X-1')], other.signer), wireSigner(other.signer)))
      .rejects.toMatchObject({ code: 'signature_refused', message: expect.stringMatching(/another laptop/) })
    await expect(client.push([op(account.id, 'X-2')])).rejects.toMatchObject({ code: 'signature_refused', message: expect.stringMatching(/not signed/) })

    // A stolen token with a key the laptop's administrator never certified.
    const mine = laptopKeys()
    const intruder = laptopKeys()
    const bundle = structuredClone(mine.signer.bundle)
    bundle.users.push({ ...intruder.signer.bundle.users[1], id: 'intruder' })
    const fake: LaptopSigner = { ...intruder.signer, holder: 'intruder', bundle }
    await expect(createSyncClient({ serverUrl: server.url, caPem: tls.cert }).enrol(await server.accounts.issueEnrolmentCode(account.id), 'laptop', wireSigner(fake)))
      .rejects.toMatchObject({ code: 'signature_refused', message: expect.stringMatching(/not certified/) })

    // The app says so next to the code, and the code is not spent.
    const made = makeCore({ seedDemoOnFirstRun: false, now: () => new Date(), key: mine.dataKey })
    disposers.push(made.dispose)
    made.core.sync.useSigner(() => fake)
    const code = await server.accounts.issueEnrolmentCode(account.id)
    await expect(made.core.sync.join({ serverUrl: server.url, enrolmentCode: code, certificatePem: tls.cert }))
      .rejects.toMatchObject({ fields: { enrolmentCode: 'sync.errors.keysRefused' } })
    made.core.sync.useSigner(() => mine.signer)
    expect(await made.core.sync.join({ serverUrl: server.url, enrolmentCode: code, certificatePem: tls.cert })).toMatchObject({ isJoined: true })
  }, 60_000)
})
