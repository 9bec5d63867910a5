import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { createCore } from '../../../electron/core/createCore'
import { deriveAttachmentKey, deriveNameKey, encryptAttachment, ENCRYPTED_MAGIC, keyedName } from '../../../electron/core/documents/attachmentStore'
import { makeCore, sampleCase } from '../core/testCore'
import { base64, pdfBytes } from './documentFixtures'

const disposers: (() => void)[] = []
afterEach(() => {
  while (disposers.length) disposers.pop()!()
})
function setup(...args: Parameters<typeof makeCore>) {
  const made = makeCore(...args)
  disposers.push(made.dispose)
  return made
}

const folderOf = (dir: string, caseId: number) => join(dir, 'attachments', String(caseId))

describe('attachment folders of deleted cases', () => {
  it('removing the demo caseload deletes the demo cases’ folders and keeps real cases’ files', () => {
    const { core, dir } = setup({ seedDemoOnFirstRun: true })
    const demoIds = core.db.prepare('SELECT id FROM cases WHERE is_demo = 1 ORDER BY id LIMIT 2').pluck().all() as number[]
    const real = core.cases.create(sampleCase())
    for (const caseId of [...demoIds, real.id]) core.documents.upload({ caseId, fileName: 'a.pdf', label: '', base64: base64(pdfBytes(`case ${caseId}`)) })
    for (const caseId of [...demoIds, real.id]) expect(existsSync(folderOf(dir, caseId))).toBe(true)

    core.caseload.removeDemo()
    for (const caseId of demoIds) expect(existsSync(folderOf(dir, caseId))).toBe(false)
    const [kept] = core.documents.listAttachments(real.id)
    expect(Buffer.from(core.documents.openAttachment(kept.id).base64, 'base64').equals(pdfBytes(`case ${real.id}`))).toBe(true)
  })

  it('starting an empty caseload deletes every case’s folder', () => {
    const { core, dir } = setup({ seedDemoOnFirstRun: true })
    const real = core.cases.create(sampleCase())
    const demoId = core.db.prepare('SELECT id FROM cases WHERE is_demo = 1 ORDER BY id LIMIT 1').pluck().get() as number
    core.documents.upload({ caseId: real.id, fileName: 'a.pdf', label: '', base64: base64(pdfBytes('real')) })
    core.documents.upload({ caseId: demoId, fileName: 'b.pdf', label: '', base64: base64(pdfBytes('demo')) })
    expect(core.caseload.resetEmpty().caseCount).toBe(0)
    expect(existsSync(folderOf(dir, real.id))).toBe(false)
    expect(existsSync(folderOf(dir, demoId))).toBe(false)
  })
})

