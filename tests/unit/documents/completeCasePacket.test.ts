import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { caseFileSchema } from '../../../shared/schemas/caseFileSchema'

const dir = mkdtempSync(join(tmpdir(), 'overturn-complete-packet-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a case file with every fact entered (docs/examples/case-complete.json)', () => {
  it('is a valid case file carrying the prescriber contact, the appeal destination, the organization and the letter', () => {
    const file = caseFileSchema.parse(JSON.parse(readFileSync('docs/examples/case-complete.json', 'utf8')))
    expect(file.case.therapy).toMatchObject({ prescriberNpi: '1234567893', prescriberFax: '928-555-0171' })
    expect(file.case.appealDestination?.fax).toBe('877-555-0101')
    expect(file.organization?.name).toBe('Desert Bloom Patient Advocates')
    expect(file.letters?.[0].kind).toBe('medicare_redetermination')
  })

  it('exports a packet whose every part (fax cover, cover letter, letter, headers) has no placeholder', async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'packet', 'docs/examples/case-complete.json', '--out', dir], { encoding: 'utf8', timeout: 60_000 })
    expect(run.status, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout) as { placeholders: unknown[]; files: { path: string }[] }
    expect(summary.placeholders).toEqual([])
    const docx = await JSZip.loadAsync(readFileSync(summary.files.find((f) => f.path.endsWith('.docx'))!.path))
    const parts = Object.keys(docx.files).filter((name) => /^word\/.*\.xml$/.test(name))
    let text = ''
    for (const name of parts) text += (await docx.file(name)!.async('string')).replace(/<[^>]+>/g, '')
    expect(text).toContain('DME MAC Jurisdiction D, Redeterminations')
    expect(text).toContain('877-555-0101')
    expect(text).toContain('Jordan Ellis')
    expect(text).not.toContain('[[')
    // The fax-ready PDF is the same letter model in another layout: no placeholder there either.
    const pdf = summary.files.find((f) => f.path.endsWith('fax.pdf'))!.path
    const pdfText = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout
    expect(pdfText).toContain('877-555-0101')
    expect(pdfText).not.toContain('[[')
  })
})
