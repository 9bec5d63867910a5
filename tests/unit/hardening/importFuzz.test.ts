import fc from 'fast-check'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiResult } from '../../../shared/contract'
import { plausibleValue } from './fuzzArbitraries'
import { dbFingerprint, expectSafeError, folderFingerprint, newUnlockedSession, type DbFingerprint } from './hardeningHelpers'

/**
 * Issue 6, item 7.2: arbitrary bytes, arbitrary and near-valid JSON bundles, and arbitrary and
 * near-valid CSV into `transfer:importBundle`, `transfer:importCsv` and `applicants:import`. No call
 * throws; a call that does not import writes nothing but its own audit row (no case, no attachment
 * file); a call that imports imports everything it was given (all-or-nothing) — never part of it.
 */

const RUNS = Number(process.env.HARDENING_RUNS ?? 25) * 6
const ctx = {} as ReturnType<typeof newUnlockedSession>
const seeds = { bundle: Buffer.alloc(0), manifest: {} as Record<string, unknown>, files: new Map<string, Buffer>(), caseCsv: '', caseMapping: {} as Record<string, string | null> }
const tally = { bundle: { rejected: 0, imported: 0 }, csv: { rejected: 0, imported: 0 }, applicants: { rejected: 0, imported: 0 } }

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const APPLICANT_HEADER = 'first_name,last_name,household_size,annual_income,state,insurance_type,drug_covered,icd10_codes,drug_name,hcpcs_code'
const APPLICANT_ROWS = ['Ana,Ruiz,4,"$52,000",IL,employer_fully_insured,yes,D80.1,Gammagard Liquid,J1569', 'Bo,Chen,1,18000,ak,medicare_part_b,yes,D83.9;D80.1,Hizentra,J1559', 'Cy,Diaz,3,30000,TX,uninsured,no,,Privigen,']

async function call(channel: string, request: unknown): Promise<ApiResult<unknown>> {
  const result = await ctx.session.dispatch(channel, request)
  expectSafeError(result, ctx.dir)
  return result
}

beforeAll(async () => {
  Object.assign(ctx, newUnlockedSession())
  const board = (await call('cases:board', {})) as { ok: true; data: { cards: { id: number }[] } }
  const ids = board.data.cards.slice(0, 3).map((c) => c.id)
  expect((await call('documents:upload', { caseId: ids[0], fileName: 'denial.pdf', base64: PDF.toString('base64') })).ok).toBe(true)
  const exported = (await call('transfer:exportBundle', { caseIds: ids })) as { ok: true; data: { base64: string } }
  seeds.bundle = Buffer.from(exported.data.base64, 'base64')
  const zip = await JSZip.loadAsync(seeds.bundle)
  seeds.manifest = JSON.parse(await zip.file('bundle.json')!.async('string')) as Record<string, unknown>
  for (const name of Object.keys(zip.files)) if (name !== 'bundle.json' && !zip.files[name].dir) seeds.files.set(name, await zip.file(name)!.async('nodebuffer'))
  const csv = (await call('transfer:exportCsv', {})) as { ok: true; data: { content: string } }
  seeds.caseCsv = csv.data.content.split(/\r?\n/).slice(0, 4).join('\r\n')
  const preview = (await call('transfer:previewCsv', { csv: seeds.caseCsv })) as { ok: true; data: { suggestedMapping: Record<string, string> } }
  seeds.caseMapping = preview.data.suggestedMapping
  expect(Object.keys(seeds.caseMapping).length).toBeGreaterThan(3)
  expect(seeds.files.size).toBe(1)
})
afterAll(() => {
  ctx.cleanup?.()
  console.info(`[import fuzz] ${JSON.stringify(tally)}`)
})

/** Every leaf path of a JSON value, to replace one leaf and get a near-valid document. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...path, i])) : [path]
  if (value && typeof value === 'object') {
    const keys = Object.keys(value)
    return keys.length ? keys.flatMap((k) => leafPaths((value as Record<string, unknown>)[k], [...path, k])) : [path]
  }
  return [path]
}

function replaced(value: unknown, path: (string | number)[], replacement: unknown, drop: boolean): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>
  if (path.length === 0) return replacement
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1]
  if (drop) delete node[last]
  else node[last] = replacement
  return copy
}

/** The manifest with one leaf replaced by an edge value, or removed. */
const nearValidManifest = fc.tuple(fc.nat(), plausibleValue, fc.boolean()).map(([n, value, drop]) => {
  const paths = leafPaths(seeds.manifest)
  return replaced(seeds.manifest, paths[n % paths.length], value, drop)
})

