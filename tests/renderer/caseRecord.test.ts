import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import CaseHistoryTimeline from '../../renderer/src/components/case/CaseHistoryTimeline.vue'
import FormField from '../../renderer/src/components/form/FormField.vue'
import { rebaseForm } from '../../renderer/src/components/case/caseFactsForm'
import { emptyIntakeForm } from '../../renderer/src/views/caseIntakeForm'
import type { CaseOperation } from '../../shared/domain/operations'
import { plugins } from './setup'

const op = (over: Partial<CaseOperation>): CaseOperation => ({
  id: Math.random().toString(36),
  caseId: 1,
  caseUid: 'u',
  caseVersion: 1,
  kind: 'edit',
  field: '',
  entityId: '',
  oldValue: null,
  newValue: null,
  detail: null,
  actorName: 'Dana Reyes',
  at: '2026-11-25T15:00:00.000Z',
  ...over,
})

describe('the case history', () => {
  it('reads as plain sentences and filters by kind', async () => {
    const operations = [
      op({ caseVersion: 3, kind: 'edit', field: 'coverage.memberId', oldValue: 'LBX-1', newValue: 'LBX-2' }),
      op({ caseVersion: 2, kind: 'move', field: 'stage', oldValue: 'denied', newValue: 'internal_appeal', detail: { overrideReason: 'Plan letter', note: '' } }),
      op({ caseVersion: 1, kind: 'create', field: 'stage', newValue: { stage: 'denied' } }),
    ]
    const wrapper = mount(CaseHistoryTimeline, { props: { operations }, global: { plugins: plugins() } })
    const text = () => wrapper.get('[data-testid="history"]').text()
    expect(text()).toContain('Member ID changed from “LBX-1” to “LBX-2”')
    expect(text()).toContain('Moved from Denied – appeal due to Internal appeal')
    expect(text()).toContain('Override: Plan letter')
    expect(text()).toContain('Opened in Denied – appeal due')
    expect(text()).toContain('by Dana Reyes')
    await wrapper.get('[data-testid="history-filter"]').setValue('moves')
    expect(text()).not.toContain('Member ID')
    expect(text()).toContain('Moved from')
  })
})

describe('length limits', () => {
  it('show the count as the text nears the limit and say how much is too much, without cutting it', () => {
    const at = (length: number) =>
      mount(FormField, { props: { id: 'x', label: 'Summary', max: 100, length }, slots: { default: '<input id="x" />' }, global: { plugins: plugins() } })
    expect(at(10).find('[data-testid="length-count"]').exists()).toBe(false)
    expect(at(85).get('[data-testid="length-count"]').text()).toBe('85 of 100 characters')
    expect(at(104).get('[data-testid="length-count"]').text()).toContain('4 too many')
  })
})

describe('after a conflict', () => {
  it('the form moves to the latest version without undoing anybody else’s change', () => {
    const opened = emptyIntakeForm()
    opened.coverage.memberId = 'OLD'
    opened.patient.phone = ''
    const mine = structuredClone(opened)
    mine.coverage.memberId = 'MINE'
    const latest = structuredClone(opened)
    latest.coverage.memberId = 'THEIRS'
    latest.summary = 'their summary'
    const kept = rebaseForm(mine, opened, latest, new Set())
    expect(kept.coverage.memberId).toBe('MINE')
    expect(kept.summary).toBe('their summary')
    const taken = rebaseForm(mine, opened, latest, new Set(['coverage.memberId']))
    expect(taken.coverage.memberId).toBe('THEIRS')
  })
})
