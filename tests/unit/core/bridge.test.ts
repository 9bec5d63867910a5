import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridgeServer } from '../../../electron/bridge/bridgeServer'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { makeCore, makeTempDir } from './testCore'

const disposers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})

async function setup() {
  const made = makeCore()
  const web = makeTempDir()
  mkdirSync(web.dir, { recursive: true })
  writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>Overturn</title>')
  const bridge = await startBridgeServer({ dispatch: createDispatcher(made.core), rendererDir: web.dir, token: 'secret-token-123' })
  disposers.push(() => bridge.close(), made.dispose, web.cleanup)
  return { ...bridge, rendererDir: web.dir }
}

describe('the browser bridge', () => {
  it('listens on 127.0.0.1 only and answers the contract with the token', async () => {
    const bridge = await setup()
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    const response = await fetch(`${bridge.url}api/caseload:info`, { method: 'POST', headers: { 'X-Overturn-Token': 'secret-token-123' }, body: '{}' })
    expect(await response.json()).toMatchObject({ ok: true, data: { caseCount: 0 } })
  })

  it('refuses calls without the per-run token', async () => {
    const bridge = await setup()
    const response = await fetch(`${bridge.url}api/caseload:info`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(401)
    const wrong = await fetch(`${bridge.url}api/caseload:info`, { method: 'POST', headers: { 'X-Overturn-Token': 'secret-token-124' }, body: '{}' })
    expect(wrong.status).toBe(401)
  })

  it('validates requests exactly as IPC does', async () => {
    const bridge = await setup()
    const response = await fetch(`${bridge.url}api/cases:get`, { method: 'POST', headers: { 'X-Overturn-Token': 'secret-token-123' }, body: '{"caseId":"1; DROP TABLE cases"}' })
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'validation' } })
    const junk = await fetch(`${bridge.url}api/cases:get`, { method: 'POST', headers: { 'X-Overturn-Token': 'secret-token-123' }, body: '{not json' })
    expect(junk.status).toBe(400)
  })

  it('serves the renderer with a strict Content-Security-Policy and never files outside it', async () => {
    const bridge = await setup()
    const page = await fetch(bridge.url)
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toContain('Overturn')
    const escape = await fetch(`${bridge.url}..%2F..%2Fetc%2Fpasswd`)
    expect(escape.status).toBe(404)
  })

  it('serves each file with the type the app:// protocol gives it (shared/security.ts), unknown ones as bytes', async () => {
    const bridge = await setup()
    const dir = join(bridge.rendererDir, 'assets')
    mkdirSync(dir, { recursive: true })
    for (const name of ['pdf.worker.MIN.MJS', 'decoder.wasm', 'favicon.ico', 'notes.xyz']) writeFileSync(join(dir, name), 'x')
    const typeOf = async (name: string) => (await fetch(`${bridge.url}assets/${name}`)).headers.get('content-type')
    expect(await typeOf('pdf.worker.MIN.MJS')).toBe('text/javascript; charset=utf-8')
    expect(await typeOf('decoder.wasm')).toBe('application/wasm')
    expect(await typeOf('favicon.ico')).toBe('image/x-icon')
    expect(await typeOf('notes.xyz')).toBe('application/octet-stream')
  })

  it('lets the browser keep the content-hashed scripts and styles, and nothing else', async () => {
    const bridge = await setup()
    const dir = join(bridge.rendererDir, 'assets')
    mkdirSync(dir, { recursive: true })
    for (const name of ['index-CPqmGtN5.js', 'index-Cmd_14Bp.css', 'ExhibitPdfPages--47ksKMC.css', 'notes.js']) writeFileSync(join(dir, name), 'x')
    const cacheOf = async (path: string) => (await fetch(`${bridge.url}${path}`)).headers.get('cache-control')
    expect(await cacheOf('assets/index-CPqmGtN5.js')).toBe('private, max-age=31536000, immutable')
    expect(await cacheOf('assets/index-Cmd_14Bp.css')).toBe('private, max-age=31536000, immutable')
    expect(await cacheOf('assets/ExhibitPdfPages--47ksKMC.css')).toBe('private, max-age=31536000, immutable')
    // index.html names the current hashes; a file without a hash and every API answer are never stored.
    expect(await cacheOf('')).toBe('no-store')
    expect(await cacheOf('assets/notes.js')).toBe('no-store')
    const api = await fetch(`${bridge.url}api/caseload%3Ainfo`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Overturn-Token': 'secret-token-123' }, body: '{}' })
    expect(api.headers.get('cache-control')).toBe('no-store')
  })

  it('refuses a request whose Host is not the loopback address (DNS rebinding)', async () => {
    const bridge = await setup()
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve) => {
      const req = request(`${bridge.url}api/caseload:info`, { method: 'POST', headers: { Host: 'evil.example:80', 'X-Overturn-Token': 'secret-token-123' } }, (res) => resolve(res.statusCode ?? 0))
      req.end('{}')
    })
    expect(status).toBe(421)
  })
})