describe('attachment encryption at rest', () => {
  const MARKER = 'PLAINTEXT-MARKER-7f3a9c'

  it('with a data key, stores AES-GCM ciphertext under a keyed name (no plaintext, no plain hash on disk) and opens to the original bytes', async () => {
    const key = randomBytes(32)
    const { core, dir } = setup({ key })
    const caseId = core.cases.create(sampleCase()).id
    const original = pdfBytes(MARKER)
    const attachment = core.documents.upload({ caseId, fileName: 'records.pdf', label: '', base64: base64(original) })
    expect(attachment.sha256).toBe(createHash('sha256').update(original).digest('hex'))
    expect(attachment.sizeBytes).toBe(original.length)

    // Issue 13 item 6: the stored name is an HMAC of the hash, so a known document cannot be confirmed by name.
    expect(readdirSync(folderOf(dir, caseId))).toEqual([keyedName(deriveNameKey(key), attachment.sha256, '.pdf')])
    expect(existsSync(join(folderOf(dir, caseId), `${attachment.sha256}.pdf`))).toBe(false)
    const onDisk = readFileSync(join(folderOf(dir, caseId), readdirSync(folderOf(dir, caseId))[0]))
    expect(onDisk.includes(MARKER)).toBe(false)
    expect(onDisk.includes('%PDF')).toBe(false)
    expect(onDisk.subarray(0, 5).equals(ENCRYPTED_MAGIC)).toBe(true)
    expect(onDisk.length).toBe(5 + 12 + original.length + 16)

    const opened = await createDispatcher(core)('documents:open', { attachmentId: attachment.id })
    if (!opened.ok) throw new Error(opened.error.message)
    expect(Buffer.from((opened.data as { base64: string }).base64, 'base64').equals(original)).toBe(true)
  })

  it('checks every read: an altered byte, a file without the header, or another file put in its place is refused as altered, never served', async () => {
    const key = randomBytes(32)
    const { core, dir } = setup({ key })
    const caseId = core.cases.create(sampleCase()).id
    const dispatch = createDispatcher(core)
    const altered = { ok: false, error: { code: 'conflict', message: 'documents.error.fileAltered' } }
    const a = core.documents.upload({ caseId, fileName: 'a.pdf', label: '', base64: base64(pdfBytes('one')) })
    const pathA = join(folderOf(dir, caseId), keyedName(deriveNameKey(key), a.sha256, '.pdf'))
    const good = readFileSync(pathA)
    const tampered = Buffer.from(good)
    tampered[tampered.length - 20] ^= 0xff
    writeFileSync(pathA, tampered)
    expect(await dispatch('documents:open', { attachmentId: a.id })).toEqual(altered)
    // The plaintext without the encryption header.
    writeFileSync(pathA, pdfBytes('one'))
    expect(await dispatch('documents:open', { attachmentId: a.id })).toEqual(altered)
    // Another document, correctly encrypted under this name (so the tag passes): its hash does not match the name.
    writeFileSync(pathA, encryptAttachment(deriveAttachmentKey(key), keyedName(deriveNameKey(key), a.sha256, '.pdf'), pdfBytes('other')))
    expect(await dispatch('documents:open', { attachmentId: a.id })).toEqual(altered)
    writeFileSync(pathA, good)
    expect((await dispatch('documents:open', { attachmentId: a.id })).ok).toBe(true)
  })

  it('moves files stored under the older plain-hash names (and plain files from before encryption) to keyed names at open', () => {
    const key = randomBytes(32)
    const first = setup({ key })
    const caseId = first.core.cases.create(sampleCase()).id
    const a = first.core.documents.upload({ caseId, fileName: 'a.pdf', label: '', base64: base64(pdfBytes('one')) })
    const b = first.core.documents.upload({ caseId, fileName: 'b.pdf', label: '', base64: base64(pdfBytes('two')) })
    const folder = folderOf(first.dir, caseId)
    // As an older Overturn left them: a encrypted under its sha256 name, b plain under its sha256 name.
    const legacyA = `${a.sha256}.pdf`
    writeFileSync(join(folder, legacyA), encryptAttachment(deriveAttachmentKey(key), legacyA, pdfBytes('one')))
    writeFileSync(join(folder, `${b.sha256}.pdf`), pdfBytes('two'))
    for (const name of readdirSync(folder)) if (!name.startsWith(a.sha256) && !name.startsWith(b.sha256)) rmSync(join(folder, name))
    first.core.db.prepare("UPDATE attachments SET stored_name = sha256 || '.pdf'").run()
    // An older Overturn recorded no key generation for its files.
    first.core.db.prepare("DELETE FROM app_settings WHERE key = 'attachments_current_for'").run()
    first.core.close()
    const reopened = createCore({ dataDir: first.dir, key, seedDemoOnFirstRun: false })
    try {
      expect(readdirSync(folder).sort()).toEqual([keyedName(deriveNameKey(key), a.sha256, '.pdf'), keyedName(deriveNameKey(key), b.sha256, '.pdf')].sort())
      expect(Buffer.from(reopened.documents.openAttachment(a.id).base64, 'base64').equals(pdfBytes('one'))).toBe(true)
      expect(Buffer.from(reopened.documents.openAttachment(b.id).base64, 'base64').equals(pdfBytes('two'))).toBe(true)
    } finally {
      reopened.close()
    }
  })

  it('an ordinary open skips the pass once the files are recorded as current for the key', () => {
    const key = randomBytes(32)
    const first = setup({ key })
    const caseId = first.core.cases.create(sampleCase()).id
    const a = first.core.documents.upload({ caseId, fileName: 'a.pdf', label: '', base64: base64(pdfBytes('one')) })
    const generation = first.core.db.prepare("SELECT value FROM app_settings WHERE key = 'attachments_current_for'").pluck().get()
    expect(generation).toMatch(/^[0-9a-f]{32}$/)
    // A row renamed behind the app's back is not looked at again by an ordinary open (the pass is skipped) …
    first.core.db.prepare("UPDATE attachments SET stored_name = sha256 || '.pdf'").run()
    first.core.close()
    const reopened = createCore({ dataDir: first.dir, key, seedDemoOnFirstRun: false })
    try {
      expect(reopened.db.prepare('SELECT stored_name FROM attachments WHERE id = ?').pluck().get(a.id)).toBe(`${a.sha256}.pdf`)
    } finally {
      reopened.close()
    }
    // … but another key generation (a rotation, a restore under an earlier key) runs it again.
    const other = createCore({ dataDir: first.dir, key, seedDemoOnFirstRun: false })
    other.db.prepare("UPDATE app_settings SET value = 'older' WHERE key = 'attachments_current_for'").run()
    other.close()
    const again = createCore({ dataDir: first.dir, key, seedDemoOnFirstRun: false })
    try {
      expect(again.db.prepare('SELECT stored_name FROM attachments WHERE id = ?').pluck().get(a.id)).toBe(keyedName(deriveNameKey(key), a.sha256, '.pdf'))
    } finally {
      again.close()
    }
  })

  it('without a data key (tests, the CLI), files are stored plain', () => {
    const { core, dir } = setup()
    const caseId = core.cases.create(sampleCase()).id
    const original = pdfBytes(MARKER)
    const attachment = core.documents.upload({ caseId, fileName: 'records.pdf', label: '', base64: base64(original) })
    expect(readFileSync(join(folderOf(dir, caseId), `${attachment.sha256}.pdf`)).equals(original)).toBe(true)
  })
})
