import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import JSZip from 'jszip'
import { afterAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { generateCaseload } from '../../../electron/core/demo/demoCaseload'
import type { Core } from '../../../electron/core/createCore'
import { csvField, toCsv } from '../../../shared/domain/csv'
import type { DocxFile } from '../../../shared/domain/insights'
import { makeCore } from '../core/testCore'

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0
if (!hasSoffice && !process.env.CI) console.warn('[reports.test] LibreOffice check SKIPPED: `soffice` not found (install libreoffice-writer to run it).')

describe('CSV (RFC 4180 with formula escaping)', () => {
  it('quotes commas, quotes and line breaks, and ends records with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\nbreak', null]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",\r\n')
  })

  it('escapes cells a spreadsheet would run as a formula, keeps numbers numeric', () => {
    for (const dangerous of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      const field = csvField(dangerous)
      expect(field.replace(/^"/, '').startsWith("'")).toBe(true)
    }
    expect(csvField(-12.5)).toBe('-12.5')
    expect(csvField('José')).toBe('José')
  })

  it('reports:csv answers a named file with a byte-order mark', async () => {
    const { core, dispose } = makeCore()
    try {
      const result = await createDispatcher(core)('reports:csv', { name: 'by-payer', header: ['Payer', 'Rate'], rows: [['=cmd', 0.5]] })
      expect(result).toEqual({ ok: true, data: { fileName: 'overturn-by-payer-2026-11-25.csv', content: "\uFEFFPayer,Rate\r\n'=cmd,0.5\r\n" } })
      expect(await createDispatcher(core)('reports:csv', { name: '../etc/passwd', header: ['a'], rows: [] })).toMatchObject({ ok: false })
    } finally {
      dispose()
    }
  })
})

async function funderReport(core: Core, range = {}): Promise<Buffer> {
  const result = await createDispatcher(core)('reports:funderDocx', range)
  if (!result.ok) throw new Error(result.error.message)
  const file = result.data as DocxFile
  expect(file.fileName).toBe('overturn-funder-report-2026-11-25.docx')
  return Buffer.from(file.base64, 'base64')
}

describe('funder report (DOCX, de-identified)', () => {
  const { core, dispose } = makeCore()
  const out = mkdtempSync(join(tmpdir(), 'overturn-funder-'))
  afterAll(() => {
    dispose()
    rmSync(out, { recursive: true, force: true })
  })
  core.caseload.loadDemo()
  const firstCase = core.db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').pluck().get() as number
  core.cases.addContact({ caseId: firstCase, kind: 'call', occurredOn: '2026-11-20', withWhom: 'Plan nurse reviewer Zebulon', referenceNumber: 'REF-77', requested: 'Secret clinical note about seizures', submitted: '', submittedOn: null, followUpOn: null })
  core.insights.recordOutcome({ caseId: firstCase, level: 'internal_appeal', result: 'overturned', decidedOn: '2026-11-24', amountAtStake: 500, amountRecovered: 500, notes: 'Private outcome note Quixote', isFinal: false })

  it('says it is de-identified, is US Letter, and holds no name, member ID, date of birth or note', async () => {
    const bytes = await funderReport(core)
    const zip = await JSZip.loadAsync(bytes)
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, ' ')
    expect(text).toContain('De-identified report.')
    expect(text).toContain('contains no patient names, member IDs, dates of birth')
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="12240"[^>]*w:h="15840"/)
    expect(text).toContain('Medicare Advantage prior-authorization denials that were appealed: overturned')
    expect(text).toContain('KFF, Medicare Advantage prior authorization determinations in 2023, 2023')

    const demo = generateCaseload({ today: '2026-11-25', advocateIds: [1, 2, 3] })
    const all = (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n')
    const forbidden = new Set<string>()
    for (const c of demo) {
      forbidden.add(c.input.patient.firstName).add(c.input.patient.lastName).add(c.input.coverage.memberId).add(c.input.patient.dateOfBirth!)
      for (const contact of c.contacts) forbidden.add(contact.requested).add(contact.withWhom).add(contact.referenceNumber)
      if (c.input.denial) forbidden.add(c.input.denial.priorAuthNumber)
    }
    const patients = core.db.prepare('SELECT first_name, last_name, date_of_birth, phone FROM patients').raw().all() as string[][]
    for (const row of patients) row.filter(Boolean).forEach((v) => forbidden.add(v))
    for (const v of ['Zebulon', 'Secret clinical note', 'REF-77', 'Quixote', 'Demo case: fictional patient', 'Jordan Ellis', 'Maya Thompson', 'Ana Ruiz']) forbidden.add(v)
    for (const value of forbidden) {
      // XML escapes ’ as itself and & as &amp;; compare on the raw file text.
      expect(all.includes(value), `report contains "${value}"`).toBe(false)
    }
  })

  it.skipIf(!hasSoffice && !process.env.CI)('opens in LibreOffice (converts to PDF)', async () => {
    const file = join(out, 'funder.docx')
    writeFileSync(file, await funderReport(core))
    const profile = pathToFileURL(join(out, 'profile')).href
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { stdio: 'ignore', timeout: 120_000 })
    const pdf = join(out, 'funder.pdf')
    expect(existsSync(pdf)).toBe(true)
    expect(statSync(pdf).size).toBeGreaterThan(1000)
  }, 150_000)
})
