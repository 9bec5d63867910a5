import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../errors'

/**
 * The caseload's key store (anchors-ecosystem-security part B; HIPAA 45 CFR 164.312(a)(2)(iv)).
 * One random 256-bit data key encrypts the database (SQLCipher-compatible) and the attachments. It is
 * never stored in the clear: each user's passphrase, stretched with scrypt, wraps it with AES-256-GCM,
 * and so does a one-time recovery key. Changing a passphrase re-wraps the key; the data stays as it is.
 * Each user's id and role are bound into the wrap as authenticated data, so editing a role in this
 * file makes that user's passphrase stop working instead of granting the role.
 */

export const ROLES = ['administrator', 'advocate', 'screener', 'read_only'] as const
export type Role = (typeof ROLES)[number]

interface Wrapped {
  iv: string
  tag: string
  data: string
}

export interface StoredUser {
  id: string
  displayName: string
  role: Role
  salt: string
  wrappedKey: Wrapped
  createdAt: string
  passphraseChangedAt: string
}

export interface KeyStoreFile {
  format: 'overturn.keystore'
  version: 1
  /** scrypt cost: N=2^17, r=8 (OWASP's scrypt minimum), p=1. */
  kdf: { name: 'scrypt'; N: number; r: number; p: number }
  users: StoredUser[]
  recovery: { salt: string; wrappedKey: Wrapped }
  settings: { idleLockMinutes: number }
}

export const KEYSTORE_FILE = 'keystore.json'
const DEFAULT_KDF = { name: 'scrypt' as const, N: 2 ** 17, r: 8, p: 1 }

function stretch(secret: string, salt: Buffer, kdf: KeyStoreFile['kdf']): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 512 * 1024 * 1024 })
}

function wrap(dataKey: Buffer, wrappingKey: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv)
  cipher.setAAD(Buffer.from(aad))
  const data = Buffer.concat([cipher.update(dataKey), cipher.final()])
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
}

function unwrap(wrapped: Wrapped, wrappingKey: Buffer, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(wrapped.iv, 'base64'))
    decipher.setAAD(Buffer.from(aad))
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()])
  } catch {
    return null
  }
}

const userAad = (user: Pick<StoredUser, 'id' | 'role'>) => `overturn-user:${user.id}:${user.role}`
const RECOVERY_AAD = 'overturn-recovery'

/** Crockford base32 in groups of four: easy to print, read and type back (no I, L, O, U). */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
function formatRecoveryKey(bytes: Buffer): string {
  let bits = ''
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0')
  let out = ''
  for (let i = 0; i + 5 <= bits.length; i += 5) out += ALPHABET[parseInt(bits.slice(i, i + 5), 2)]
  return out.match(/.{1,4}/g)!.join('-')
}
export const normalizeRecoveryKey = (typed: string) => typed.toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0')

export function keyStoreExists(dataDir: string): boolean {
  return existsSync(join(dataDir, KEYSTORE_FILE))
}

export function readKeyStore(dataDir: string): KeyStoreFile {
  const parsed = JSON.parse(readFileSync(join(dataDir, KEYSTORE_FILE), 'utf8')) as KeyStoreFile
  if (parsed.format !== 'overturn.keystore' || parsed.version !== 1) throw new AppError('conflict', 'error.keystoreUnknown')
  return parsed
}

/** Writes atomically (temp file, then rename) so a crash never leaves a half-written key store. */
export function writeKeyStore(dataDir: string, store: KeyStoreFile): void {
  const file = join(dataDir, KEYSTORE_FILE)
  writeFileSync(`${file}.tmp`, JSON.stringify(store, null, 2), { mode: 0o600 })
  renameSync(`${file}.tmp`, file)
}

/** First run: a new data key, the first administrator, and the recovery key to print (shown once). */
export function createKeyStore(admin: { displayName: string; passphrase: string }, kdf = DEFAULT_KDF) {
  const dataKey = randomBytes(32)
  const recoveryBytes = randomBytes(20)
  const recoveryKey = formatRecoveryKey(recoveryBytes)
  const recoverySalt = randomBytes(16)
  const store: KeyStoreFile = {
    format: 'overturn.keystore',
    version: 1,
    kdf,
    users: [],
    recovery: { salt: recoverySalt.toString('base64'), wrappedKey: wrap(dataKey, stretch(normalizeRecoveryKey(recoveryKey), recoverySalt, kdf), RECOVERY_AAD) },
    settings: { idleLockMinutes: 10 },
  }
  const user = addUser(store, dataKey, { ...admin, role: 'administrator' })
  return { store, dataKey, recoveryKey, user }
}

/** Adds an account wrapping the same data key under its own passphrase. */
export function addUser(store: KeyStoreFile, dataKey: Buffer, input: { displayName: string; passphrase: string; role: Role }): StoredUser {
  const now = new Date().toISOString()
  const salt = randomBytes(16)
  const id = randomUUID()
  const user: StoredUser = {
    id,
    displayName: input.displayName,
    role: input.role,
    salt: salt.toString('base64'),
    wrappedKey: wrap(dataKey, stretch(input.passphrase, salt, store.kdf), userAad({ id, role: input.role })),
    createdAt: now,
    passphraseChangedAt: now,
  }
  store.users.push(user)
  return user
}

/** The data key, or null for a wrong passphrase (the caller says so plainly and reads nothing). */
export function unlockWithPassphrase(store: KeyStoreFile, userId: string, passphrase: string): { user: StoredUser; dataKey: Buffer } | null {
  const user = store.users.find((u) => u.id === userId)
  if (!user) return null
  const dataKey = unwrap(user.wrappedKey, stretch(passphrase, Buffer.from(user.salt, 'base64'), store.kdf), userAad(user))
  return dataKey ? { user, dataKey } : null
}

export function unlockWithRecoveryKey(store: KeyStoreFile, recoveryKey: string): Buffer | null {
  return unwrap(store.recovery.wrappedKey, stretch(normalizeRecoveryKey(recoveryKey), Buffer.from(store.recovery.salt, 'base64'), store.kdf), RECOVERY_AAD)
}

/** Re-wraps the data key under a new passphrase; nothing else changes. */
export function changePassphrase(store: KeyStoreFile, userId: string, dataKey: Buffer, newPassphrase: string): void {
  const user = store.users.find((u) => u.id === userId)
  if (!user) throw new AppError('not_found', 'error.notFound.user')
  const salt = randomBytes(16)
  user.salt = salt.toString('base64')
  user.wrappedKey = wrap(dataKey, stretch(newPassphrase, salt, store.kdf), userAad(user))
  user.passphraseChangedAt = new Date().toISOString()
}

