import { operationSigningText, type SyncOperation, type SyncSigner } from '../../shared/domain/sync'
import { keyIdOf, verifyText } from '../core/security/accountKeys'
import { trustedKeys, type KeyStoreFile } from '../core/security/keyStore'

/** A laptop account's key, certified back to the laptop's root of trust. */
export interface VerifiedSigner { rootKeyId: string; rootPublic: string; keyId: string; signPublic: string }

/**
 * Checks a laptop's key certificates with the same walk the laptop uses (keyStore.trustedKeys): the
 * root is the first administrator's self-signed first key, and each later key must be signed by a key
 * allowed to vouch for it. Keys that only certified themselves (accounts upgraded from the first key
 * store format) are left out: nothing ties them to the root, so anyone could add one to a bundle.
 * Answers the signer, or a sentence saying why not.
 */
export function verifySigner(signer: SyncSigner): VerifiedSigner | string {
  const strip = <T extends { selfCertified?: boolean }>(certs: T[]) => certs.filter((c) => !c.selfCertified)
  const publicStore = {
    users: signer.bundle.users.map((u) => ({ id: u.id, role: u.role, displayName: '', salt: '', createdAt: '', passphraseChangedAt: '', keys: strip(u.keys) })),
    recovery: { salt: '', keys: strip(signer.bundle.recovery) },
  } as unknown as KeyStoreFile
  const trusted = trustedKeys(publicStore)
  if (!trusted.rootKeyId) return 'The laptop sent no key certified by its first administrator.'
  const signPublic = trusted.keys.get(signer.holder)?.get(signer.keyId)
  if (!signPublic) return 'The signing key of this laptop account is not certified by the laptop’s first administrator.'
  const rootPublic = publicStore.users.flatMap((u) => u.keys ?? []).find((c) => c.keyId === trusted.rootKeyId)?.signPublic
  if (!rootPublic || keyIdOf(rootPublic) !== trusted.rootKeyId) return 'The laptop’s root key does not match its certificate.'
  return { rootKeyId: trusted.rootKeyId, rootPublic, keyId: signer.keyId, signPublic }
}

/** Whether an operation carries a valid signature by this key over every field. */
export function operationSignatureValid(op: SyncOperation, signPublic: string): boolean {
  if (!op.signature) return false
  const { signature, ...unsigned } = op
  return verifyText(signPublic, operationSigningText(unsigned), signature)
}
