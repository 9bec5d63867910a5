import { randomBytes, randomUUID, scryptSync, type KeyObject } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../errors'
import {
  aesUnwrap,
  aesWrap,
  exportPrivates,
  importPrivates,
  keyIdOf,
  newAccountKeys,
  seal,
  signText,
  unseal,
  verifyText,
  type AccountPrivateKeys,
  type Sealed,
  type Wrapped,
} from './accountKeys'
import { writeFileDurably } from './durableFile'
import type { RoleId } from '../../../shared/domain/session'

/**
 * The caseload's key store (anchors-ecosystem-security part B; HIPAA 45 CFR 164.312(a)(2)(iv); issue 13).
 * One random 256-bit data key encrypts the database (SQLCipher-compatible) and the attachments. It is
 * never stored in the clear. Each account has its own key pairs (accountKeys.ts): the data key is
 * sealed to the account's X25519 key, whose private half is wrapped (AES-256-GCM) under the account's
 * passphrase stretched with scrypt; the recovery key works the same way. Because the data key is sealed
 * to public keys, it can be replaced (rotated) for every account at once, without their passphrases:
 * after a passphrase change or an account's removal, an old copy of this file with the old passphrase
 * opens only what was encrypted before.
 * Each account's public keys are certified: the first administrator's first key signs itself (the
 * root), an administrator's key signs each new account, and each account's new key is signed by its
 * previous one (a passphrase change) or by an administrator / the recovery key (a reset). So a
 * read-only account that holds the data key still cannot swap another account's keys or sign as it.
 * Version 1 files (a data key wrapped straight under each passphrase) still open; each account gets
 * its keys at its next unlock.
 */

/** An account's role: the one list is shared/domain/session.ts (the contract's policies name the same roles). */
export type Role = RoleId

/** One generation of an account's public keys and who vouched for it. */
export interface KeyCert {
  keyId: string
  signPublic: string
  boxPublic: string
  role: Role
  at: string
  /** keyId of the signing key that certified this one (its own for the root and for upgraded accounts). */
  certifiedBy: string
  signature: string
  /** Set on accounts upgraded from a version 1 file: their first key could only sign itself. */
  selfCertified?: boolean
}

export interface StoredUser {
  id: string
  displayName: string
  role: Role
  salt: string
  createdAt: string
  passphraseChangedAt: string
  /** Key history, oldest first; the last is current. Old ones still verify old audit entries. */
  keys?: KeyCert[]
  /** The current private keys, wrapped under the passphrase. */
  privates?: Wrapped
  /** The data key of this generation, sealed to the current X25519 key. */
  sealedKey?: Sealed
  /** Version 1: the data key wrapped straight under the passphrase (until the next unlock). */
  wrappedKey?: Wrapped
}

/** The newest audit entry an account has seen, signed by it: a cut-off tail shows against it. */
export interface AuditAnchor {
  id: number
  hash: string
  keyId: string
  signature: string
}

export interface KeyStoreFile {
  format: 'overturn.keystore'
  version: 1 | 2
  /** scrypt cost: N=2^17, r=8 (OWASP's scrypt minimum), p=1. */
  kdf: { name: 'scrypt'; N: number; r: number; p: number }
  users: StoredUser[]
  recovery: { salt: string; wrappedKey?: Wrapped; keys?: KeyCert[]; privates?: Wrapped; sealedKey?: Sealed }
  settings: { idleLockMinutes: number }
  /** Which data key is current: it grows by one at each rotation. */
  generation?: number
  /** A rotation under way: the next data key, sealed for every holder, written before the database is re-keyed. */
  pending?: { generation: number; users: Record<string, Sealed>; recovery?: Sealed }
  /** Earlier data keys, wrapped under the current one: older backups stay restorable. */
  previousKeys?: Wrapped
  anchors?: Record<string, AuditAnchor>
}

export const KEYSTORE_FILE = 'keystore.json'
const DEFAULT_KDF = { name: 'scrypt' as const, N: 2 ** 17, r: 8, p: 1 }
export const RECOVERY_ID = 'recovery'

