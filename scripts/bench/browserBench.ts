/// <reference lib="dom" />
import type { Browser, Page } from '@playwright/test'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test')
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export interface BoardOnScreen {
  /** Navigation start to every column on screen with cards in it (the page's own clock). */
  onScreenMs: number
  /** The `cases:board` request as the page saw it: sent, answered. */
  requestStartMs: number | null
  responseEndMs: number | null
  cardsInDom: number
}

/** Opens the board in a new page and waits, frame by frame, until its cards are on screen. */
export async function openBoard(browser: Browser, url: string): Promise<{ page: Page; result: BoardOnScreen }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  // tsx compiles with keepNames, so functions passed to page.evaluate call a __name helper the page lacks.
  await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f)')
  await page.goto(url, { waitUntil: 'commit' })
  try {
    const handle = await page.waitForFunction(
      () => {
        const columns = document.querySelectorAll('[data-testid="board-column"]').length
        const cards = document.querySelectorAll('[data-testid="board-card"]').length
        return columns >= 9 && cards > 0 ? performance.now() : false
      },
      null,
      { polling: 'raf', timeout: 120_000 },
    )
    const onScreenMs = (await handle.jsonValue()) as number
    const timing = await page.evaluate(() => {
      const entry = performance.getEntriesByType('resource').find((e) => /cases(%3A|:)board/.test(e.name)) as PerformanceResourceTiming | undefined
      return { start: entry?.startTime ?? null, end: entry?.responseEnd ?? null, cards: document.querySelectorAll('[data-testid="board-card"]').length }
    })
    return { page, result: { onScreenMs, requestStartMs: timing.start, responseEndMs: timing.end, cardsInDom: timing.cards } }
  } catch (error) {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 200)).catch(() => '')
    await page.close()
    throw new Error(`board not on screen: ${error instanceof Error ? error.message.split('\n')[0] : error}; page says "${text}"${errors.length ? `; errors: ${errors.join('; ')}` : ''}`, { cause: error })
  }
}

/** The renderer's JavaScript heap after a forced garbage collection, in bytes. */
export async function rendererHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return usage.usedSize
}

export interface ScrollResult {
  /** Cards in the column scrolled (from its count). */
  cards: number
  /** Per step: scroll position set → the next frame after the column re-rendered. */
  frames: number[]
  /** The same loop without moving: the frame cadence of this browser, the baseline. */
  idleFrames: number[]
  longTasks: number
  longTaskMs: number
  cardsRenderedAtBottom: number
}

/**
 * Scrolls the longest column from top to bottom in `steps` jumps, each waiting for the frame in which
 * the virtualized column has rendered its new cards, and records long tasks (> 50 ms) meanwhile.
 */
export async function scrollLongestColumn(page: Page, steps: number): Promise<ScrollResult> {
  return page.evaluate(async (stepCount) => {
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
    const columns = [...document.querySelectorAll<HTMLElement>('[data-testid="board-column"]')]
    const scrollOf = (c: HTMLElement) => c.querySelector<HTMLElement>('.column-scroll')!
    const column = columns.reduce((a, b) => (scrollOf(b).scrollHeight > scrollOf(a).scrollHeight ? b : a))
    const element = scrollOf(column)
    const countText = column.querySelector('[data-testid="column-count"]')?.textContent ?? ''
    const cards = Number((countText.match(/[\d,]+/)?.[0] ?? '0').replace(/,/g, ''))
    const longTasks: number[] = []
    let observer: PerformanceObserver | null
    try {
      observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
      observer.observe({ type: 'longtask' })
    } catch {
      observer = null
    }
    const idleFrames: number[] = []
    for (let i = 0; i < 20; i++) {
      const started = performance.now()
      await frame()
      await frame()
      idleFrames.push(performance.now() - started)
    }
    const frames: number[] = []
    for (let i = 1; i <= stepCount; i++) {
      const started = performance.now()
      // The column's measured height grows as cards are measured: aim at the bottom as it is now.
      element.scrollTop = Math.round(((element.scrollHeight - element.clientHeight) * i) / stepCount)
      await frame()
      await frame()
      frames.push(performance.now() - started)
    }
    for (let i = 0; i < 5 && element.scrollTop + element.clientHeight < element.scrollHeight - 2; i++) {
      element.scrollTop = element.scrollHeight
      await frame()
    }
    await frame()
    observer?.disconnect()
    return {
      cards,
      frames,
      idleFrames,
      longTasks: longTasks.length,
      longTaskMs: longTasks.reduce((a, b) => a + b, 0),
      cardsRenderedAtBottom: element.querySelectorAll('[data-testid="board-card"]').length,
    }
  }, steps)
}
