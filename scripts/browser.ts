/**
 * `npm run browser`: the same renderer and core as the desktop app, served on 127.0.0.1 with a
 * per-run token, for machines without the Electron binary (and for end-to-end tests). The caseload
 * opens locked; the first run asks for an administrator account in the page.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { createBrowserLog } from '../electron/bridge/bridgeLog'
import { startBridgeServer } from '../electron/bridge/bridgeServer'
import { createEventHub, withCoreEvents } from '../electron/core/events'
import { defaultDataDir } from '../electron/core/paths'
import { createAppSession } from '../electron/core/session/appSession'

const rendererDir = resolve('out/renderer')
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run `npm run build` first (npm run browser does this for you).')
  process.exit(1)
}
const dataDir = defaultDataDir()
// Beside the caseload folder, like the desktop app's logs folder (inside it when OVERTURN_DATA_DIR is set).
const logDir = process.env.OVERTURN_DATA_DIR ? join(dataDir, 'logs') : join(dirname(dataDir), 'logs')
const log = createBrowserLog(logDir, { captureConsole: true })
const appVersion = (JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string }).version
const session = createAppSession({ dataDir, appVersion })
const status = session.status()
if (status.state === 'in_use') {
  console.error(status.message)
  process.exit(1)
}
const events = createEventHub()
const bridge = await startBridgeServer({
  dispatch: withCoreEvents(session.dispatch, events),
  events,
  rendererDir,
  port: Number(process.env.OVERTURN_PORT ?? 5180),
  log,
})
console.log(`Overturn is running in browser mode.\n  Caseload: ${dataDir}\n  Open: ${bridge.openUrl}\nPress Ctrl+C to stop.`)
console.log(`  Log: ${join(logDir, 'browser.log')} (events and error codes only, never patient data)`)

function stop() {
  void bridge.close().then(() => {
    session.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
