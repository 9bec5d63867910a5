import { describe, expect, it } from 'vitest'
import type { CaseFacts } from '../../../shared/domain/deadlines'
import { computeDeadlines } from '../../../electron/core/deadlines/deadlineEngine'
import { LADDERS } from '../../../shared/rules/ladders'
import { PRIOR_AUTH_CLOCKS } from '../../../shared/rules/priorAuth'
import { addCalendarDays } from '../../../shared/domain/days'
import { facts } from './facts'

// Rules an appeals expert's audit found wrong or missing (issue 14, item 1). Each table quotes its regulation.

const ours = (f: CaseFacts, today: string) => computeDeadlines(f, today).deadlines.find((d) => d.side === 'ours' && d.key.startsWith('file_'))
const payer = (f: CaseFacts, today: string) => computeDeadlines(f, today).deadlines.find((d) => d.side === 'payer')

describe('lawful extensions: a payer inside one is not overdue', () => {
  // Filed 2026-03-10; "today" is after the original date but inside the extension.
  it.each([
    // 42 CFR 422.590(f)(1): "extend the timeframe by up to 14 calendar days" for a standard reconsideration of items/services.
    ['MA reconsideration, pre-service (422.590(f))', { planFamily: 'medicare_advantage', stage: 'internal_appeal', levelId: 'plan_reconsideration' }, '2026-04-09', '2026-04-23'],
    // 42 CFR 438.408(c)(1): the MCO "may extend the timeframes … by up to 14 calendar days".
    ['Medicaid MCO appeal (438.408(c))', { planFamily: 'medicaid_managed_care', stage: 'internal_appeal', levelId: 'plan_appeal' }, '2026-04-09', '2026-04-23'],
    // 42 CFR 405.946(b): evidence submitted after the request "extends the 60-day decision-making timeframe … by up to 14 calendar days".
    ['Part B redetermination with late evidence (405.946(b))', { planFamily: 'medicare_part_b', stage: 'internal_appeal', levelId: 'redetermination' }, '2026-05-09', '2026-05-23'],
  ] as const)('%s', (_name, overrides, original, extended) => {
    const base = facts({ ...overrides, appealFiledOn: '2026-03-10' } as Partial<CaseFacts>)
    const inside = addCalendarDays(original, 1)
    expect(payer(base, inside)?.dueDate).toBe(original)
    const extendedReport = computeDeadlines({ ...base, payerExtended: true }, inside)
    expect(extendedReport.payerOverdue).toBeNull()
    expect(extendedReport.deadlines.find((d) => d.side === 'payer')).toMatchObject({ dueDate: extended, flags: ['extension_applied'] })
  })

  it.each([
    // 42 CFR 422.590(b): a payment reconsideration is decided "no later than 60 calendar days" — no extension.
    ['MA payment reconsideration (422.590(b))', { planFamily: 'medicare_advantage', stage: 'internal_appeal', levelId: 'plan_reconsideration', serviceType: 'post_service' }, '2026-05-09'],
    // 42 CFR 422.590(c): Part B drug reconsideration in 7 days, no extension.
    ['MA Part B drug reconsideration (422.590(c))', { planFamily: 'medicare_advantage', stage: 'internal_appeal', levelId: 'plan_reconsideration', isDrug: true, therapyCategory: 'ivig_scig' }, '2026-03-17'],
  ] as const)('%s: no extension, so late is late', (_name, overrides, due) => {
    const report = computeDeadlines(facts({ ...overrides, appealFiledOn: '2026-03-10', payerExtended: true } as Partial<CaseFacts>), '2026-06-01')
    expect(report.deadlines.find((d) => d.side === 'payer')).toMatchObject({ dueDate: due })
    expect(report.deadlines.find((d) => d.side === 'payer')?.flags).toEqual(expect.arrayContaining(['extension_not_allowed', 'overdue']))
    expect(report.payerOverdue).not.toBeNull()
  })

  it.each([
    // 42 CFR 438.210(d)(1)-(2): standard and expedited authorizations may each be extended up to 14 more calendar days.
    ['mco_standard', 14],
    ['mco_expedited', 14],
    // 42 CFR 440.230(e)(1): Medicaid fee-for-service prior authorization, extension of up to 14 calendar days.
    ['medicaid_ffs_standard', 14],
  ])('prior-authorization clock %s allows a %i-day extension', (id, days) => {
    expect(PRIOR_AUTH_CLOCKS.find((c) => c.id === id)?.extension?.amount).toBe(days)
  })
})

