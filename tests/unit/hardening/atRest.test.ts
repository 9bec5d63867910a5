import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAttachmentStore } from '../../../electron/core/documents/attachmentStore'
import { createAppSession } from '../../../electron/core/session/appSession'
import type { ApiResult } from '../../../shared/contract'
import { makeTempDir, sampleCase } from '../core/testCore'
import { FAST_KDF, listFiles, PASSPHRASE } from './hardeningHelpers'

/**
 * Issue 6, item 7.4 and 7.5: nothing a user typed or attached is readable on disk (every file of the
 * data folder, in UTF-8 and UTF-16LE), and an attachment's own name can never choose where it is
 * written: stored files live only under <dataDir>/attachments/<caseId>/<sha256><ext>.
 */

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

/** A data folder two levels below a fresh root, so an escape of `../..` would still land inside the root. */
function unlockedSession() {
  const root = makeTempDir('overturn-atrest-')
  const dataDir = join(root.dir, 'profile', 'caseload')
  mkdirSync(dataDir, { recursive: true })
  const session = createAppSession({ dataDir, kdf: FAST_KDF, now: () => new Date('2026-11-25T15:00:00Z') })
  session.setup('Dana', PASSPHRASE)
  cleanups.push(() => session.close(), root.cleanup)
  return { session, dataDir, root: root.dir }
}

