import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import { contentTypeOf } from '../../shared/security'
import { APP_SCHEME, resolveAppPath } from './appOrigin'

/**
 * `app://` is a standard, secure scheme (so the page has an origin, ES modules and workers load,
 * and fetch works on it). It must be declared before the app is ready.
 */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

/** Serves the built renderer, and nothing else, on `app://overturn/` (see resolveAppPath). */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppPath(rendererDir, request.url) : null
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
    const body = await readFile(file)
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
    })
  })
}
