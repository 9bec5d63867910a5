import fc from 'fast-check'
import { mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBridgeServer, type BridgeServer } from '../../../electron/bridge/bridgeServer'
import { CHANNELS, type ApiResult } from '../../../shared/contract'
import { makeTempDir } from '../core/testCore'
import { requestFor } from './fuzzArbitraries'
import { dbFingerprint, expectSafeError, folderFingerprint, newUnlockedSession } from './hardeningHelpers'

/**
 * Issue 6, item 7.1 through the loopback bridge: bodies that are not JSON, wrong content types,
 * oversize bodies, bad tokens and path traversal on the static server. Every refusal is an HTTP
 * status with a JSON error (never a 500, never a hang) and writes nothing.
 */

const TOKEN = 'hardening-token-0123456789abcdef'
const SECRET = 'SECRET-OUTSIDE-RENDERER-7731'
const ctx = {} as ReturnType<typeof newUnlockedSession> & { bridge: BridgeServer; web: { dir: string; cleanup: () => void } }

beforeAll(async () => {
  Object.assign(ctx, newUnlockedSession())
  const web = makeTempDir('overturn-web-')
  mkdirSync(join(web.dir, 'renderer'))
  writeFileSync(join(web.dir, 'renderer', 'index.html'), '<!doctype html><title>Overturn</title>')
  // Files next to the renderer folder, including one whose name starts with the folder's own name.
  writeFileSync(join(web.dir, 'secret.txt'), SECRET)
  mkdirSync(join(web.dir, 'renderer-private'))
  writeFileSync(join(web.dir, 'renderer-private', 'secret.txt'), SECRET)
  ctx.web = web
  ctx.bridge = await startBridgeServer({ dispatch: ctx.session.dispatch, rendererDir: join(web.dir, 'renderer'), token: TOKEN })
})
afterAll(async () => {
  await ctx.bridge?.close()
  ctx.cleanup?.()
  ctx.web?.cleanup()
})

interface Raw {
  status: number
  body: string
  headers: Record<string, string | string[] | undefined>
}

/** A raw HTTP request: the path is sent exactly as given (fetch would normalise `..` away). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = new URL(ctx.bridge.url)
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: { Host: url.host, ...options.headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const api = (channel: string, body: Buffer | string, headers: Record<string, string> = {}) =>
  raw(`/api/${encodeURIComponent(channel)}`, { method: 'POST', headers: { 'X-Overturn-Token': TOKEN, 'Content-Type': 'application/json', ...headers }, body })

function fingerprint() {
  return { db: dbFingerprint(ctx.session.core!.db), files: folderFingerprint(ctx.dir) }
}

/** A refusal: the status, a JSON error with a known code and a safe message, nothing written. */
async function expectRefused(call: () => Promise<Raw>, status: number | number[]) {
  const before = fingerprint()
  const response = await call()
  expect([status].flat()).toContain(response.status)
  const parsed = JSON.parse(response.body) as ApiResult<unknown>
  expect(parsed.ok).toBe(false)
  expectSafeError(parsed, ctx.dir)
  expect(fingerprint()).toEqual(before)
  return response
}

