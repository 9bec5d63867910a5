import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { Attachment } from '../../shared/domain/documents'
import type { DesktopApi } from '../../shared/desktop'
import ExhibitPreviewDialog from '../../renderer/src/components/packet/ExhibitPreviewDialog.vue'
import { plugins } from './setup'

/**
 * Issue 16, item 2: a Word exhibit in the desktop app. `window.overturnDesktop` is what Electron's
 * preload would expose (the binary cannot run here), replaced by a recorder; PDF and image previews
 * are tested end to end in Chromium (tests/e2e/exhibitPreview.spec.ts).
 */
const word: Attachment = {
  id: 7,
  caseId: 1,
  label: 'Letter of medical necessity',
  originalName: 'lmn.docx',
  kind: 'docx' as Attachment['kind'],
  mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  sizeBytes: 1000,
  sha256: 'x',
  addedAt: '2026-11-25T10:00:00.000Z',
  exhibitNumber: 3,
}

function desktop(answer: Awaited<ReturnType<DesktopApi['openInWordProcessor']>>) {
  const calls: unknown[] = []
  window.overturnDesktop = { openInWordProcessor: async (request) => (calls.push(request), answer) }
  return calls
}

afterEach(() => {
  delete window.overturnDesktop
  document.body.innerHTML = ''
})

async function open() {
  const wrapper = mount(ExhibitPreviewDialog, { props: { attachment: null }, global: { plugins: plugins() }, attachTo: document.body })
  await wrapper.setProps({ attachment: word })
  await flushPromises()
  return wrapper
}

describe('opening a Word exhibit in the desktop app', () => {
  it('explains what opening it implies, and opens it only when confirmed', async () => {
    const calls = desktop({ ok: true, data: { opened: true } })
    const wrapper = await open()
    expect(wrapper.get('#preview-title').text()).toBe('Open exhibit 3 in your word processor?')
    const explanation = wrapper.get('#preview-word-explained').text()
    expect(explanation).toContain('readable (not encrypted) copy to a private temporary folder')
    expect(explanation).toContain('deleted when you quit Overturn')
    expect(explanation).toContain('do not change the exhibit stored in the case')
    expect(calls).toEqual([])
    const confirm = wrapper.findAll('button').find((b) => b.text() === 'Open in word processor')!
    expect(confirm.attributes('aria-describedby')).toBe('preview-word-explained')
    await confirm.trigger('click')
    await flushPromises()
    expect(calls).toEqual([{ attachmentId: 7 }])
    expect(wrapper.emitted('opened')).toEqual([['Exhibit 3 was opened in your word processor.']])
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })

  it('cancelling opens nothing', async () => {
    const calls = desktop({ ok: true, data: { opened: true } })
    const wrapper = await open()
    await wrapper.findAll('button').find((b) => b.text() === 'Cancel')!.trigger('click')
    expect(wrapper.emitted('close')).toHaveLength(1)
    expect(calls).toEqual([])
    wrapper.unmount()
  })

  it('says plainly when the computer cannot open it', async () => {
    desktop({ ok: false, error: { code: 'internal', message: 'preview.wordFailed' } })
    const wrapper = await open()
    await wrapper.findAll('button').find((b) => b.text() === 'Open in word processor')!.trigger('click')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('Your computer could not open this Word file. Check that a word processor is installed, or download a copy.')
    expect(wrapper.emitted('close')).toBeUndefined()
    wrapper.unmount()
  })
})
