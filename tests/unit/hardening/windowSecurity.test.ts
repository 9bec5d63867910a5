import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../shared/contract'
import { makeTempDir } from '../core/testCore'

/**
 * Issue 6, item 7.6, and issue 16 (the `app://` origin): the Electron main process's security
 * settings, read from the real electron/main/index.ts with only the Electron binary mocked ('electron'
 * and electron-log's main-process entry, which needs it); the binary cannot run here. The mock records
 * BrowserWindow options, web-contents handlers, the default session's handlers, the protocol
 * handler, app events and log lines.
 */

type Handler = (...args: never[]) => unknown
const electron = vi.hoisted(() => {
  const rec = {
    windows: [] as { options: Record<string, unknown>; contents: { handlers: Map<string, Handler>; openHandler: Handler | null } }[],
    appHandlers: new Map<string, Handler>(),
    powerHandlers: new Map<string, Handler>(),
    ipc: new Map<string, Handler>(),
    permissionRequest: null as Handler | null,
    permissionCheck: null as Handler | null,
    headersReceived: null as Handler | null,
    beforeRequest: null as Handler | null,
    singleInstanceAsked: false,
    ready: null as Promise<void> | null,
    spellChecker: null as boolean | null,
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    loadedUrls: [] as string[],
    logLines: [] as string[],
    tempDir: '',
    windowCalls: [] as string[],
    mocked: null as unknown,
    secondInstanceWindow: null as unknown,
    paths: new Map<string, string>([['appData', '/home/ana/.config']]),
  }
  return rec
})

vi.mock('electron', () => {
  const contents = () => ({
    handlers: new Map<string, Handler>(),
    openHandler: null as Handler | null,
    on(event: string, fn: Handler) {
      this.handlers.set(event, fn)
    },
    setWindowOpenHandler(fn: Handler) {
      this.openHandler = fn
    },
    reload: () => {},
  })
  class BrowserWindow {
    webContents = contents()
    constructor(options: Record<string, unknown>) {
      electron.windows.push({ options, contents: this.webContents })
    }
    once() {}
    isMinimized = () => true
    restore = () => electron.windowCalls.push('restore')
    show = () => electron.windowCalls.push('show')
    focus = () => electron.windowCalls.push('focus')
    loadFile = async () => {}
    loadURL = async (url: string) => {
      electron.loadedUrls.push(url)
    }
    static getAllWindows = () => (electron.secondInstanceWindow ? [electron.secondInstanceWindow] : [])
  }
  const app = {
    getPath: (name: string) => (name === 'temp' ? electron.tempDir : (electron.paths.get(name) ?? '/nonexistent')),
    setPath: (name: string, path: string) => electron.paths.set(name, path),
    getAppPath: () => '/opt/Overturn/resources/app.asar',
    getVersion: () => '0.1.0',
    isPackaged: true,
    requestSingleInstanceLock: () => ((electron.singleInstanceAsked = true), true),
    quit: () => {},
    on: (event: string, fn: Handler) => electron.appHandlers.set(event, fn),
    whenReady: () => (electron.ready = Promise.resolve()),
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: Handler) => (electron.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Handler) => (electron.permissionCheck = fn),
      setSpellCheckerEnabled: (enabled: boolean) => (electron.spellChecker = enabled),
      webRequest: {
        onHeadersReceived: (fn: Handler) => (electron.headersReceived = fn),
        onBeforeRequest: (fn: Handler) => (electron.beforeRequest = fn),
      },
    },
  }
  electron.mocked = { BrowserWindow }
  return {
    app,
    BrowserWindow,
    session,
    powerMonitor: { on: (event: string, fn: Handler) => electron.powerHandlers.set(event, fn) },
    ipcMain: { handle: (channel: string, fn: Handler) => electron.ipc.set(channel, fn) },
    Notification: Object.assign(function Notification() {}, { isSupported: () => false }),
    shell: { openPath: async () => '' },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => electron.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: Request) => Promise<Response>) => electron.protocolHandlers.set(scheme, fn),
    },
  }
})

vi.mock('electron-log/main', () => {
  const file = { resolvePathFn: null as unknown, level: 'silly', maxSize: 0 }
  const record = (level: string) => (line: string) => electron.logLines.push(`${level} ${line}`)
  return { default: { transports: { file, console: { level: 'silly' } }, info: record('info'), warn: record('warn'), error: record('error') } }
})

