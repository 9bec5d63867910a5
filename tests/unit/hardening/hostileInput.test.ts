import { readFileSync } from 'node:fs'
import { createDeflateRaw } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildFunderReportModel } from '../../../electron/core/insights/funderReport'
import { csvCell } from '../../../electron/core/screening/applicantCsv'
import { checkBundle } from '../../../electron/core/transfer/caseBundle'
import { readCsv } from '../../../electron/core/transfer/caseCsv'
import { csvField, isFormulaLike } from '../../../shared/domain/csv'
import type { DashboardData, RateRow } from '../../../shared/domain/insights'
import { createAttachmentStore } from '../../../electron/core/documents/attachmentStore'

/**
 * Issue 13 item 8: bounded work on hostile input. Bundles: a crafted ZIP whose entries lie about
 * their size (a "zip bomb": a few hundred KB inflating to 512 MB) is refused within 1 s and 300 MB;
 * one that declares its huge size honestly is refused before anything is inflated. CSV: full-width
 * signs and invisible characters before a formula sign are escaped. Funder report: no count 1–4.
 */

/** Raw DEFLATE of `megabytes` MB of zeros, made in chunks (never the whole plaintext in memory). */
async function deflatedZeros(megabytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 })
  const out: Buffer[] = []
  deflate.on('data', (chunk: Buffer) => out.push(chunk))
  const done = new Promise((resolve) => deflate.on('end', resolve))
  const mb = Buffer.alloc(1024 * 1024)
  for (let i = 0; i < megabytes; i++) if (!deflate.write(mb)) await new Promise((resolve) => deflate.once('drain', resolve))
  deflate.end()
  await done
  return Buffer.concat(out)
}

