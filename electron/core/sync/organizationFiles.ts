import { createHash, createHmac, hkdfSync } from 'node:crypto'
import { aesUnwrap, aesWrap, type Wrapped } from '../security/accountKeys'
import { decryptAttachment, encryptAttachment, isEncryptedAttachment } from '../documents/attachmentStore'

/**
 * Attachments between laptops (docs/organization-server.md "Attachments"). Each laptop encrypts its own
 * files with its own data key, which no other laptop has; for the organization a file is re-encrypted
 * with the organization attachment key every enrolled laptop receives:
 * - its address is HMAC-SHA256 of the content's SHA-256 under a key derived from the organization key
 *   (HKDF info 'overturn-organization-attachment-names'), so the server, holding no key, cannot tell a
 *   known document from its address;
 * - its bytes are AES-256-GCM under a key derived from it (info 'overturn-organization-attachments'), in
 *   the laptops' own stored-file format, with the address as additional data;
 * - the receiver decrypts, recomputes the address from the plaintext and refuses anything else.
 */
const fileKeyOf = (orgKey: Buffer) => Buffer.from(hkdfSync('sha256', orgKey, Buffer.alloc(0), 'overturn-organization-attachments', 32))
const nameKeyOf = (orgKey: Buffer) => Buffer.from(hkdfSync('sha256', orgKey, Buffer.alloc(0), 'overturn-organization-attachment-names', 32))

export const organizationAddress = (orgKey: Buffer, plainSha256: string) => createHmac('sha256', nameKeyOf(orgKey)).update(plainSha256).digest('hex')

export function sealForOrganization(orgKey: Buffer, plain: Buffer): { address: string; ciphertext: Buffer } {
  const address = organizationAddress(orgKey, createHash('sha256').update(plain).digest('hex'))
  return { address, ciphertext: encryptAttachment(fileKeyOf(orgKey), address, plain) }
}

/** The plaintext, or null when the bytes are not this file under this organization's key (altered, wrong key, wrong address). */
export function openFromOrganization(orgKey: Buffer, address: string, ciphertext: Buffer): Buffer | null {
  if (!isEncryptedAttachment(ciphertext)) return null
  let plain: Buffer
  try {
    plain = decryptAttachment(fileKeyOf(orgKey), address, ciphertext)
  } catch {
    return null
  }
  return organizationAddress(orgKey, createHash('sha256').update(plain).digest('hex')) === address ? plain : null
}

/**
 * On the laptop the organization key is kept only wrapped by a key derived from the caseload's data key
 * (HKDF info 'overturn-organization-key-wrap'), in the encrypted caseload. A caseload opened without a
 * data key (tests, the command line) is itself plain, and so is the key in it, marked as such.
 */
const WRAP_AAD = 'overturn-organization-attachment-key'
const wrapKeyOf = (dataKey: Buffer) => Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'overturn-organization-key-wrap', 32))

export function wrapOrganizationKey(orgKey: Buffer, dataKey: Buffer | undefined): string {
  return dataKey ? JSON.stringify({ wrapped: aesWrap(orgKey, wrapKeyOf(dataKey), WRAP_AAD) }) : JSON.stringify({ plain: orgKey.toString('base64') })
}

/** The key and whether it was wrapped by an older data key (then it should be wrapped again), or null. */
export function unwrapOrganizationKey(stored: string, dataKey: Buffer | undefined, olderKeys: Buffer[] = []): { key: Buffer; stale: boolean } | null {
  const parsed = JSON.parse(stored) as { wrapped?: Wrapped; plain?: string }
  if (parsed.plain !== undefined) return { key: Buffer.from(parsed.plain, 'base64'), stale: Boolean(dataKey) }
  if (!parsed.wrapped) return null
  const keys = [dataKey, ...olderKeys].filter((k): k is Buffer => Boolean(k))
  for (const [index, candidate] of keys.entries()) {
    const key = aesUnwrap(parsed.wrapped, wrapKeyOf(candidate), WRAP_AAD)
    if (key) return { key, stale: index > 0 }
  }
  return null
}
