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
const count = (n: number) => (n > 0 && n < SMALL_CELL ? `fewer than ${SMALL_CELL}` : String(n))

function rateTable(title: string, first: string, rows: RateRow[], label: (key: string) => string): FunderTable {
  return {
    title,
    header: [first, 'Decisions on the merits', 'Overturned (fully or partly)', 'Overturn rate'],
    rows: rows.map((row) => {
      const isSmall = row.decided < SMALL_CELL
      return [label(row.key), count(row.decided), isSmall ? '—' : String(row.overturned + row.partlyOverturned), isSmall ? '—' : percent(row.rate)]
    }),
  }
}

export function buildFunderReportModel(data: DashboardData, organization: string): FunderReportModel {
  const { totals } = data
  const openCases = data.openByStage.reduce((sum, s) => sum + s.count, 0)
  const benchmarkRows = data.benchmarks.flatMap((comparison) => {
    const benchmark = findBenchmark(comparison.benchmarkId)
    if (!benchmark) return []
    const ours = comparison.ourDecided < SMALL_CELL ? `${count(comparison.ourDecided)} decisions` : `${percent(comparison.ourRate)} of ${comparison.ourDecided}`
    const measure = benchmark.measure === 'upheld_share' ? 'upheld' : 'overturned'
    return [[benchmark.labelEn, `${percent(benchmark.value)} ${measure}`, `${benchmark.source}, ${benchmark.year}`, ours]]
  })
  return {
    organization,
    title: 'Appeal outcomes: summary for funders',
    period: `${data.range.from} to ${data.range.to}`,
    generatedOn: data.today,
    deidentifiedStatement:
      'This report is de-identified. It contains no patient names, member IDs, dates of birth, case dates, contact notes or other free text: only counts, rates, medians and dollar totals for the period. Payer and staff names are left out, and any group of fewer than 5 decisions is shown as "fewer than 5" without a rate.',
    summary: [
      ['Open cases today', String(openCases)],
      ['Cases closed in the period', String(totals.closedCases)],
      ['Decisions on the merits', String(totals.decided)],
      ['Overturned (fully)', String(totals.overturned)],
      ['Partly overturned', String(totals.partlyOverturned)],
      ['Upheld', String(totals.upheld)],
      ['Withdrawn or dismissed', String(totals.withdrawn + totals.dismissed)],
      ['Overturn rate', percent(totals.rate)],
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