/** A ZIP written by hand, so the sizes and CRCs it declares can be anything. */
function zipOf(entries: { name: string; data: Buffer; method: 0 | 8; crc: number; declared: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(e.method, 8)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.data.length, 18)
    local.writeUInt32LE(e.declared, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(e.method, 10)
    central.writeUInt32LE(e.crc >>> 0, 16)
    central.writeUInt32LE(e.data.length, 20)
    central.writeUInt32LE(e.declared, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.data)
    centrals.push(central, name)
    offset += local.length + name.length + e.data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const inspect = createAttachmentStore('/nonexistent').inspect

async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  globalThis.gc?.()
  const base = process.memoryUsage().rss
  let peak = base
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const started = performance.now()
  try {
    const result = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { result, ms: performance.now() - started, peakMb: (peak - base) / 1e6 }
  } finally {
    clearInterval(timer)
  }
}

describe('hostile bundles', () => {
  it('a zip bomb whose entries lie about their size is refused within 1 s and 300 MB', { timeout: 60_000 }, async () => {
    const bomb = await deflatedZeros(512)
    // A valid case (the documented example), so the check really reaches the attachment.
    const example = JSON.parse(readFileSync('docs/examples/case-part-b-ivig.json', 'utf8')) as Record<string, unknown>
    const manifest = Buffer.from(JSON.stringify({ format: 'overturn.bundle', version: 1, exportedAt: '2026-11-25T00:00:00Z', cases: [{ ...example, attachments: [{ label: 'x', fileName: 'x.pdf', mime: 'application/pdf', sha256: 'a'.repeat(64), exhibitNumber: 1, path: `attachments/${'a'.repeat(64)}.pdf` }] }] }))
    const variants = {
      'the manifest itself': zipOf([{ name: 'bundle.json', data: bomb, method: 8, crc: 0, declared: 2_000 }]),
      'an attachment': zipOf([
        { name: 'bundle.json', data: manifest, method: 0, crc: (await import('node:zlib')).crc32(manifest), declared: manifest.length },
        { name: `attachments/${'a'.repeat(64)}.pdf`, data: bomb, method: 8, crc: 0, declared: 4_000 },
      ]),
      'many entries at once': zipOf(Array.from({ length: 40 }, (_, i) => ({ name: i === 0 ? 'bundle.json' : `attachments/${i}.pdf`, data: bomb, method: 8 as const, crc: 0, declared: 1_000 }))),
    }
    for (const [what, zip] of Object.entries(variants)) {
      const { result, ms, peakMb } = await measured(() => checkBundle(zip, inspect))
      const refused = result.fileError !== null || result.reports.some((r) => !r.isValid)
      expect(refused, what).toBe(true)
      if (what === 'an attachment') expect(result.reports[0].errors).toEqual({ 'attachments.0.path': 'transfer.error.attachmentUnreadable' })
      expect(ms, `${what}: ${ms.toFixed(0)} ms`).toBeLessThan(1000)
      expect(peakMb, `${what}: ${peakMb.toFixed(0)} MB`).toBeLessThan(300)
      console.info(`[hostile] bomb in ${what} (${(zip.length / 1e6).toFixed(1)} MB → 512 MB per entry): refused in ${ms.toFixed(0)} ms, +${peakMb.toFixed(0)} MB`)
    }
  })

  it('a bundle that declares more than the limit is refused before anything is inflated', async () => {
    const small = await deflatedZeros(1)
    const zip = zipOf(Array.from({ length: 3 }, (_, i) => ({ name: `attachments/${i}.pdf`, data: small, method: 8 as const, crc: 0, declared: 100 * 1024 * 1024 })))
    const { result, ms } = await measured(() => checkBundle(zip, inspect))
    expect(result.fileError).toBe('transfer.error.bundleTooLarge')
    expect(ms).toBeLessThan(1000)
  })
})

describe('CSV formula escaping', () => {
  const dangerous = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\u{FF1D}1+1', '\u{FF0B}1', '\u{FF0D}1', '\u{FF20}x', '\u200B=1+1', '\u200C\u200D+1', '\u2060=1', '\uFEFF=1', ' =1', '\u200B \uFF1D1']
  it.each(dangerous)('escapes %j in every CSV writer, and the case import reads it back as typed', (text) => {
    expect(isFormulaLike(text)).toBe(true)
    expect(csvField(text).replace(/^"/, '')).toMatch(/^'/)
    expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/)
  })
  it('leaves ordinary text and numbers alone', () => {
    for (const text of ['Garcia', 'a=b', '12', 'José', '\u200Bplain']) expect(csvField(text)).not.toMatch(/^'/)
    expect(csvField(-5)).toBe('-5')
  })
  it('the case CSV import undoes only its own escape', () => {
    const csv = `first_name,last_name\r\n${csvField('\uFF1Dname')},${csvField("'quoted")}\r\n`
    const parsed = readCsv(csv)
    expect(JSON.stringify(parsed)).toContain('\uFF1Dname')
    expect(JSON.stringify(parsed)).toContain("'quoted")
  })
})

describe('funder report: no count from 1 to 4 anywhere', () => {
  const rateRow = fc.record({
    key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    overturned: fc.nat(12),
    partlyOverturned: fc.nat(6),
    upheld: fc.nat(12),
    withdrawn: fc.nat(4),
    dismissed: fc.nat(4),
  }).map((r): RateRow => {
    const decided = r.overturned + r.partlyOverturned + r.upheld
    return { ...r, decided, rate: decided ? (r.overturned + r.partlyOverturned) / decided : null }
  })
  it('in the summary, every table and the benchmark line, with complementary suppression', () => {
    fc.assert(
      fc.property(fc.array(rateRow, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(9), { minLength: 1, maxLength: 4 }), (rows, stageCounts) => {
        const sum = (k: keyof RateRow) => rows.reduce((n, r) => n + (r[k] as number), 0)
        const decided = sum('decided')
        const totals = { key: 'all', decided, overturned: sum('overturned'), partlyOverturned: sum('partlyOverturned'), upheld: sum('upheld'), withdrawn: sum('withdrawn'), dismissed: sum('dismissed'), rate: decided ? (sum('overturned') + sum('partlyOverturned')) / decided : null, atStake: 1000, recovered: 500, closedCases: decided % 7 }
        const data = {
          today: '2026-11-25',
          range: { from: '2026-01-01', to: '2026-11-25' },
          openByStage: stageCounts.map((count, i) => ({ stage: ['intake', 'denied', 'internal_appeal', 'external_review'][i], count })),
          totals,
          byLevel: rows,
          byPlanFamily: rows,
          byTherapy: rows,
          byReason: rows,
          stageDurations: stageCounts.map((count, i) => ({ stage: ['intake', 'denied', 'internal_appeal', 'external_review'][i], count, medianDays: count ? 3 : null })),
          benchmarks: [],
        } as unknown as DashboardData
        const model = buildFunderReportModel(data, 'Org')
        const cells = [...model.summary.map(([, v]) => v), ...model.tables.flatMap((t) => t.rows.flat())]
        for (const cell of cells) expect(cell).not.toMatch(/^[1-4]$/)
        // A rate shown over a shown total must not reveal a part of 1 to 4.
        for (const table of model.tables.slice(0, 4)) {
          const hiddenDecided = table.rows.filter((r) => !/^\d+$/.test(r[1]) && r[1] !== '0')
          // Never exactly one hidden row against a total that is shown.
          if (/^\d+$/.test(model.summary[2][1])) expect(hiddenDecided.length === 1).toBe(false)
        }
      }),
      { numRuns: 300 },
    )
  })
})
