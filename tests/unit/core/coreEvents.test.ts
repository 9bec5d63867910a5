import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startBridgeServer } from '../../../electron/bridge/bridgeServer'
import { createDispatcher } from '../../../electron/core/dispatcher'
import { createEventHub, withCoreEvents } from '../../../electron/core/events'
import type { CoreEvent } from '../../../shared/events'
import { makeCore, makeTempDir, sampleCase } from './testCore'

const disposers: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const d of disposers.splice(0)) await d()
})

function setup() {
  const made = makeCore()
  const hub = createEventHub()
  const seen: CoreEvent[] = []
  hub.subscribe((event) => seen.push(event))
  const dispatch = withCoreEvents(createDispatcher(made.core), hub)
  disposers.push(made.dispose)
  return { made, hub, seen, dispatch }
}

describe('events the core pushes (shared/events.ts)', () => {
  it('a write announces the changed case and the new reminder counts; a read announces nothing', async () => {
    const { made, seen, dispatch } = setup()
    const created = made.core.cases.create(sampleCase())
    await dispatch('cases:get', { caseId: created.id })
    expect(seen).toEqual([])
    expect(await dispatch('cases:move', { caseId: created.id, toStage: 'closed' })).toMatchObject({ ok: true })
    expect(seen.map((e) => e.name)).toEqual(['case:changed', 'deadlines:counts'])
    expect(seen[0]).toEqual({ name: 'case:changed', payload: { caseId: created.id } })
    expect(seen[1].payload).toEqual((await dispatch('deadlines:counts', {}) as { data: unknown }).data)
  })

  it('a refused write announces nothing', async () => {
    const { seen, dispatch } = setup()
    expect(await dispatch('cases:move', { caseId: 999, toStage: 'closed' })).toMatchObject({ ok: false })
    expect(seen).toEqual([])
  })

  it('the bridge streams events on /events behind the same token', async () => {
    const { made, hub, dispatch } = setup()
    const web = makeTempDir()
    mkdirSync(web.dir, { recursive: true })
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>Overturn</title>')
    const bridge = await startBridgeServer({ dispatch, events: hub, rendererDir: web.dir, token: 'secret-token-123' })
    disposers.push(() => bridge.close(), web.cleanup)

    expect((await fetch(`${bridge.url}events`)).status).toBe(401)
    expect((await fetch(`${bridge.url}events`, { headers: { 'X-Overturn-Token': 'secret-token-124' } })).status).toBe(401)

    const stream = await fetch(`${bridge.url}events`, { headers: { 'X-Overturn-Token': 'secret-token-123' } })
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
    expect((await reader.read()).value).toContain(': connected')
    const created = made.core.cases.create(sampleCase())
    await fetch(`${bridge.url}api/cases:move`, { method: 'POST', headers: { 'X-Overturn-Token': 'secret-token-123' }, body: JSON.stringify({ caseId: created.id, toStage: 'closed' }) })
    let text = ''
    while (!text.includes('deadlines:counts')) text += (await reader.read()).value ?? ''
    const events = text.split('\n\n').filter((b) => b.startsWith('data: ')).map((b) => JSON.parse(b.slice(6)) as CoreEvent)
    expect(events[0]).toEqual({ name: 'case:changed', payload: { caseId: created.id } })
    await reader.cancel()
  })
})
