/**
 * The renderer's Content-Security-Policy, the same in Electron and in browser mode: only our own
 * scripts, no eval, no remote anything. `connect-src 'self'` lets browser mode reach its loopback bridge.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

/**
 * The types the renderer's built files are served with, the same by Electron's app:// protocol and by
 * the browser bridge (with `X-Content-Type-Options: nosniff` a wrong type breaks the file): pdf.js's
 * worker is a module script (issue 16), and anything unknown is plain bytes.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
}

export function contentTypeOf(file: string): string {
  const extension = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? ''
  return CONTENT_TYPES[extension] ?? 'application/octet-stream'
}
