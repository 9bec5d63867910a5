/**
 * Dev helper: starts browser mode on a temp caseload and saves a screenshot of a route, printing any
 * console errors. `npx tsx scripts/screenshot.ts [route] [out.png]`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { startBridgeServer } from '../electron/bridge/bridgeServer'
import { createEventHub, withCoreEvents } from '../electron/core/events'
import { createAppSession } from '../electron/core/session/appSession'

const route = process.argv[2] ?? '/'
const out = process.argv[3] ?? 'screenshot.png'
// A throwaway encrypted caseload, set up and unlocked, so the route opens as a signed-in user sees it.
const session = createAppSession({ dataDir: mkdtempSync(join(tmpdir(), 'overturn-shot-')), kdf: { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 } })
if (process.env.SHOT_LOCKED !== '1') session.setup('Screenshot Advocate', 'screenshot passphrase')
const events = createEventHub()
const bridge = await startBridgeServer({ dispatch: withCoreEvents(session.dispatch, events), events, rendererDir: resolve('out/renderer') })
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
session.close()
