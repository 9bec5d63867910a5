import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { setApi } from '../../renderer/src/api/client'
import CaseIntakeView from '../../renderer/src/views/CaseIntakeView.vue'
import { emptyIntakeForm, splitCodes, toCaseInput } from '../../renderer/src/views/caseIntakeForm'
import { createFakeApi } from './fakeApi'
import { plugins } from './setup'

afterEach(() => setApi(null))

describe('the intake form', () => {
  it('shows a message beside each bad field and sends nothing', async () => {
    const fake = createFakeApi([])
    setApi(fake.api)
    const wrapper = mount(CaseIntakeView, { global: { plugins: plugins() }, attachTo: document.body })
    await wrapper.get('#f-therapy-hcpcsCode').setValue('12AB')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const errorFor = (id: string) => wrapper.find(`#${id}-error`).text()
    expect(errorFor('f-patient-firstName')).toBe('This field is required.')
    expect(errorFor('f-coverage-planFamily')).toBe('This field is required.')
    expect(errorFor('f-therapy-hcpcsCode')).toContain('A HCPCS code is a letter and four digits')
    expect(wrapper.get('#f-patient-firstName').attributes('aria-invalid')).toBe('true')
    expect(wrapper.get('#f-patient-firstName').attributes('aria-describedby')).toContain('f-patient-firstName-error')
    expect(fake.calls.filter((c) => c.channel === 'cases:create')).toHaveLength(0)
    wrapper.unmount()
  })

  it('turns typed text into the contract input: codes split, amounts parsed, no denial unless ticked', () => {
    expect(splitCodes(' d80.1, G61.81;E43 ')).toEqual(['d80.1', 'G61.81', 'E43'])
    const form = emptyIntakeForm()
    expect(toCaseInput(form).denial).toBeNull()
    form.hasDenial = true
    form.denial.amount = '$12,500.50'
    expect(toCaseInput(form).denial?.amount).toBe(12500.5)
  })
})
