/**
 * Pushes from the core to the renderer (STYLE.md, "One typed contract": a second, typed event map).
 * Electron sends them to the window over IPC; the browser bridge streams them as Server-Sent Events
 * on /events behind the same token. Payloads are ids and counts only, never patient data.
 */
export interface CoreEventMap {
  /** A case (or, with `caseId: null`, many cases) changed: stores showing it refetch. */
  'case:changed': { caseId: number | null }
  /** The reminder banner's counts, recomputed after every change. */
  'deadlines:counts': { overdue: number; dueWithin3Days: number }
  /** The session locked (idle, sleep, another window, or the user): the page returns to the lock screen. */
  'session:locked': Record<string, never>
  /** A backup is being written, then written (or failed). */
  'backup:progress': { phase: 'started' | 'done' | 'failed'; fileName: string | null }
}

export type CoreEventName = keyof CoreEventMap
export type CoreEvent = { [E in CoreEventName]: { name: E; payload: CoreEventMap[E] } }[CoreEventName]

export const CORE_EVENT_NAMES = ['case:changed', 'deadlines:counts', 'session:locked', 'backup:progress'] as const satisfies readonly CoreEventName[]

/** The Electron IPC channel events travel on (main → webContents.send → preload). */
export const CORE_EVENT_CHANNEL = 'overturn:event'

export const isCoreEvent = (value: unknown): value is CoreEvent =>
  !!value && typeof value === 'object' && (CORE_EVENT_NAMES as readonly string[]).includes((value as { name?: unknown }).name as string)
