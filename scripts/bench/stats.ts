/** Order statistics for a handful of timed runs (nearest-rank percentiles: no interpolation on 3–5 samples). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

export const median = (values: number[]) => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export interface Summary {
  median: number
  p95: number
  min: number
  max: number
  runs: number
}

export function summarize(values: number[]): Summary {
  return { median: median(values), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values), runs: values.length }
}

/** Runs `fn` `runs` times (after `warmup` untimed calls) and returns the milliseconds of each run. */
export async function timeRuns(runs: number, fn: (run: number) => unknown, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await fn(i)
    times.push(performance.now() - started)
  }
  return times
}
