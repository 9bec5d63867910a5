import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import type { Dispatch } from '../core/dispatcher'

/** Largest request body the bridge reads: far above any form, far below a memory problem. */
const MAX_BODY_BYTES = 1_000_000
/** Per-channel exceptions: an attachment upload carries a file of up to 25 MB as base64 (≈ 33.4 MB). */
/** Channels that carry files (base64 adds a third): attachments, case bundles (200 MB), spreadsheets. */
const MAX_BODY_BYTES_BY_CHANNEL = new Map<string, number>([
  ['documents:upload', 40_000_000],
  ['intake:start', 40_000_000],
  ['transfer:importBundle', 280_000_000],
  ['transfer:importCsv', 42_000_000],
  ['transfer:previewCsv', 42_000_000],
  ['applicants:import', 42_000_000],
])

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

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
export async function startBridgeServer(options: { dispatch: Dispatch; rendererDir: string; port?: number; token?: string }): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const expected = Buffer.from(token)
  let allowedHosts: string[] = []

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => send(res, 500, { ok: false, error: { code: 'internal', message: 'error.internal' } }))
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } })
    const path = (req.url ?? '/').split('?')[0]
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'forbidden', message: 'error.forbidden' } })
      const given = Buffer.from(String(req.headers['x-overturn-token'] ?? ''))
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return send(res, 401, { ok: false, error: { code: 'forbidden', message: 'error.badToken' } })
      }
      const channel = safeDecode(path.slice('/api/'.length))
      if (channel === null) return send(res, 400, { ok: false, error: { code: 'unknown_channel', message: 'error.unknownChannel' } })
      const body = await readBody(req, MAX_BODY_BYTES_BY_CHANNEL.get(channel) ?? MAX_BODY_BYTES)
      if (body === null) return send(res, 413, { ok: false, error: { code: 'validation', message: 'error.tooLarge' } }, { Connection: 'close' })
      let request: unknown
      try {
        request = body.length ? JSON.parse(body) : {}
      } catch {
        return send(res, 400, { ok: false, error: { code: 'validation', message: 'error.badJson' } })
      }
      return send(res, 200, await options.dispatch(channel, request))
    }
    return serveStatic(path, res)
  }

  async function serveStatic(path: string, res: ServerResponse) {
    const decoded = safeDecode(path)
    if (decoded === null) return send(res, 404, { ok: false })
    const relative = path === '/' ? 'index.html' : decoded.replace(/^\/+/, '')
    const file = normalize(join(options.rendererDir, relative))
    if (!file.startsWith(normalize(options.rendererDir) + sep)) return send(res, 404, { ok: false })
    try {
      const content = await readFile(file)
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
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
