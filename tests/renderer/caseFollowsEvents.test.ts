// The real core in a renderer test: its SQLite driver's types come from the core's own ambient
// declaration, which has no import form.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../electron/core/db/betterSqlite3.d.ts" />
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createDispatcher } from '../../electron/core/dispatcher'
import { createEventHub, withCoreEvents } from '../../electron/core/events'
import CaseAppealSection from '../../renderer/src/components/case/CaseAppealSection.vue'
import CasePacketExports from '../../renderer/src/components/packet/CasePacketExports.vue'
import { setApi } from '../../renderer/src/api/client'
import { setEventSource } from '../../renderer/src/api/events'
import { useCaseStore } from '../../renderer/src/stores/caseStore'
import { useDocumentStore } from '../../renderer/src/stores/documentStore'
import type { ApiResult, OverturnApi } from '../../shared/contract'
import { makeCore, sampleCase } from '../unit/core/testCore'
import { plugins } from './setup'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((f) => f()))

/**
 * The renderer on a real core (real SQLite, the real dispatcher and its event wrapper): only the
 * transport is in-process instead of Electron's IPC or the bridge. `delivers` says whether the core's
 * pushed events reach the page, so a test can show what the page owes to them.
 */
async function caseWithExport({ delivers }: { delivers: boolean }) {
  const made = makeCore()
  const hub = createEventHub()
  const dispatch = withCoreEvents(createDispatcher(made.core), hub)
  const channels: string[] = []
  setApi(
    new Proxy({} as OverturnApi, {
      get: (_target, channel: string) => (request: unknown): Promise<ApiResult<unknown>> => {
        channels.push(channel)
        return dispatch(channel, request)
      },
    }),
  )
  setEventSource(delivers ? { subscribe: hub.subscribe } : { subscribe: () => () => {} })
  cleanups.push(() => {
    setApi(null)
    setEventSource(null)
    made.dispose()
  })
  const caseId = made.core.cases.create(sampleCase()).id
  await made.core.documents.exportPacket({ caseId, kind: 'internal_appeal', acceptPlaceholders: true })

  // The case page's appeal section and its Letters tab's exports list, as the page lays them out.
  const Page = defineComponent(() => {
    const cases = useCaseStore()
    return () => h('div', [cases.current ? h(CaseAppealSection, { detail: cases.current }) : null, h(CasePacketExports)])
  })
  const wrapper = mount(Page, { global: { plugins: plugins() } })
  await Promise.all([useCaseStore().open(caseId), useDocumentStore().load(caseId)])
  await flushPromises()
  return { wrapper, channels, core: made.core, caseId }
}

async function markSent(wrapper: Awaited<ReturnType<typeof caseWithExport>>['wrapper'], sentOn: string) {
  await wrapper.get('[data-testid="packet-export"] button').trigger('click')
  await wrapper.get('input[type="date"][id^="sent-on-"]').setValue(sentOn)
  await wrapper.get('form.mark-sent').trigger('submit')
  await flushPromises()
}

describe('the case page follows the core’s case:changed event (issue 11 item 5)', () => {
  it('"Mark sent" files the appeal, and the appeal section shows the filing day once the core says the case changed', async () => {
    const { wrapper, channels, core, caseId } = await caseWithExport({ delivers: true })
    const filedOn = () => (wrapper.get('#appeal-filedOn').element as HTMLInputElement).value
    expect(filedOn()).toBe('')
    const versionBefore = useCaseStore().current!.version

    await markSent(wrapper, '2026-11-24')

    expect(wrapper.get('[data-testid="export-sent"]').text()).toContain('Sent Nov 24, 2026 by fax')
    expect(core.cases.get(caseId).appealFiledOn).toBe('2026-11-24')
    expect(filedOn()).toBe('2026-11-24')
    expect(useCaseStore().current!.version).toBeGreaterThan(versionBefore)
    // The case was read again after the write, and only once: the event's refresh, no chain of refetches.
    const afterWrite = channels.slice(channels.lastIndexOf('packets:markSent') + 1)
    expect(afterWrite.filter((c) => c === 'cases:get')).toHaveLength(1)
  })

  it('without the pushed event the page keeps the case it had: the document store does not refetch the case itself', async () => {
    const { wrapper, channels, core, caseId } = await caseWithExport({ delivers: false })
    await markSent(wrapper, '2026-11-24')

    expect(wrapper.get('[data-testid="export-sent"]').text()).toContain('Sent Nov 24, 2026 by fax')
    expect(core.cases.get(caseId).appealFiledOn).toBe('2026-11-24')
    expect((wrapper.get('#appeal-filedOn').element as HTMLInputElement).value).toBe('')
    expect(channels.slice(channels.lastIndexOf('packets:markSent') + 1)).not.toContain('cases:get')
  })
})
