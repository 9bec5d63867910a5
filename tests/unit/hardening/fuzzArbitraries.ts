import fc from 'fast-check'
import { contract, type Channel } from '../../../shared/contract'
import { toJson } from './hardeningHelpers'

/** The top-level keys a channel's request schema accepts (every contract schema is a strict object). */
export const keysOf = (channel: Channel): string[] => Object.keys((contract[channel].request as unknown as { shape: Record<string, unknown> }).shape)

/** Objects carrying prototype-pollution keys as own properties, the way JSON.parse delivers them. */
export const POLLUTED = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"__proto__":{"role":"administrator"},"prototype":{"polluted":"yes"},"toString":"x","hasOwnProperty":1}',
]
export const pollutedObject = fc.constantFrom(...POLLUTED).map((text) => JSON.parse(text) as Record<string, unknown>)

export const hugeString = fc.tuple(fc.integer({ min: 100_000, max: 2_500_000 }), fc.constantFrom('A', 'é', '\u0000', '𝔸', '<')).map(([n, ch]) => ch.repeat(n))

/** Values that pass some schemas and reach the handlers: ids that do and do not exist, edge dates, odd strings. */
export const plausibleValue = fc.constantFrom<unknown>(
  0, 1, 2, 3, 7, 40, 41, 999_999, -1, 1.5, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1e308,
  '', ' ', '1', 'abc', 'x'.repeat(300), '2026-11-25', '2026-02-30', '1900-01-01', '9999-12-31', '2026-11-25T15:00:00Z',
  '../../etc/passwd', '..\\..\\windows\\system32', '/etc/passwd', 'C:\\Windows\\win.ini', 'a\u0000b', '<script>alert(1)</script>',
  "'; DROP TABLE cases; --", '" OR 1=1 --', 'NEAR(', '*', 'x.db', 'missing-backup.db', 'overturn-20261125T150000Z-manual.db',
  'JVBERi0xLjQK', 'iVBORw0KGgo=', '====', 'denied', 'appealing', 'administrator', 'validate', 'import', 'all_or_nothing', 'valid_rows_only',
  null, true, false, [], [1, 2, 3], [-1], ['a'], {}, { caseId: 1 }, { __proto__: null },
)

const wrongTyped: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: plausibleValue },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: pollutedObject },
)

/** An object with (some of) the channel's own keys, each holding a wrong or edge value. */
export function rightKeysWrongTypes(channel: Channel): fc.Arbitrary<Record<string, unknown>> {
  const keys = keysOf(channel)
  if (keys.length === 0) return fc.constant({})
  return fc.record(Object.fromEntries(keys.map((k) => [k, wrongTyped])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>
}

/** Every kind of request the issue asks for, for one channel. */
export function requestFor(channel: Channel): fc.Arbitrary<unknown> {
  const right = rightKeysWrongTypes(channel)
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.anything().map(toJson) },
    { weight: 4, arbitrary: right },
    { weight: 2, arbitrary: fc.tuple(pollutedObject, right).map(([p, r]) => Object.assign(p, r)) },
    { weight: 1, arbitrary: fc.tuple(right, fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })).map(([r, extra]) => ({ ...extra, ...r })) },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: pollutedObject },
  )
}
