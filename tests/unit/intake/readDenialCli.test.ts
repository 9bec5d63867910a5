import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runReadDenial } from '../../../scripts/cli/readDenial'
import { CORPUS_LETTERS } from '../../../scripts/intake/corpusLetters'
import { letterPdf } from '../../../scripts/intake/makeCorpus'

const dir = mkdtempSync(join(tmpdir(), 'overturn-read-denial-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function capture() {
  const out: string[] = []
  const err: string[] = []
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true))
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true))
  return { out, err, restore: () => (o.mockRestore(), e.mockRestore()) }
}

describe('npm run cli -- read-denial', () => {
  it('prints the fields as JSON with confidence, checks and source boxes', async () => {
    const file = join(dir, 'letter.pdf')
    writeFileSync(file, await letterPdf(CORPUS_LETTERS[1]))
    const io = capture()
    const code = await runReadDenial([file, '--today', '2027-07-01'])
    io.restore()
    expect(code).toBe(0)
    const printed = JSON.parse(io.out.join('')) as { fields: { key: string; value: unknown; confidence: number; source: { boxes: unknown[] } | null }[] }
    const deadline = printed.fields.find((f) => f.key === 'appealDeadline')!
    expect(deadline).toMatchObject({ value: '2027-06-08', confidence: 1 })
    expect(deadline.source?.boxes.length).toBeGreaterThan(0)
  })

  it('exits non-zero with a clear message for a file that is not a letter', async () => {
    const file = join(dir, 'notes.txt')
    writeFileSync(file, 'Shopping list: apples, flour')
    const io = capture()
    const code = await runReadDenial([file])
    io.restore()
    expect(code).toBe(1)
    expect(io.err.join('')).toContain('This is not a PDF, TIFF, PNG or JPEG file.')
    expect(await runReadDenial([])).toBe(2)
  })
})
