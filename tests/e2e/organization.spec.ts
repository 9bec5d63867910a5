import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { startBridgeServer, type BridgeServer } from '../../electron/bridge/bridgeServer'
import { createAppSession, type AppSession } from '../../electron/core/session/appSession'
import { startOrganizationServer } from '../../electron/server/organizationServer'
import { sampleCase } from '../unit/core/testCore'
import { postgresAvailable, selfSignedCertificate, startPostgres, type TestPostgres } from '../unit/server/postgresHarness'
import { TEST_KDF, TEST_USER } from './fixtures'

/**
 * Two app instances (each its own encrypted caseload behind its own bridge, each in its own browser
 * page) and one organization server on a real PostgreSQL: connect both laptops from Settings, share a
 * case, and settle a conflict from the review queue.
 */
test.describe('one organization caseload on two laptops', () => {
  test.skip(!postgresAvailable(), 'PostgreSQL is not installed (.ci/run installs it)')
  let postgres: TestPostgres
  let server: Awaited<ReturnType<typeof startOrganizationServer>>
  const tls = selfSignedCertificate()
  const laptops: { session: AppSession; bridge: BridgeServer; dir: string }[] = []

  test.beforeAll(async () => {
    postgres = await startPostgres()
    server = await startOrganizationServer({ databaseUrl: postgres.url, tls, port: 0, keyFile: postgres.keyFile })
  })
  test.afterAll(async () => {
    for (const laptop of laptops) {
      await laptop.bridge.close()
      laptop.session.close()
      rmSync(laptop.dir, { recursive: true, force: true })
    }
    await server?.close()
    postgres?.stop()
  })

  async function openLaptop(page: Page, name: string) {
    const dir = mkdtempSync(join(tmpdir(), 'overturn-org-e2e-'))
    const session = createAppSession({ dataDir: dir, kdf: TEST_KDF })
    session.setup(TEST_USER.displayName, TEST_USER.passphrase)
    session.core!.caseload.removeDemo()
    const bridge = await startBridgeServer({ dispatch: session.dispatch, rendererDir: resolve('out/renderer') })
    laptops.push({ session, bridge, dir })
    const account = await server.accounts.createAccount(name, 'advocate')
    const code = await server.accounts.issueEnrolmentCode(account.id)
    await page.goto(bridge.openUrl)
    await page.getByRole('link', { name: 'Settings' }).click()
    const panel = page.getByTestId('sync-panel')
    await panel.getByLabel('Server address').fill('http://not-tls.example')
    await panel.getByLabel('One-time code').fill(code)
    await panel.getByRole('button', { name: 'Connect this laptop' }).click()
    await expect(panel.getByText('Enter the server address starting with https://')).toBeVisible()
    await panel.getByLabel('Server address').fill(server.url)
    await panel.getByLabel('Server certificate (only if your administrator gave you one)').fill(tls.cert)
    await panel.getByRole('button', { name: 'Connect this laptop' }).click()
    await expect(panel.getByText(`as ${name}`)).toBeVisible()
    await expect(page.getByTestId('sync-badge')).toContainText('no changes waiting')
    return { core: session.core!, page }
  }

  test('a case made on one laptop reaches the other; a clash waits for a person', async ({ browser }) => {
    const a = await openLaptop(await browser.newPage(), 'Ana Ruiz')
    const b = await openLaptop(await browser.newPage(), 'Ben Okafor')
    const created = a.core.cases.create(sampleCase({ patient: { ...sampleCase().patient, firstName: 'Marisol', lastName: 'Quintero' } }))
    await a.page.reload()
    await expect(a.page.getByTestId('sync-badge')).toContainText(/changes? waiting/)
    await a.page.getByTestId('sync-badge').getByRole('button', { name: 'Sync now' }).click()
    await expect(a.page.getByTestId('sync-badge')).toContainText('no changes waiting')
    await b.page.getByTestId('sync-badge').getByRole('button', { name: 'Sync now' }).click()
    await b.page.getByRole('link', { name: 'Board', exact: true }).click()
    await expect(b.page.getByText('Quintero').first()).toBeVisible()

    // Both change the member ID while apart; A's arrives first, B's waits in the queue on both.
    const uid = a.core.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    const onB = b.core.db.prepare('SELECT id FROM cases WHERE uid = ?').pluck().get(uid) as number
    for (const [core, id, value] of [[a.core, created.id, 'FROM-ANA'], [b.core, onB, 'FROM-BEN']] as const) {
      const detail = core.cases.get(id)
      const { id: _p, ...patient } = detail.patient
      const { id: _c, ...coverage } = detail.coverage
      const { id: _t, ...therapy } = detail.therapy
      core.cases.update({ caseId: id, expectedVersion: detail.version, patient, coverage: { ...coverage, memberId: value } as never, therapy,
        urgency: detail.urgency, serviceType: detail.serviceType, advocateId: detail.advocate?.id ?? null, openedOn: detail.openedOn,
        summary: detail.summary, payerDestinationId: detail.payerDestinationId })
    }
    await a.core.sync.syncNow()
    await b.page.getByTestId('sync-badge').getByRole('button', { name: 'Sync now' }).click()
    await expect(b.page.getByTestId('sync-badge')).toContainText('1 conflict to review')
    await b.page.getByRole('link', { name: 'Settings' }).click()
    const queue = b.page.getByTestId('sync-conflicts')
    await expect(queue).toContainText('Member ID of Marisol Quintero')
    await expect(queue).toContainText('FROM-ANA (by Ana Ruiz')
    await expect(queue).toContainText('FROM-BEN (by Ben Okafor')
    await queue.getByRole('button', { name: 'Use FROM-BEN' }).click()
    await expect(b.page.getByText('No conflicts: every change merged.')).toBeVisible()
    await a.core.sync.syncNow()
    expect(a.core.cases.get(created.id).coverage.memberId).toBe('FROM-BEN')
  })

  test('an exhibit attached on one laptop opens on the other; a case is taken to a clinic from its page', async ({ browser }) => {
    // Pages of their own contexts: axe-core's Playwright runner needs one (below).
    const a = await openLaptop(await (await browser.newContext()).newPage(), 'Cara Diaz')
    const b = await openLaptop(await (await browser.newContext()).newPage(), 'Dev Patel')
    const created = a.core.cases.create(sampleCase({ patient: { ...sampleCase().patient, firstName: 'Inés', lastName: 'Barrios' } }))
    const pdf = Buffer.from('%PDF-1.4\n% Letter of medical necessity for Ines Barrios\n%%EOF\n')
    a.core.documents.upload({ caseId: created.id, fileName: 'lmn.pdf', label: 'Letter of medical necessity', base64: pdf.toString('base64') } as never)
    await a.core.sync.syncNow()
    await b.page.getByTestId('sync-badge').getByRole('button', { name: 'Sync now' }).click()
    const uid = a.core.db.prepare('SELECT uid FROM cases WHERE id = ?').pluck().get(created.id) as string
    // The badge already said "no changes waiting" before the click: wait for the case itself.
    await expect.poll(() => b.core.db.prepare('SELECT id FROM cases WHERE uid = ?').pluck().get(uid) ?? null).not.toBeNull()
    const onB = b.core.db.prepare('SELECT id FROM cases WHERE uid = ?').pluck().get(uid) as number
    await expect.poll(() => b.core.sync.caseView(onB).waitingFiles.length).toBe(1)

    // Opening the case fetches its file; it is then an exhibit like any other.
    await b.page.evaluate((id) => { location.hash = `#/cases/${id}?section=evidence` }, onB)
    const clinic = b.page.getByTestId('case-clinic')
    await expect(clinic.getByRole('button', { name: 'Take to a clinic' })).toBeVisible()
    await expect.poll(() => b.core.documents.listAttachments(onB).length).toBe(1)
    await expect(b.page.getByText('Letter of medical necessity').first()).toBeVisible()
    expect(Buffer.from(b.core.documents.openAttachment(b.core.documents.listAttachments(onB)[0].id).base64, 'base64').equals(pdf)).toBe(true)

    // Keyboard only: focus the toggle and press Enter.
    await clinic.getByRole('button', { name: 'Take to a clinic' }).focus()
    await b.page.keyboard.press('Enter')
    await expect(clinic.getByTestId('kept-offline')).toHaveText('Kept on this laptop for a clinic visit')
    await expect(clinic.getByRole('button', { name: 'Stop keeping for a clinic' })).toHaveAttribute('aria-pressed', 'true')
    expect(b.core.sync.caseView(onB).keptOffline).toBe(true)
    // The case page with its clinic panel, and the board whose card says so, pass axe.
    const axe = (page: Page) => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect((await axe(b.page)).violations).toEqual([])
    await b.page.getByRole('link', { name: 'Board', exact: true }).click()
    await expect(b.page.getByTestId('board-card').filter({ hasText: 'Barrios' }).getByText('At a clinic')).toBeVisible()
    expect((await axe(b.page)).violations).toEqual([])

    // Both app sessions signed every change they pushed, and the server checked each signature.
    const { rows } = await server.pool.query<{ unsigned: number; signed: number }>(
      "SELECT COUNT(*) FILTER (WHERE signed_key_id IS NULL)::int AS unsigned, COUNT(*) FILTER (WHERE signed_key_id IS NOT NULL)::int AS signed FROM operations WHERE kind <> 'resolve'")
    expect(rows[0]).toMatchObject({ unsigned: 0, signed: expect.any(Number) })
    expect(rows[0].signed).toBeGreaterThan(0)
  })
})
