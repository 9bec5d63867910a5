import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { ENCRYPTED_MAGIC } from '../../../electron/core/documents/attachmentStore'
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

  it('with a data key, stores AES-GCM ciphertext (no plaintext on disk) and opens to the original bytes', async () => {
    const { core, dir } = setup({ key: randomBytes(32) })
    const caseId = core.cases.create(sampleCase()).id
    const original = pdfBytes(MARKER)
    const attachment = core.documents.upload({ caseId, fileName: 'records.pdf', label: '', base64: base64(original) })
    expect(attachment.sha256).toBe(createHash('sha256').update(original).digest('hex'))
    expect(attachment.sizeBytes).toBe(original.length)

    const onDisk = readFileSync(join(folderOf(dir, caseId), `${attachment.sha256}.pdf`))
    expect(onDisk.includes(MARKER)).toBe(false)
    expect(onDisk.includes('%PDF')).toBe(false)
    expect(onDisk.subarray(0, 5).equals(ENCRYPTED_MAGIC)).toBe(true)
    expect(onDisk.length).toBe(5 + 12 + original.length + 16)

    const opened = await createDispatcher(core)('documents:open', { attachmentId: attachment.id })
    if (!opened.ok) throw new Error(opened.error.message)
    expect(Buffer.from((opened.data as { base64: string }).base64, 'base64').equals(original)).toBe(true)
  })

  it('refuses a stored file that was altered, and still reads a file stored before encryption', async () => {
    const { core, dir } = setup({ key: randomBytes(32) })
    const caseId = core.cases.create(sampleCase()).id
    const dispatch = createDispatcher(core)
    const a = core.documents.upload({ caseId, fileName: 'a.pdf', label: '', base64: base64(pdfBytes('one')) })
    const pathA = join(folderOf(dir, caseId), `${a.sha256}.pdf`)
    const tampered = readFileSync(pathA)
    tampered[tampered.length - 20] ^= 0xff
    writeFileSync(pathA, tampered)
    expect(await dispatch('documents:open', { attachmentId: a.id })).toEqual({ ok: false, error: { code: 'internal', message: 'documents.error.fileUnreadable' } })

    const b = core.documents.upload({ caseId, fileName: 'b.pdf', label: '', base64: base64(pdfBytes('two')) })
    writeFileSync(join(folderOf(dir, caseId), `${b.sha256}.pdf`), pdfBytes('two'))
    expect(Buffer.from(core.documents.openAttachment(b.id).base64, 'base64').equals(pdfBytes('two'))).toBe(true)
  })

  it('without a data key (tests, the CLI), files are stored plain', () => {
    const { core, dir } = setup()
    const caseId = core.cases.create(sampleCase()).id
    const original = pdfBytes(MARKER)
    const attachment = core.documents.upload({ caseId, fileName: 'records.pdf', label: '', base64: base64(original) })
    expect(readFileSync(join(folderOf(dir, caseId), `${attachment.sha256}.pdf`)).equals(original)).toBe(true)
  })
})
