import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createHandlers } from '../../electron/core/dispatcher'
import { appSessionChannels, CHANNELS, contract } from '../../shared/contract'

// The Electron binary cannot be downloaded on these machines, so 'electron' is the one thing mocked:
// a recorder standing in for contextBridge, ipcRenderer and ipcMain.
const electron = vi.hoisted(() => ({
  exposed: {} as Record<string, unknown>,
  handlers: new Map<string, (event: unknown, request: unknown) => unknown>(),
  invoke: vi.fn(async (channel: string, request: unknown) => ({ channel, request })),
}))
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (electron.exposed[key] = value) },
  ipcRenderer: { invoke: electron.invoke, on: vi.fn(), removeListener: vi.fn() },
  ipcMain: { handle: (channel: string, fn: (event: unknown, request: unknown) => unknown) => electron.handlers.set(channel, fn) },
}))

describe('the IPC contract', () => {
  it('names every channel domain:verb and gives each a request schema', () => {
    for (const channel of CHANNELS) {
      expect(channel).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/)
      expect(typeof contract[channel].request.safeParse).toBe('function')
    }
  })

  it('keeps each channel in the contract file named after its prefix (cases:move in contracts/cases.ts)', () => {
    const folder = join(__dirname, '../../shared/contracts')
    const declared: string[] = []
    for (const file of readdirSync(folder).filter((f) => f !== 'channel.ts')) {
      const names = [...readFileSync(join(folder, file), 'utf8').matchAll(/^\s*'([a-zA-Z]+:[a-zA-Z]+)': channel</gm)].map((m) => m[1])
      for (const name of names) expect(`${name.split(':')[0]}.ts`, name).toBe(file)
      declared.push(...names)
    }
    expect(declared.sort()).toEqual([...CHANNELS].sort())
  })

  it('answers every contract channel: the core its own, the app session the session channels', () => {
    const handlers = Object.keys(createHandlers({} as never))
    const sessionOnes = Object.keys(appSessionChannels)
    expect([...handlers, ...sessionOnes].sort()).toEqual([...CHANNELS].sort())
    expect(handlers.filter((c) => sessionOnes.includes(c))).toEqual([])
  })

  it('the preload exposes exactly the contract methods, each invoking its own channel', async () => {
    await import('../../electron/preload/index')
    const api = electron.exposed.overturn as Record<string, (request: unknown) => Promise<unknown>>
    // Beside the contract, only the desktop-only methods of shared/desktop.ts (issue 16) and the core's events (issue 11).
    expect(Object.keys(electron.exposed).sort()).toEqual(['overturn', 'overturnDesktop', 'overturnEvents'])
    expect(Object.keys(electron.exposed.overturnDesktop as object)).toEqual(['openInWordProcessor'])
    expect(Object.isFrozen(electron.exposed.overturnDesktop)).toBe(true)
    expect(Object.keys(electron.exposed.overturnEvents as object)).toEqual(['subscribe'])
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort())
    expect(Object.isFrozen(api)).toBe(true)
    await api['cases:get']({ caseId: 3 })
    expect(electron.invoke).toHaveBeenCalledWith('cases:get', { caseId: 3 })
  })

  it('main registers every channel and refuses senders that are not our renderer', async () => {
    const { registerIpc } = await import('../../electron/main/ipc')
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 'answered' }))
    registerIpc(dispatch, (url) => url === 'file:///app/renderer/index.html')
    expect([...electron.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    const handler = electron.handlers.get('caseload:info')!
    expect(handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(dispatch).not.toHaveBeenCalled()
    expect(await handler({ senderFrame: { url: 'file:///app/renderer/index.html' } }, {})).toEqual({ ok: true, data: 'answered' })
  })
})
