import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base } from '@playwright/test'
import { startBridgeServer, type BridgeServer } from '../../electron/bridge/bridgeServer'
import { createEventHub, withCoreEvents } from '../../electron/core/events'
import type { Core } from '../../electron/core/createCore'
import { createAppSession, type AppSession } from '../../electron/core/session/appSession'

/** The test caseload's administrator; a cheap passphrase hash keeps the suite fast (the cost is a setting). */
export const TEST_USER = { displayName: 'Test Advocate', passphrase: 'correct horse battery staple' }
export const TEST_KDF = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 }

export interface OverturnApp {
  dataDir: string
  bridge: BridgeServer
  session: AppSession
  /** The unlocked core, for arranging data the way a user would have left it. */
  core: Core
  /** Stops the session and bridge and starts them again on the same folder, unlocked, as a restart would. */
  restart: () => Promise<void>
}

async function start(dataDir: string, options: { unlock: boolean }) {
  const session = createAppSession({ dataDir, kdf: TEST_KDF })
  if (session.status().state === 'new' && options.unlock) session.setup(TEST_USER.displayName, TEST_USER.passphrase)
  else if (options.unlock) {
    const status = session.status()
    if (status.state === 'locked') session.unlock(status.users[0].id, TEST_USER.passphrase)
  }
  // As `npm run browser` does: the core's pushed events stream to the page (electron/core/events.ts).
  const events = createEventHub()
  const bridge = await startBridgeServer({ dispatch: withCoreEvents(session.dispatch, events), events, rendererDir: resolve('out/renderer') })
  return { session, bridge }
}

/**
 * A real session and core on a fresh, encrypted data folder behind a real bridge, per test. The
 * caseload is set up and unlocked before the page opens, so feature tests start on the board; the
 * lock-screen tests use `freshApp` instead, which leaves the folder new.
 */
function appFixture(options: { unlock: boolean }) {
  return async ({ page }: { page: import('@playwright/test').Page }, use: (app: OverturnApp) => Promise<void>) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overturn-e2e-'))
    let running = await start(dataDir, options)
    const app: OverturnApp = {
      dataDir,
      get bridge() {
        return running.bridge
      },
      get session() {
        return running.session
      },
      get core() {
        const core = running.session.core
        if (!core) throw new Error('The test caseload is locked')
        return core
      },
      async restart() {
        await running.bridge.close()
        running.session.close()
        running = await start(dataDir, { unlock: true })
      },
    }
    await page.goto(running.bridge.openUrl)
    await use(app)
    await running.bridge.close()
    running.session.close()
    // A background integrity check already started holds its own connection (and -wal/-shm files) in a
    // worker: let it finish before the folder goes, or the removal races it (ENOTEMPTY).
    await running.session.integrityCheck.catch(() => {})
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 })
  }
}

export const test = base.extend<{ app: OverturnApp }>({
  app: [appFixture({ unlock: true }), { auto: true }],
})

/** A brand-new data folder, nothing set up: the first-run and lock screens. */
export const freshTest = base.extend<{ app: OverturnApp }>({
  app: [appFixture({ unlock: false }), { auto: true }],
})
export { expect } from '@playwright/test'
