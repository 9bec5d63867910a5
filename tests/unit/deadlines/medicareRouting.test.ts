import { describe, expect, it } from 'vitest'
import { medicareRoute, wrongRouteWarning } from '../../../shared/rules/medicareRouting'
import { routeWarning } from '../../../electron/core/deadlines/deadlineService'
import { STATE_RULES } from '../../../shared/rules/stateRules'

// Medicare benefit routing for home infusion (domain-rules.md §5; issue 14, item 2).
describe('Medicare route from therapy and diagnosis', () => {
  it.each([
    // SSA §1861(zz); MBPM ch. 15 §50.6: the home IVIG benefit covers primary immunodeficiency only.
    ['IVIG for CVID (D83.9)', { therapy: 'ivig_scig', icd10Codes: ['D83.9'], hcpcsCode: 'J1569', drug: 'Gammagard Liquid' }, 'home_ivig_pid', 'B'],
    // LCD L33794 + HIT Category 2: SCIG through a DME pump, PID only.
    ['SCIG (Hizentra) for PID', { therapy: 'ivig_scig', icd10Codes: ['D80.0'], hcpcsCode: 'J1559', drug: 'Hizentra' }, 'scig_pump', 'B'],
    // Home IVIG for CIDP: not the Part B home benefit; Part D covers the drug only.
    ['IVIG for CIDP (G61.81)', { therapy: 'ivig_scig', icd10Codes: ['G61.81'], hcpcsCode: 'J1569', drug: 'Gamunex-C' }, 'ivig_not_pid', 'D'],
    // SSA §1861(s)(8); NCD 180.2: parenteral nutrition is a prosthetic device.
    ['Home TPN', { therapy: 'tpn', icd10Codes: ['K90.822'], hcpcsCode: 'B4189', drug: 'TPN' }, 'parenteral_nutrition', 'B'],
    ['Home IV vancomycin', { therapy: 'iv_anti_infective', icd10Codes: ['M86.9'], hcpcsCode: 'J3370', drug: 'Vancomycin' }, 'part_d_anti_infective', 'D'],
  ] as const)('%s → %s (Part %s)', (_name, input, id, part) => {
    const route = medicareRoute({ ...input, icd10Codes: [...input.icd10Codes] })
    expect(route).toMatchObject({ id, part })
    expect(route.citation.length).toBeGreaterThan(5)
  })

  it('warns when home IVIG for CIDP went to Part B, and when PID IVIG went to Part D', () => {
    const cidp = { coverage: { planFamily: 'medicare_part_b' as const }, therapy: { category: 'ivig_scig' as const, icd10Codes: ['G61.81'], hcpcsCode: 'J1569', drug: 'Gamunex-C' } }
    expect(routeWarning(cidp as never)).toMatch(/Part D at home, not Part B/)
    const pid = medicareRoute({ therapy: 'ivig_scig', icd10Codes: ['D83.9'], hcpcsCode: 'J1569', drug: 'Gammagard' })
    expect(wrongRouteWarning('medicare_part_d', pid)).toMatch(/Part B benefit at home/)
    expect(wrongRouteWarning('medicare_part_b', pid)).toBeNull()
    expect(routeWarning({ coverage: { planFamily: 'employer_self_funded' }, therapy: cidp.therapy } as never)).toBeNull()
  })
})

describe('state rules for the ten most populous states', () => {
  it('covers CA, TX, FL, NY, PA, IL, OH, GA, NC, MI; every row cited; only research-confirmed rows verified', () => {
    expect(STATE_RULES.map((r) => r.state).sort()).toEqual(['CA', 'FL', 'GA', 'IL', 'MI', 'NC', 'NY', 'OH', 'PA', 'TX'])
    for (const row of STATE_RULES) {
      for (const ref of [row.stepTherapy, row.priorAuth, row.externalReview]) {
        if (!ref) continue
        expect(ref.citation.length).toBeGreaterThan(4)
        // Only the Illinois Prior Authorization Reform Act (215 ILCS 200/25, /30) is V in domain-rules §1D.
        expect(ref.verified).toBe(ref.ruleId === 'state.il.pa')
      }
    }
    // California's Independent Medical Review differs from the federal external review.
    expect(STATE_RULES.find((r) => r.state === 'CA')?.externalReview?.nameEn).toMatch(/Independent Medical Review/)
  })
})
