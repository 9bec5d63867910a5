import { request as httpsRequest } from 'node:https'
import type { OrderedOperation, PullResponse, PushOutcome, SyncConflict, SyncOperation, SyncSigner } from '../../../shared/domain/sync'

export interface SyncClientOptions {
  /** The organization server's address, https only. */
  serverUrl: string
  /** The organization's certificate (PEM) when it is not issued by a public authority. */
  caPem?: string
  token?: string
  timeoutMs?: number
}

/** The organization attachment key as the server hands it over (base64), and its short id. */
export interface OrganizationKeyHandout { organizationKey: string; organizationKeyId: string }

export class SyncHttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
    this.name = 'SyncHttpError'
  }
}

/**
 * The laptop's side of the wire: the only code that talks to the organization server, and the only
 * network traffic Overturn makes (to the address the administrator entered, over TLS, nowhere else).
 */
export function createSyncClient(options: SyncClientOptions) {
  const base = new URL(options.serverUrl)
  if (base.protocol !== 'https:') throw new SyncHttpError(0, 'validation', 'The organization server address must start with https://')

  function call<T>(method: string, path: string, body?: unknown, raw?: Buffer): Promise<T> {
    const payload = raw ?? (body === undefined ? undefined : Buffer.from(JSON.stringify(body)))
    return new Promise((resolve, reject) => {
      const req = httpsRequest(new URL(path, base), {
        method,
        ca: options.caPem,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': raw ? 'application/octet-stream' : 'application/json', 'content-length': payload.length } : {}),
        },
      }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          if (res.headers['content-type']?.startsWith('application/octet-stream') && res.statusCode === 200) return resolve(bytes as T)
          try {
            const parsed = JSON.parse(bytes.toString('utf8')) as { ok: boolean; data?: T; error?: { code: string; message: string } }
            if (parsed.ok) return resolve((parsed.data ?? parsed) as T)
            reject(new SyncHttpError(res.statusCode ?? 0, parsed.error?.code ?? 'internal', parsed.error?.message ?? 'The server refused.'))
          } catch {
            reject(new SyncHttpError(res.statusCode ?? 0, 'internal', 'The server answered in an unexpected form.'))
          }
        })
      })
      req.on('timeout', () => req.destroy(new SyncHttpError(0, 'offline', 'The organization server did not answer in time.')))
      req.on('error', (error) => reject(error instanceof SyncHttpError ? error : new SyncHttpError(0, 'offline', 'The organization server cannot be reached.')))
      if (payload) req.write(payload)
      req.end()
    })
  }

  return {
    health: () => call<{ ok: boolean; version: string }>('GET', '/v1/health'),
    enrol: (code: string, deviceName: string, signing?: SyncSigner) =>
      call<{ token: string; account: { id: string; displayName: string; role: string } } & OrganizationKeyHandout>('POST', '/v1/enrol', { code, deviceName, ...(signing ? { signing } : {}) }),
    organizationKey: () => call<OrganizationKeyHandout>('GET', '/v1/organization-key'),
    push: (operations: SyncOperation[], signer?: SyncSigner) => call<{ outcomes: PushOutcome[] }>('POST', '/v1/push', { operations, ...(signer ? { signer } : {}) }),
    pull: (after: number, limit = 500, waitSeconds = 0) => call<PullResponse>('GET', `/v1/pull?after=${after}&limit=${limit}${waitSeconds ? `&wait=${waitSeconds}` : ''}`),
    conflicts: () => call<SyncConflict[]>('GET', '/v1/conflicts'),
    resolve: (conflictId: number, choice: 'current' | 'incoming' | 'value', value?: unknown) =>
      call<SyncConflict>('POST', `/v1/conflicts/${conflictId}/resolve`, { choice, ...(value === undefined ? {} : { value }) }),
    putAttachment: (address: string, ciphertext: Buffer) => call<null>('PUT', `/v1/attachments/${address}`, undefined, ciphertext),
    getAttachment: (address: string) => call<Buffer>('GET', `/v1/attachments/${address}`),
  }
}

export type SyncClient = ReturnType<typeof createSyncClient>
export type { OrderedOperation }
