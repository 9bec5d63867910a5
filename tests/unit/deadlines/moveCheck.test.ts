import { describe, expect, it } from 'vitest'
import type { CaseFacts } from '../../../shared/domain/deadlines'
import type { DenialReason, PlanFamily, Stage } from '../../../shared/domain/enums'
import { checkMove, levelForStage } from '../../../electron/core/deadlines/deadlineEngine'
import { facts } from './facts'

type Row = [PlanFamily, Stage, Stage, boolean, string | undefined, Partial<CaseFacts>?]

describe('checkMove follows the ladder', () => {
  it.each<Row>([
    ['employer_self_funded', 'denied', 'internal_appeal', true, undefined],
    ['employer_self_funded', 'internal_appeal', 'second_level', false, 'move.refused.one_internal_level', { internalLevels: 1 }],
    ['employer_self_funded', 'internal_appeal', 'second_level', true, undefined, { internalLevels: 2 }],
    ['employer_fully_insured', 'internal_appeal', 'second_level', true, 'move.caution.confirm_second_level'],
    ['employer_self_funded', 'internal_appeal', 'external_review', true, undefined],
    ['employer_self_funded', 'denied', 'external_review', true, 'move.caution.skips_level'],
    ['employer_self_funded', 'external_review', 'hearing', true, undefined],
    ['individual_marketplace', 'internal_appeal', 'second_level', false, 'move.refused.individual_one_level'],
    ['individual_marketplace', 'internal_appeal', 'external_review', true, undefined],
    ['individual_marketplace', 'external_review', 'hearing', false, 'move.refused.no_such_level'],
    ['grandfathered', 'internal_appeal', 'external_review', false, 'move.refused.grandfathered_no_external_review'],
    ['grandfathered', 'internal_appeal', 'hearing', true, undefined],
    ['medicare_part_b', 'denied', 'internal_appeal', true, undefined],
    ['medicare_part_b', 'denied', 'external_review', false, 'move.refused.level_comes_first'],
    ['medicare_part_b', 'internal_appeal', 'second_level', false, 'move.refused.no_such_level'],
    ['medicare_part_b', 'internal_appeal', 'external_review', true, undefined],
    ['medicare_part_b', 'internal_appeal', 'hearing', false, 'move.refused.level_comes_first'],
    ['medicare_part_b', 'external_review', 'hearing', true, undefined],
    ['medicare_advantage', 'internal_appeal', 'external_review', true, undefined],
    ['medicare_advantage', 'internal_appeal', 'hearing', false, 'move.refused.level_comes_first'],
    ['medicare_part_d', 'external_review', 'hearing', true, undefined],
    ['medicaid_ffs', 'denied', 'hearing', true, undefined],
    ['medicaid_ffs', 'denied', 'internal_appeal', false, 'move.refused.medicaid_ffs_fair_hearing'],
    ['medicaid_ffs', 'denied', 'external_review', false, 'move.refused.medicaid_ffs_fair_hearing'],
    ['medicaid_managed_care', 'denied', 'internal_appeal', true, undefined],
    ['medicaid_managed_care', 'internal_appeal', 'second_level', false, 'move.refused.mco_one_level'],
    ['medicaid_managed_care', 'internal_appeal', 'external_review', true, 'move.caution.optional_level'],
    ['medicaid_managed_care', 'internal_appeal', 'hearing', true, undefined],
    ['medicaid_managed_care', 'denied', 'hearing', true, 'move.caution.skips_level'],
    ['other', 'internal_appeal', 'second_level', true, 'move.caution.unknown_plan'],
    ['other', 'denied', 'hearing', true, 'move.caution.unknown_plan'],
  ])('%s: %s → %s allowed=%s %s', (planFamily, stage, toStage, allowed, reasonKey, extra = {}) => {
    const check = checkMove(facts({ planFamily, stage, ...extra }), toStage)
    expect(check.allowed).toBe(allowed)
    expect(check.reasonKey).toBe(reasonKey)
    if (reasonKey) expect(check.reasonEn).toBeTruthy()
  })

  it.each<[DenialReason[], boolean]>([
    [['eligibility'], false],
    [['not_covered'], false],
    [['not_covered', 'eligibility'], false],
    [['not_covered', 'not_medically_necessary'], true],
    [['site_of_care'], true],
    [['experimental'], true],
    [[], true],
  ])('ACA external review scope: reasons %j → allowed=%s', (reasons, allowed) => {
    for (const planFamily of ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace'] as const) {
      const check = checkMove(facts({ planFamily, stage: 'internal_appeal', denial: { reasons } }), 'external_review')
      expect(check.allowed).toBe(allowed)
      if (!allowed) expect(check.reasonEn).toMatch(/147\.136\(d\)\(1\)\(ii\)/)
    }
  })

  it.each(['closed', 'intake', 'prior_auth', 'denied'] as const)('moving to %s is always allowed', (toStage) => {
    expect(checkMove(facts({ planFamily: 'medicaid_ffs', stage: 'hearing' }), toStage)).toEqual({ allowed: true })
  })

  it('moving backwards is always allowed', () => {
    expect(checkMove(facts({ planFamily: 'individual_marketplace', stage: 'hearing' }), 'internal_appeal')).toEqual({ allowed: true })
  })

  it('complaint is always allowed; Medicare gets a note about the route', () => {
    expect(checkMove(facts({ stage: 'internal_appeal' }), 'complaint')).toEqual({ allowed: true })
    const medicare = checkMove(facts({ planFamily: 'medicare_advantage', stage: 'internal_appeal' }), 'complaint')
    expect(medicare).toMatchObject({ allowed: true, reasonKey: 'move.caution.medicare_complaint_route' })
    expect(medicare.reasonEn).toMatch(/not a state insurance commissioner/)
  })
})

describe('levelForStage', () => {
  it.each([
    ['employer_self_funded', 'internal_appeal', 'internal_1'],
    ['employer_self_funded', 'second_level', 'internal_2'],
    ['employer_self_funded', 'external_review', 'external_review'],
    ['employer_self_funded', 'complaint', 'complaint_ebsa'],
    ['grandfathered', 'external_review', null],
    ['medicare_part_b', 'internal_appeal', 'redetermination'],
    ['medicare_part_b', 'external_review', 'qic_reconsideration'],
    ['medicare_part_b', 'hearing', 'alj'],
    ['medicare_advantage', 'external_review', 'ire'],
    ['medicare_part_d', 'external_review', 'ire'],
    ['medicaid_ffs', 'hearing', 'fair_hearing'],
    ['medicaid_ffs', 'internal_appeal', null],
    ['medicaid_managed_care', 'external_review', 'state_external_review'],
    ['medicaid_managed_care', 'hearing', 'fair_hearing'],
    ['individual_marketplace', 'denied', null],
  ] as const)('%s %s → %s', (planFamily, stage, levelId) => {
    expect(levelForStage(planFamily, stage)?.id ?? null).toBe(levelId)
  })
})
