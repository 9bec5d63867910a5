import { readFileSync } from 'node:fs'
import type { z } from 'zod'

/** The value after `--name`, if given. */
export function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

/** The first argument that is neither an option nor an option's value. */
export const firstPositional = (args: string[]) => args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))

/** Prints a one-line problem on standard error; exit status 2 means "your input". */
export function usage(message: string): number {
  process.stderr.write(`${message}\n`)
  return 2
}

/**
 * Reads a JSON file and validates it. On failure prints the problem (unreadable JSON, or a JSON list of
 * the fields at fault) and returns the exit status instead of data.
 */
export function readValidJson<S extends z.ZodType>(file: string, schema: S, what: string): { data: z.output<S> } | { exitCode: number } {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    return { exitCode: usage(`Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`) }
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return { data: parsed.data }
  const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(file)', problem: i.message }))
  process.stderr.write(`${JSON.stringify({ error: `The ${what} is not valid.`, problems }, null, 2)}\n`)
  return { exitCode: 2 }
}
