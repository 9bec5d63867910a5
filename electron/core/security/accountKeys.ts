import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto'

/**
 * The public-key parts of the key store (issue 13 items 3 and 4), all from node:crypto:
 * - each account has an Ed25519 signing pair (it signs that account's audit entries and certifies key
 *   changes) and an X25519 pair the data key is sealed to, so the data key can be replaced and handed to
 *   every account without knowing their passphrases (RFC 7748 X25519, HKDF-SHA256, AES-256-GCM);
 * - private halves are only ever stored wrapped by the account's passphrase (see keyStore.ts).
 */

export interface Wrapped {
  iv: string
  tag: string
  data: string
}

/** A secret sealed to an X25519 public key: an ephemeral public key plus AES-256-GCM. */
export interface Sealed extends Wrapped {
  epk: string
}

export interface AccountPublicKeys {
  /** Ed25519, SPKI DER, base64. */
  signPublic: string
  /** X25519, SPKI DER, base64. */
  boxPublic: string
}

export interface AccountPrivateKeys {
  sign: KeyObject
  box: KeyObject
}

const b64 = (b: Buffer) => b.toString('base64')
const unb64 = (s: string) => Buffer.from(s, 'base64')

export function aesWrap(secret: Buffer, key: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(aad))
  const data = Buffer.concat([cipher.update(secret), cipher.final()])
  return { iv: b64(iv), tag: b64(cipher.getAuthTag()), data: b64(data) }
}

export function aesUnwrap(wrapped: Wrapped, key: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, unb64(wrapped.iv))
    decipher.setAAD(Buffer.from(aad))
    decipher.setAuthTag(unb64(wrapped.tag))
    return Buffer.concat([decipher.update(unb64(wrapped.data)), decipher.final()])
  } catch {
    return null
  }
}

export function newAccountKeys(): { publics: AccountPublicKeys; privates: AccountPrivateKeys } {
  const signPair = generateKeyPairSync('ed25519')
  const boxPair = generateKeyPairSync('x25519')
  return {
    publics: {
      signPublic: b64(signPair.publicKey.export({ type: 'spki', format: 'der' })),
      boxPublic: b64(boxPair.publicKey.export({ type: 'spki', format: 'der' })),
    },
    privates: { sign: signPair.privateKey, box: boxPair.privateKey },
  }
}

/** Both private keys as one secret, for wrapping under a passphrase. */
export function exportPrivates(privates: AccountPrivateKeys): Buffer {
  return Buffer.from(
    JSON.stringify({ sign: b64(privates.sign.export({ type: 'pkcs8', format: 'der' })), box: b64(privates.box.export({ type: 'pkcs8', format: 'der' })) }),
  )
}

export function importPrivates(secret: Buffer): AccountPrivateKeys {
  const parsed = JSON.parse(secret.toString('utf8')) as { sign: string; box: string }
  return {
    sign: createPrivateKey({ key: unb64(parsed.sign), format: 'der', type: 'pkcs8' }),
    box: createPrivateKey({ key: unb64(parsed.box), format: 'der', type: 'pkcs8' }),
  }
}

const publicKey = (spki: string) => createPublicKey({ key: unb64(spki), format: 'der', type: 'spki' })

function sealKey(shared: Buffer, epk: Buffer, aad: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, epk, `overturn-seal:${aad}`, 32))
}

/** Seals a secret to an account's X25519 public key (ephemeral-static Diffie-Hellman). */
export function seal(secret: Buffer, boxPublic: string, aad: string): Sealed {
  const eph = generateKeyPairSync('x25519')
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' })
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKey(boxPublic) })
  return { epk: b64(epk), ...aesWrap(secret, sealKey(shared, epk, aad), aad) }
}

export function unseal(sealed: Sealed, boxPrivate: KeyObject, aad: string): Buffer | null {
  try {
    const epk = unb64(sealed.epk)
    const shared = diffieHellman({ privateKey: boxPrivate, publicKey: publicKey(sealed.epk) })
    return aesUnwrap(sealed, sealKey(shared, epk, aad), aad)
  } catch {
    return null
  }
}

export function signText(privateKey: KeyObject, text: string): string {
  return b64(sign(null, Buffer.from(text), privateKey))
}

export function verifyText(signPublic: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text), publicKey(signPublic), unb64(signature))
  } catch {
    return false
  }
}

/** A short, stable name for a signing key (first 16 hex digits of its SHA-256). */
export const keyIdOf = (signPublic: string) => createHash('sha256').update(unb64(signPublic)).digest('hex').slice(0, 16)
