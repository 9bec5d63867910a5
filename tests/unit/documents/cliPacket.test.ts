import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { docxParagraphs, pdfWithPages } from './documentFixtures'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const dir = mkdtempSync(join(tmpdir(), 'overturn-cli-packet-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 })

describe('npm run cli -- packet', () => {
  it('builds the packet from a case file, with the attachments it carries; refuses to overwrite without --force', () => {
    const pdf = pdfWithPages(2, 'cli')
    const present = `attachments/${sha256(pdf)}.pdf`
    mkdirSync(join(dir, 'attachments'))
    writeFileSync(join(dir, present), pdf)
    const caseFile = JSON.parse(readFileSync('docs/examples/case-part-b-ivig.json', 'utf8'))
    caseFile.attachments = [
      { label: 'Denial notice', fileName: 'msn.pdf', mime: 'application/pdf', sha256: sha256(pdf), exhibitNumber: 1, path: present },
      { label: 'Missing file', fileName: 'gone.pdf', mime: 'application/pdf', sha256: 'a'.repeat(64), exhibitNumber: 2, path: `attachments/${'a'.repeat(64)}.pdf` },
    ]
    writeFileSync(join(dir, 'case.json'), JSON.stringify(caseFile))
    const out = join(dir, 'out')

    const first = cli('packet', join(dir, 'case.json'), '--out', out)
    expect(first.status, first.stderr).toBe(0)
    const summary = JSON.parse(first.stdout)
    expect(summary.kind).toBe('medicare_redetermination')
    expect(summary.skippedAttachments).toEqual([`attachments/${'a'.repeat(64)}.pdf`])
    expect(summary.placeholders.length).toBeGreaterThan(0)
    expect(readdirSync(join(out, 'exhibits'))).toEqual(['Exhibit-01-Denial-notice.pdf'])
    for (const f of summary.files as { path: string; sha256: string }[]) expect(sha256(readFileSync(f.path))).toBe(f.sha256)
    expect(readFileSync(join(out, 'exhibits', 'Exhibit-01-Denial-notice.pdf')).equals(pdf)).toBe(true)
    const docxPath = (summary.files as { path: string }[]).find((f) => f.path.endsWith('.docx'))!.path
    expect(existsSync(docxPath)).toBe(true)
    // The fax-ready PDF sits beside the DOCX.
    expect((summary.files as { path: string }[]).some((f) => f.path.endsWith(' - fax.pdf') && readFileSync(f.path).subarray(0, 5).toString() === '%PDF-')).toBe(true)

    const again = cli('packet', join(dir, 'case.json'), '--out', out)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('--force')
    const forced = cli('packet', join(dir, 'case.json'), '--out', out, '--force', '--kind', 'medicare_redetermination')
    expect(forced.status, forced.stderr).toBe(0)
    expect(cli('packet', join(dir, 'case.json'), '--out', out, '--kind', 'internal_appeal').status).toBe(2)
    expect(cli('packet', join(dir, 'case.json')).status).toBe(2)
  }, 120_000)

  it('writes a .docx whose exhibit index lists the included exhibit', async () => {
    const docx = readdirSync(join(dir, 'out')).find((n) => n.endsWith('.docx'))!
    const { paragraphs } = await docxParagraphs(readFileSync(join(dir, 'out', docx)))
    expect(paragraphs).toContain('EXHIBIT INDEX')
    expect(paragraphs).toContain('Exhibit 1 — Denial notice')
  })
})