function stretch(secret: string, salt: Buffer, kdf: KeyStoreFile['kdf']): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 512 * 1024 * 1024 })
}

const userAad = (user: Pick<StoredUser, 'id' | 'role'>) => `overturn-user:${user.id}:${user.role}`
const RECOVERY_AAD = 'overturn-recovery'
const sealAad = (holder: string, generation: number) => `overturn-data-key:${holder}:gen${generation}`
const certText = (holder: string, c: Pick<KeyCert, 'role' | 'signPublic' | 'boxPublic' | 'at'>) => `overturn-cert:${holder}:${c.role}:${c.signPublic}:${c.boxPublic}:${c.at}`
export const anchorText = (userId: string, a: Pick<AuditAnchor, 'id' | 'hash'>) => `overturn-anchor:${userId}:${a.id}:${a.hash}`

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
  if (parsed.format !== 'overturn.keystore' || (parsed.version !== 1 && parsed.version !== 2)) throw new AppError('conflict', 'error.keystoreUnknown')
  return parsed
}

/** Durable and atomic (temp file, fsync, rename, fsync of the folder): never half a key store. */
export function writeKeyStore(dataDir: string, store: KeyStoreFile): void {
  writeFileDurably(join(dataDir, KEYSTORE_FILE), JSON.stringify(store, null, 2))
}

/** Who signs a certificate: an account's current signing key and its id. */
export interface Certifier {
  keyId: string
  sign: KeyObject
}

function certify(holder: string, role: Role, publics: { signPublic: string; boxPublic: string }, certifier: Certifier | 'self', selfKey: KeyObject): KeyCert {
  const at = new Date().toISOString()
  const keyId = keyIdOf(publics.signPublic)
  const by = certifier === 'self' ? { keyId, sign: selfKey } : certifier
  return { keyId, ...publics, role, at, certifiedBy: by.keyId, signature: signText(by.sign, certText(holder, { role, ...publics, at })) }
}

/** New key pairs for an account (or the recovery key), wrapped under its secret, the data key sealed to them. */
function issueKeys(holder: string, role: Role, secretKey: Buffer, aad: string, dataKey: Buffer, generation: number, certifier: Certifier | 'self') {
  const fresh = newAccountKeys()
  const cert = certify(holder, role, fresh.publics, certifier, fresh.privates.sign)
  return {
    cert,
    privates: aesWrap(exportPrivates(fresh.privates), secretKey, aad),
    sealedKey: seal(dataKey, fresh.publics.boxPublic, sealAad(holder, generation)),
    keys: fresh.privates,
  }
}

const generationOf = (store: KeyStoreFile) => store.generation ?? 0

/** First run: a new data key, the first administrator (the root of trust), and the recovery key, shown once. */
export function createKeyStore(admin: { displayName: string; passphrase: string }, kdf = DEFAULT_KDF) {
  const dataKey = randomBytes(32)
  const store: KeyStoreFile = {
    format: 'overturn.keystore',
    version: 2,
    kdf,
    users: [],
    recovery: { salt: '' },
    settings: { idleLockMinutes: 10 },
    generation: 1,
    anchors: {},
  }
  const { user, privates } = addUser(store, dataKey, { ...admin, role: 'administrator' }, 'self')
  const certifier = currentCertifier(user, privates)
  const recoveryKey = rotateRecoveryKey(store, dataKey, certifier)
  return { store, dataKey, recoveryKey, user, privates }
}

export const currentCertifier = (user: StoredUser, privates: AccountPrivateKeys): Certifier => ({ keyId: user.keys!.at(-1)!.keyId, sign: privates.sign })

/** Adds an account; its keys are certified by the administrator adding it ('self' only for the first). */
export function addUser(store: KeyStoreFile, dataKey: Buffer, input: { displayName: string; passphrase: string; role: Role }, certifier: Certifier | 'self') {
  const now = new Date().toISOString()
  const salt = randomBytes(16)
  const id = randomUUID()
  const base = { id, role: input.role }
  const issued = issueKeys(id, input.role, stretch(input.passphrase, salt, store.kdf), userAad(base), dataKey, generationOf(store), certifier)
  const user: StoredUser = {
    id,
    displayName: input.displayName,
    role: input.role,
    salt: salt.toString('base64'),
    createdAt: now,
    passphraseChangedAt: now,
    keys: [issued.cert],
    privates: issued.privates,
    sealedKey: issued.sealedKey,
  }
  store.users.push(user)
  return { user, privates: issued.keys }
}

