/**
 * Dev helper: starts browser mode on a temp caseload and saves a screenshot of a route, printing any
 * console errors. `npx tsx scripts/screenshot.ts [route] [out.png]`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { startBridgeServer } from '../electron/bridge/bridgeServer'
import { createCore } from '../electron/core/createCore'
import { createDispatcher } from '../electron/core/dispatcher'

const route = process.argv[2] ?? '/'
const out = process.argv[3] ?? 'screenshot.png'
const core = createCore({ dataDir: process.env.OVERTURN_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'overturn-shot-')) })
const bridge = await startBridgeServer({ dispatch: createDispatcher(core), rendererDir: resolve('out/renderer') })
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()))
page.on('pageerror', (e) => console.log('pageerror:', e.message))
await page.goto(`${bridge.openUrl}#${route}`)
await page.waitForTimeout(1500)
await page.screenshot({ path: out, fullPage: false })
console.log(`saved ${out}`)
await browser.close()
await bridge.close()
core.close()
