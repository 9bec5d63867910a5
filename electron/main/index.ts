import { join } from 'node:path'
import { app, BrowserWindow, powerMonitor, session, shell } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import { CORE_EVENT_CHANNEL } from '../../shared/events'
import { createEventHub, withCoreEvents } from '../core/events'
import { createAppSession } from '../core/session/appSession'
import { APP_ENTRY_URL, isAllowedRequest, isTrustedUrl } from './appOrigin'
import { declareAppScheme, serveAppScheme } from './appProtocol'
import { createExternalOpener } from './externalOpener'
import { registerDesktopIpc, registerIpc } from './ipc'
import { startLogging } from './logging'
import { startDeadlineReminders } from './reminders'

// The data folder is named after package.json's `name`, not the product name the installers show,
// so a packaged "Overturn" and `npm start` open the same caseload (README, "Where your data lives").
app.setPath('userData', join(app.getPath('appData'), 'overturn'))
const dataDir = process.env.OVERTURN_DATA_DIR || join(app.getPath('userData'), 'caseload')
// The dev server is trusted only in development; a packaged app ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL || undefined
const rendererDir = join(import.meta.dirname, '../renderer')
/** The window icon (Linux shows it; Windows and macOS take the executable's, set by electron-builder). */
const windowIcon = join(app.getAppPath(), 'resources', 'icons', '512x512.png')

/** Only our own bundle (or the dev server in development) may navigate, open or call the core. */
const isTrusted = (url: string) => isTrustedUrl(url, devServerUrl)

function hardenSession(): void {
  const defaultSession = session.defaultSession
  // Every permission (camera, notifications via web API, geolocation...) is denied: the app needs none.
  defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  defaultSession.setPermissionCheckHandler(() => false)
  // Chromium's spellchecker downloads Hunspell dictionaries from Google: off (no network, ever).
  defaultSession.setSpellCheckerEnabled(false)
  defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  // Patient data never leaves the machine: refuse every request that is not our own origin.
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl) })
  })
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Overturn',
    icon: windowIcon,
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrusted(url)) event.preventDefault()
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL)
  return window
}

declareAppScheme()
// No crash reporter is started and no updater exists: the app makes no network requests of its own.
// One running instance per user: a second launch focuses the first window and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const log = startLogging()
  app.on('second-instance', () => {
    const first = BrowserWindow.getAllWindows()[0]
    if (!first) return
    if (first.isMinimized()) first.restore()
    first.show()
    first.focus()
    log.info('app.second-instance')
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrusted(url)) event.preventDefault()
    })
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
    // A crashed or killed page is worth a line for whoever supports the clinic: the reason only.
    contents.on('render-process-gone', (_event, details) => log.error('renderer.gone', { code: details.reason.replace(/-/g, '_') }))
  })
  void app.whenReady().then(() => {
    log.info('app.ready')
    hardenSession()
    serveAppScheme(rendererDir)
    const appSession = createAppSession({ dataDir, appVersion: app.getVersion() })
    // The core pushes what changed (shared/events.ts) to every window instead of the page polling.
    const events = createEventHub()
    events.subscribe((event) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CORE_EVENT_CHANNEL, event)
    })
    registerIpc(withCoreEvents(appSession.dispatch, events), isTrusted, log)
    const opener = createExternalOpener({ dispatch: appSession.dispatch, tempRoot: app.getPath('temp'), openPath: (path) => shell.openPath(path), log })
    opener.sweepLeftovers()
    registerDesktopIpc(opener, isTrusted, log)
    createWindow()
    const stopReminders = startDeadlineReminders(() => appSession.core)
    // Locking closes the database, forgets the key and clears the screen (the page reloads to the lock screen).
    const lockNow = () => {
      if (appSession.status().state !== 'unlocked') return
      appSession.lock()
      log.info('session.locked-by-system')
      for (const window of BrowserWindow.getAllWindows()) window.webContents.reload()
    }
    powerMonitor.on('suspend', lockNow)
    powerMonitor.on('lock-screen', lockNow)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
    app.on('before-quit', () => {
      stopReminders()
      appSession.close()
      opener.cleanup()
      log.info('app.quit')
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
