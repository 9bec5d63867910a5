import { describe, expect, it } from 'vitest'
import { AppError } from '../../../electron/core/errors'
import { consoleLineFor, createEventLog, errorCodeOf, formatLogEvent, isLoggedCall } from '../../../electron/core/logging/eventLog'

/** Issue 16, item 7: log lines carry events, channel names and error codes, and nothing else. */
describe('the event log line', () => {
  it('writes the event and checked fields', () => {
    expect(formatLogEvent('ipc.failed', { channel: 'cases:get', code: 'not_found' })).toBe('ipc.failed channel=cases:get code=not_found')
    expect(formatLogEvent('bridge.refused', { status: 401, code: 'forbidden' })).toBe('bridge.refused code=forbidden status=401')
    expect(formatLogEvent('db.migrated', { from: 7, to: 9 })).toBe('db.migrated from=7 to=9')
  })

  it('replaces any value of the wrong shape with ?, so a name, message or path never lands in the file', () => {
    const line = formatLogEvent('ipc.failed', { channel: 'Jane Doe', code: 'Patient Jane Doe not found', status: 'Doe' as unknown as number })
    expect(line).toBe('ipc.failed channel=? code=? status=?')
    expect(formatLogEvent('Jane Doe')).toBe('?')
    expect(formatLogEvent('ipc.failed', { code: '/home/jane/denial.pdf' })).toBe('ipc.failed code=?')
    // Only the named fields are written.
    expect(formatLogEvent('x', { patient: 'Jane' } as never)).toBe('x')
  })

  it('names errors by code or class, never by message', () => {
    expect(errorCodeOf(new AppError('validation', 'Jane Doe is invalid'))).toBe('validation')
    expect(errorCodeOf(new TypeError('cannot read Jane'))).toBe('TypeError')
    expect(errorCodeOf('Jane Doe')).toBe('unknown')
  })

  it('keeps core console lines only in their known, data-free shape', () => {
    expect(consoleLineFor(['[overturn] cases:create failed: SqliteError'])).toBe('core.failed channel=cases:create code=SqliteError')
    expect(consoleLineFor(['[overturn] automatic backup failed: Error'])).toBe('core.failed what=automatic-backup code=Error')
    expect(consoleLineFor(['[overturn] cases:create failed: Jane Doe'])).toBe('core.failed channel=cases:create code=?')
    expect(consoleLineFor([{ firstName: 'Jane' }])).toBe('console.dropped')
    expect(consoleLineFor(['Error: Jane Doe\n    at x'])).toBe('console.dropped')
  })

  it('sends each line to its sink with its level', () => {
    const lines: string[] = []
    const log = createEventLog((level, line) => lines.push(`${level}: ${line}`))
    log.warn('bridge.refused', { status: 421 })
    expect(lines).toEqual(['warn: bridge.refused status=421'])
  })
})

describe('which successful calls are logged', () => {
  it('changes and exports, not reads or polling', () => {
    for (const channel of ['cases:create', 'documents:upload', 'packets:export', 'transfer:exportBundle', 'transfer:importCsv', 'session:unlock', 'backups:restore']) expect(isLoggedCall(channel), channel).toBe(true)
    for (const channel of ['cases:list', 'packets:exports', 'session:status', 'deadlines:agenda', 'documents:open', 'cases:get']) expect(isLoggedCall(channel), channel).toBe(false)
  })
})
