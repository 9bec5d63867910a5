import type { IncomingMessage, ServerResponse } from 'node:http'
import { enrolRequestSchema, pushRequestSchema, resolveRequestSchema } from '../../shared/domain/sync'
import type { AccountService, ServerAccount, ServerRole } from './accounts'
import { verifySigner } from './laptopSignatures'
import type { OrganizationKeyring } from './organizationKey'
import { ServerError, type SyncService } from './syncService'

const JSON_LIMIT = 4 * 1024 * 1024
const ATTACHMENT_LIMIT = 30 * 1024 * 1024

/** Who may do what on the organization server; never taken from the request. */
const MAY_PUSH: ServerRole[] = ['admin', 'advocate']
const MAY_RESOLVE: ServerRole[] = ['admin', 'advocate']

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > limit) throw new ServerError(413, 'too_large', 'The request is too large.')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > limit) throw new ServerError(413, 'too_large', 'The request is too large.')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request, JSON_LIMIT)
  try {
    return JSON.parse(body.toString('utf8') || '{}')
  } catch {
    throw new ServerError(400, 'validation', 'The request is not valid JSON.')
  }
}

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) })
  response.end(text)
}

/**
 * The organization server's HTTP API (served over TLS by serverMain). Every route but health and
 * enrolment needs a device token; the token decides the account and so the role. Errors answer with
 * a code and a plain sentence, never a stack trace or patient data, and nothing is logged but the
 * route and the code.
 */
export function createApiHandler(sync: SyncService, accounts: AccountService, version: string, keyring: OrganizationKeyring) {
  async function authenticate(request: IncomingMessage): Promise<{ account: ServerAccount; deviceId: number; signingRoot: string | null }> {
    const header = request.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7) : ''
    const result = token ? await accounts.authenticate(token) : null
    if (result === 'removed') throw new ServerError(401, 'account_removed', 'This account was removed from the organization; this laptop no longer syncs.')
    if (!result) throw new ServerError(401, 'unauthorized', 'This laptop is not connected to the organization.')
    return result
  }

  const need = (account: ServerAccount, roles: ServerRole[]) => {
    if (!roles.includes(account.role)) throw new ServerError(403, 'forbidden', 'Your role does not allow this.')
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'https://server.invalid')
    const path = url.pathname
    const method = request.method ?? 'GET'

    if (method === 'GET' && path === '/v1/health') return send(response, 200, { ok: true, version })

    if (method === 'POST' && path === '/v1/enrol') {
      const parsed = enrolRequestSchema.safeParse(await readJson(request))
      if (!parsed.success) throw new ServerError(400, 'validation', 'Enter the enrolment code and a name for this laptop.')
      // A laptop with keys is pinned to its root of trust now; certificates that do not check out refuse the enrolment.
      const signer = parsed.data.signing ? verifySigner(parsed.data.signing) : null
      if (typeof signer === 'string') throw new ServerError(400, 'signature_refused', signer)
      const enrolled = await accounts.enrol(parsed.data.code, parsed.data.deviceName, signer ? { keyId: signer.rootKeyId, signPublic: signer.rootPublic } : null)
      if (!enrolled) throw new ServerError(403, 'enrolment_refused', 'That enrolment code is not valid, was already used, or has expired. Ask your administrator for a new one.')
      // The organization attachment key travels only here and below, inside TLS to a pinned certificate.
      return send(response, 200, { ok: true, data: { ...enrolled, ...(await keyring.handTo(enrolled.account.id, enrolled.deviceId)) } })
    }

    const { account, deviceId, signingRoot } = await authenticate(request)

    if (method === 'GET' && path === '/v1/organization-key') {
      return send(response, 200, { ok: true, data: await keyring.handTo(account.id, deviceId) })
    }

    if (method === 'POST' && path === '/v1/push') {
      need(account, MAY_PUSH)
      const parsed = pushRequestSchema.safeParse(await readJson(request))
      if (!parsed.success) throw new ServerError(400, 'validation', 'The operations are not in the expected form.')
      // A laptop enrolled with keys signs every push with an account key certified back to the root pinned at enrolment.
      let signing: { keyId: string; signPublic: string } | null = null
      if (signingRoot) {
        if (!parsed.data.signer) throw new ServerError(403, 'signature_refused', 'This laptop signs its changes, but this push was not signed.')
        const signer = verifySigner(parsed.data.signer)
        if (typeof signer === 'string') throw new ServerError(403, 'signature_refused', signer)
        if (signer.rootKeyId !== signingRoot) throw new ServerError(403, 'signature_refused', 'These changes are signed by keys of another laptop, not the one connected with this token.')
        signing = { keyId: signer.keyId, signPublic: signer.signPublic }
      }
      return send(response, 200, { ok: true, data: { outcomes: await sync.push(account, deviceId, parsed.data.operations, signing) } })
    }
    if (method === 'GET' && path === '/v1/pull') {
      const after = Math.max(0, Number(url.searchParams.get('after') ?? 0) || 0)
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit') ?? 500) || 500))
      // `wait` (seconds, at most 25): answer as soon as something new is applied, so a change reaches
      // other laptops' screens without them asking every second.
      const wait = Math.min(25, Math.max(0, Number(url.searchParams.get('wait') ?? 0) || 0))
      if (wait > 0) await sync.waitForChanges(after, wait)
      return send(response, 200, { ok: true, data: await sync.pull(after, limit) })
    }
    if (method === 'GET' && path === '/v1/conflicts') {
      return send(response, 200, { ok: true, data: await sync.conflicts(url.searchParams.get('state') === 'all' ? 'all' : 'open') })
    }
    const resolveMatch = /^\/v1\/conflicts\/(\d+)\/resolve$/.exec(path)
    if (method === 'POST' && resolveMatch) {
      need(account, MAY_RESOLVE)
      const parsed = resolveRequestSchema.safeParse(await readJson(request))
      if (!parsed.success) throw new ServerError(400, 'validation', 'Choose which value to keep.')
      return send(response, 200, { ok: true, data: await sync.resolve(account, Number(resolveMatch[1]), parsed.data.choice, parsed.data.value) })
    }
    const attachmentMatch = /^\/v1\/attachments\/([0-9a-f]{64})$/.exec(path)
    if (attachmentMatch && method === 'PUT') {
      need(account, MAY_PUSH)
      await sync.putAttachment(account, deviceId, attachmentMatch[1], await readBody(request, ATTACHMENT_LIMIT))
      return send(response, 200, { ok: true, data: null })
    }
    if (attachmentMatch && method === 'GET') {
      const bytes = await sync.getAttachment(attachmentMatch[1])
      if (!bytes) throw new ServerError(404, 'not_found', 'No such attachment.')
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length, 'cache-control': 'no-store' })
      response.end(bytes)
      return
    }
    throw new ServerError(404, 'not_found', 'No such route.')
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      await route(request, response)
    } catch (error) {
      if (error instanceof ServerError) return send(response, error.status, { ok: false, error: { code: error.code, message: error.message } })
      console.error(`[overturn-server] ${request.method} ${(request.url ?? '').split('?')[0]} failed: ${error instanceof Error ? error.name : 'error'}`)
      send(response, 500, { ok: false, error: { code: 'internal', message: 'The server could not do that.' } })
    }
  }
}
