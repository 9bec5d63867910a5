/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from '@playwright/test'

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test')
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

export interface BoardOnScreen {
  /** Navigation start to the frame painted with every column's cards (the page's own clock). */
  onScreenMs: number
  /** The `cases:board` request as the page saw it: sent, answered. */
  requestStartMs: number | null
  responseEndMs: number | null
  /** When the `session:status` request was sent: the board request should not wait for its answer. */
  statusStartMs: number | null
  statusEndMs: number | null
  cardsInDom: number
}

/**
 * Installed before the page's scripts: watches the DOM and, when nine columns hold cards, waits for
 * the frame that shows them to be painted (a task posted from requestAnimationFrame runs after that
 * frame's paint) and records the time in `__boardPaintedAt`.
 */
const PAINT_PROBE = `(() => {
  globalThis.__name = globalThis.__name || ((f) => f)
  const ready = () => document.querySelectorAll('[data-testid="board-column"]').length >= 9 && document.querySelector('[data-testid="board-card"]')
  const start = () => {
    const observer = new MutationObserver(() => {
      if (!ready()) return
      observer.disconnect()
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => { window.__boardPaintedAt = performance.now() }
        channel.port2.postMessage(0)
      })
    })
    observer.observe(document, { childList: true, subtree: true })
  }
  start()
})()`

function resourceTimes(page: Page) {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
    const board = entries.find((e) => /cases(%3A|:)board/.test(e.name))
    const status = entries.find((e) => /session(%3A|:)status/.test(e.name))
    return {
      start: board?.startTime ?? null,
      end: board?.responseEnd ?? null,
      statusStart: status?.startTime ?? null,
      statusEnd: status?.responseEnd ?? null,
      cards: document.querySelectorAll('[data-testid="board-card"]').length,
    }
  })
}

async function waitForPaint(page: Page, errors: string[]): Promise<number> {
  try {
    const handle = await page.waitForFunction(() => (window as unknown as { __boardPaintedAt?: number }).__boardPaintedAt ?? false, null, { polling: 'raf', timeout: 120_000 })
    return (await handle.jsonValue()) as number
  } catch (error) {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 200)).catch(() => '')
    await page.close()
    throw new Error(`board not on screen: ${error instanceof Error ? error.message.split('\n')[0] : error}; page says "${text}"${errors.length ? `; errors: ${errors.join('; ')}` : ''}`, { cause: error })
  }
}

/**
 * Opens the board in a new page (session already unlocked) and waits for its first painted frame.
 * Given a browser context, the page shares its cache with the context's earlier pages, as a browser
 * mode user's browser does (and Electron's code cache does for app://); given the browser, each page
 * starts with nothing cached.
 */
export async function openBoard(browser: Browser | BrowserContext, url: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; result: BoardOnScreen }> {
  const page = 'newContext' in browser ? await browser.newPage({ viewport }) : await browser.newPage()
  await page.setViewportSize(viewport)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript(PAINT_PROBE)
  await page.goto(url, { waitUntil: 'commit' })
  const onScreenMs = await waitForPaint(page, errors)
  const timing = await resourceTimes(page)
  return { page, result: { onScreenMs, requestStartMs: timing.start, responseEndMs: timing.end, statusStartMs: timing.statusStart, statusEndMs: timing.statusEnd, cardsInDom: timing.cards } }
}

/**
 * Unlock → board as a user meets it: the lock screen is open, the passphrase typed; timed from the
 * click on "Unlock" to the painted frame with the board's cards (passphrase hash, opening the
 * encrypted caseload, the first page of every column, rendering).
 */
export async function unlockToBoard(browser: Browser, url: string, passphrase: string): Promise<{ page: Page; millis: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.addInitScript(PAINT_PROBE)
  await page.goto(url)
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
  const clickedAt = await page.evaluate(() => {
    const at = performance.now()
    document.querySelector<HTMLButtonElement>('form button[type="submit"]')!.click()
    return at
  })
  const painted = await waitForPaint(page, errors)
  return { page, millis: painted - clickedAt }
}

/**
 * The board as an advocate meets it most often: back from a case page by the header's "Board" link
 * (in-app navigation, scripts already running). Opens the first card's case, waits for its page, then
 * times the click on "Board" → the painted frame with cards in all nine columns.
 */
export async function boardAfterCase(page: Page): Promise<number> {
  await page.locator('[data-testid="board-card"] a.card-open').first().click()
  await page.getByRole('tablist').first().waitFor()
  await page.waitForLoadState('load')
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const ready = () => document.querySelectorAll('[data-testid="board-column"]').length >= 9 && document.querySelector('[data-testid="board-card"]')
        const link = [...document.querySelectorAll<HTMLAnchorElement>('header a, nav a')].find((a) => a.textContent?.trim() === 'Board')
        if (!link) throw new Error('no "Board" link in the header')
        const started = performance.now()
        const observer = new MutationObserver(() => {
          if (!ready()) return
          observer.disconnect()
          requestAnimationFrame(() => {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => resolve(performance.now() - started)
            channel.port2.postMessage(0)
          })
        })
        observer.observe(document, { childList: true, subtree: true })
        link.click()
      }),
  )
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