async function zipOf(manifest: unknown, files: Map<string, Buffer>, extra: Record<string, Buffer | string> = {}): Promise<Buffer> {
  const zip = new JSZip()
  zip.file('bundle.json', typeof manifest === 'string' ? manifest : JSON.stringify(manifest))
  for (const [name, bytes] of files) zip.file(name, bytes)
  for (const [name, bytes] of Object.entries(extra)) zip.file(name, bytes)
  return zip.generateAsync({ type: 'nodebuffer' })
}

const bundleBytes: fc.Arbitrary<() => Promise<Buffer>> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4000 }).map((b) => async () => Buffer.from(b)),
  // The real bundle with bytes flipped or cut short.
  fc.tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }), fc.option(fc.nat())).map(([flips, cut]) => async () => {
    const bytes = Buffer.from(seeds.bundle)
    for (const [at, xor] of flips) bytes[at % bytes.length] ^= xor
    return cut === null ? bytes : bytes.subarray(0, cut % bytes.length)
  }),
  fc.jsonValue().map((manifest) => () => zipOf(manifest, seeds.files)),
  fc.string().map((text) => () => zipOf(text, seeds.files)),
  nearValidManifest.map((manifest) => () => zipOf(manifest, seeds.files)),
  nearValidManifest.map((manifest) => () => zipOf(manifest, new Map())),
  // A good manifest whose attachment bytes do not match, or with entries that try to leave the folder.
  fc.uint8Array({ minLength: 0, maxLength: 200 }).map((b) => () => zipOf(seeds.manifest, new Map([...seeds.files.keys()].map((k) => [k, Buffer.concat([PDF, Buffer.from(b), Buffer.from('x')])])))),
  fc.constantFrom('../../evil.pdf', '/etc/evil.pdf', '..\\..\\evil.pdf', 'attachments/../../evil.pdf', 'bundle.json/../x').map((name) => () => zipOf(seeds.manifest, seeds.files, { [name]: PDF })),
)

function expectNoWrite(before: DbFingerprint, files: Record<string, string>, what: string) {
  const after = dbFingerprint(ctx.session.core!.db)
  const audit = after.counts.audit_log - before.counts.audit_log
  expect(audit, what).toBeLessThanOrEqual(1)
  expect({ ...after.counts, audit_log: 0 }, what).toEqual({ ...before.counts, audit_log: 0 })
  expect(after.totalChanges - before.totalChanges, what).toBe(audit)
  expect(folderFingerprint(ctx.dir), what).toEqual(files)
}

async function importAndCheck(channel: string, request: Record<string, unknown>, bucket: { rejected: number; imported: number }) {
  const db = ctx.session.core!.db
  const before = dbFingerprint(db)
  const files = folderFingerprint(ctx.dir)
  const result = await call(channel, request)
  const data = result.ok ? (result.data as { isRejected: boolean; imported?: number; importedCaseIds?: number[]; totalRows?: number; validRows?: number; totalCases?: number; mode: string }) : null
  const importedCount = data ? (data.importedCaseIds?.length ?? data.imported ?? 0) : 0
  if (!data || data.isRejected || importedCount === 0) {
    bucket.rejected++
    if (data) expect(data.importedCaseIds ?? [], `${channel} rejected yet reported imports`).toEqual([])
    expectNoWrite(before, files, `${channel} refused but wrote`)
    return
  }
  bucket.imported++
  expectTidyDataFolder()
  const after = dbFingerprint(db)
  // All or nothing: every row (or case) given, or with valid_rows_only every valid one.
  if (channel === 'transfer:importBundle') {
    expect(importedCount).toBe(data.totalCases)
    expect(after.counts.cases - before.counts.cases).toBe(importedCount)
  } else if (channel === 'transfer:importCsv') {
    expect(importedCount).toBe(data.mode === 'valid_rows_only' ? data.validRows : data.totalRows)
    expect(after.counts.cases - before.counts.cases).toBe(importedCount)
  } else {
    expect(importedCount).toBe(data.mode === 'valid_rows_only' ? data.validRows : data.totalRows)
    expect(after.counts.applicants - before.counts.applicants).toBe(importedCount)
  }
}

/** Whatever a bundle's ZIP names, files land only under attachments/<caseId>/<sha256><ext>. */
function expectTidyDataFolder() {
  for (const file of Object.keys(folderFingerprint(ctx.dir))) {
    expect(file).toMatch(/^(keystore\.json|backups\/overturn-[\w-]+\.db(\.json)?|(backups\/)?attachments\/\d+\/[0-9a-f]{64}\.(pdf|png|jpg|docx))$/)
  }
  expect(existsSync(join(ctx.dir, '..', 'evil.pdf'))).toBe(false)
  expect(existsSync(join(ctx.dir, 'evil.pdf'))).toBe(false)
}

