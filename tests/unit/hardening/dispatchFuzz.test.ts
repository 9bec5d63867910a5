import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { policyOf } from '../../../electron/core/session/permissions'
import { CHANNELS, type ApiResult, type Channel } from '../../../shared/contract'
import { requestFor } from './fuzzArbitraries'
import { dbFingerprint, expectSafeError, folderFingerprint, newUnlockedSession, PASSPHRASE } from './hardeningHelpers'

/**
 * Issue 6, item 7.1: arbitrary requests on EVERY contract channel through the app session's dispatch.
 * Each call must answer (never throw), with a valid result or `{ ok: false, error: { code, message } }`
 * carrying a known code and no stack trace or path; a rejected call must write nothing at all — no
 * row (table counts, audit trail, total_changes()) and no file in the data folder — and must leave
 * the session unlocked. A successful call on a read channel may add its audit row only.
 */

const RUNS = Number(process.env.HARDENING_RUNS ?? 25)
/** Channels that wipe or reload the caseload go last, so the others are fuzzed against the demo data. */
const LAST = ['caseload:loadDemo', 'caseload:removeDemo', 'caseload:resetEmpty', 'backups:restore', 'session:lock']
const ORDERED: Channel[] = [...CHANNELS.filter((c) => !LAST.includes(c)), ...LAST.filter((c): c is Channel => (CHANNELS as string[]).includes(c))]
/** Session channels that change the session or the key store when they succeed. */
const SESSION_WRITES = new Set(['session:setup', 'session:unlock', 'session:lock', 'session:recover', 'session:setIdle', 'users:create', 'users:changePassphrase', 'backups:create', 'backups:restore', 'audit:verify'])
/** Writes by their declared access; a packet export also writes its record on the case. */
const writesWhenOk = (channel: string) => SESSION_WRITES.has(channel) || ['write', 'admin'].includes(policyOf(channel)?.access ?? 'write') || channel === 'packets:export'

let clock = Date.parse('2026-11-25T15:00:00Z')
const ctx = {} as ReturnType<typeof newUnlockedSession>
const tally = { calls: 0, rejected: 0, okReads: 0, okWrites: new Map<string, number>() }

beforeAll(() => Object.assign(ctx, newUnlockedSession(() => new Date(clock))))
afterAll(() => {
  ctx.cleanup?.()
  console.info(
    `[dispatch fuzz] ${tally.calls} calls: ${tally.rejected} rejected (no write), ${tally.okReads} ok reads (audit row only), ` +
      `${[...tally.okWrites.values()].reduce((a, b) => a + b, 0)} ok writes on ${tally.okWrites.size} channels not compared: ${[...tally.okWrites.keys()].join(', ')}`,
  )
})

function ensureUnlocked() {
  if (ctx.session.status().state === 'unlocked') return
  clock += 31_000 // past any lockout that random wrong passphrases may have caused
  const status = ctx.session.status()
  const userId = 'users' in status ? status.users.find((u) => u.displayName === 'Dana')?.id : undefined
  ctx.session.unlock(userId!, PASSPHRASE)
}

async function checkOne(channel: Channel, request: unknown) {
  ensureUnlocked()
  const db = ctx.session.core!.db
  const before = dbFingerprint(db)
  const filesBefore = folderFingerprint(ctx.dir)
  let result: ApiResult<unknown>
  try {
    result = await ctx.session.dispatch(channel, request)
  } catch (error) {
    throw new Error(`${channel} threw ${error instanceof Error ? error.name : String(error)}`, { cause: error })
  }
  tally.calls++
  expect(typeof result.ok).toBe('boolean')
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined()
  if (!result.ok) {
    tally.rejected++
    expectSafeError(result, ctx.dir)
    expect(ctx.session.status().state, `${channel} rejected but changed the session`).toBe('unlocked')
    expect(ctx.session.core!.db).toBe(db)
    expect(dbFingerprint(db), `${channel} rejected (${result.error.code}) but wrote`).toEqual(before)
    expect(folderFingerprint(ctx.dir), `${channel} rejected but wrote a file`).toEqual(filesBefore)
    return
  }
  expect(Object.keys(result).sort()).toEqual(['data', 'ok'])
  if (writesWhenOk(channel)) {
    tally.okWrites.set(channel, (tally.okWrites.get(channel) ?? 0) + 1)
    return
  }
  tally.okReads++
  const after = dbFingerprint(db)
  const auditAdded = after.counts.audit_log - before.counts.audit_log
  expect(auditAdded).toBeLessThanOrEqual(1)
  expect({ ...after.counts, audit_log: 0 }, `${channel} is a read but wrote`).toEqual({ ...before.counts, audit_log: 0 })
  expect(after.totalChanges - before.totalChanges).toBe(auditAdded)
  expect(folderFingerprint(ctx.dir)).toEqual(filesBefore)
}

describe('every contract channel under arbitrary requests (session.dispatch)', () => {
  it.each(ORDERED)('%s never throws, answers safely and writes nothing when it refuses', async (channel) => {
    await fc.assert(
      fc.asyncProperty(requestFor(channel), (request) => checkOne(channel, request)),
      { numRuns: RUNS, endOnFailure: true },
    )
  })

  it('refuses channels that are not in the contract, including prototype names', async () => {
    for (const channel of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'cases:board ', 'CASES:BOARD', '', 'session:__proto__', '../cases:get']) {
      await checkOne('cases:board', {})
      const result = await ctx.session.dispatch(channel, {})
      expect(result).toMatchObject({ ok: false })
      if (!result.ok) expect(['unknown_channel', 'forbidden']).toContain(result.error.code)
    }
  })
})

describe('requests that pass validation but name something that does not exist', () => {
  it.each(['missing-backup.db', 'x.db', 'overturn-20991231T000000Z-manual.db'])('backups:restore %s is refused without a safety copy, an audit row or a lock', async (fileName) => {
    await checkOne('backups:restore', { fileName })
    const result = await ctx.session.dispatch('backups:restore', { fileName })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it.each(['backups:previewRestore', 'backups:download'] as const)('%s of a missing backup is not_found and writes nothing', async (channel) => {
    await checkOne(channel, { fileName: 'missing-backup.db' })
    expect(await ctx.session.dispatch(channel, { fileName: 'missing-backup.db' })).toMatchObject({ ok: false, error: { code: 'not_found', message: 'error.notFound.backup' } })
  })
})
