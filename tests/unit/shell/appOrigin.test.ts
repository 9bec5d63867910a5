import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isAllowedRequest, isTrustedUrl, resolveAppPath } from '../../../electron/main/appOrigin'
import { makeTempDir } from '../core/testCore'

/**
 * Issue 16, item 1: the pure rules behind the desktop shell's `app://` protocol and origin checks
 * (electron/main/appOrigin.ts). No Electron involved: these run on real files in a temp folder.
 */
const temp = makeTempDir('overturn-app-origin-')
const root = join(temp.dir, 'out', 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html>')
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}')
writeFileSync(join(root, 'assets', 'a b.css'), '')
writeFileSync(join(temp.dir, 'out', 'secret.txt'), 'outside the renderer')
writeFileSync(join(temp.dir, 'rendererX.txt'), 'a sibling whose name starts like the root')
symlinkSync(join(temp.dir, 'out', 'secret.txt'), join(root, 'assets', 'link-out.txt'))
symlinkSync(join(temp.dir, 'out'), join(root, 'dir-link'))
symlinkSync(join(root, 'index.html'), join(root, 'assets', 'link-in.html'))
afterAll(() => temp.cleanup())

describe('resolveAppPath: app://overturn/… maps to a file inside the renderer folder, or nothing', () => {
  it('serves the renderer’s own files; / is the index page', () => {
    expect(resolveAppPath(root, 'app://overturn/')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://overturn/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppPath(root, 'app://overturn/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(resolveAppPath(root, 'app://overturn/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'))
    // A symlink that stays inside the folder is fine.
    expect(resolveAppPath(root, 'app://overturn/assets/link-in.html')).toBe(join(root, 'index.html'))
  })

  it.each([
    ['parent segments', 'app://overturn/../secret.txt'],
    ['parent segments deeper', 'app://overturn/assets/../../secret.txt'],
    ['percent-encoded dots', 'app://overturn/%2e%2e/secret.txt'],
    ['mixed-case encoded dots', 'app://overturn/%2E%2e/secret.txt'],
    ['half-encoded dots', 'app://overturn/.%2e/secret.txt'],
    ['encoded slash', 'app://overturn/..%2fsecret.txt'],
    ['encoded slash in a name', 'app://overturn/assets%2Findex-abc.js'],
    ['encoded backslash', 'app://overturn/..%5csecret.txt'],
    ['double-encoded dots', 'app://overturn/%252e%252e/secret.txt'],
    ['NUL byte', 'app://overturn/index.html%00.png'],
    ['absolute path', 'app://overturn//etc/passwd'],
    ['absolute path, encoded', 'app://overturn/%2fetc%2fpasswd'],
    ['a Windows drive', 'app://overturn/C:/Windows/win.ini'],
    ['a sibling folder with the same prefix', 'app://overturn/../rendererX.txt'],
    ['a symlink to a file outside', 'app://overturn/assets/link-out.txt'],
    ['a symlinked folder outside', 'app://overturn/dir-link/secret.txt'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///' + join(root, 'index.html')],
    ['a folder', 'app://overturn/assets'],
    ['a missing file', 'app://overturn/nope.js'],
    ['malformed encoding', 'app://overturn/%E0%A4%A'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })
})

describe('isTrustedUrl: exactly the app://overturn origin (and the dev server, in development only)', () => {
  it('trusts our origin, any path on it', () => {
    expect(isTrustedUrl('app://overturn/index.html')).toBe(true)
    expect(isTrustedUrl('app://overturn/index.html#/cases/3')).toBe(true)
  })

  it.each([
    'file:///opt/Overturn/resources/app.asar/out/renderer/index.html',
    'file://server/share/out/renderer/index.html',
    'app://overturn.evil.example/',
    'app://evil/overturn',
    'app://user@overturn/index.html',
    'http://127.0.0.1:5173/',
    'https://overturn/',
    'javascript:alert(1)',
    '',
    'garbage',
  ])('refuses %s', (url) => {
    expect(isTrustedUrl(url)).toBe(false)
  })

  it('trusts the dev server’s origin only when one is given, and only that origin', () => {
    const dev = 'http://localhost:5173/'
    expect(isTrustedUrl('http://localhost:5173/#/board', dev)).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173.evil.example/', dev)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/')).toBe(false)
    // A dev server URL that is not plain loopback http is not a dev server.
    expect(isTrustedUrl('file:///x', 'file:///x')).toBe(false)
  })
})

describe('isAllowedRequest: what the session lets load', () => {
  it('lets our origin and in-memory URLs through, nothing else', () => {
    for (const url of ['app://overturn/assets/pdf.worker.min.mjs', 'blob:app://overturn/1234', 'data:image/png;base64,AA', 'devtools://devtools/x']) expect(isAllowedRequest(url), url).toBe(true)
    for (const url of ['https://cdn.example/pdf.worker.js', 'http://127.0.0.1:1/', 'file:///etc/passwd', 'ws://localhost/', 'app://evil/x']) expect(isAllowedRequest(url), url).toBe(false)
  })
})
