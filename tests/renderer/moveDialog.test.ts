import { flushPromises, mount } from '@vue/test-utils'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setApi } from '../../renderer/src/api/client'
import CaseMoveDialog from '../../renderer/src/components/board/CaseMoveDialog.vue'
import BoardView from '../../renderer/src/views/BoardView.vue'
import { checkMove } from '../../electron/core/deadlines/moveCheck'
import { card, createFakeApi } from './fakeApi'
import { plugins } from './setup'

afterEach(() => setApi(null))

// A grandfathered plan has no federal external review (45 CFR 147.140): the real rule's refusal.
const GRANDFATHERED = card({ id: 4, stage: 'internal_appeal', planFamily: 'grandfathered', patientName: 'Ana Ruiz' })
const refusal = checkMove(
  { planFamily: 'grandfathered', state: null, urgency: 'standard', serviceType: 'pre_service', stage: 'internal_appeal', levelId: null, therapyCategory: 'ivig_scig', denial: null, appealFiledOn: null, appealFiledAt: null },
  'external_review',
)

describe('CaseMoveDialog', () => {
  it('explains a refused move and asks for a reason before moving anyway', async () => {
    const wrapper = mount(CaseMoveDialog, { props: { card: null, check: null }, global: { plugins: plugins() }, attachTo: document.body })
    await wrapper.setProps({ card: GRANDFATHERED, initialStage: 'external_review', check: refusal })
    await flushPromises()
    const alert = wrapper.get('[data-testid="move-check"]')
    expect(alert.attributes('role')).toBe('alert')
    expect(alert.text()).toContain('Grandfathered plans have no federal external review')
    expect(wrapper.get('button[type="submit"]').text()).toBe('Move anyway')

    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('confirm')).toBeUndefined()
    expect(wrapper.get('#move-override-error').text()).toBe('This field is required.')

    await wrapper.get('#move-override').setValue('Insured plan: state external review applies')
    await wrapper.get('form').trigger('submit')
    expect(wrapper.emitted('confirm')?.[0]).toEqual(['external_review', expect.objectContaining({ overrideReason: 'Insured plan: state external review applies' })])
    wrapper.unmount()
  })
})

describe('BoardView', () => {
  // happy-dom lays nothing out: give elements a size so the virtualized columns (issue 15) render their cards.
  const sizes = { clientHeight: 800, clientWidth: 320, offsetHeight: 800, offsetWidth: 320 }
  const saved = new Map<string, PropertyDescriptor | undefined>()
  beforeAll(() => {
    for (const [name, value] of Object.entries(sizes)) {
      saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name))
      Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value })
    }
  })
  afterAll(() => {
    for (const [name, descriptor] of saved) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor)
  })

  it('shows the columns with their cards, and "Move to…" shows the ladder’s refusal before moving', async () => {
    const fake = createFakeApi([GRANDFATHERED, card({ id: 5, stage: 'intake', patientName: 'Bo Chen' })])
    setApi(fake.api)
    const wrapper = mount(BoardView, { global: { plugins: plugins() }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.text()).toContain('Ana Ruiz')
    expect(wrapper.text()).toContain('Bo Chen')
    await wrapper.get('[data-case-id="4"] .card-move').trigger('click')
    await flushPromises()
    const external = wrapper.findAll('input[name="move-stage"]').find((input) => (input.element as HTMLInputElement).value === 'external_review')!
    await external.setValue(true)
    await flushPromises()
    expect(fake.calls.some((c) => c.channel === 'cases:checkMove')).toBe(true)
    expect(wrapper.get('[data-testid="move-check"]').text()).toContain('Grandfathered plans have no federal external review')
    expect(fake.calls.some((c) => c.channel === 'cases:move')).toBe(false)
    wrapper.unmount()
  })
})
