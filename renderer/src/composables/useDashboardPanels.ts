import type { DashboardData, DueList, RateRow } from '../../../shared/domain/insights'
import { PUBLIC_BENCHMARKS } from '../../../shared/rules/publicBenchmarks'

export type CellFormat = 'text' | 'int' | 'percent' | 'days' | 'usd' | 'date'
export type Cell = string | number | null

export interface PanelColumn {
  label: string
  format: CellFormat
}

export interface ChartSpec {
  categories: string[]
  series: { name: string; values: (number | null)[] }[]
  unit: 'count' | 'percent' | 'days' | 'usd'
  horizontal?: boolean
}

/** One dashboard panel: a table (the data), optionally the chart drawn from it, and its CSV name. */
export interface Panel {
  id: string
  title: string
  columns: PanelColumn[]
  rows: Cell[][]
  /** Rows whose first cell opens a case. */
  caseIds?: number[]
  chart?: ChartSpec
  total?: number
}

type Translate = (key: string, values?: Record<string, unknown>) => string

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10)

/** Builds every panel of the dashboard from the core's data, with translated labels. */
export function buildDashboardPanels(data: DashboardData, t: Translate): Panel[] {
  const rateColumns = (first: string): PanelColumn[] => [
    { label: first, format: 'text' },
    { label: t('dashboard.decided'), format: 'int' },
    { label: t('dashboard.overturned'), format: 'int' },
    { label: t('dashboard.partlyOverturned'), format: 'int' },
    { label: t('dashboard.upheld'), format: 'int' },
    { label: t('dashboard.withdrawn'), format: 'int' },
    { label: t('dashboard.dismissed'), format: 'int' },
    { label: t('dashboard.overturnRate'), format: 'percent' },
  ]
  const ratePanel = (id: string, first: string, rows: RateRow[], label: (key: string) => string): Panel => ({
    id,
    title: t(`dashboard.panels.${id}`),
    columns: rateColumns(first),
    rows: rows.map((r) => [label(r.key), r.decided, r.overturned, r.partlyOverturned, r.upheld, r.withdrawn, r.dismissed, pct(r.rate)]),
    chart: { categories: rows.map((r) => label(r.key)), series: [{ name: t('dashboard.overturnRate'), values: rows.map((r) => pct(r.rate)) }], unit: 'percent', horizontal: true },
  })
  const duePanel = (id: string, list: DueList): Panel => ({
    id,
    title: t(`dashboard.panels.${id}`),
    columns: [
      { label: t('dashboard.col.patient'), format: 'text' },
      { label: t('dashboard.col.deadline'), format: 'text' },
      { label: t('dashboard.col.dueDate'), format: 'date' },
    ],
    rows: list.items.map((i) => [i.patientName, te(t, i.labelKey, i.labelEn), i.dueDate]),
    caseIds: list.items.map((i) => i.caseId),
    total: list.total,
  })
  const stage = (key: string) => t(`enum.stage.${key}`)
  return [
    {
      id: 'openByStage',
      title: t('dashboard.panels.openByStage'),
      columns: [{ label: t('dashboard.col.stage'), format: 'text' }, { label: t('dashboard.col.count'), format: 'int' }],
      rows: data.openByStage.map((s) => [stage(s.stage), s.count]),
      chart: { categories: data.openByStage.map((s) => stage(s.stage)), series: [{ name: t('dashboard.col.count'), values: data.openByStage.map((s) => s.count) }], unit: 'count' },
    },
    duePanel('dueThisWeek', data.dueThisWeek),
    duePanel('overdueOurs', data.overdueOurs),
    duePanel('overduePayer', data.overduePayer),
    ratePanel('byLevel', t('dashboard.col.level'), data.byLevel, stage),
    ratePanel('byPayer', t('dashboard.col.payer'), data.byPayer, (k) => k),
    ratePanel('byReason', t('dashboard.col.reason'), data.byReason, (k) => t(`enum.denialReason.${k}`)),
    ratePanel('byTherapy', t('dashboard.col.therapy'), data.byTherapy, (k) => t(`enum.therapy.${k}`)),
    ratePanel('byPlanFamily', t('dashboard.col.planFamily'), data.byPlanFamily, (k) => t(`enum.planFamily.${k}`)),
    {
      id: 'stageDurations',
      title: t('dashboard.panels.stageDurations'),
      columns: [{ label: t('dashboard.col.stage'), format: 'text' }, { label: t('dashboard.col.stays'), format: 'int' }, { label: t('dashboard.col.medianDays'), format: 'days' }],
      rows: data.stageDurations.map((s) => [stage(s.stage), s.count, s.medianDays]),
      chart: { categories: data.stageDurations.map((s) => stage(s.stage)), series: [{ name: t('dashboard.col.medianDays'), values: data.stageDurations.map((s) => s.medianDays) }], unit: 'days' },
    },
    {
      id: 'amountsByMonth',
      title: t('dashboard.panels.amountsByMonth'),
      columns: [{ label: t('dashboard.col.month'), format: 'text' }, { label: t('dashboard.col.decisions'), format: 'int' }, { label: t('dashboard.atStake'), format: 'usd' }, { label: t('dashboard.recovered'), format: 'usd' }],
      rows: data.amountsByMonth.map((m) => [m.month, m.decisions, m.atStake, m.recovered]),
      chart: {
        categories: data.amountsByMonth.map((m) => m.month),
        series: [{ name: t('dashboard.atStake'), values: data.amountsByMonth.map((m) => m.atStake) }, { name: t('dashboard.recovered'), values: data.amountsByMonth.map((m) => m.recovered) }],
        unit: 'usd',
      },
    },
    {
      id: 'advocates',
      title: t('dashboard.panels.advocates'),
      columns: [{ label: t('dashboard.col.advocate'), format: 'text' }, { label: t('dashboard.col.openCases'), format: 'int' }, { label: t('dashboard.col.decisions'), format: 'int' }, { label: t('dashboard.col.wins'), format: 'int' }],
      rows: data.advocates.map((a) => [a.name ?? t('dashboard.unassigned'), a.openCases, a.decisions, a.wins]),
      chart: { categories: data.advocates.map((a) => a.name ?? t('dashboard.unassigned')), series: [{ name: t('dashboard.col.openCases'), values: data.advocates.map((a) => a.openCases) }], unit: 'count', horizontal: true },
    },
    benchmarkPanel(data, t),
  ]
}

