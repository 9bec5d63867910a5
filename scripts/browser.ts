/**
 * `npm run browser`: the same renderer and core as the desktop app, served on 127.0.0.1 with a
 * per-run token, for machines without the Electron binary (and for end-to-end tests). The caseload
 * opens locked; the first run asks for an administrator account in the page.
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
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
const session = createAppSession({ dataDir })
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
})
console.log(`Overturn is running in browser mode.\n  Caseload: ${dataDir}\n  Open: ${bridge.openUrl}\nPress Ctrl+C to stop.`)

function stop() {
  void bridge.close().then(() => {
    session.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