describe('receipt rules: a recorded later receipt moves the deadline and says so', () => {
  // Notice dated 2026-03-02, received 2026-03-16 (after the presumed 2026-03-07).
  it.each([
    // 42 CFR 422.582(b): "within 60 calendar days from the date of receipt of the organization determination".
    ['medicare_advantage', 'denied', null, '2026-05-06', '2026-05-15', /422\.582\(b\)/],
    // 42 CFR 423.582(b): 60 days from receipt of the coverage determination.
    ['medicare_part_d', 'denied', null, '2026-05-06', '2026-05-15', /423\.582\(b\)/],
    // 42 CFR 405.962(a)(1): 180 days from receipt of the redetermination, presumed 5 days after its date.
    ['medicare_part_b', 'external_review', 'qic_reconsideration', '2026-09-03', '2026-09-12', /405\.962\(a\)\(1\)/],
    // 42 CFR 405.1014(b): ALJ request within 60 days of receipt of the QIC decision.
    ['medicare_part_b', 'hearing', 'alj', '2026-05-06', '2026-05-15', /405\.1014/],
    // 42 CFR 405.1102(a)(2): Council request within 60 days of receipt of the ALJ decision.
    ['medicare_part_b', 'hearing', 'council', '2026-05-06', '2026-05-15', /405\.1102/],
    ['medicare_advantage', 'hearing', 'council', '2026-05-06', '2026-05-15', /405\.1102/],
    // 29 CFR 2560.503-1(h)(3)(i): "at least 180 days following receipt of a notification of an adverse benefit determination".
    ['employer_self_funded', 'denied', null, '2026-08-29', '2026-09-12', /2560\.503-1\(h\)\(3\)\(i\)/],
    // 45 CFR 147.136(d)(2)(i): external review "within four months after the date of receipt" (Jul 16 is a Thursday).
    ['employer_fully_insured', 'external_review', 'external_review', '2026-07-02', '2026-07-16', /147\.136\(d\)\(2\)\(i\)/],
  ] as const)('%s %s/%s: cautious %s, legal %s', (planFamily, stage, levelId, cautious, legal, cite) => {
    const deadline = ours(facts({ planFamily, stage, levelId, denial: { receivedDate: '2026-03-16' } }), '2026-03-20')
    expect(deadline).toMatchObject({ dueDate: legal, cautiousDate: cautious })
    expect(deadline?.flags).toContain('receipt_later_than_presumed')
    expect(deadline?.explanation.steps.join(' ')).toMatch(cite)
    expect(deadline?.explanation.steps.join(' ')).toMatch(/2026-03-16/)
  })

  it('after the cautious date, inside the legal window: "still within the legal window", not overdue', () => {
    const f = facts({ planFamily: 'medicare_advantage', denial: { receivedDate: '2026-03-16' } })
    const deadline = ours(f, '2026-05-10')
    expect(deadline?.flags).toContain('within_legal_window')
    expect(deadline?.flags).not.toContain('overdue')
    expect(deadline?.explanation.steps.join(' ')).toMatch(/still within the legal window/)
    expect(ours(f, '2026-05-16')?.flags).toContain('overdue')
  })

  it('without a recorded receipt nothing moves', () => {
    expect(ours(facts({ planFamily: 'medicare_advantage' }), '2026-03-20')).toMatchObject({ dueDate: '2026-05-06' })
    expect(ours(facts({ planFamily: 'medicare_advantage' }), '2026-03-20')?.cautiousDate).toBeUndefined()
  })
})

describe('home parenteral nutrition is a prosthetic device, not a drug, for MA clocks', () => {
  // SSA §1861(s)(8); NCD 180.2: home PN is a Part B prosthetic-device item; 42 CFR 422.590(c) (Part B drug) does not apply.
  it('MA reconsideration of TPN uses the 30-day items clock, not the 7-day Part B drug clock', () => {
    const deadline = payer(facts({ planFamily: 'medicare_advantage', stage: 'internal_appeal', therapyCategory: 'tpn', isDrug: false, appealFiledOn: '2026-03-10' }), '2026-03-11')
    expect(deadline?.dueDate).toBe('2026-04-09')
  })
})

