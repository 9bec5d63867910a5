import { realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * The renderer's one origin in the desktop app. Serving the bundle from a custom standard scheme
 * instead of `file://` gives it a real origin (Electron security checklist #18, "avoid file://"):
 * the navigation and IPC sender checks compare origins, and no other file on the disk, a network
 * share or another host can pass for our page.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'overturn'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True only for a URL of our own origin, `app://overturn`, or, in development only, of the
 * electron-vite dev server's origin. `file://` is never trusted, whatever its path.
 */
export function isTrustedUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  if (!devServerUrl) return false
  const dev = parse(devServerUrl)
  return dev !== null && dev.protocol === 'http:' && parsed.origin === dev.origin
}

/** Requests the session lets through: our origin, the dev server in development, and in-memory data. */
export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (/^(devtools|blob|data):/.test(url)) return true
  return isTrustedUrl(url, devServerUrl)
}

/**
 * Maps an `app://overturn/...` request to a file inside `rootDir` (the built renderer), or null.
 * Refuses, rather than repairs: other hosts, malformed percent-encoding, encoded slashes or
 * backslashes, NUL bytes, any `..` segment (plain or percent-encoded), and any file whose real path
 * (after symlinks) leaves the root. A folder or a missing file is null too. `/` is the index page.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  const parsed = parse(requestUrl)
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  // The URL parser has already collapsed `..` and `%2e%2e` segments; the raw text is checked too,
  // so a request that needed collapsing is refused instead of silently pointed somewhere else.
  const rawPath = requestUrl.slice(requestUrl.indexOf(APP_HOST) + APP_HOST.length).split(/[?#]/)[0]
  if (/%2f|%5c|%00/i.test(rawPath) || /(^|\/)(\.|%2e){2}(\/|$)/i.test(rawPath)) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:$/.test(s))) return null
  const root = resolve(rootDir)
  const file = segments.length === 0 ? join(root, 'index.html') : resolve(root, ...segments)
  if (!isInside(root, file)) return null
  try {
    // Symlinks are followed and the real path must still be inside the real root.
    const realRoot = realpathSync(root)
    const realFile = realpathSync(file)
    if (!isInside(realRoot, realFile) || !statSync(realFile).isFile()) return null
    return realFile
  } catch {
    return null
  }
}

function isInside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..')
}
