import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base } from '@playwright/test'
import { startBridgeServer, type BridgeServer } from '../../electron/bridge/bridgeServer'
import { createCore, type Core } from '../../electron/core/createCore'
import { createDispatcher } from '../../electron/core/dispatcher'

export interface OverturnApp {
  dataDir: string
  bridge: BridgeServer
  core: Core
  /** Stops the core and bridge and starts them again on the same data folder, as a restart would. */
  restart: () => Promise<void>
}

async function start(dataDir: string) {
  const core = createCore({ dataDir })
  const bridge = await startBridgeServer({ dispatch: createDispatcher(core), rendererDir: resolve('out/renderer') })
  return { core, bridge }
}

/** A real core on a fresh data folder behind a real bridge, per test. */
export const test = base.extend<{ app: OverturnApp }>({
  app: [
    async ({ page }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overturn-e2e-'))
    let running = await start(dataDir)
    const app: OverturnApp = {
      dataDir,
      get bridge() {
        return running.bridge
      },
      get core() {
        return running.core
      },
      async restart() {
        await running.bridge.close()
        running.core.close()
        running = await start(dataDir)
      },
    }
    await page.goto(running.bridge.openUrl)
    await use(app)
    await running.bridge.close()
    running.core.close()
    rmSync(dataDir, { recursive: true, force: true })
    },
    { auto: true },
  ],
})
export { expect } from '@playwright/test'
