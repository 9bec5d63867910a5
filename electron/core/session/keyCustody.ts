import { randomBytes } from 'node:crypto'
import type { AccountPrivateKeys } from '../security/accountKeys'
import type { AuditSigner } from '../audit/auditLog'
import { AppError } from '../errors'
import {
  addUser,
  anchorAudit,
  beginRotation,
  canRotate,
  changePassphrase,
  createKeyStore,
  currentCertifier,
  finishRotation,
  previousKeysOf,
  readKeyStore,
  removeUser,
  rotateRecoveryKey,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  writeKeyStore,
  type KeyStoreFile,
  type Role,
  type StoredUser,
  type Unlocked,
} from '../security/keyStore'
import { createThrottle } from './throttle'

interface Held {
  dataKey: Buffer
  user: StoredUser
  privates: AccountPrivateKeys
}

/**
 * Key custody (issue 11 item 2, issue 13): the one holder of the data key and the acting account's
 * private keys while unlocked, and the one writer of keystore.json. Unlocking with a passphrase and
 * with the recovery key are each limited (throttle.ts). The key is lent to a callback, never returned
 * by a getter, and zeroed on lock.
 */
export function createKeyCustody(dataDir: string, now: () => Date, kdf?: KeyStoreFile['kdf']) {
  let held: Held | null = null
  const passphraseThrottle = createThrottle(now)
  const recoveryThrottle = createThrottle(now)
  const store = () => readKeyStore(dataDir)
  /** The idle setting, read on every request: kept from the last read or write instead of re-reading the file each time (issue 15: overhead per request). */
  let idleMinutes: number | null = null
  const save = (keys: KeyStoreFile) => {
    writeKeyStore(dataDir, keys)
    idleMinutes = keys.settings.idleLockMinutes
  }
  const need = (): Held => {
    if (!held) throw new AppError('locked', 'error.locked')
    return held
  }
  /** The held account as the key store has it now (its keys change with a passphrase). */
  const freshUser = (keys: KeyStoreFile) => keys.users.find((u) => u.id === need().user.id) ?? need().user

  return {
    store,
    isHeld: () => held !== null,
    actor: () => held?.user ?? null,
    /** Lends the data key; nothing outside keeps it. */
    useKey<T>(use: (key: Buffer) => T): T {
      return use(need().dataKey)
    },
    signer(): AuditSigner | null {
      return held ? { keyId: held.user.keys!.at(-1)!.keyId, sign: held.privates.sign } : null
    },
    olderKeys: (): Buffer[] => (held ? previousKeysOf(store(), held.dataKey) : []),
    hold(next: Held) {
      if (held && held.dataKey !== next.dataKey) held.dataKey.fill(0)
      held = next
    },
    /** After a rotation: the same account, the next data key (the old buffer is zeroed). */
    replaceKey(next: Buffer) {
      const current = need()
      current.dataKey.fill(0)
      held = { ...current, dataKey: next }
    },
    forget() {
      held?.dataKey.fill(0)
      held = null
    },

    setup(displayName: string, passphrase: string) {
      const created = createKeyStore({ displayName, passphrase }, kdf)
      save(created.store)
      return created
    },

    /** A passphrase's unlock; throws wrongPassphrase (counted) or tooManyAttempts. */
    unlock(userId: string, passphrase: string): Unlocked {
      passphraseThrottle.check()
      const keys = store()
      const opened = unlockWithPassphrase(keys, userId, passphrase)
      if (!opened) {
        passphraseThrottle.fail()
        throw new AppError('forbidden', 'error.wrongPassphrase')
      }
      passphraseThrottle.succeed()
      if (opened.upgraded) save(keys)
      return opened
    },

    /** Checks an account's passphrase without unlocking (an administrator approving a rescue). */
    confirm(userId: string, passphrase: string, role?: Role): Unlocked {
      const opened = this.unlock(userId, passphrase)
      if (role && opened.user.role !== role) throw new AppError('forbidden', 'error.roleForbidden')
      return opened
    },

    /** A forgotten passphrase: the recovery key (limited like passphrases) sets a new one. */
    recover(userId: string, recoveryKey: string, newPassphrase: string): Held & { pendingKey: Buffer | null } {
      recoveryThrottle.check()
      const keys = store()
      const opened = unlockWithRecoveryKey(keys, recoveryKey)
      const who = keys.users.find((u) => u.id === userId)
      if (!opened || !who) {
        recoveryThrottle.fail()
        throw new AppError('forbidden', 'error.wrongRecoveryKey')
      }
      recoveryThrottle.succeed()
      // A recovery key from a version 1 file cannot sign: the account's new key then signs itself.
      const privates = changePassphrase(keys, userId, opened.dataKey, newPassphrase, opened.certifier ?? 'self')
      save(keys)
      return { dataKey: opened.dataKey, user: who, privates, pendingKey: opened.pendingKey }
    },

    addAccount(input: { displayName: string; role: Role; passphrase: string }): StoredUser {
      const { dataKey, privates } = need()
      const keys = store()
      const { user } = addUser(keys, dataKey, input, currentCertifier(freshUser(keys), privates))
      save(keys)
      return user
    },

    /** Re-keys the account under a new passphrase; its new keys are signed by its previous ones. */
    changeOwnPassphrase(currentPassphrase: string, newPassphrase: string): void {
      const current = need()
      const keys = store()
      if (!unlockWithPassphrase(keys, current.user.id, currentPassphrase)) throw new AppError('validation', 'error.validation', { currentPassphrase: 'error.wrongPassphrase' })
      const privates = changePassphrase(keys, current.user.id, current.dataKey, newPassphrase, currentCertifier(freshUser(keys), current.privates))
      save(keys)
      held = { ...current, user: keys.users.find((u) => u.id === current.user.id)!, privates }
    },

    removeAccount(userId: string): StoredUser {
      const current = need()
      if (userId === current.user.id) throw new AppError('conflict', 'error.cannotRemoveSelf')
      const keys = store()
      const removed = keys.users.find((u) => u.id === userId)
      if (!removed) throw new AppError('not_found', 'error.notFound.user')
      removeUser(keys, userId)
      save(keys)
      return removed
    },

    rotateRecovery(): string {
      const current = need()
      const keys = store()
      const recoveryKey = rotateRecoveryKey(keys, current.dataKey, currentCertifier(freshUser(keys), current.privates))
      save(keys)
      return recoveryKey
    },

    /** Minutes of inactivity before the session locks (every write of the key store goes through `save`). */
    idleLockMinutes: (): number => (idleMinutes ??= store().settings.idleLockMinutes),
    setIdle(minutes: number): void {
      const keys = store()
      keys.settings.idleLockMinutes = minutes
      save(keys)
    },

    /** Signs and records the audit trail's head as the acting account saw it. */
    anchor(head: { id: number; hash: string }, resetOthers = false): void {
      const current = need()
      const keys = store()
      if (resetOthers) keys.anchors = {}
      anchorAudit(keys, freshUser(keys), current.privates, head)
      save(keys)
    },

    canRotate: () => canRotate(store()),
    /** Throws (changing nothing) when a rotation would refuse: run before an account change that needs one. */
    preflightRotation(): void {
      const keys = store()
      if (canRotate(keys)) beginRotation(keys, randomBytes(32))
    },
    /** Rotation step 1: the next key sealed for every holder, on disk before anything is re-keyed. */
    beginRotation(newKey: Buffer): void {
      const keys = store()
      beginRotation(keys, newKey)
      save(keys)
    },
    /** Rotation step 3: the next key becomes current; the old one is kept, wrapped, for older backups. */
    finishRotation(oldKey: Buffer, newKey: Buffer): void {
      const keys = store()
      finishRotation(keys, oldKey, newKey)
      save(keys)
    },
  }
}
export type KeyCustody = ReturnType<typeof createKeyCustody>