const data = makeTempDir('overturn-main-')
beforeAll(async () => {
  electron.tempDir = data.dir
  vi.stubEnv('OVERTURN_DATA_DIR', data.dir)
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  await import('../../../electron/main/index')
  await electron.ready
  await new Promise((resolve) => setTimeout(resolve, 0))
})
afterAll(() => {
  ;(electron.appHandlers.get('before-quit') as (() => void) | undefined)?.()
  vi.unstubAllEnvs()
  data.cleanup()
})

type NavEvent = { preventDefault: () => void; prevented: boolean }
const navEvent = (): NavEvent => {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) }
  return e
}
const OWN_RENDERER = 'app://overturn/index.html'
const FOREIGN = [
  'https://evil.example/',
  'http://127.0.0.1:8080/',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'file:///etc/passwd',
  'https://evil.example/renderer/index.html',
  // The old trust rule accepted any file URL ending in /renderer/index.html, a network share's too.
  'file:///opt/Overturn/resources/app.asar/out/renderer/index.html',
  'file://fileserver/share/out/renderer/index.html',
  'app://evil/index.html',
  'app://overturn.evil.example/index.html',
  'app://user:pw@overturn/index.html',
  'not a url',
]

describe('the main window (electron/main/index.ts)', () => {
  it('asks for the single-instance lock and opens one window, on app://overturn, with the app’s icon', () => {
    expect(electron.singleInstanceAsked).toBe(true)
    expect(electron.windows).toHaveLength(1)
    expect(electron.loadedUrls).toEqual(['app://overturn/index.html'])
    expect(String(electron.windows[0].options.icon)).toMatch(/resources[\\/]icons[\\/]512x512\.png$/)
    expect(electron.appHandlers.has('second-instance')).toBe(true)
    // The data folder keeps the package name whatever the product name: ~/.config/overturn.
    expect(electron.paths.get('userData')).toBe('/home/ana/.config/overturn')
  })

  it('a second launch brings the first window back (restored, shown, focused) instead of opening another', () => {
    const { BrowserWindow } = electron.mocked as { BrowserWindow: new (o: object) => unknown }
    electron.secondInstanceWindow = new BrowserWindow({})
    electron.windows.pop()
    ;(electron.appHandlers.get('second-instance') as () => void)()
    expect(electron.windowCalls).toEqual(['restore', 'show', 'focus'])
    expect(electron.windows).toHaveLength(1)
    electron.secondInstanceWindow = null
  })

  it('declares app:// a standard, secure scheme and serves only the renderer folder on it', async () => {
    expect(electron.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    const handler = electron.protocolHandlers.get('app')!
    expect(handler).toBeTypeOf('function')
    for (const url of ['app://overturn/../../../../etc/passwd', 'app://overturn/%2e%2e/%2e%2e/etc/passwd', 'app://overturn/..%2f..%2fetc%2fpasswd', 'app://evil/index.html']) {
      const response = await handler(new Request(url))
      expect(response.status, url).toBe(404)
    }
  })

  it('turns spellcheck off (Chromium would download dictionaries) and logs only events', () => {
    expect(electron.spellChecker).toBe(false)
    expect((electron.windows[0].options.webPreferences as Record<string, unknown>).spellcheck).toBe(false)
    expect(electron.logLines).toContain('info app.ready')
  })

  it('isolates the renderer: contextIsolation, sandbox, webSecurity on; nodeIntegration off; preload is the bundled CJS', () => {
    const prefs = electron.windows[0].options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    for (const risky of ['nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures', 'webviewTag']) {
      expect(prefs[risky], risky).toBeFalsy()
    }
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('denies every new window, on the main window and on any web contents created later', () => {
    const handlers = [electron.windows[0].contents.openHandler]
    const later = { handlers: new Map<string, Handler>(), openHandler: null as Handler | null }
    ;(electron.appHandlers.get('web-contents-created') as (e: unknown, c: unknown) => void)({}, {
      on: (event: string, fn: Handler) => later.handlers.set(event, fn),
      setWindowOpenHandler: (fn: Handler) => (later.openHandler = fn),
    })
    handlers.push(later.openHandler)
    for (const handler of handlers) {
      expect(handler).toBeTypeOf('function')
      for (const url of [...FOREIGN, OWN_RENDERER]) expect((handler as (d: { url: string }) => unknown)({ url })).toEqual({ action: 'deny' })
    }
    for (const url of FOREIGN) {
      const e = navEvent()
      ;(later.handlers.get('will-navigate') as (e: NavEvent, url: string) => void)(e, url)
      expect(e.prevented, url).toBe(true)
    }
    // A renderer crash is logged by its reason only.
    ;(later.handlers.get('render-process-gone') as (e: unknown, d: { reason: string; exitCode: number }) => void)({}, { reason: 'launch-failed', exitCode: 9 })
    expect(electron.logLines).toContain('error renderer.gone code=launch_failed')
  })

  it('prevents navigation to anything but its own renderer, and refuses webviews', () => {
    const willNavigate = electron.windows[0].contents.handlers.get('will-navigate') as (e: NavEvent, url: string) => void
    for (const url of FOREIGN) {
      const e = navEvent()
      willNavigate(e, url)
      expect(e.prevented, url).toBe(true)
    }
    const own = navEvent()
    willNavigate(own, OWN_RENDERER)
    expect(own.prevented).toBe(false)
    const webview = navEvent()
    ;(electron.windows[0].contents.handlers.get('will-attach-webview') as (e: NavEvent) => void)(webview)
    expect(webview.prevented).toBe(true)
  })

  it('answers false to every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'serial']) {
      const callback = vi.fn()
      ;(electron.permissionRequest as (wc: unknown, p: string, cb: (granted: boolean) => void) => void)({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect((electron.permissionCheck as (wc: unknown, p: string) => boolean)({}, permission)).toBe(false)
    }
  })

  it('sets a Content-Security-Policy on every response: script-src self, no unsafe-eval, nothing remote', () => {
    const callback = vi.fn()
    ;(electron.headersReceived as (d: unknown, cb: (r: unknown) => void) => void)({ url: OWN_RENDERER, responseHeaders: { 'X-Other': ['kept'] } }, callback)
    const headers = (callback.mock.calls[0][0] as { responseHeaders: Record<string, string[]> }).responseHeaders
    expect(headers['X-Other']).toEqual(['kept'])
    const csp = headers['Content-Security-Policy'].join('; ')
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(csp).not.toMatch(/https?:|\*/)
  })

  it('cancels every http(s) and socket request and lets the app’s own files through', () => {
    const decide = (url: string) => {
      const callback = vi.fn()
      ;(electron.beforeRequest as (d: unknown, cb: (r: { cancel: boolean }) => void) => void)({ url }, callback)
      return (callback.mock.calls[0][0] as { cancel: boolean }).cancel
    }
    for (const url of ['https://evil.example/collect?phi=1', 'http://127.0.0.1:3000/', 'http://localhost/', 'ws://evil.example/', 'wss://evil.example/', 'ftp://evil.example/']) {
      expect(decide(url), url).toBe(true)
    }
    for (const url of ['file:///opt/Overturn/resources/app.asar/out/renderer/assets/index.js', 'file:///etc/passwd', 'app://evil/x.js']) {
      expect(decide(url), url).toBe(true)
    }
    for (const url of [OWN_RENDERER, 'app://overturn/assets/index.js', 'blob:app://overturn/5d1c', 'devtools://devtools/bundled/inspector.html']) {
      expect(decide(url), url).toBe(false)
    }
  })

  it('registers every contract channel over IPC and refuses senders that are not its renderer', async () => {
    // Every contract channel, plus the one desktop-only method (shared/desktop.ts).
    expect([...electron.ipc.keys()].sort()).toEqual([...CHANNELS, 'desktop:openInWordProcessor'].sort())
    const openWord = electron.ipc.get('desktop:openInWordProcessor') as (event: unknown, request: unknown) => Promise<unknown>
    expect(await openWord({ senderFrame: { url: 'file:///etc/x.html' } }, { attachmentId: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // From our own page it still goes through documents:open, which refuses while nothing is unlocked.
    expect(await openWord({ senderFrame: { url: OWN_RENDERER } }, { attachmentId: 1 })).toMatchObject({ ok: false })
    const status = electron.ipc.get('session:status') as (event: unknown, request: unknown) => Promise<unknown>
    expect(await status({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await status({ senderFrame: null }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await status({ senderFrame: { url: OWN_RENDERER } }, {})).toMatchObject({ ok: true, data: { state: 'new' } })
    expect(await status({ senderFrame: { url: 'file:///opt/Overturn/resources/app.asar/out/renderer/index.html' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // The refusal is logged by channel name only.
    expect(electron.logLines).toContain('warn ipc.refused-sender channel=session:status')
  })

  it('locks on suspend and on screen lock', () => {
    expect(electron.powerHandlers.has('suspend')).toBe(true)
    expect(electron.powerHandlers.has('lock-screen')).toBe(true)
  })
})
