import { execFileSync } from 'node:child_process'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanDocText } from '../../../electron/core/documents/docText'
import { screeningJson } from '../../../scripts/cli/screen'
import { applicantFileSchema } from '../../../shared/schemas/screeningSchemas'
import exampleFile from '../../../docs/examples/applicant.json'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { makeCore } from '../core/testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))
function core() {
  const made = makeCore()
  disposers.push(made.dispose)
  return made.core
}

async function documentXml(base64: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'))
  return zip.file('word/document.xml')!.async('string')
}

describe('screening documents', () => {
  it('sanitizes user text: drops U+FFFE, U+FFFF and lone surrogates, keeps pairs, normalizes line ends', () => {
    expect(cleanDocText('a\uFFFEb\uFFFFc\uD800d\uDC00e😀\r\nf\u0007')).toBe('abcde😀\nf')
  })

  it('the summary is US Letter, lists every program rule by rule, and survives hostile text', async () => {
    const c = core()
    const { file } = { file: applicantFileSchema.parse(exampleFile) }
    const applicant = c.screening.applicants.create({ ...file.applicant, notes: 'x', lastName: 'Thomp\uFFFEson', payer: 'Line one\nLine two' }, null).applicant
    const job = await c.screening.screening.buildDocument(applicant.id, 'summary', null)
    expect(job.fileName).toMatch(/^screening-summary-Thompson-2026-11-25\.docx$/)
    const xml = await documentXml(job.base64)
    expect(xml).toContain('w:w="12240"')
    expect(xml).toContain('w:h="15840"')
    expect(xml).toContain('Financial assistance screening: Maya Thompson')
    expect(xml).not.toContain('\uFFFE')
    expect(xml).toMatch(/Line one<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>Line two/)
    expect(xml).toContain('$52,000.00 ÷ $33,000.00 = 157.58% of the poverty level.')
    // Grouped as the screen shows them: qualifies → needs information → does not qualify.
    const groups = ['Programs the applicant qualifies for', 'Programs that need more information', 'Programs the applicant does not qualify for']
    const positions = groups.map((text) => xml.indexOf(text)).filter((p) => p >= 0)
    expect(positions.length).toBeGreaterThanOrEqual(2)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    const fundAt = xml.indexOf('Example: primary immunodeficiency copay fund: Eligible')
    expect(fundAt).toBeGreaterThan(xml.indexOf(groups[0]))
    expect(fundAt).toBeLessThan(xml.indexOf('Programs the applicant does not qualify for'))
    expect(xml).toContain('Fails: The fund is closed and is not taking applications.')
  })

  it('the cover letter names the program and the documents it asks for', async () => {
    const c = core()
    const applicant = c.screening.applicants.create(applicantFileSchema.parse(exampleFile).applicant, null).applicant
    const fund = c.screening.programs.list().find((p) => p.key === 'example-pi-copay-fund')!
    const app = c.screening.applications.create(applicant.id, fund.id)
    c.screening.applications.update({ applicationId: app.id, status: 'pre_approved', awardAmount: null, appliedOn: '2026-11-01', preApprovedOn: '2026-11-10', documentsDueOn: '2026-12-10', decidedOn: null, grantStart: null, grantEnd: null, lastPaidClaimOn: null, notes: '' })
    const job = await c.screening.screening.buildDocument(applicant.id, 'cover_letter', fund.id)
    expect(job.fileName).toBe('cover-letter-Thompson-example-pi-copay-fund-2026-11-25.docx')
    const xml = await documentXml(job.base64)
    expect(xml).toContain('Re: Application for Maya Thompson')
    expect(xml).toContain('Proof of household income (tax return or pay stubs)')
    expect(xml).toContain('157.58% of the federal poverty level')
    expect(xml).toContain('We understand the documents are due by December 10, 2026')
    expect(xml).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  it('one channel answers the file; a cover letter needs a program that exists', async () => {
    const made = makeCore()
    disposers.push(made.dispose)
    const dispatch = createDispatcher(made.core)
    const applicant = made.core.screening.applicants.create(applicantFileSchema.parse(exampleFile).applicant, null).applicant
    const answer = await dispatch('screening:document', { applicantId: applicant.id, kind: 'summary' })
    expect(answer.ok).toBe(true)
    const file = (answer as { ok: true; data: { fileName: string; base64: string } }).data
    expect(file.fileName).toMatch(/^screening-summary-Thompson-.*\.docx$/)
    expect(await documentXml(file.base64)).toContain('Financial assistance screening: Maya Thompson')
    expect(await dispatch('screening:document', { applicantId: applicant.id, kind: 'cover_letter' })).toMatchObject({ ok: false, error: { code: 'validation', fields: { programId: 'error.required' } } })
    expect(await dispatch('screening:document', { applicantId: applicant.id, kind: 'cover_letter', programId: 99_999 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await dispatch('screening:documentStart', { applicantId: applicant.id, kind: 'summary' })).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })
})

describe('the command line prints what the app shows', { timeout: 30_000 }, () => {
  it('`screen` on the example file equals the app screening the same applicant on a new caseload', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'screen', 'docs/examples/applicant.json'], { encoding: 'utf8' })
    const printed = JSON.parse(out)
    const c = core()
    const detail = c.screening.applicants.create(applicantFileSchema.parse(exampleFile).applicant, null)
    expect(printed).toEqual(screeningJson(detail.report, 'example'))
    expect(printed.results.map((r: { outcome: string }) => r.outcome)).toEqual(detail.report.results.map((r) => r.outcome))
    expect(printed.counts).toEqual({ eligible: 4, needs_information: 0, not_eligible: 5 })
  })

  it('--data-dir reads a caseload catalog; staff edits show in the CLI too', () => {
    const made = makeCore()
    disposers.push(made.dispose)
    const fund = made.core.screening.programs.list().find((p) => p.key === 'example-pi-copay-fund')!
    made.core.screening.programs.setFundStatus(fund.id, 'closed')
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'screen', 'docs/examples/applicant.json', '--data-dir', made.dir], { encoding: 'utf8' })
    const printed = JSON.parse(out)
    expect(printed.catalog).toBe('caseload')
    expect(printed.results.find((r: { programKey: string }) => r.programKey === 'example-pi-copay-fund').outcome).toBe('not_eligible')
  })

  it('an invalid file exits 2 and names the field', () => {
    let error: { status: number; stderr: string } | null = null
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'screen', 'package.json'], { encoding: 'utf8', stdio: 'pipe' })
    } catch (e) {
      error = e as { status: number; stderr: string }
    }
    expect(error?.status).toBe(2)
    expect(error?.stderr).toContain('"field": "format"')
  })
})
