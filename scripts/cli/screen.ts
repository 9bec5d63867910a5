import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { isDayString, localDayOf } from '../../shared/domain/days'
import type { ScreeningReport } from '../../shared/domain/screening'
import { applicantFileSchema } from '../../shared/schemas/screeningSchemas'
import { DATABASE_FILE } from '../../electron/core/createCore'
import { createProgramRepository } from '../../electron/core/screening/programRepository'
import { seedCatalogPrograms } from '../../electron/core/screening/screeningDemo'
import { buildScreeningReport, type ScreenableProgram } from '../../electron/core/screening/screeningEngine'
import { firstPositional, option, readValidJson, usage } from './cliFiles'

/**
 * `npm run cli -- screen <applicant.json> [--today YYYY-MM-DD] [--data-dir <caseload folder>]`:
 * screens an applicant file (docs/applicant-file.md) against the example catalog a new caseload
 * starts with, or, with --data-dir, against that caseload's own catalog (opened read-only), and prints
 * the results as JSON, from the same engine the app uses.
 */
export async function runScreen(args: string[]): Promise<number> {
  const file = firstPositional(args)
  const dataDir = option(args, '--data-dir')
  if (!file) return usage('screen needs an applicant file: npm run cli -- screen <applicant.json> (format: docs/applicant-file.md)')
  const parsed = readValidJson(file, applicantFileSchema, 'applicant file (docs/applicant-file.md)')
  if ('exitCode' in parsed) return parsed.exitCode
  const today = option(args, '--today') ?? parsed.data.screenedOn ?? localDayOf(new Date())
  if (!isDayString(today)) return usage(`--today must be a date written YYYY-MM-DD, not "${today}"`)
  let programs: ScreenableProgram[]
  try {
    programs = dataDir ? readCatalog(dataDir) : seedCatalogPrograms()
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error))
  }
  const report = buildScreeningReport(parsed.data.applicant, programs, today)
  process.stdout.write(`${JSON.stringify(screeningJson(report, dataDir ? 'caseload' : 'example'), null, 2)}\n`)
  return 0
}

/** The printed shape: stable keys, English explanations, citations and verify flags. */
export function screeningJson(report: ScreeningReport, catalog: 'caseload' | 'example') {
  return {
    screenedOn: report.screenedOn,
    catalog,
    povertyLevel: report.fpl
      ? {
          year: report.fpl.year,
          region: report.fpl.region,
          householdSize: report.fpl.householdSize,
          guideline: report.fpl.guideline,
          arithmetic: `${report.fpl.firstPerson} + ${report.fpl.householdSize - 1} × ${report.fpl.perAdditionalPerson} = ${report.fpl.guideline}; ${report.fpl.annualIncome} ÷ ${report.fpl.guideline} = ${report.fpl.percent}%`,
          percent: report.fpl.percent,
          verify: report.fpl.verification === 'U',
          citation: report.fpl.citation,
        }
      : { missing: report.fplMissing },
    counts: report.counts,
    results: report.results.map((r) => ({
      program: r.programName,
      programKey: r.programKey,
      outcome: r.outcome,
      fundStatus: r.fundStatus,
      incomeLimit: r.incomeLimit,
      verifyBeforeUse: !r.isProgramVerified,
      rules: r.rules.map((rule) => ({ rule: rule.rule, outcome: rule.outcome, reason: rule.reason, explanation: rule.text, citation: rule.citation, verify: rule.verification === 'U' })),
    })),
  }
}

function readCatalog(dataDir: string): ScreenableProgram[] {
  const file = join(dataDir, DATABASE_FILE)
  if (!existsSync(file)) throw new Error(`No caseload database in ${dataDir}.`)
  const db = new Database(file, { readonly: true, fileMustExist: true })
  // Applicants' facts: no temporary file may hold them in the clear (issue 13 item 1).
  db.pragma('temp_store = MEMORY')
  try {
    return createProgramRepository(db).list()
  } finally {
    db.close()
  }
}
