/**
 * What Overturn writes to its log files: events, channel names, error codes and counts, never
 * patient data (CONTRIBUTING, "no patient data in logs"). Every field is checked against the shape
 * it must have, so a caller that passes the wrong value (a name, a message, a path) writes `?`
 * instead. The desktop app sends these lines to electron-log (electron/main/logging.ts), browser
 * mode to its own file (electron/bridge/bridgeLog.ts).
 */
export type LogLevel = 'info' | 'warn' | 'error'

export interface LogFields {
  /** A contract channel name, `domain:verb`. */
  channel?: string
  /** An error code (`forbidden`, `validation`, …) or a JavaScript error's class name. */
  code?: string
  /** An HTTP status (browser mode's bridge). */
  status?: number
  /** A count or a version number. */
  count?: number
  from?: number
  to?: number
}

export type LogSink = (level: LogLevel, line: string) => void

const EVENT = /^[a-z][a-z0-9.-]{0,47}$/
const CHANNEL = /^[a-z][a-zA-Z]{0,31}:[a-z][a-zA-Z]{0,47}$/
const CODE = /^([a-z][a-z_]{0,31}|(?:[A-Z][A-Za-z]{0,30})?Error)$/

function clean(key: keyof LogFields, value: unknown): string {
  if (key === 'channel') return typeof value === 'string' && CHANNEL.test(value) ? value : '?'
  if (key === 'code') return typeof value === 'string' && CODE.test(value) ? value : '?'
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : '?'
}

/** One log line: `event key=value …`, with every value checked (see the file comment). */
export function formatLogEvent(event: string, fields: LogFields = {}): string {
  const parts = [EVENT.test(event) ? event : '?']
  for (const key of ['channel', 'code', 'status', 'count', 'from', 'to'] as const) {
    if (fields[key] !== undefined) parts.push(`${key}=${clean(key, fields[key])}`)
  }
  return parts.join(' ')
}

/** The code to log for a thrown value: an AppError's code, else the error's class name. */
export function errorCodeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && CODE.test(error.code)) return error.code
  return error instanceof Error && CODE.test(error.name) ? error.name : 'unknown'
}

export interface EventLog {
  info: (event: string, fields?: LogFields) => void
  warn: (event: string, fields?: LogFields) => void
  error: (event: string, fields?: LogFields) => void
}

export function createEventLog(sink: LogSink): EventLog {
  return {
    info: (event, fields) => sink('info', formatLogEvent(event, fields)),
    warn: (event, fields) => sink('warn', formatLogEvent(event, fields)),
    error: (event, fields) => sink('error', formatLogEvent(event, fields)),
  }
}

/** A log that writes nothing (tests, the command line). */
export const silentLog: EventLog = createEventLog(() => {})

/**
 * Core modules report a failure as `console.error('[overturn] <what> failed: <ErrorName>')`. Only
 * lines of that shape are kept when console output is routed into a log file; anything else
 * (a library printing an object, a stack trace) becomes `console.dropped` so nothing unexpected lands
 * in the file.
 */
export function consoleLineFor(args: unknown[]): string {
  const text = args.length === 1 && typeof args[0] === 'string' ? args[0] : ''
  const match = /^\[overturn\] ([a-z][a-zA-Z ]{0,40}|[a-z][a-zA-Z]{0,31}:[a-z][a-zA-Z]{0,47}) failed: ([A-Za-z ]{1,40})$/.exec(text)
  if (!match) return 'console.dropped'
  const what = match[1].includes(':') ? `channel=${match[1]}` : `what=${match[1].replace(/ /g, '-')}`
  const code = CODE.test(match[2]) ? match[2] : '?'
  return `core.failed ${what} code=${code}`
}

/**
 * Successful calls worth a line: the changes and exports (a who-did-what trail lives in the audit
 * log; this only shows that the app worked). Reads and background polling are not logged.
 */
const EVENT_VERB = /:(setup|unlock|lock|create|update|upload|remove|move|save|reset|markSent|restore|resetEmpty|export(?:[A-Z][A-Za-z]*)?|import(?:[A-Z][A-Za-z]*)?)$/
export const isLoggedCall = (channel: string) => EVENT_VERB.test(channel)
