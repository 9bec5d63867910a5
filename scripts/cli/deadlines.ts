import { isDayString, localDayOf } from '../../shared/domain/days'
import { caseFileSchema } from '../../shared/schemas/caseFileSchema'
import { caseFileToRecord } from '../../electron/core/caseFiles/caseFile'
import { caseDeadlineReport } from '../../electron/core/deadlines/deadlineService'
import { firstPositional, option, readValidJson, usage } from './cliFiles'

/**
 * `npm run cli -- deadlines <case.json> [--today YYYY-MM-DD] [--time-zone Area/City]`: every computed
 * deadline of a case file as JSON, from the same engine and the same facts mapping as the app.
 */
export async function runDeadlines(args: string[]): Promise<number> {
  const file = firstPositional(args)
  const today = option(args, '--today') ?? localDayOf(new Date())
  const timeZone = option(args, '--time-zone')
  if (!file) return usage('deadlines needs a case file: npm run cli -- deadlines <case.json>')
  if (!isDayString(today)) return usage(`--today must be a date written YYYY-MM-DD, not "${today}"`)
  const parsed = readValidJson(file, caseFileSchema, 'case file (docs/case-file.md)')
  if ('exitCode' in parsed) return parsed.exitCode
  const record = caseFileToRecord(parsed.data)
  const report = caseDeadlineReport(record, today, timeZone)
  const output = {
    today,
    deadlines: report.deadlines.map((d) => ({
      key: d.key,
      side: d.side,
      label: d.labelEn,
      date: d.dueDate,
      dueAt: d.dueAt,
      ruleId: d.ruleId,
      citation: d.citation,
      verified: d.verified,
      flags: d.flags,
      explanation: d.explanation,
    })),
    nextStep: report.nextStep,
    payerOverdue: report.payerOverdue,
    warnings: report.warnings,
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
  return 0
}
