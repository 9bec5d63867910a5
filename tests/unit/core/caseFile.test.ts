import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { caseFileToRecord, toCaseFile } from '../../../electron/core/caseFiles/caseFile'
import { computeDeadlines } from '../../../electron/core/deadlines/deadlineEngine'
import { caseFactsOf } from '../../../electron/core/deadlines/deadlineService'
import { caseFileSchema } from '../../../shared/schemas/caseFileSchema'
import { makeCore, sampleCase } from './testCore'

const disposers: (() => void)[] = []
afterEach(() => disposers.splice(0).forEach((d) => d()))

describe('case files (docs/case-file.md)', () => {
  it('round-trips a stored case and computes the very same deadlines as the app', () => {
    const made = makeCore()
    disposers.push(made.dispose)
    const { core } = made
    const created = core.cases.create(sampleCase())
    core.cases.updateAppeal({ caseId: created.id, appealFiledOn: null, appealFiledAt: null, internalLevels: 2, payerExtended: false, previousAppealFiledOn: null })
    core.cases.saveRepresentation({ caseId: created.id, representation: { kind: 'hipaa_authorization', representative: 'J. Ellis', signedOn: '2026-11-20', expiresOn: null } })
    const detail = core.cases.get(created.id)
    const file = caseFileSchema.parse(JSON.parse(JSON.stringify(toCaseFile(detail))))
    const fromFile = computeDeadlines(caseFactsOf(caseFileToRecord(file)), '2026-11-25')
    expect(fromFile.deadlines.map((d) => [d.key, d.dueDate, d.ruleId])).toEqual(detail.deadlineReport.deadlines.map((d) => [d.key, d.dueDate, d.ruleId]))
    expect(fromFile.deadlines.length).toBeGreaterThan(0)
  })

  it('the command line prints every deadline as JSON and rejects a bad file with the field named', () => {
    const made = makeCore()
    disposers.push(made.dispose)
    const good = join(made.dir, 'case.json')
    writeFileSync(good, JSON.stringify(toCaseFile(made.core.cases.create(sampleCase()))))
    const output = JSON.parse(execFileSync('npx', ['tsx', 'scripts/cli.ts', 'deadlines', good, '--today', '2026-11-25'], { encoding: 'utf8' }))
    expect(output.deadlines[0]).toMatchObject({ side: 'ours', ruleId: expect.any(String), citation: expect.any(String), verified: expect.any(Boolean) })
    expect(output.deadlines[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const bad = join(made.dir, 'bad.json')
    writeFileSync(bad, JSON.stringify({ format: 'overturn.case', version: 1, case: { stage: 'moon' } }))
    const result = spawnSync('npx', ['tsx', 'scripts/cli.ts', 'deadlines', bad], { encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(JSON.parse(result.stderr).problems.map((p: { field: string }) => p.field)).toContain('case.stage')
  }, 60_000)

  it('the command line and the app give the same warnings: a representation warning while open, none once closed', () => {
    const made = makeCore()
    disposers.push(made.dispose)
    const { core } = made
    const cli = (detail: ReturnType<typeof core.cases.get>) => {
      const file = join(made.dir, `case-${detail.stage}.json`)
      writeFileSync(file, JSON.stringify(toCaseFile(detail)))
      return JSON.parse(execFileSync('npx', ['tsx', 'scripts/cli.ts', 'deadlines', file, '--today', '2026-11-25'], { encoding: 'utf8' })) as { warnings: string[] }
    }
    const open = core.cases.get(core.cases.create(sampleCase()).id)
    const isRepresentation = (w: string) => /representative|representation/i.test(w)
    expect(open.deadlineReport.warnings.some(isRepresentation)).toBe(true)
    expect(cli(open).warnings).toEqual(open.deadlineReport.warnings)
    const closed = core.cases.move({ caseId: open.id, toStage: 'closed', filedOn: null })
    expect(closed.deadlineReport.warnings.some(isRepresentation)).toBe(false)
    expect(cli(closed).warnings).toEqual(closed.deadlineReport.warnings)
  }, 60_000)
})
