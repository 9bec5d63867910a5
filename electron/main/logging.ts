import { join } from 'node:path'
import { app } from 'electron'
import log from 'electron-log/main'
import { consoleLineFor, createEventLog, type EventLog } from '../core/logging/eventLog'

export const LOG_FILE = 'main.log'

/**
 * electron-log writes `main.log` in the `logs` folder of the user-data folder (Linux
 * ~/.config/overturn/logs, macOS ~/Library/Application Support/overturn/logs, Windows
 * %APPDATA%\overturn\logs), beside browser mode's browser.log. Only
 * checked event lines reach it (electron/core/logging/eventLog.ts): events, channel names, error
 * codes. The renderer's console is not collected (`log.initialize()` is deliberately not called),
 * and core modules' `console.error` lines are kept only in their known, data-free shape.
 */
export function startLogging(): EventLog {
  log.transports.file.resolvePathFn = () => join(app.getPath('userData'), 'logs', LOG_FILE)
  log.transports.file.level = 'info'
  log.transports.file.maxSize = 1_000_000
  log.transports.console.level = app.isPackaged ? false : 'info'
  const events = createEventLog((level, line) => log[level](line))
  console.error = (...args: unknown[]) => log.error(consoleLineFor(args))
  console.warn = (...args: unknown[]) => log.warn(consoleLineFor(args))
  return events
}
