import { readFileSync } from 'node:fs'
import { localDayOf } from '../../shared/domain/days'
import { isDayString } from '../../shared/domain/days'
import { caseFileSchema } from '../../shared/schemas/caseFileSchema'
import { caseFileToRecord } from '../../electron/core/caseFiles/caseFile'
import { caseFactsOf, representationWarning } from '../../electron/core/services/deadlineService'
import { computeDeadlines } from '../../electron/core/deadlines/deadlineEngine'

/**
 * `npm run cli -- deadlines <case.json> [--today YYYY-MM-DD] [--time-zone Area/City]`: every computed
 * deadline of a case file as JSON, from the same engine and the same facts mapping as the app.
 */
export async function runDeadlines(args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'))
  const today = option(args, '--today') ?? localDayOf(new Date())
  const timeZone = option(args, '--time-zone')
  if (!file) return usage('deadlines needs a case file: npm run cli -- deadlines <case.json>')
  if (!isDayString(today)) return usage(`--today must be a date written YYYY-MM-DD, not "${today}"`)
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return usage(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const parsed = caseFileSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(file)', problem: i.message }))
    process.stderr.write(`${JSON.stringify({ error: 'The case file is not valid (docs/case-file.md).', problems }, null, 2)}\n`)
    return 2
  }
  const record = caseFileToRecord(parsed.data)
  const report = computeDeadlines(caseFactsOf(record, timeZone), today)
  const warning = representationWarning(record, today)
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
    warnings: warning ? [...report.warnings, warning] : report.warnings,
  }
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
  return 0
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

function usage(message: string): number {
  process.stderr.write(`${message}\n`)
  return 2
}
