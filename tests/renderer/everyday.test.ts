import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { screenProgram } from '../../electron/core/screening/screeningEngine'
import RecoveryKeyNotice from '../../renderer/src/components/session/RecoveryKeyNotice.vue'
import ScreeningResultCard from '../../renderer/src/components/screening/ScreeningResultCard.vue'
import { useAnnouncer } from '../../renderer/src/composables/useAnnouncer'
import { applicant, program, TODAY } from '../unit/screening/facts'
import { plugins } from './setup'

afterEach(() => vi.restoreAllMocks())

describe('a screening result card', () => {
  it('starts collapsed to its deciding rules and opens every rule through a disclosure button', async () => {
    const result = screenProgram(applicant({ annualIncome: 500_000 }), program({ rules: { maxFplPercent: 400, diagnosisPrefixes: ['D80'] } }), TODAY)
    expect(result.outcome).toBe('not_eligible')
    const wrapper = mount(ScreeningResultCard, { props: { result, hasApplication: false }, global: { plugins: plugins() }, attachTo: document.body })
    const deciding = wrapper.get('[data-testid=result-deciding]')
    expect(deciding.text()).toContain('above the 400% limit of $132,000.00 by $368,000.00')
    expect(deciding.text()).not.toContain('Any drug')
    const toggle = wrapper.get('[data-testid=result-toggle]')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    const list = wrapper.get(`#${toggle.attributes('aria-controls')}`)
    expect(list.isVisible()).toBe(false)
    // A program the applicant does not qualify for offers no application.
    expect(wrapper.find('[data-testid=result-next]').exists()).toBe(false)
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(list.isVisible()).toBe(true)
    expect(list.findAll('[data-testid=result-rule]')).toHaveLength(result.rules.length)
    expect(wrapper.find('[data-testid=result-deciding]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('an eligible program says what to do next: start the application, with the documents it needs', async () => {
    const result = screenProgram(applicant(), program({ rules: { maxFplPercent: 400 } }), TODAY)
    const wrapper = mount(ScreeningResultCard, { props: { result, hasApplication: false, documentsRequired: ['Proof of income', 'Insurance card'] }, global: { plugins: plugins() } })
    expect(wrapper.get('[data-testid=result-documents]').findAll('li').map((li) => li.text())).toEqual(['Proof of income', 'Insurance card'])
    await wrapper.get('[data-testid=result-next] button').trigger('click')
    expect(wrapper.emitted('apply')).toEqual([[result.programId]])
  })
})

describe('the recovery key notice', () => {
  it('shows the key in whole groups and copies the whole key, confirming on screen and to screen readers', async () => {
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const key = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ23-4567-89AB'
    const wrapper = mount(RecoveryKeyNotice, { props: { recoveryKey: key }, global: { plugins: plugins() } })
    expect(wrapper.findAll('[data-testid=recovery-key-group]').map((g) => g.text())).toEqual(key.split('-'))
    expect(wrapper.get('[data-testid=recovery-key]').text().replace(/\s/g, '')).toBe(key)
    await wrapper.get('[data-testid=copy-recovery-key]').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith(key)
    expect(wrapper.get('[data-testid=save-note]').text()).toContain('Copied the whole recovery key')
    await flushPromises()
    expect(useAnnouncer().message.value).toContain('Copied the whole recovery key')
  })

  it('says so beside the button when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => Promise.reject(new Error('denied'))) }, configurable: true })
    const wrapper = mount(RecoveryKeyNotice, { props: { recoveryKey: 'ABCD-EFGH' }, global: { plugins: plugins() } })
    await wrapper.get('[data-testid=copy-recovery-key]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[role=alert]').text()).toBe('The key could not be copied here: write it down or print it.')
    expect(wrapper.find('[data-testid=save-note]').exists()).toBe(false)
  })
})
