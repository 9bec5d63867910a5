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
      props: { stage: 'internal_appeal', cards, count: 5000, total: 5000, hasMore: false, isFiltered: false, today: '2026-11-25' },
      global: { plugins: plugins() },
    })
    expect(wrapper.find('[data-testid=column-count]').text()).toBe('5000')
    expect(wrapper.findAll('[data-testid=board-card]').length).toBeLessThan(100)
    expect(wrapper.find('.virtual-space').attributes('style')).toMatch(/height: \d{5,}px/)
  })

  it('asks for the next page when its last loaded cards are rendered', async () => {
    const cards = Array.from({ length: 3 }, (_, i) => card({ id: i + 1 }))
    const wrapper = mount(CaseBoardColumn, {
      props: { stage: 'denied', cards, count: 40, total: 40, hasMore: false, isFiltered: false, today: '2026-11-25' },
      global: { plugins: plugins() },
    })
    expect(wrapper.emitted('loadMore')).toBeUndefined()
    await wrapper.setProps({ hasMore: true })
    expect(wrapper.emitted('loadMore')?.[0]).toEqual(['denied'])
    expect(wrapper.find('[data-testid=column-count]').text()).toBe('40')
  })

  it('makes only its tab-stop card tabbable and hands arrow keys and M to the board', async () => {
    const cards = [card({ id: 1 }), card({ id: 2 })]
    const wrapper = mount(CaseBoardColumn, {
      props: { stage: 'intake', cards, count: 2, total: 2, hasMore: false, isFiltered: false, today: '2026-11-25', tabStopId: 2 },
      global: { plugins: plugins() },
    })
    // The first render (before happy-dom's zero-sized layout is observed) holds the first screenful.
    const links = wrapper.findAll('.card-open')
    expect(links).toHaveLength(2)
    {
      expect(links.map((l) => l.attributes('tabindex'))).toEqual(['-1', '0'])
      expect(wrapper.findAll('.card-move').every((b) => b.attributes('tabindex') === '-1')).toBe(true)
      const single = mount(CaseBoardCard, { props: { card: cards[1], today: '2026-11-25', isTabStop: true }, global: { plugins: plugins() } })
      await single.get('[data-testid=board-card]').trigger('keydown', { key: 'ArrowUp' })
      expect(single.emitted('navigate')?.[0]).toEqual([cards[1], 'ArrowUp'])
      await single.get('[data-testid=board-card]').trigger('keydown', { key: 'm' })
      expect(single.emitted('moveRequested')?.[0]).toEqual([cards[1]])
      await single.get('[data-testid=board-card]').trigger('keydown', { key: 'x' })
      expect(single.emitted('navigate')).toHaveLength(1)
    }
  })

  it('says when a column is empty, and collapses to a labelled strip', async () => {
    const wrapper = mount(CaseBoardColumn, {
      props: { stage: 'closed', cards: [], count: 0, total: 3, hasMore: false, isFiltered: true, today: '2026-11-25' },
      global: { plugins: plugins() },
    })
    expect(wrapper.text()).toContain('No cases')
    expect(wrapper.find('[data-testid=column-count]').text()).toBe('0 of 3')
    const toggle = wrapper.get('[data-testid=column-toggle]')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(toggle.attributes('aria-label')).toBe('Collapse the column Closed')
    await toggle.trigger('click')
    expect(wrapper.emitted('toggleCollapsed')?.[0]).toEqual(['closed'])
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

  it('loads a column page by page, and a move reloads both columns as far as they were scrolled', async () => {
    const many = Array.from({ length: 45 }, (_, i) => card({ id: i + 1, stage: 'denied' }))
    const fake = createFakeApi([...many, card({ id: 100, stage: 'intake' })])
    setApi(fake.api)
    const store = useBoardStore()
    await store.load()
    expect(store.cardsByStage.denied).toHaveLength(20)
    expect(store.columns!.denied.count).toBe(45)
    await store.loadMore('denied')
    expect(fake.calls.at(-1)).toMatchObject({ channel: 'cases:board', request: { stage: 'denied', after: { id: 20 } } })
    expect(store.cardsByStage.denied.map((c) => c.id)).toEqual(many.slice(0, 40).map((c) => c.id))
    await store.moveCard(30, 'intake')
    expect(store.cardsByStage.intake.map((c) => c.id)).toEqual([30, 100])
    // The source column keeps its scrolled length: the next card moves up into the gap.
    expect(store.cardsByStage.denied).toHaveLength(41)
    expect(store.cardsByStage.denied.some((c) => c.id === 30)).toBe(false)
    expect(store.columns!.denied.count).toBe(44)
    await store.loadMore('denied')
    expect(store.cardsByStage.denied).toHaveLength(44)
    expect(store.columns!.denied.next).toBeNull()
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
