import type { SyncOperation } from '../../../shared/domain/sync'
import type { SyncCaseView } from '../../../shared/domain/syncStatus'
import type { Db } from '../db/openDatabase'
import { createAttachmentStore } from '../documents/attachmentStore'
import { createAttachmentRepository } from '../documents/documentRepository'
import { openFromOrganization, sealForOrganization } from './organizationFiles'
import { SyncHttpError, type SyncClient } from './syncClient'
import type { AnnouncedFile } from './sqliteReplica'

interface IncomingRow { operation_id: string; case_id: number; address: string; label: string; original_name: string; kind: string; size_bytes: number; announced_at: string; problem: string | null }

/** Why a file is not here yet, as an i18n key the case page shows next to it. */
export const FILE_PROBLEMS = {
  notOnServer: 'sync.files.problem.notOnServer',
  altered: 'sync.files.problem.altered',
  unreachable: 'sync.files.problem.unreachable',
  refused: 'sync.files.problem.refused',
} as const

/** How many files other laptops attached to a case are still on their way to this one. */
export const filesStillArriving = (db: Db, caseId: number): number =>
  db.prepare('SELECT COUNT(*) FROM sync_incoming_files WHERE case_id = ?').pluck().get(caseId) as number

/**
 * Moves attachments between this laptop and the organization server (docs/organization-server.md
 * "Attachments"). Sending: before a batch that announces a file is pushed, the file is read (and checked)
 * from this laptop's store, re-encrypted with the organization key and uploaded once. Receiving: a
 * pulled upload waits in `sync_incoming_files` until its bytes are fetched, decrypted, checked against
 * their address and stored re-encrypted under this laptop's own key like any local attachment.
 */
