import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, normalize, sep } from 'node:path'
import { contract, type Channel } from '../../shared/contract'
import { DEFAULT_MAX_BODY_BYTES } from '../../shared/contracts/channel'
import type { CoreEvent } from '../../shared/events'
import { CONTENT_SECURITY_POLICY, contentTypeOf } from '../../shared/security'
import type { Dispatch } from '../core/dispatcher'
import { errorCodeOf, isLoggedCall, silentLog, type EventLog } from '../core/logging/eventLog'

/** The body limit is the channel's declared policy; an unknown name gets the ordinary form limit. */
const maxBodyBytesOf = (channel: string) =>
  Object.hasOwn(contract, channel) ? contract[channel as Channel].policy.maxBodyBytes : DEFAULT_MAX_BODY_BYTES

export interface BridgeServer {
  url: string
  /** The address to open: carries the per-run token once, the page keeps it for the session. */
  openUrl: string
  token: string
  server: Server
  close: () => Promise<void>
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

/**
 * Browser mode: serves the built renderer and the same contract as Electron IPC over HTTP, bound to
 * 127.0.0.1 only. Every API call must carry the random per-run token; the Host header must name the
 * loopback address (a defence against DNS rebinding); requests are validated by the same dispatcher.
 */
export async function startBridgeServer(options: {
  dispatch: Dispatch
  rendererDir: string
  port?: number
  token?: string
  log?: EventLog
  /** The core's pushed events, streamed on GET /events (Server-Sent Events) behind the same token. */
  events?: { subscribe: (listener: (event: CoreEvent) => void) => () => void }
}): Promise<BridgeServer> {
  // Events, channel names and error codes only (electron/core/logging/eventLog.ts).
  const log = options.log ?? silentLog
  const token = options.token ?? randomBytes(24).toString('base64url')
  const expected = Buffer.from(token)
  let allowedHosts: string[] = []

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      log.error('bridge.failed', { code: errorCodeOf(error) })
      send(res, 500, { ok: false, error: { code: 'internal', message: 'error.internal' } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      log.warn('bridge.refused', { status: 421, code: 'forbidden' })
      return send(res, 421, { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } })
    }
    const path = (req.url ?? '/').split('?')[0]
    if (path === '/events') {
      if (req.method !== 'GET' || !options.events) return send(res, 405, { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } })
      if (!hasToken(req)) return send(res, 401, { ok: false, error: { code: 'forbidden', message: 'error.badToken' } })
      return streamEvents(req, res, options.events)
    }
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } })
      if (!hasToken(req)) {
        log.warn('bridge.refused', { status: 401, code: 'forbidden' })
        return send(res, 401, { ok: false, error: { code: 'forbidden', message: 'error.badToken' } })
      }
      const channel = safeDecode(path.slice('/api/'.length))
      if (channel === null) return send(res, 400, { ok: false, error: { code: 'unknown_channel', message: 'error.unknownChannel' } })
      const body = await readBody(req, maxBodyBytesOf(channel))
      if (body === null) return send(res, 413, { ok: false, error: { code: 'validation', message: 'error.tooLarge' } }, { Connection: 'close' })
      let request: unknown
      try {
        request = body.length ? JSON.parse(body) : {}
      } catch {
        return send(res, 400, { ok: false, error: { code: 'validation', message: 'error.badJson' } })
      }
      const result = await options.dispatch(channel, request)
      if (!result.ok) log.info('bridge.call-failed', result.error.code === 'unknown_channel' ? { code: 'unknown_channel' } : { channel, code: result.error.code })
      else if (isLoggedCall(channel)) log.info('bridge.call', { channel })
      return send(res, 200, result)
    }
    return serveStatic(path, res)
  }

  function hasToken(req: IncomingMessage): boolean {
    const given = Buffer.from(String(req.headers['x-overturn-token'] ?? ''))
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  /**
   * The built scripts and styles under assets/ carry a hash of their content in their names and no
   * patient data: the browser may keep them (and its compiled code) for good, as Electron's code cache
   * does for app://, so a reload does not fetch and compile the whole renderer again (issue 15).
   * Everything else, index.html included (it names the current hashes), is never stored.
   */
  const cachePolicyOf = (relative: string) => (/^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(js|mjs|css)$/.test(relative) ? 'private, max-age=31536000, immutable' : 'no-store')

  async function serveStatic(path: string, res: ServerResponse) {
    const decoded = safeDecode(path)
    if (decoded === null) return send(res, 404, { ok: false })
    const relative = path === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
    const file = normalize(join(options.rendererDir, relative))
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(res, 404, { ok: false })
    try {
      const content = await readFile(file)
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Cache-Control': cachePolicyOf(relative) })
      res.end(content)
    } catch {
      send(res, 404, { ok: false })
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  const url = `http://127.0.0.1:${port}/`
  log.info('bridge.started')
  return {
    url,
    openUrl: `${url}?token=${encodeURIComponent(token)}`,
    token,
    server,
    // Open pages keep connections alive (reminder polling): end them, or close would wait forever.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** One event per `data:` line; the stream stays open until the page goes or the server closes. */
function streamEvents(req: IncomingMessage, res: ServerResponse, events: NonNullable<Parameters<typeof startBridgeServer>[0]['events']>) {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
  res.write(': connected\n\n')
  const unsubscribe = events.subscribe((event) => void res.write(`data: ${JSON.stringify(event)}\n\n`))
  req.on('close', unsubscribe)
}

/** A malformed percent-encoding (`%`, `%E0%A4%A`) is a bad request, not a server error. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function send(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders })
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        // The rest is read and dropped rather than the socket destroyed: destroying it reset the
        // connection before the 413 could be sent, so the client saw a hang-up instead of an answer.
        chunks.length = 0
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