/** A CSV with one cell replaced, a quote or separator thrown in, or a row cut, from a real file. */
function nearValidCsv(seed: string): fc.Arbitrary<string> {
  return fc.tuple(fc.nat(), fc.nat(), fc.oneof(plausibleValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')), fc.string(), fc.constantFrom('"', '""', ',', '\n', '\r', '=cmd|"/c calc"!A1', '\ufeff', '\u0000', ';')), fc.constantFrom('cell', 'insert', 'cut')).map(
    ([r, c, value, how]) => {
      const lines = seed.split(/\r?\n/)
      const row = 1 + (r % Math.max(1, lines.length - 1))
      if (how === 'cut') return lines.map((l, i) => (i === row ? l.slice(0, c % Math.max(1, l.length)) : l)).join('\r\n')
      if (how === 'insert') return lines.map((l, i) => (i === row ? l.slice(0, c % Math.max(1, l.length)) + value + l.slice(c % Math.max(1, l.length)) : l)).join('\r\n')
      const cells = lines[row].split(',')
      cells[c % cells.length] = value
      return lines.map((l, i) => (i === row ? cells.join(',') : l)).join('\r\n')
    },
  )
}

describe('import fuzzing: never throws, never half-imports', () => {
  it('transfer:importBundle with arbitrary bytes, broken ZIPs and near-valid manifests', async () => {
    await fc.assert(
      fc.asyncProperty(bundleBytes, fc.constantFrom('import', 'import', 'validate'), async (make, mode) => {
        const bytes = await make()
        await importAndCheck('transfer:importBundle', { base64: bytes.toString('base64'), mode }, tally.bundle)
      }),
      { numRuns: RUNS },
    )
    // The unchanged seed imports whole, so the property above did see the writing path.
    await importAndCheck('transfer:importBundle', { base64: seeds.bundle.toString('base64'), mode: 'import' }, tally.bundle)
    expect(tally.bundle.imported).toBeGreaterThan(0)
  })

  it('transfer:importCsv with arbitrary text and near-valid caseload CSV', async () => {
    const mapping = fc.oneof(
      fc.constant(seeds.caseMapping),
      fc.dictionary(fc.string({ maxLength: 20 }), fc.constantFrom(...Object.values(seeds.caseMapping), null), { maxKeys: 5 }),
      fc.tuple(fc.nat(), fc.constantFrom(...Object.values(seeds.caseMapping), null)).map(([n, f]) => {
        const keys = Object.keys(seeds.caseMapping)
        return { ...seeds.caseMapping, [keys[n % keys.length]]: f }
      }),
    )
    const csv = fc.oneof(fc.string({ maxLength: 2000 }), nearValidCsv(seeds.caseCsv), nearValidCsv(seeds.caseCsv), fc.uint8Array({ maxLength: 1000 }).map((b) => Buffer.from(b).toString('latin1')))
    await fc.assert(
      fc.asyncProperty(csv, mapping, fc.constantFrom('validate', 'all_or_nothing', 'all_or_nothing', 'valid_rows_only'), async (text, map, mode) => {
        await importAndCheck('transfer:importCsv', { csv: text, mapping: map, mode }, tally.csv)
      }),
      { numRuns: RUNS },
    )
    await importAndCheck('transfer:importCsv', { csv: seeds.caseCsv, mapping: seeds.caseMapping, mode: 'all_or_nothing' }, tally.csv)
    expect(tally.csv.imported).toBeGreaterThan(0)
  })

  it('applicants:import with arbitrary text and near-valid applicant CSV', async () => {
    const seed = [APPLICANT_HEADER, ...APPLICANT_ROWS].join('\r\n')
    const csv = fc.oneof(fc.string({ maxLength: 2000 }), nearValidCsv(seed), nearValidCsv(seed), fc.uint8Array({ maxLength: 1000 }).map((b) => Buffer.from(b).toString('latin1')))
    await fc.assert(
      fc.asyncProperty(csv, fc.constantFrom('validate', 'all_or_nothing', 'all_or_nothing', 'valid_rows_only'), async (text, mode) => {
        await importAndCheck('applicants:import', { csv: text, mode }, tally.applicants)
      }),
      { numRuns: RUNS },
    )
    await importAndCheck('applicants:import', { csv: seed, mode: 'all_or_nothing' }, tally.applicants)
    expect(tally.applicants.imported).toBeGreaterThan(0)
  })

  it('a bundle whose last case is broken imports none of the cases before it', async () => {
    const cases = structuredClone(seeds.manifest.cases) as Record<string, unknown>[]
    expect(cases.length).toBe(3)
    ;(cases[2].case as Record<string, unknown>).stage = 'not-a-stage'
    const bytes = await zipOf({ ...seeds.manifest, cases }, seeds.files)
    const before = dbFingerprint(ctx.session.core!.db)
    await importAndCheck('transfer:importBundle', { base64: bytes.toString('base64'), mode: 'import' }, tally.bundle)
    expect(dbFingerprint(ctx.session.core!.db).counts.cases).toBe(before.counts.cases)
  })
})
