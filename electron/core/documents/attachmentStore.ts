import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MAX_ATTACHMENT_BYTES, type AttachmentKind } from '../../../shared/domain/documents'
import { AppError } from '../errors'

const TYPES: Record<AttachmentKind, { ext: string; mime: string }> = {
  pdf: { ext: '.pdf', mime: 'application/pdf' },
  png: { ext: '.png', mime: 'image/png' },
  jpeg: { ext: '.jpg', mime: 'image/jpeg' },
  docx: { ext: '.docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
}

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b)

/**
 * The file's real type from its first bytes, never from its name: PDF (`%PDF-`), PNG, JPEG, or a
 * ZIP that carries `word/document.xml` (DOCX). Anything else is null.
 */
export function detectAttachmentKind(bytes: Buffer): AttachmentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  // ZIP local-file headers store entry names uncompressed, so a Word file names word/document.xml.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && bytes.includes('word/document.xml')) return 'docx'
  return null
}

export const attachmentExtension = (kind: AttachmentKind) => TYPES[kind].ext

/**
 * Encryption at rest, when the caseload has a data key: AES-256-GCM under a key derived from the data
 * key with HKDF-SHA256 (info 'overturn-attachments'), so the database key itself never touches files.
 * A stored file is MAGIC + 12-byte IV + ciphertext + 16-byte tag; the stored name (the plaintext's
 * sha256 plus extension) is the additional data, so a file cannot be passed off under another name.
 * Files without the magic are plain: written without a key (tests, the CLI) or before encryption.
 */
export const ENCRYPTED_MAGIC = Buffer.from('OVTA1', 'ascii')
const IV_BYTES = 12
const TAG_BYTES = 16
const HKDF_INFO = 'overturn-attachments'

export function deriveAttachmentKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), HKDF_INFO, 32))
}

/**
 * Stored names are a keyed hash of the content (HMAC-SHA256 under a key derived from the data key,
 * info 'overturn-attachment-names'; issue 13 item 6): the name still identifies the content for the
 * integrity check, but nobody without the key can tell from a file name that a known document is there.
 */
export function deriveNameKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'overturn-attachment-names', 32))
}

export const keyedName = (nameKey: Buffer | null, sha256: string, ext: string) => `${nameKey ? createHmac('sha256', nameKey).update(sha256).digest('hex') : sha256}${ext}`
const extOf = (storedName: string) => storedName.slice(storedName.lastIndexOf('.'))

export function encryptAttachment(fileKey: Buffer, storedName: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', fileKey, iv)
  cipher.setAAD(Buffer.from(storedName, 'utf8'))
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([ENCRYPTED_MAGIC, iv, body, cipher.getAuthTag()])
}

export const isEncryptedAttachment = (stored: Buffer) =>
  stored.length >= ENCRYPTED_MAGIC.length + IV_BYTES + TAG_BYTES && stored.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)

