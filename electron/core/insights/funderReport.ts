import type { DashboardData, RateRow } from '../../../shared/domain/insights'
import { findBenchmark } from '../../../shared/rules/publicBenchmarks'
import { DENIAL_REASON_EN, PLAN_FAMILY_EN, STAGE_EN, THERAPY_EN, labelEn } from './reportLabels'

/**
 * The funder report's model: aggregates only. It is built from the dashboard's numbers and never
 * from case rows, so no name, member ID, date of birth, case date or free-text note can reach it
 * (issue 6: de-identified, and it says so). Payer and advocate names are left out too.
 */

/** Groups with fewer decisions than this show "fewer than 5" and no rate, so a small group cannot point to a person. */
export const SMALL_CELL = 5

export interface FunderTable {
  title: string
  header: string[]
  rows: string[][]
}

export interface FunderReportModel {
  organization: string
  title: string
  period: string
  generatedOn: string
  deidentifiedStatement: string
  summary: [string, string][]
  tables: FunderTable[]
  notes: string[]
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`)
const dollars = (value: number) => value.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
/** A count a person could be picked out of (1 to 4); zero is safe to show. */
const isSmall = (n: number) => n > 0 && n < SMALL_CELL
const count = (n: number) => (isSmall(n) ? `fewer than ${SMALL_CELL}` : String(n))
const NOT_SHOWN = 'not shown'

/**
 * Complementary suppression (issue 13 item 8): when exactly one count of a group is hidden and the
 * group's total is shown, the hidden one is the total minus the rest; so the smallest other non-zero
 * count is hidden too. Answers the indexes to hide.
 */
export function suppressedIndexes(counts: number[]): Set<number> {
  const hidden = new Set(counts.flatMap((n, i) => (isSmall(n) ? [i] : [])))
  if (hidden.size === 1) {
    const next = counts.map((n, i) => ({ n, i })).filter(({ n, i }) => n > 0 && !hidden.has(i)).sort((a, b) => a.n - b.n)[0]
    if (next) hidden.add(next.i)
  }
  return hidden
}

function rateTable(title: string, first: string, rows: RateRow[], label: (key: string) => string): FunderTable {
  // The rows of a table partition the period's decisions (shown in the summary): suppress across them.
  const hidden = suppressedIndexes(rows.map((r) => r.decided))
  return {
    title,
    header: [first, 'Decisions on the merits', 'Overturned (fully or partly)', 'Overturn rate'],
    rows: rows.map((row, i) => {
      if (hidden.has(i)) return [label(row.key), isSmall(row.decided) ? count(row.decided) : NOT_SHOWN, '—', '—']
      const overturned = row.overturned + row.partlyOverturned
      // A rate over a known total gives both parts: hide it when either part is 1 to 4.
      const partIsSmall = isSmall(overturned) || isSmall(row.decided - overturned)
      return [label(row.key), count(row.decided), partIsSmall ? (isSmall(overturned) ? count(overturned) : NOT_SHOWN) : String(overturned), partIsSmall ? '—' : percent(row.rate)]
    }),
  }
}

/** The summary's outcome counts, with complementary suppression against the decisions total. */
function outcomeCells(totals: DashboardData['totals']) {
  const parts = [totals.overturned, totals.partlyOverturned, totals.upheld]
  const hidden = suppressedIndexes(parts)
  const cell = (i: number) => (hidden.has(i) ? (isSmall(parts[i]) ? count(parts[i]) : NOT_SHOWN) : String(parts[i]))
  const rateHidden = isSmall(totals.overturned + totals.partlyOverturned) || isSmall(totals.upheld)
  return { overturned: cell(0), partly: cell(1), upheld: cell(2), rate: rateHidden ? '—' : percent(totals.rate) }
}

export function buildFunderReportModel(data: DashboardData, organization: string): FunderReportModel {
  const { totals } = data
  const openCases = data.openByStage.reduce((sum, s) => sum + s.count, 0)
  const outcomes = outcomeCells(totals)
  const benchmarkRows = data.benchmarks.flatMap((comparison) => {
    const benchmark = findBenchmark(comparison.benchmarkId)
    if (!benchmark) return []
    // A rate over 5 or more decisions still gives both parts: hidden when either is 1 to 4, as in the tables.
    const part = Math.round((comparison.ourRate ?? 0) * comparison.ourDecided)
    const hideRate = comparison.ourDecided < SMALL_CELL || isSmall(part) || isSmall(comparison.ourDecided - part)
    const ours = hideRate ? `${count(comparison.ourDecided)} decisions` : `${percent(comparison.ourRate)} of ${comparison.ourDecided}`
    const measure = benchmark.measure === 'upheld_share' ? 'upheld' : 'overturned'
    return [[benchmark.labelEn, `${percent(benchmark.value)} ${measure}`, `${benchmark.source}, ${benchmark.year}`, ours]]
  })
  return {
    organization,
    title: 'Appeal outcomes: summary for funders',
    period: `${data.range.from} to ${data.range.to}`,
    generatedOn: data.today,
    deidentifiedStatement:
      'This report is de-identified. It contains no patient names, member IDs, dates of birth, case dates, contact notes or other free text: only counts, rates, medians and dollar totals for the period. Payer and staff names are left out, any count from 1 to 4 is shown as "fewer than 5" (with no rate that would reveal it), and where such a count could be worked out from a total, another count is left out too ("not shown").',
    summary: [
      // Totals too: no count from 1 to 4 anywhere in the report (issue 13 item 8).
      ['Open cases today', count(openCases)],
      ['Cases closed in the period', count(totals.closedCases)],
      ['Decisions on the merits', count(totals.decided)],
      ['Overturned (fully)', outcomes.overturned],
      ['Partly overturned', outcomes.partly],
      ['Upheld', outcomes.upheld],
      ['Withdrawn or dismissed', count(totals.withdrawn + totals.dismissed)],
      ['Overturn rate', outcomes.rate],
      ['Amount at stake in decided appeals', dollars(totals.atStake)],
      ['Amount recovered or approved', dollars(totals.recovered)],
    ],
    tables: [
      rateTable('Overturn rate by appeal level', 'Level', data.byLevel, (k) => labelEn(STAGE_EN, k)),
      rateTable('Overturn rate by plan family', 'Plan family', data.byPlanFamily, (k) => labelEn(PLAN_FAMILY_EN, k)),
      rateTable('Overturn rate by therapy', 'Therapy', data.byTherapy, (k) => labelEn(THERAPY_EN, k)),
      rateTable('Overturn rate by denial reason', 'Denial reason', data.byReason, (k) => labelEn(DENIAL_REASON_EN, k)),
      {
        title: 'Median days spent in each stage',
        header: ['Stage', 'Completed stays', 'Median days'],
        rows: data.stageDurations
          .filter((s) => s.count > 0)
          .map((s) => [labelEn(STAGE_EN, s.stage), count(s.count), s.count < SMALL_CELL || s.medianDays === null ? '—' : s.medianDays.toFixed(1)]),
      },
      { title: 'Our rates beside published figures', header: ['Published figure', 'Value', 'Source and year', 'Ours in the period'], rows: benchmarkRows },
    ],
    notes: [
      'Overturn rate: decisions overturned fully or partly, divided by decisions on the merits (overturned, partly overturned or upheld). Withdrawn and dismissed appeals are counted separately.',
      'A case can have several decisions (one per appeal level); each counts once at its level. A case counts under every reason given in its first denial.',
      'Published figures come from the sources named beside them; they describe other populations and are shown for context only.',
    ],
  }
}
