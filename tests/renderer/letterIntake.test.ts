import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApiResult, OverturnApi } from '../../shared/contract'
import type { IntakeField, IntakeJobStatus } from '../../shared/domain/intake'
import { setApi } from '../../renderer/src/api/client'
import LetterIntakePanel from '../../renderer/src/components/letterIntake/LetterIntakePanel.vue'
import { fillFormFromLetter } from '../../renderer/src/components/letterIntake/letterToCase'
import { emptyIntakeForm } from '../../renderer/src/views/caseIntakeForm'
import { plugins } from './setup'

afterEach(() => setApi(null))

const field = (key: IntakeField['key'], value: IntakeField['value'], extra: Partial<IntakeField> = {}): IntakeField => ({
  key,
  value,
  confidence: 0.95,
  source: { page: 0, boxes: [{ x0: 0.1, y0: 0.2, x1: 0.3, y1: 0.22 }], text: String(value) },
  issues: [],
  needsReview: false,
  ...extra,
})

/** A fake core answering the intake channels: the job is reading on the first poll, done on the second. */
function fakeIntakeApi(fields: IntakeField[]) {
  let polls = 0
  const base: IntakeJobStatus = { jobId: '00000000-0000-4000-8000-000000000001', state: 'reading', fileName: 'denial.pdf', pages: [{ index: 0, state: 'reading', method: 'ocr', progress: 0.4 }], result: null, error: null }
  const done: IntakeJobStatus = { ...base, state: 'done', pages: [{ index: 0, state: 'done', method: 'ocr', progress: 1 }], result: { fileName: 'denial.pdf', kind: 'pdf', pages: [{ index: 0, width: 100, height: 130, method: 'ocr', confidence: 0.9 }], fields } }
  const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data })
  const handlers: Record<string, () => ApiResult<unknown>> = {
    'intake:start': () => ok(base),
    'intake:status': () => ok(++polls > 1 ? done : base),
    'intake:preview': () => ok({ base64: 'AAAA', width: 100, height: 130 }),
  }
  return new Proxy({} as OverturnApi, { get: (_t, channel: string) => async () => handlers[channel]?.() ?? { ok: false, error: { code: 'internal', message: 'error.internal' } } })
}

describe('reading a denial letter in the renderer', () => {
  it('shows progress per page, then each field with its confidence, "Check this" on flagged ones, and its source on the page', async () => {
    setApi(fakeIntakeApi([field('memberId', 'CMH448210937'), field('hcpcsCode', 'J1561', { issues: ['corrected'], needsReview: true, confidence: 0.71 })]))
    const wrapper = mount(LetterIntakePanel, { props: { title: 'Start from the denial letter', hint: 'Drop it here' }, global: { plugins: plugins() }, attachTo: document.body })
    const input = wrapper.get('input[type=file]')
    Object.defineProperty(input.element, 'files', { value: [new File(['%PDF-1.4'], 'denial.pdf', { type: 'application/pdf' })] })
    await input.trigger('change')
    await vi.waitFor(() => expect(wrapper.find('[data-testid=letter-progress]').exists()).toBe(true))
    expect(wrapper.get('[data-testid=letter-progress]').text()).toContain('Page 1: recognizing text')
    expect(wrapper.find('button[data-testid=letter-cancel]').exists()).toBe(true)
    await vi.waitFor(() => expect(wrapper.find('[data-testid=letter-field-hcpcsCode]').exists()).toBe(true), { timeout: 3000 })
    const hcpcs = wrapper.get('[data-testid=letter-field-hcpcsCode]')
    expect(hcpcs.text()).toContain('Check this')
    expect(hcpcs.text()).toContain('A likely misread character was corrected')
    expect(hcpcs.text()).toContain('71%')
    expect(wrapper.get('[data-testid=letter-field-memberId]').text()).not.toContain('Check this')
    await wrapper.get('button[aria-label="Show HCPCS code on the letter"]').trigger('click')
    await flushPromises()
    const highlight = wrapper.get('[data-testid=source-highlight]')
    expect(highlight.attributes('style')).toContain('left: 10.00%')
    await wrapper.get('[data-testid=letter-confirm]').trigger('click')
    expect(wrapper.emitted('confirm')?.[0]).toEqual([{ memberId: 'CMH448210937', hcpcsCode: 'J1561' }])
    wrapper.unmount()
  })

  it('fills the new-case form from confirmed values: a denied case with its printed deadline', () => {
    const form = emptyIntakeForm()
    fillFormFromLetter(
      form,
      { patientName: 'Jordan Ellery', patientState: 'WA', payer: 'Cascade Mutual Health', planFamily: 'employer_fully_insured', hcpcsCode: 'J1569', drug: 'Gammagard Liquid', noticeDate: '2027-03-03', serviceDate: '2027-02-14', reason: 'not_medically_necessary', appealDeadline: '2027-08-30', appealAddress: 'PO Box 4420, Tacoma, WA 98401' },
      () => 'Appeal to PO Box 4420',
    )
    expect(form.patient).toMatchObject({ firstName: 'Jordan', lastName: 'Ellery' })
    expect(form.coverage).toMatchObject({ state: 'WA', planFamily: 'employer_fully_insured' })
    expect(form.therapy).toMatchObject({ category: 'ivig_scig', hcpcsCode: 'J1569' })
    expect(form).toMatchObject({ hasDenial: true, stage: 'denied', serviceType: 'post_service', summary: 'Appeal to PO Box 4420' })
    expect(form.denial).toMatchObject({ noticeDate: '2027-03-03', reasons: ['not_medically_necessary'], statedDeadline: '2027-08-30' })
  })
})