export interface Unlocked {
  user: StoredUser
  dataKey: Buffer
  privates: AccountPrivateKeys
  /** The next data key, when a rotation was interrupted: the database may already use it. */
  pendingKey: Buffer | null
  /** True when this unlock upgraded a version 1 account (the caller writes the file). */
  upgraded: boolean
}

/** The data key and the account's private keys, or null for a wrong passphrase. */
export function unlockWithPassphrase(store: KeyStoreFile, userId: string, passphrase: string): Unlocked | null {
  const user = store.users.find((u) => u.id === userId)
  if (!user) return null
  const secret = stretch(passphrase, Buffer.from(user.salt, 'base64'), store.kdf)
  if (!user.privates && user.wrappedKey) {
    // Version 1: the passphrase wraps the data key itself. Give the account its keys now.
    const dataKey = aesUnwrap(user.wrappedKey, secret, userAad(user))
    if (!dataKey) return null
    const issued = issueKeys(user.id, user.role, secret, userAad(user), dataKey, generationOf(store), 'self')
    issued.cert.selfCertified = true
    Object.assign(user, { keys: [issued.cert], privates: issued.privates, sealedKey: issued.sealedKey })
    delete user.wrappedKey
    store.version = 2
    store.anchors ??= {}
    return { user, dataKey, privates: issued.keys, pendingKey: null, upgraded: true }
  }
  const opened = user.privates ? aesUnwrap(user.privates, secret, userAad(user)) : null
  if (!opened) return null
  const privates = importPrivates(opened)
  const dataKey = user.sealedKey ? unseal(user.sealedKey, privates.box, sealAad(user.id, generationOf(store))) : null
  const pending = store.pending?.users[user.id]
  const pendingKey = pending ? unseal(pending, privates.box, sealAad(user.id, store.pending!.generation)) : null
  if (!dataKey && !pendingKey) return null
  return { user, dataKey: dataKey ?? pendingKey!, privates, pendingKey, upgraded: false }
}

/** The data key (and the recovery key's signing key, to certify a reset), or null. */
export function unlockWithRecoveryKey(store: KeyStoreFile, recoveryKey: string): { dataKey: Buffer; pendingKey: Buffer | null; certifier: Certifier | null } | null {
  const secret = stretch(normalizeRecoveryKey(recoveryKey), Buffer.from(store.recovery.salt, 'base64'), store.kdf)
  if (!store.recovery.privates) {
    const legacy = store.recovery.wrappedKey ? aesUnwrap(store.recovery.wrappedKey, secret, RECOVERY_AAD) : null
    return legacy ? { dataKey: legacy, pendingKey: null, certifier: null } : null
  }
  const opened = aesUnwrap(store.recovery.privates, secret, RECOVERY_AAD)
  if (!opened) return null
  const privates = importPrivates(opened)
  const dataKey = store.recovery.sealedKey ? unseal(store.recovery.sealedKey, privates.box, sealAad(RECOVERY_ID, generationOf(store))) : null
  const pending = store.pending?.recovery
  const pendingKey = pending ? unseal(pending, privates.box, sealAad(RECOVERY_ID, store.pending!.generation)) : null
  if (!dataKey && !pendingKey) return null
  return { dataKey: dataKey ?? pendingKey!, pendingKey, certifier: { keyId: store.recovery.keys!.at(-1)!.keyId, sign: privates.sign } }
}

