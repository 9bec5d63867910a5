import { join } from 'node:path'
import { app, BrowserWindow, powerMonitor, session } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import { CORE_EVENT_CHANNEL } from '../../shared/events'
import { createEventHub, withCoreEvents } from '../core/events'
import { createAppSession } from '../core/session/appSession'
import { registerIpc } from './ipc'
import { startDeadlineReminders } from './reminders'

const dataDir = process.env.OVERTURN_DATA_DIR || join(app.getPath('userData'), 'caseload')
const rendererUrl = process.env.ELECTRON_RENDERER_URL
const rendererFile = join(import.meta.dirname, '../renderer/index.html')

/** Only our own bundle (or the dev server in development) may call the core. */
function isTrustedUrl(url: string): boolean {
  if (rendererUrl) return url.startsWith(rendererUrl)
  return url.startsWith('file://') && decodeURIComponent(new URL(url).pathname).endsWith('/renderer/index.html')
}

function hardenSession(): void {
  // Every permission (camera, notifications via web API, geolocation...) is denied: the app needs none.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  // Patient data never leaves the machine: refuse every request that is not our own files.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url
    const isLocal = /^(file|devtools|blob|data):/.test(url) || (rendererUrl ? url.startsWith(rendererUrl) : false)
    callback({ cancel: !isLocal })
  })
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Overturn',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault()
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  if (rendererUrl) void window.loadURL(rendererUrl)
  else void window.loadFile(rendererFile)
}

// One running instance per caseload: a second launch focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault()
    })
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  void app.whenReady().then(() => {
    hardenSession()
    const appSession = createAppSession({ dataDir })
    // The core pushes what changed (shared/events.ts) to every window instead of the page polling.
    const events = createEventHub()
    events.subscribe((event) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CORE_EVENT_CHANNEL, event)
    })
    registerIpc(withCoreEvents(appSession.dispatch, events), isTrustedUrl)
    createWindow()
    const stopReminders = startDeadlineReminders(() => appSession.core)
    // Locking closes the database, forgets the key and clears the screen (the page reloads to the lock screen).
    const lockNow = () => {
      if (appSession.status().state !== 'unlocked') return
      appSession.lock()
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
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
