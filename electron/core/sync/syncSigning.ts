import type { KeyObject } from 'node:crypto'
import { operationSigningText, type SyncOperation, type SyncSigner } from '../../../shared/domain/sync'
import { signText } from '../security/accountKeys'
import type { KeyStoreFile } from '../security/keyStore'

/** The signed-in account's Ed25519 key (issue 13) and the laptop's public certificates. */
export interface LaptopSigner {
  holder: string
  keyId: string
  sign: KeyObject
  bundle: SyncSigner['bundle']
}

/** The public half of the key store: every account's certificates and the recovery key's; no private key, no sealed data key. */
export function publicBundle(store: KeyStoreFile): SyncSigner['bundle'] {
  return {
    users: store.users.map((u) => ({ id: u.id, role: u.role, keys: u.keys ?? [] })),
    recovery: store.recovery.keys ?? [],
  }
}

/** Each operation signed over every field (shared/domain/sync operationSigningText), so the server can tell a forged or altered one. */
export const signOperations = (operations: SyncOperation[], signer: LaptopSigner): SyncOperation[] =>
  operations.map(({ signature: _old, ...op }) => ({ ...op, signature: signText(signer.sign, operationSigningText(op)) }))

export const wireSigner = (signer: LaptopSigner): SyncSigner => ({ holder: signer.holder, keyId: signer.keyId, bundle: signer.bundle })

/** The signer of whoever is signed in, read fresh each time (keys change with a passphrase change). */
export function sessionSigner(custody: { signer(): { keyId: string; sign: KeyObject } | null; actor(): { id: string } | null; store(): KeyStoreFile }): () => LaptopSigner | null {
  return () => {
    const signer = custody.signer()
    const actor = custody.actor()
    return signer && actor ? { holder: actor.id, keyId: signer.keyId, sign: signer.sign, bundle: publicBundle(custody.store()) } : null
  }
}