describe('Medicaid managed care state fair hearing (42 CFR 438.408(f)(2))', () => {
  // "no later than 120 calendar days from the date of the MCO's, PIHP's, or PAHP's notice of resolution"
  it.each([
    [null, '2026-06-30', []],
    ['2026-05-31', '2026-05-31', ['notice_shorter_than_law']],
  ] as const)('stated %s → %s %j', (statedDeadline, dueDate, flags) => {
    expect(ours(facts({ planFamily: 'medicaid_managed_care', stage: 'hearing', denial: { statedDeadline } }), '2026-03-10')).toMatchObject({ dueDate, flags })
  })
})

describe('citations the audit corrected', () => {
  it('QIC good cause cites 42 CFR 405.962(b), not 405.942(b)', () => {
    const deadline = ours(facts({ planFamily: 'medicare_part_b', stage: 'external_review', levelId: 'qic_reconsideration' }), '2026-12-01')
    expect(deadline?.explanation.steps.at(-1)).toMatch(/good cause \(42 CFR 405\.962\(b\)\)/)
  })

  it('grandfathered plans never cite 45 CFR 147.136 (45 CFR 147.140 exempts them)', () => {
    const refs = LADDERS.grandfathered.levels.flatMap((l) => [l.citation, l.filingWindow?.citation ?? '', l.expedited.citation, ...l.decisionWindows.map((w) => w.citation)])
    expect(refs.filter((c) => c.includes('147.136'))).toEqual([])
    const pa = PRIOR_AUTH_CLOCKS.filter((c) => c.planFamilies.includes('grandfathered'))
    expect(pa.length).toBeGreaterThan(0)
    expect(pa.filter((c) => c.citation.includes('147.136'))).toEqual([])
  })
})

describe('warnings instead of empty lists', () => {
  it.each([
    // 45 CFR 147.136(b)(3)(ii)(G): individual coverage has one internal level.
    [{ planFamily: 'individual_marketplace', stage: 'internal_appeal', internalLevels: 2 }, /one internal appeal level/],
    // A column the ladder lacks: Medicaid fee-for-service has no internal appeal (42 CFR 431 subpart E).
    [{ planFamily: 'medicaid_ffs', stage: 'internal_appeal' }, /no .*step in this column/],
    [{ planFamily: 'individual_marketplace', stage: 'second_level' }, /no .*step in this column/],
  ] as const)('%j', (overrides, pattern) => {
    const report = computeDeadlines(facts(overrides as Partial<CaseFacts>), '2026-03-10')
    expect(report.warnings.join(' ')).toMatch(pattern)
  })
})

describe('labels read properly', () => {
  it.each([
    ['medicare_part_b', 'hearing', 'alj', 'File ALJ hearing request'],
    ['medicare_part_b', 'hearing', 'council', 'File Medicare Appeals Council request'],
    ['medicare_part_b', 'external_review', 'qic_reconsideration', 'File reconsideration request with the QIC'],
    ['medicaid_managed_care', 'hearing', 'fair_hearing', 'Request the state fair hearing'],
  ] as const)('%s %s', (planFamily, stage, levelId, label) => {
    expect(ours(facts({ planFamily, stage, levelId }), '2026-03-10')?.labelEn).toBe(label)
  })
})

describe('plain language: no rule table points users at our research files (issue 14, item 7)', () => {
  it('citations and texts name regulations and sources, never domain-rules.md', async () => {
    const tables = await Promise.all([
      import('../../../shared/rules/ladders'),
      import('../../../shared/rules/evidence'),
      import('../../../shared/rules/letters/arguments'),
      import('../../../shared/rules/letters/kinds'),
      import('../../../shared/rules/priorAuth'),
      import('../../../shared/rules/continuation'),
      import('../../../shared/rules/medicareRouting'),
      import('../../../shared/rules/stateRules'),
      import('../../../shared/rules/icd10'),
      import('../../../shared/rules/programCatalogSeed'),
    ])
    const text = JSON.stringify(tables.map((module) => Object.fromEntries(Object.entries(module).filter(([, v]) => typeof v !== 'function'))))
    expect(text.length).toBeGreaterThan(10_000)
    expect(text).not.toMatch(/domain-rules|research\//)
  })
})