async function ok<T>(result: Promise<ApiResult<unknown>>): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`)
  return r.data as T
}

const pdfWith = (text: string) => Buffer.from(`%PDF-1.4\n1 0 obj<< /Title (${text}) >>endobj\nBT (${text}) Tj ET\ntrailer<<>>\n%%EOF\n`, 'latin1')

describe('no plaintext on disk', () => {
  it('finds none of the typed names, contacts or attachment bytes in any file under the data folder', async () => {
    const { session, dataDir } = unlockedSession()
    const markers = ['Quillonbrae', 'Zebulon Vantressa', 'Ophelianne', 'MBRXQ7731', 'Thistlewaite Infusion Review', 'REF-88Z-QUOKKA', 'ATTACHMENT-MARKER-5f3a9c']
    const created = await ok<{ id: number }>(
      session.dispatch(
        'cases:create',
        sampleCase({
          patient: { firstName: 'Zebulon Vantressa', lastName: 'Quillonbrae', dateOfBirth: '1961-04-02', phone: '312-555-0199', preferredLanguage: 'English' },
          coverage: { payer: 'Lakeshore Blue Group Plan', planFamily: 'employer_fully_insured', memberId: 'MBRXQ7731', groupNumber: 'G-1', state: 'IL' },
          summary: 'Ophelianne needs weekly IVIG',
        } as never),
      ),
    )
    await ok(session.dispatch('contacts:add', { caseId: created.id, kind: 'call', occurredOn: '2026-11-25', withWhom: 'Thistlewaite Infusion Review', referenceNumber: 'REF-88Z-QUOKKA', requested: 'Ophelianne records', submitted: '', submittedOn: null, followUpOn: null }))
    await ok(session.dispatch('documents:upload', { caseId: created.id, fileName: 'Quillonbrae-denial.pdf', label: 'Quillonbrae denial', base64: pdfWith('ATTACHMENT-MARKER-5f3a9c Quillonbrae').toString('base64') }))
    await ok(session.dispatch('backups:create', {}))
    // The data is really there: the search finds it through the key.
    const found = await ok<unknown>(session.dispatch('search:query', { text: 'Quillonbrae' }))
    expect(JSON.stringify(found)).toContain('Quillonbrae')

    const needles = markers.flatMap((m) => [m, m.toLowerCase(), m.toUpperCase()]).flatMap((m) => [Buffer.from(m, 'utf8'), Buffer.from(m, 'utf16le')])
    const scan = () => {
      const files = listFiles(dataDir)
      const kinds = new Set(files.map((f) => relative(dataDir, f).split(sep)[0].replace(/-(wal|shm)$/, '')))
      const hits = files.flatMap((f) => {
        const bytes = readFileSync(f)
        return needles.filter((n) => bytes.includes(n)).map((n) => `${relative(dataDir, f)}: ${n.toString(n.length && n[1] === 0 ? 'utf16le' : 'utf8')}`)
      })
      return { files: files.map((f) => relative(dataDir, f)), kinds, hits }
    }
    // While open (the WAL holds the recent pages), then after locking (checkpointed into the main file).
    const open = scan()
    expect(open.files).toEqual(expect.arrayContaining(['overturn.db', 'overturn.db-wal', 'keystore.json']))
    expect(open.files.some((f) => f.startsWith(`attachments${sep}`))).toBe(true)
    expect(open.files.some((f) => /^backups[\\/]overturn-.*\.db$/.test(f))).toBe(true)
    expect(open.files.some((f) => f.startsWith(`backups${sep}attachments${sep}`))).toBe(true)
    expect(open.hits).toEqual([])
    session.lock()
    const locked = scan()
    expect(locked.hits).toEqual([])
    // The scanner itself finds a marker written in the clear, in either encoding.
    writeFileSync(join(dataDir, 'probe-utf16.txt'), Buffer.from('x Quillonbrae x', 'utf16le'))
    expect(scan().hits).toEqual([`probe-utf16.txt: Quillonbrae`])
  })
})

describe('attachment names that try to choose a path', () => {
  const hostileNames = [
    '../../etc/passwd',
    '../../../../../../../../tmp/overturn-escape.pdf',
    '/etc/passwd',
    '/tmp/overturn-escape.pdf',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    '..\\..\\..\\overturn-escape.pdf',
    'evil\u0000.pdf',
    'a/../../b.pdf',
    '%2e%2e%2f%2e%2e%2fescape.pdf',
    'CON',
    'nul.pdf',
    `${'x'.repeat(250)}.pdf`,
    `${'../'.repeat(80)}deep.pdf`,
    '\u202eFDP.exe',
  ]

  it('stores every upload only under attachments/<caseId>/<sha256>.pdf and keeps the name as a label only', async () => {
    const { session, dataDir, root } = unlockedSession()
    const board = await ok<{ cards: { id: number }[] }>(session.dispatch('cases:board', {}))
    const caseId = board.cards[0].id
    const before = new Set(listFiles(root))
    const accepted: string[] = []
    for (const [i, fileName] of hostileNames.entries()) {
      const result = await session.dispatch('documents:upload', { caseId, fileName, base64: pdfWith(`file ${i}`).toString('base64') })
      if (!result.ok) {
        expect(result.error.code).toBe('validation')
        continue
      }
      accepted.push(fileName)
      const att = result.data as { id: number; originalName: string; sha256: string }
      expect(att.originalName.length).toBeGreaterThan(0)
      const opened = await ok<{ base64: string }>(session.dispatch('documents:open', { attachmentId: att.id }))
      expect(Buffer.from(opened.base64, 'base64').equals(pdfWith(`file ${i}`))).toBe(true)
    }
    expect(accepted.length).toBeGreaterThan(hostileNames.length / 2)
    const added = listFiles(root).filter((f) => !before.has(f))
    expect(added.length).toBe(accepted.length)
    for (const file of added) expect(relative(dataDir, file)).toMatch(new RegExp(`^attachments[\\\\/]${caseId}[\\\\/][0-9a-f]{64}\\.pdf$`))
    // Nothing beside or above the data folder.
    expect(readdirSync(root)).toEqual(['profile'])
    expect(readdirSync(join(root, 'profile'))).toEqual(['caseload'])
  })

  it('the store itself names files by content hash whatever the case id it is given', () => {
    const root = makeTempDir('overturn-store-')
    cleanups.push(root.cleanup)
    const dataDir = join(root.dir, 'data')
    const store = createAttachmentStore(dataDir, Buffer.alloc(32, 7))
    const bytes = pdfWith('store')
    const file = store.inspect(bytes)
    expect(file.storedName).toMatch(/^[0-9a-f]{64}\.pdf$/)
    for (const caseId of [1, 2.9, 1e21]) store.write(caseId, file, bytes)
    for (const f of listFiles(root.dir)) expect(relative(dataDir, f)).toMatch(/^attachments[\\/][\de+.]+[\\/][0-9a-f]{64}\.pdf$/)
    expect(readdirSync(root.dir)).toEqual(['data'])
  })
})
