import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { consoleLineFor, createEventLog, type EventLog } from '../core/logging/eventLog'

export const BROWSER_LOG_FILE = 'browser.log'

/**
 * Browser mode's log: `browser.log` in `dir`, in electron-log's line shape (`[time] [level] line`),
 * under the same rule as the desktop app's main.log: only checked event lines
 * (electron/core/logging/eventLog.ts), never patient data. When `captureConsole` is set, core modules'
 * `console.error` lines are kept only in their known, data-free shape.
 */
export function createBrowserLog(dir: string, options: { captureConsole?: boolean } = {}): EventLog {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, BROWSER_LOG_FILE)
  const write = (level: string, line: string) => appendFileSync(file, `[${new Date().toISOString()}] [${level}] ${line}\n`, { mode: 0o600 })
  if (options.captureConsole) {
    console.error = (...args: unknown[]) => write('error', consoleLineFor(args))
    console.warn = (...args: unknown[]) => write('warn', consoleLineFor(args))
  }
  return createEventLog(write)
}
