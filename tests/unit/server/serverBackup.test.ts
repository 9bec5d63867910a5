import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSyncClient } from '../../../electron/core/sync/syncClient'
import { createSyncEngine } from '../../../electron/core/sync/syncEngine'
import { startOrganizationServer } from '../../../electron/server/organizationServer'
import { verifyServerAudit } from '../../../electron/server/serverAudit'
import { MemoryLaptop } from './memoryLaptop'
import { postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from './postgresHarness'

// docs/organization-server.md's backup procedure, tested: pg_dump, restore into a new database, and
// a server on the restored copy gives laptops the same caseload and an intact audit trail.
describe.skipIf(!postgresAvailable())('organization server backup and restore with pg_dump', () => {
  let postgres: TestPostgres
  const tls = selfSignedCertificate()
  beforeAll(async () => { postgres = await startPostgres() }, 60_000)
  afterAll(() => postgres?.stop())

  it('restores every case, operation and audit entry', async () => {
    const original = await startOrganizationServer({ databaseUrl: postgres.url, tls, port: 0, keyFile: postgres.keyFile })
    const account = await original.accounts.createAccount('Lee', 'advocate')
    const { token } = await createSyncClient({ serverUrl: original.url, caPem: tls.cert }).enrol(await original.accounts.issueEnrolmentCode(account.id), 'laptop')
    const laptop = new MemoryLaptop(account.id)
    const ids = Array.from({ length: 5 }, (_, i) => laptop.createCase({ memberId: `B-${i}`, 'coverage.planFamily': 'employer_insured', stage: 'intake' }))
    laptop.edit(ids[2], 'memberId', 'B-2b')
    await createSyncEngine(createSyncClient({ serverUrl: original.url, caPem: tls.cert, token }), laptop).syncOnce()
    await original.close()

    const dump = join(postgres.dir, 'org.dump')
    postgres.tool('pg_dump', ['-Fc', '-f', dump, 'postgres'])
    postgres.tool('createdb', ['restored'])
    postgres.tool('pg_restore', ['-d', 'restored', dump])

    // The dump alone does not open the attachments: a server started with another key file refuses to start.
    const restoredUrl = postgres.url.replace(/\/postgres$/, '/restored')
    await expect(startOrganizationServer({ databaseUrl: restoredUrl, tls, port: 0, keyFile: join(postgres.dir, 'another.key') })).rejects.toThrow(/key file/)
    const restored = await startOrganizationServer({ databaseUrl: restoredUrl, tls, port: 0, keyFile: postgres.keyFile })
    try {
      expect(await restored.sync.caseFacts(ids[2])).toMatchObject({ memberId: 'B-2b' })
      expect(await verifyServerAudit(restored.pool)).toBeNull()
      // The same laptop token works against the restored server, and a fresh laptop pulls everything.
      const fresh = new MemoryLaptop(account.id)
      await createSyncEngine(createSyncClient({ serverUrl: restored.url, caPem: tls.cert, token }), fresh).syncOnce()
      expect(fresh.cases.size).toBe(5)
      const { organizationKey } = await createSyncClient({ serverUrl: restored.url, caPem: tls.cert, token }).organizationKey()
      expect(Buffer.from(organizationKey, 'base64')).toHaveLength(32)
    } finally {
      await restored.close()
    }
  }, 60_000)
})