export function createFileTransfer(deps: { db: Db; dataDir: string; key?: Buffer; now: () => Date; organizationKey: () => Buffer | null }) {
  const { db } = deps
  const store = createAttachmentStore(deps.dataDir, deps.key)
  const attachments = createAttachmentRepository(db)
  const sentAddress = db.prepare("SELECT address FROM sync_files WHERE attachment_id = ? AND direction = 'sent'").pluck()
  const rememberRow = db.prepare('INSERT OR REPLACE INTO sync_files (attachment_id, case_id, address, direction, at) VALUES (?, ?, ?, ?, ?)')
  const remember = (attachmentId: number, caseId: number, address: string, direction: 'sent' | 'received') => rememberRow.run(attachmentId, caseId, address, direction, nowIso())
  const failed = db.prepare('UPDATE sync_incoming_files SET attempts = attempts + 1, problem = ? WHERE operation_id = ?')
  const arrived = db.prepare('DELETE FROM sync_incoming_files WHERE operation_id = ?')
  const nowIso = () => deps.now().toISOString()

  function requireKey(): Buffer {
    const key = deps.organizationKey()
    if (!key) throw new SyncHttpError(0, 'no_key', 'This laptop does not have the organization key yet.')
    return key
  }

  /** Files this laptop could not send (damaged here): the upload is still pushed, and the other laptops say the file is not on the server. */
  let unsent = 0

  async function upload(client: SyncClient, batch: SyncOperation[]): Promise<void> {
    for (const op of batch) {
      const value = op.newValue as { kind?: string; entityId?: string; attachment?: AnnouncedFile } | null
      if (op.kind !== 'append' || value?.kind !== 'upload' || !value.attachment) continue
      const attachmentId = Number(value.entityId)
      if (sentAddress.get(attachmentId) === value.attachment.address) continue
      const record = attachments.get(attachmentId)
      if (!record) continue
      let plain: Buffer
      try {
        plain = store.read(record.caseId, record.storedName)
      } catch {
        unsent += 1
        continue
      }
      const sealed = sealForOrganization(requireKey(), plain)
      if (sealed.address !== value.attachment.address) {
        unsent += 1
        continue
      }
      await client.putAttachment(sealed.address, sealed.ciphertext)
      remember(attachmentId, record.caseId, sealed.address, 'sent')
    }
  }

  /** Stores one fetched file as a local attachment, exactly as an upload on this laptop would. */
  function keep(row: IncomingRow, plain: Buffer): void {
    let file
    try {
      file = store.inspect(plain)
    } catch {
      failed.run(FILE_PROBLEMS.refused, row.operation_id)
      return
    }
    const existing = attachments.findByHash(row.case_id, file.sha256)
    if (existing) {
      db.transaction(() => {
        remember(existing.id, row.case_id, row.address, 'received')
        arrived.run(row.operation_id)
      })()
      return
    }
    store.write(row.case_id, file, plain)
    try {
      db.transaction(() => {
        const id = attachments.insert({ caseId: row.case_id, label: row.label, originalName: row.original_name, storedName: file.storedName,
          kind: file.kind, mime: file.mime, sizeBytes: file.sizeBytes, sha256: file.sha256, addedAt: row.announced_at })
        remember(id, row.case_id, row.address, 'received')
        arrived.run(row.operation_id)
      })()
    } catch (error) {
      store.remove(row.case_id, file.storedName)
      throw error
    }
  }

  /**
   * Fetches waiting files: of one case (opened, or just taken to a clinic) or of every case kept
   * offline. A failure is counted and its reason kept on the row; an unreachable server stops the round.
   */
  async function fetchWaiting(client: SyncClient, which: { caseId: number } | 'kept'): Promise<{ fetched: number; waiting: number }> {
    const rows = (which === 'kept'
      ? db.prepare('SELECT f.* FROM sync_incoming_files f JOIN cases c ON c.id = f.case_id WHERE c.kept_offline = 1 ORDER BY f.announced_at').all()
      : db.prepare('SELECT * FROM sync_incoming_files WHERE case_id = ? ORDER BY announced_at').all(which.caseId)) as IncomingRow[]
    let fetched = 0
    for (const [index, row] of rows.entries()) {
      let bytes: Buffer
      try {
        bytes = await client.getAttachment(row.address)
      } catch (error) {
        if (error instanceof SyncHttpError && (error.status === 404 || error.code === 'damaged')) {
          failed.run(error.status === 404 ? FILE_PROBLEMS.notOnServer : FILE_PROBLEMS.altered, row.operation_id)
          continue
        }
        for (const rest of rows.slice(index)) failed.run(FILE_PROBLEMS.unreachable, rest.operation_id)
        if (error instanceof SyncHttpError && error.code === 'account_removed') throw error
        break
      }
      const plain = openFromOrganization(requireKey(), row.address, bytes)
      if (!plain) {
        failed.run(FILE_PROBLEMS.altered, row.operation_id)
        continue
      }
      keep(row, plain)
      fetched += 1
    }
    return { fetched, waiting: rows.length - fetched }
  }

  function caseView(caseId: number): SyncCaseView {
    const kept = db.prepare('SELECT kept_offline FROM cases WHERE id = ?').pluck().get(caseId) as number | undefined
    const rows = db.prepare('SELECT * FROM sync_incoming_files WHERE case_id = ? ORDER BY announced_at').all(caseId) as IncomingRow[]
    return {
      caseId,
      keptOffline: kept === 1,
      waitingFiles: rows.map((row) => ({ label: row.label, fileName: row.original_name, sizeBytes: row.size_bytes, problem: row.problem })),
    }
  }

  /**
   * Another laptop removed an exhibit: the same file goes here too (its row now, inside the caller's
   * transaction; its stored file after the commit, by `sweepRemoved`), or it stops waiting to arrive.
   */
  const removedFiles: { caseId: number; storedName: string }[] = []
  function forget(caseId: number, address: string): void {
    db.prepare('DELETE FROM sync_incoming_files WHERE case_id = ? AND address = ?').run(caseId, address)
    const ids = db.prepare('SELECT attachment_id FROM sync_files WHERE case_id = ? AND address = ?').pluck().all(caseId, address) as number[]
    for (const id of ids) {
      const record = attachments.get(id)
      if (record && record.caseId === caseId) {
        attachments.remove(record)
        removedFiles.push({ caseId, storedName: record.storedName })
      }
      db.prepare('DELETE FROM sync_files WHERE attachment_id = ?').run(id)
    }
  }
  /** After the pull's transaction: removes the queued files when it committed, forgets them when it rolled back. */
  function sweepRemoved(committed: boolean): void {
    for (const file of removedFiles.splice(0)) if (committed) store.remove(file.caseId, file.storedName)
  }
  /** The organization address of a local attachment that was sent or received (for its removal). */
  const addressOf = (attachmentId: number): string | null =>
    (db.prepare('SELECT address FROM sync_files WHERE attachment_id = ?').pluck().get(attachmentId) as string | undefined) ?? null

  return { upload, fetchWaiting, caseView, forget, sweepRemoved, addressOf, unsentCount: () => unsent }
}

export type FileTransfer = ReturnType<typeof createFileTransfer>