/** A label key from the core when the i18n catalogue has it, else the core's English text. */
function te(t: Translate, key: string, fallback: string): string {
  const text = t(key)
  return text === key ? fallback : text
}

function benchmarkPanel(data: DashboardData, t: Translate): Panel {
  const rows: Cell[][] = PUBLIC_BENCHMARKS.map((b) => {
    const comparison = data.benchmarks.find((c) => c.benchmarkId === b.id)
    const value = `${Math.round(b.value * 1000) / 10}%`
    const shownValue = b.isUpperBound ? t('dashboard.upperBound', { value }) : value
    const key = b.measure === 'upheld_share' ? 'dashboard.upheldShare' : b.measure === 'overturned_share' ? 'dashboard.overturnedShare' : 'dashboard.appealedShare'
    const source = `${b.source}, ${b.year}${b.isSecondary ? ` (${t('dashboard.secondary')})` : ''}`
    return [b.labelEn, t(key, { value: shownValue }), source, comparison ? pct(comparison.ourRate) : null, comparison ? comparison.ourDecided : null]
  })
  return {
    id: 'benchmarks',
    title: t('dashboard.panels.benchmarks'),
    columns: [
      { label: t('dashboard.col.figure'), format: 'text' },
      { label: t('dashboard.col.value'), format: 'text' },
      { label: t('dashboard.col.source'), format: 'text' },
      { label: t('dashboard.col.ours'), format: 'percent' },
      { label: t('dashboard.col.oursDecided'), format: 'int' },
    ],
    rows,
  }
}