describe('the bridge API under hostile requests', () => {
  it('refuses a missing, wrong, truncated or query-string token with 401 and writes nothing', async () => {
    const body = JSON.stringify({ displayName: 'Mallory', role: 'administrator', passphrase: 'long enough passphrase' })
    const variants: Record<string, string>[] = [{}, { 'X-Overturn-Token': '' }, { 'X-Overturn-Token': TOKEN.slice(0, -1) }, { 'X-Overturn-Token': `${TOKEN}x` }, { 'X-Overturn-Token': TOKEN.toUpperCase() }, { Authorization: `Bearer ${TOKEN}` }]
    for (const headers of variants) {
      await expectRefused(() => raw('/api/users:create', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body }), 401)
      await expectRefused(() => raw('/api/caseload:resetEmpty', { method: 'POST', headers, body: '{}' }), 401)
    }
    await expectRefused(() => raw(`/api/caseload:resetEmpty?token=${TOKEN}`, { method: 'POST', body: '{}' }), 401)
  })

  it('refuses GET and other methods on the API with 405', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      await expectRefused(() => raw('/api/caseload:info', { method, headers: { 'X-Overturn-Token': TOKEN } }), 405)
    }
  })

  it('answers 400 to bodies that are not JSON, whatever the content type, and writes nothing', async () => {
    const notJson = fc.oneof(
      fc.string({ minLength: 1 }).filter((s) => !isJson(s)),
      fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((b) => Buffer.from(b)).filter((b) => !isJson(b.toString('utf8'))),
      fc.constantFrom('{', '{"caseId":', "{'caseId':1}", '{"a":1,}', 'undefined', 'NaN', '\u0000', 'caseId=1&x=2', '<xml/>', '\ufeff{}'),
    )
    const contentType = fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', '')
    const channel = fc.constantFrom('cases:create', 'caseload:resetEmpty', 'transfer:importCsv', 'users:create', 'documents:upload', 'session:setIdle')
    await fc.assert(
      fc.asyncProperty(channel, notJson, contentType, async (c, body, type) => {
        await expectRefused(() => api(c, body, type ? { 'Content-Type': type } : {}), 400)
      }),
      { numRuns: 60 },
    )
  })

  it('validates JSON sent with a wrong content type exactly like IPC does (the content type grants nothing)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await api('cases:get', '{"caseId":"1; DROP TABLE cases"}', { 'Content-Type': type })
      expect(response.status).toBe(200)
      expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
  })

  it('answers 413 to bodies over the limit (1 MB, or the channel’s own file limit) and writes nothing', async () => {
    const big = Buffer.alloc(1_000_001, 0x20)
    for (const channel of ['caseload:info', 'cases:create', 'users:create', 'session:unlock', 'not:aChannel']) {
      await expectRefused(() => api(channel, big), 413)
    }
    // A JSON body just over the limit is refused too, not parsed.
    await expectRefused(() => api('cases:create', JSON.stringify({ summary: 'x'.repeat(1_000_100) })), 413)
  })

  it('answers every channel with a well-formed JSON result for arbitrary JSON bodies, never a 500', async () => {
    const channel = fc.constantFrom(...CHANNELS.filter((c) => c !== 'session:lock' && !c.startsWith('caseload:')))
    await fc.assert(
      fc.asyncProperty(channel.chain((c) => fc.tuple(fc.constant(c), requestFor(c).filter((r) => Buffer.byteLength(JSON.stringify(r)) < 900_000))), async ([c, request]) => {
        const fp = fingerprint()
        const response = await api(c, JSON.stringify(request))
        expect(response.status).toBe(200)
        const parsed = JSON.parse(response.body) as ApiResult<unknown>
        expect(typeof parsed.ok).toBe('boolean')
        if (!parsed.ok) {
          expectSafeError(parsed, ctx.dir)
          expect(fingerprint().db.counts).toEqual(fp.db.counts)
          expect(fingerprint().db.totalChanges).toBe(fp.db.totalChanges)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('refuses channel names that are not in the contract, including malformed percent-encoding', async () => {
    for (const path of ['/api/__proto__', '/api/constructor', '/api/toString', '/api/', '/api/%', '/api/%E0%A4%A', '/api/cases%3Aget%00', '/api/..%2F..%2Fetc%2Fpasswd']) {
      const response = await raw(path, { method: 'POST', headers: { 'X-Overturn-Token': TOKEN }, body: '{}' })
      expect(response.status, path).toBeGreaterThanOrEqual(200)
      expect(response.status, path).toBeLessThan(500)
      expect(JSON.parse(response.body)).toMatchObject({ ok: false })
    }
  })
})

describe('the bridge static server', () => {
  it('serves the renderer and nothing outside it, whatever the traversal spelling', async () => {
    expect((await raw('/')).body).toContain('Overturn')
    const attempts = [
      '/../secret.txt',
      '/../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%252e%252e%252fsecret.txt',
      '/../renderer-private/secret.txt',
      '/%2e%2e/renderer-private/secret.txt',
      '//etc/passwd',
      `/${encodeURIComponent(join(ctx.web?.dir ?? '/tmp', 'secret.txt'))}`,
      '/index.html%00.png',
      '/%00',
      '/%',
      '/%c0%ae%c0%ae/secret.txt',
      '/.%2e/secret.txt',
      '/renderer/../../secret.txt',
    ]
    for (const path of attempts) {
      const response = await raw(path)
      expect(response.body, path).not.toContain(SECRET)
      expect(response.body, path).not.toContain('root:')
      expect([400, 404], path).toContain(response.status)
    }
  })
})

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
