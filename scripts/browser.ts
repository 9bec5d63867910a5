/**
 * `npm run browser`: the same renderer and core as the desktop app, served on 127.0.0.1 with a
 * per-run token, for machines without the Electron binary (and for end-to-end tests).
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { startBridgeServer } from '../electron/bridge/bridgeServer'
import { createCore } from '../electron/core/createCore'
import { createDispatcher } from '../electron/core/dispatcher'
import { defaultDataDir } from '../electron/core/paths'

const rendererDir = resolve('out/renderer')
if (!existsSync(resolve(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run `npm run build` first (npm run browser does this for you).')
  process.exit(1)
}
const dataDir = defaultDataDir()
const core = createCore({ dataDir })
const bridge = await startBridgeServer({
  dispatch: createDispatcher(core),
  rendererDir,
  port: Number(process.env.OVERTURN_PORT ?? 5180),
})
console.log(`Overturn is running in browser mode.\n  Caseload: ${dataDir}\n  Open: ${bridge.openUrl}\nPress Ctrl+C to stop.`)

function stop() {
  void bridge.close().then(() => {
    core.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
