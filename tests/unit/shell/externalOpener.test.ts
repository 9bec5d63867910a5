import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { createExternalOpener } from '../../../electron/main/externalOpener'
import { makeCore, makeTempDir, sampleCase } from '../core/testCore'

/**
 * Issue 16, item 2: a Word exhibit is opened in the system's word processor from a private folder
 * that is removed afterwards. Real core and files; only Electron's `shell.openPath` is replaced by a
 * recorder (the binary cannot run here).
 */
const env = makeCore()
const temp = makeTempDir('overturn-opener-')
const dispatch = createDispatcher(env.core)
let caseId = 0
const ids: Record<string, number> = {}
let docx: Buffer

beforeAll(async () => {
  caseId = env.core.cases.create(sampleCase()).id
  docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Letter of medical necessity')] }] }))
  for (const [key, fileName, bytes] of [
    ['word', 'LMN ../../evil.docx', docx],
    ['pdf', 'denial.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')],
  ] as const) {
    const result = await dispatch('documents:upload', { caseId, fileName, label: key, base64: bytes.toString('base64') })
    if (!result.ok) throw new Error(JSON.stringify(result.error))
    ids[key] = (result.data as { id: number }).id
  }
})
afterAll(() => {
  env.dispose()
  temp.cleanup()
})

describe('opening a Word exhibit in the word processor', () => {
  it('writes the decrypted copy into a private folder, hands it to the system, and removes it on quit', async () => {
    const opened: string[] = []
    const opener = createExternalOpener({ dispatch, tempRoot: temp.dir, openPath: async (path) => (opened.push(path), '') })
    expect(await opener.openInWordProcessor({ attachmentId: ids.word })).toEqual({ ok: true, data: { opened: true } })
    expect(opened).toHaveLength(1)
    const [path] = opened
    // The file name is sanitized: it stays inside the private folder.
    expect(path.startsWith(temp.dir)).toBe(true)
    expect(path).toMatch(/LMN \.\.\.\.evil\.docx$/)
    expect(readFileSync(path).equals(docx)).toBe(true)
    const folder = join(temp.dir, readdirSync(temp.dir)[0])
    if (process.platform !== 'win32') {
      expect(statSync(folder).mode & 0o777).toBe(0o700)
      expect(statSync(path).mode & 0o777).toBe(0o600)
    }
    opener.cleanup()
    expect(existsSync(folder)).toBe(false)
  })

  it('never writes a PDF or image to disk: those are previewed in the page', async () => {
    const opener = createExternalOpener({ dispatch, tempRoot: temp.dir, openPath: async () => '' })
    expect(await opener.openInWordProcessor({ attachmentId: ids.pdf })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await opener.openInWordProcessor({ attachmentId: 'x' })).toMatchObject({ ok: false, error: { code: 'validation' } })
    expect(await opener.openInWordProcessor({ attachmentId: 99_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const leftovers = readdirSync(temp.dir).flatMap((d) => readdirSync(join(temp.dir, d)))
    expect(leftovers).toEqual([])
    opener.cleanup()
  })

  it('removes the copy when the system cannot open it, and sweeps folders a crashed run left', async () => {
    const failing = createExternalOpener({ dispatch, tempRoot: temp.dir, openPath: async () => 'No application is associated' })
    expect(await failing.openInWordProcessor({ attachmentId: ids.word })).toMatchObject({ ok: false, error: { code: 'internal', message: 'preview.wordFailed' } })
    expect(readdirSync(temp.dir).flatMap((d) => readdirSync(join(temp.dir, d)))).toEqual([])
    // A run that crashed before cleanup: the next start sweeps its folder.
    const crashed = createExternalOpener({ dispatch, tempRoot: temp.dir, openPath: async () => '' })
    await crashed.openInWordProcessor({ attachmentId: ids.word })
    expect(readdirSync(temp.dir).length).toBeGreaterThan(0)
    createExternalOpener({ dispatch, tempRoot: temp.dir, openPath: async () => '' }).sweepLeftovers()
    expect(readdirSync(temp.dir)).toEqual([])
  })
})