/** A new recovery key (the old one stops working); returns it formatted, to show once. */
export function rotateRecoveryKey(store: KeyStoreFile, dataKey: Buffer, certifier: Certifier): string {
  // A rotation under way finishes at the next unlock; the recovery key changes after it.
  if (store.pending) throw new AppError('conflict', 'error.rotationPending')
  const recoveryKey = formatRecoveryKey(randomBytes(20))
  const salt = randomBytes(16)
  const issued = issueKeys(RECOVERY_ID, 'administrator', stretch(normalizeRecoveryKey(recoveryKey), salt, store.kdf), RECOVERY_AAD, dataKey, generationOf(store), certifier)
  store.recovery = { salt: salt.toString('base64'), keys: [...(store.recovery.keys ?? []), issued.cert], privates: issued.privates, sealedKey: issued.sealedKey }
  return recoveryKey
}

/**
 * A new passphrase and new key pairs for the account (an old copy of this file with the old passphrase
 * must not unseal anything sealed from now on). The new keys are certified by the account's previous
 * key, or by whoever resets it (an administrator or the recovery key).
 */
export function changePassphrase(store: KeyStoreFile, userId: string, dataKey: Buffer, newPassphrase: string, certifier: Certifier | 'self'): AccountPrivateKeys {
  const user = store.users.find((u) => u.id === userId)
  if (!user) throw new AppError('not_found', 'error.notFound.user')
  const salt = randomBytes(16)
  const issued = issueKeys(user.id, user.role, stretch(newPassphrase, salt, store.kdf), userAad(user), dataKey, generationOf(store), certifier)
  if (certifier === 'self') issued.cert.selfCertified = true
  user.salt = salt.toString('base64')
  user.keys = [...(user.keys ?? []), issued.cert]
  user.privates = issued.privates
  user.sealedKey = issued.sealedKey
  delete user.wrappedKey
  user.passphraseChangedAt = new Date().toISOString()
  return issued.keys
}

export function removeUser(store: KeyStoreFile, userId: string): void {
  const index = store.users.findIndex((u) => u.id === userId)
  if (index < 0) throw new AppError('not_found', 'error.notFound.user')
  if (store.users[index].role === 'administrator' && store.users.filter((u) => u.role === 'administrator').length === 1) {
    throw new AppError('conflict', 'error.lastAdministrator')
  }
  store.users.splice(index, 1)
  delete store.anchors?.[userId]
}

/** Whether every holder has public keys, so a new data key can be sealed to all of them. */
export const canRotate = (store: KeyStoreFile) => store.users.every((u) => u.keys && u.sealedKey) && Boolean(store.recovery.keys)

/**
 * Step 1 of a rotation: the next data key sealed to every holder, kept as `pending` beside the current
 * one. The caller writes the file before re-keying anything, so a crash at any point leaves a key
 * store that opens whichever key the database ended up with.
 */
export function beginRotation(store: KeyStoreFile, newKey: Buffer): void {
  const generation = generationOf(store) + 1
  const trusted = trustedKeys(store)
  const users: Record<string, Sealed> = {}
  for (const user of store.users) {
    const cert = user.keys!.at(-1)!
    // Never seal to a key nobody vouched for (a swapped public key would receive the next data key).
    if (!trusted.keys.get(user.id)?.has(cert.keyId)) throw new AppError('conflict', 'error.keystoreTampered')
    users[user.id] = seal(newKey, cert.boxPublic, sealAad(user.id, generation))
  }
  const recoveryCert = store.recovery.keys!.at(-1)!
  store.pending = { generation, users, recovery: seal(newKey, recoveryCert.boxPublic, sealAad(RECOVERY_ID, generation)) }
}

/** Step 3 (after the database and the attachments use the new key): the new key becomes current. */
export function finishRotation(store: KeyStoreFile, oldKey: Buffer, newKey: Buffer): void {
  if (!store.pending) return
  const older = previousKeysOf(store, oldKey)
  const generation = store.pending.generation
  for (const user of store.users) if (store.pending.users[user.id]) user.sealedKey = store.pending.users[user.id]
  if (store.pending.recovery) store.recovery.sealedKey = store.pending.recovery
  store.previousKeys = aesWrap(Buffer.from(JSON.stringify([...older, oldKey].map((k) => k.toString('hex')))), newKey, 'overturn-previous-keys')
  store.generation = generation
  delete store.pending
}

