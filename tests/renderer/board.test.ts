import { flushPromises, mount } from '@vue/test-utils'
import { setActivePinia, createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setApi } from '../../renderer/src/api/client'
import CaseBoardCard from '../../renderer/src/components/board/CaseBoardCard.vue'
import CaseBoardColumn from '../../renderer/src/components/board/CaseBoardColumn.vue'
import { useBoardStore } from '../../renderer/src/stores/boardStore'
import { card, createFakeApi } from './fakeApi'
import { plugins } from './setup'

afterEach(() => setApi(null))

describe('CaseBoardCard', () => {
  it('shows the patient, therapy, payer and plan family, advocate, days in stage and the next deadline', () => {
    const wrapper = mount(CaseBoardCard, { props: { card: card(), today: '2026-11-25' }, global: { plugins: plugins() } })
    const text = wrapper.text()
    for (const expected of ['María García', 'IVIG / SCIG', 'Gammagard Liquid', 'Lakeshore Blue', 'Employer plan, fully insured', 'Jordan Ellis', '5 days in stage', 'File internal appeal']) {
      expect(text).toContain(expected)
    }
    expect(wrapper.find('[data-testid=card-deadline]').classes()).toContain('tone-soon')
  })

  it.each([
    ['2026-11-24', 'tone-overdue', 'Overdue'],
    ['2026-11-28', 'tone-soon', 'Due in 3 days or less'],
    ['2026-12-09', 'tone-fortnight', 'Due within 14 days'],
    ['2026-12-10', 'tone-later', ''],
  ])('colours a deadline on %s as %s', (dueDate, tone, spoken) => {
    const c = card({ nextDeadline: { dueDate, side: 'payer', labelKey: 'k', labelEn: 'Payer decision due', verified: true } })
    const wrapper = mount(CaseBoardCard, { props: { card: c, today: '2026-11-25' }, global: { plugins: plugins() } })
    const deadline = wrapper.find('[data-testid=card-deadline]')
    expect(deadline.classes()).toContain(tone)
    if (spoken) expect(deadline.text()).toContain(spoken)
  })

  it('flags an unverified rule and offers a labelled "Move to…" button', async () => {
    const c = card({ nextDeadline: { dueDate: '2026-12-30', side: 'ours', labelKey: 'k', labelEn: 'Request hearing', verified: false } })
    const wrapper = mount(CaseBoardCard, { props: { card: c, today: '2026-11-25' }, global: { plugins: plugins() } })
    expect(wrapper.find('.chip.verify').text()).toBe('verify')
    const button = wrapper.get('button')
    expect(button.attributes('aria-label')).toBe('Move the case of María García to another column')
    await button.trigger('click')
    expect(wrapper.emitted('moveRequested')?.[0]).toEqual([c])
  })
})

describe('CaseBoardCard evidence progress', () => {
  it('shows received / total as text and as a labelled bar', () => {
    const wrapper = mount(CaseBoardCard, { props: { card: card({ evidence: { received: 3, total: 7 } }), today: '2026-11-25' }, global: { plugins: plugins() } })
    const evidence = wrapper.get('[data-testid=card-evidence]')
    expect(evidence.text()).toContain('3 / 7')
    const bar = evidence.get('progress')
    expect(bar.attributes('aria-label')).toBe('Evidence received: 3 of 7')
    expect(bar.attributes('value')).toBe('3')
    expect(bar.attributes('max')).toBe('7')
  })

  it('shows nothing for a case without a denial', () => {
    const wrapper = mount(CaseBoardCard, { props: { card: card({ evidence: null }), today: '2026-11-25' }, global: { plugins: plugins() } })
    expect(wrapper.find('[data-testid=card-evidence]').exists()).toBe(false)
  })
})

describe('CaseBoardColumn', () => {
  it('renders only what is on screen for a 5,000-card column, and counts them all', () => {
    const cards = Array.from({ length: 5000 }, (_, i) => card({ id: i + 1, patientName: `Patient ${i + 1}` }))
    const wrapper = mount(CaseBoardColumn, {
      props: { stage: 'internal_appeal', cards, total: 5000, isFiltered: false, today: '2026-11-25' },
      global: { plugins: plugins() },
    })
    expect(wrapper.find('[data-testid=column-count]').text()).toBe('5000')
    expect(wrapper.findAll('[data-testid=board-card]').length).toBeLessThan(100)
    expect(wrapper.find('.virtual-space').attributes('style')).toMatch(/height: \d{5,}px/)
  })

  it('renders short columns whole and says when a column is empty', () => {
    const wrapper = mount(CaseBoardColumn, {
      props: { stage: 'closed', cards: [], total: 3, isFiltered: true, today: '2026-11-25' },
      global: { plugins: plugins() },
    })
    expect(wrapper.text()).toContain('No cases')
    expect(wrapper.find('[data-testid=column-count]').text()).toBe('0 of 3')
  })
})

describe('useBoardStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('loads with the filters and groups cards by column', async () => {
    const fake = createFakeApi([card({ id: 1 }), card({ id: 2, stage: 'denied' })])
    setApi(fake.api)
    const store = useBoardStore()
    store.filters.planFamily = 'medicare_advantage'
    await store.load()
    expect(fake.calls.at(-1)).toMatchObject({ channel: 'cases:board', request: { planFamily: 'medicare_advantage' } })
    expect(store.cardsByStage.intake.map((c) => c.id)).toEqual([1])
    expect(store.cardsByStage.denied.map((c) => c.id)).toEqual([2])
    expect(store.hasFilters).toBe(true)
  })

  it('moves a card through the core and reloads what was saved', async () => {
    const fake = createFakeApi([card({ id: 7 })])
    setApi(fake.api)
    const store = useBoardStore()
    await store.load()
    await store.moveCard(7, 'internal_appeal')
    expect(store.cardsByStage.internal_appeal.map((c) => c.id)).toEqual([7])
    await flushPromises()
  })

  it('surfaces a refused move with its reason, and sends an override reason when given', async () => {
    // An individual-market plan has one internal level (45 CFR 147.136(b)(3)(ii)(G)): the ladder refuses.
    const fake = createFakeApi([card({ id: 7, stage: 'internal_appeal', planFamily: 'individual_marketplace' })])
    setApi(fake.api)
    const store = useBoardStore()
    expect(await store.checkMove(7, 'second_level')).toMatchObject({ allowed: false, reasonKey: 'move.refused.individual_one_level' })
    await expect(store.moveCard(7, 'second_level')).rejects.toMatchObject({ error: { code: 'move_refused', message: expect.stringContaining('one internal appeal level') } })
    expect(store.cardsByStage.second_level).toEqual([])
    await store.moveCard(7, 'second_level', { overrideReason: 'Letter from the plan offers a second level' })
    expect(fake.calls.find((c) => c.channel === 'cases:move' && (c.request as { overrideReason?: string }).overrideReason)).toBeTruthy()
  })
})