/** The plaintext; throws (without paths) when the key is wrong or the file was altered. */
export function decryptAttachment(fileKey: Buffer, storedName: string, stored: Buffer): Buffer {
  const iv = stored.subarray(ENCRYPTED_MAGIC.length, ENCRYPTED_MAGIC.length + IV_BYTES)
  const tag = stored.subarray(stored.length - TAG_BYTES)
  const body = stored.subarray(ENCRYPTED_MAGIC.length + IV_BYTES, stored.length - TAG_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', fileKey, iv)
  decipher.setAAD(Buffer.from(storedName, 'utf8'))
  decipher.setAuthTag(tag)
  return Buffer.concat([decipher.update(body), decipher.final()])
}

const attachmentsRoot = (dataDir: string) => join(dataDir, 'attachments')
const caseFolder = (dataDir: string, caseId: number) => join(attachmentsRoot(dataDir), String(Math.trunc(caseId)))

/**
 * Deletes the attachment folders of deleted cases. Called after the deleting transaction committed;
 * a folder that cannot be removed is logged (by error name only) and left, never failing the action.
 */
export function removeCaseAttachmentFolders(dataDir: string, caseIds: number[]): void {
  for (const caseId of caseIds) {
    if (!Number.isSafeInteger(caseId) || caseId <= 0) continue
    try {
      rmSync(caseFolder(dataDir, caseId), { recursive: true, force: true })
    } catch (error) {
      console.error(`[overturn] attachment cleanup failed: ${error instanceof Error ? error.name : 'unknown error'}`)
    }
  }
}

export interface StoredFile {
  kind: AttachmentKind
  mime: string
  sizeBytes: number
  sha256: string
  storedName: string
}

/**
 * Files under `<dataDir>/attachments/<caseId>/<keyed hash><ext>`. Names come from the content hash, so a
 * user's file name can never reach the file system, and the same file is stored once per case. With
 * the caseload's data key, contents are encrypted at rest (see ENCRYPTED_MAGIC); the recorded size and
 * sha256 are always those of the plaintext.
 */
export function createAttachmentStore(dataDir: string, dataKey?: Buffer) {
  const folder = (caseId: number) => caseFolder(dataDir, caseId)
  const fileKey = dataKey ? deriveAttachmentKey(dataKey) : null
  const nameKey = dataKey ? deriveNameKey(dataKey) : null
  const altered = () => new AppError('conflict', 'documents.error.fileAltered')

  return {
    /** Checks size and type and names the file; writes nothing. */
    inspect(bytes: Buffer): StoredFile {
      if (bytes.length === 0) throw new AppError('validation', 'documents.error.fileEmpty', { file: 'documents.error.fileEmpty' })
      if (bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('validation', 'documents.error.fileTooLarge', { file: 'documents.error.fileTooLarge' })
      const kind = detectAttachmentKind(bytes)
      if (!kind) throw new AppError('validation', 'documents.error.fileType', { file: 'documents.error.fileType' })
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      return { kind, mime: TYPES[kind].mime, sizeBytes: bytes.length, sha256, storedName: keyedName(nameKey, sha256, TYPES[kind].ext) }
    },
    /** Writes an inspected file atomically (temp name, then rename). */
    write(caseId: number, file: StoredFile, bytes: Buffer): void {
      mkdirSync(folder(caseId), { recursive: true })
      const target = join(folder(caseId), file.storedName)
      const temp = `${target}.${process.pid}.tmp`
      writeFileSync(temp, fileKey ? encryptAttachment(fileKey, file.storedName, bytes) : bytes)
      renameSync(temp, target)
    },
    /**
     * The plaintext bytes, checked on every read (issue 13 item 6): with a key, the file must carry the
     * encryption header, pass the authentication tag, and hash back to its own keyed name; anything
     * else is "altered or damaged" and never served. Without a key (tests, the CLI) files are plain
     * and only the content hash is checked.
     */
    read(caseId: number, storedName: string): Buffer {
      const path = join(folder(caseId), storedName)
      if (!existsSync(path)) throw new AppError('not_found', 'documents.error.fileMissing')
      const stored = readFileSync(path)
      let plain: Buffer
      if (fileKey) {
        if (!isEncryptedAttachment(stored)) throw altered()
        try {
          plain = decryptAttachment(fileKey, storedName, stored)
        } catch {
          throw altered()
        }
      } else {
        if (isEncryptedAttachment(stored)) throw new AppError('internal', 'documents.error.fileUnreadable')
        plain = stored
      }
      const sha256 = createHash('sha256').update(plain).digest('hex')
      if (keyedName(nameKey, sha256, extOf(storedName)) !== storedName) throw altered()
      return plain
    },
    /**
     * Names the current key generation without revealing the key: a keyed hash of a fixed label, so the
     * caseload can record which generation its files were last brought to.
     */
    generation: (): string => (nameKey ? createHmac('sha256', nameKey).update('overturn-attachment-generation').digest('hex').slice(0, 32) : 'unencrypted'),
    /**
     * Moves one stored file to the current key and name (after a data-key rotation, or from the older
     * `<sha256><ext>` names): decrypts with whichever known key wrote it, checks the content against the
     * recorded sha256, writes it under the current key and keyed name. Answers the new name, or null when
     * the file is already current or cannot be found (left for the integrity report).
     */
    rehome(caseId: number, storedName: string, sha256: string, olderKeys: Buffer[]): string | null {
      const target = keyedName(nameKey, sha256, extOf(storedName))
      if (target === storedName) return null
      const source = join(folder(caseId), storedName)
      if (!existsSync(source)) return existsSync(join(folder(caseId), target)) ? target : null
      const stored = readFileSync(source)
      let plain: Buffer | null = null
      if (!isEncryptedAttachment(stored)) plain = stored
      else {
        for (const key of [dataKey, ...olderKeys].filter((k): k is Buffer => Boolean(k))) {
          try {
            plain = decryptAttachment(deriveAttachmentKey(key), storedName, stored)
            break
          } catch {
            // Not this generation's key: try the next.
          }
        }
      }
      if (!plain || createHash('sha256').update(plain).digest('hex') !== sha256) return null
      const temp = join(folder(caseId), `${target}.${process.pid}.tmp`)
      writeFileSync(temp, fileKey ? encryptAttachment(fileKey, target, plain) : plain)
      renameSync(temp, join(folder(caseId), target))
      return target
    },
    /** Removes files of a case folder that no row names (left by an interrupted re-home or write). */
    sweep(caseId: number, keep: Set<string>): void {
      if (!existsSync(folder(caseId))) return
      for (const name of readdirSync(folder(caseId))) if (!keep.has(name)) rmSync(join(folder(caseId), name), { force: true })
    },
    remove(caseId: number, storedName: string): void {
      rmSync(join(folder(caseId), storedName), { force: true })
    },
  }
}
export type AttachmentStore = ReturnType<typeof createAttachmentStore>