/** Earlier data keys (oldest first), to open backups made before a rotation. */
export function previousKeysOf(store: KeyStoreFile, dataKey: Buffer): Buffer[] {
  if (!store.previousKeys) return []
  const opened = aesUnwrap(store.previousKeys, dataKey, 'overturn-previous-keys')
  return opened ? (JSON.parse(opened.toString('utf8')) as string[]).map((hex) => Buffer.from(hex, 'hex')) : []
}

export interface TrustedKeys {
  /** holder id → keyId → Ed25519 public key, for every certificate that checks out. */
  keys: Map<string, Map<string, string>>
  /** keyId of the root (the first administrator's first key): compare with a known copy. */
  rootKeyId: string | null
  /** Certificates that do not check out, as "holder: reason". */
  problems: string[]
  selfCertified: string[]
}

/**
 * Walks every certificate from the root: a key is trusted when its signature verifies with a trusted
 * key that may vouch for it (its holder's earlier key, an administrator's key, or the recovery key's).
 */
export function trustedKeys(store: KeyStoreFile): TrustedKeys {
  const keys = new Map<string, Map<string, string>>()
  const adminKeys = new Map<string, string>()
  const problems: string[] = []
  const selfCertified: string[] = []
  const holders = [...store.users.map((u) => ({ id: u.id, isAdmin: u.role === 'administrator', certs: u.keys ?? [] })), { id: RECOVERY_ID, isAdmin: true, certs: store.recovery.keys ?? [] }]
  const root = store.users.find((u) => u.keys?.[0] && u.keys[0].certifiedBy === u.keys[0].keyId && !u.keys[0].selfCertified)
  const rootCert = root?.keys?.[0]
  if (root && rootCert && rootCert.role === 'administrator' && verifyText(rootCert.signPublic, certText(root.id, rootCert), rootCert.signature)) {
    keys.set(root.id, new Map([[rootCert.keyId, rootCert.signPublic]]))
    adminKeys.set(rootCert.keyId, rootCert.signPublic)
  }
  for (const holder of holders) if (!keys.has(holder.id)) keys.set(holder.id, new Map())
  let changed = true
  while (changed) {
    changed = false
    for (const holder of holders) {
      const own = keys.get(holder.id)!
      for (const cert of holder.certs) {
        if (own.has(cert.keyId)) continue
        if (cert.keyId !== keyIdOf(cert.signPublic)) continue
        if (cert.selfCertified) {
          if (verifyText(cert.signPublic, certText(holder.id, cert), cert.signature)) {
            own.set(cert.keyId, cert.signPublic)
            selfCertified.push(holder.id)
            if (holder.isAdmin) adminKeys.set(cert.keyId, cert.signPublic)
            changed = true
          }
          continue
        }
        const voucher = own.get(cert.certifiedBy) ?? adminKeys.get(cert.certifiedBy)
        if (voucher && verifyText(voucher, certText(holder.id, cert), cert.signature)) {
          own.set(cert.keyId, cert.signPublic)
          if (holder.isAdmin && cert.role === 'administrator') adminKeys.set(cert.keyId, cert.signPublic)
          changed = true
        }
      }
    }
  }
  for (const holder of holders) {
    for (const cert of holder.certs) if (!keys.get(holder.id)!.has(cert.keyId)) problems.push(`${holder.id}: key ${cert.keyId} is not vouched for`)
    const user = store.users.find((u) => u.id === holder.id)
    if (user && holder.certs.at(-1) && holder.certs.at(-1)!.role !== user.role) problems.push(`${holder.id}: role does not match its certificate`)
  }
  return { keys, rootKeyId: rootCert?.keyId ?? null, problems, selfCertified }
}

/** Records the audit trail's head as this account saw it, signed by it. */
export function anchorAudit(store: KeyStoreFile, user: StoredUser, privates: AccountPrivateKeys, head: { id: number; hash: string }): void {
  store.anchors ??= {}
  const keyId = user.keys!.at(-1)!.keyId
  store.anchors[user.id] = { ...head, keyId, signature: signText(privates.sign, anchorText(user.id, head)) }
}
