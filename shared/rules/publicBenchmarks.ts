import type { DecisionLevel } from '../domain/insights'
import type { PlanFamily } from '../domain/enums'

/**
 * Published figures to show beside the organization's own rates, each with its source and year
 * (research/anchors-mission.md §8.1). Only figures found there are listed; none is derived.
 * `compare` says which of our decisions are comparable, and whether the public figure is a share of
 * appeals overturned or upheld, so the dashboard shows our rate in the same terms.
 */
export interface PublicBenchmark {
  id: string
  labelEn: string
  /** The published value, as a fraction (0.817 = 81.7%); `isUpperBound` when published as "fewer than". */
  value: number
  isUpperBound?: boolean
  measure: 'overturned_share' | 'upheld_share' | 'appealed_share'
  year: number
  source: string
  url: string
  /** A secondary source citing the primary one. */
  isSecondary?: boolean
  /** Our decisions this compares with; absent when we hold no comparable figure (share of denials appealed). */
  compare?: { planFamilies: PlanFamily[]; levels: DecisionLevel[] }
}

const KFF_MARKETPLACE_2023 = 'https://kff.org/private-insurance/issue-brief/claims-denials-and-appeals-in-aca-marketplace-plans-in-2023/amp'
// An appealed MA prior-authorization denial is decided first by the plan's reconsideration: our internal appeal.
const MA_LEVELS: DecisionLevel[] = ['internal_appeal']
const MARKETPLACE_INTERNAL = { planFamilies: ['individual_marketplace'] as PlanFamily[], levels: ['internal_appeal'] as DecisionLevel[] }

export const PUBLIC_BENCHMARKS: PublicBenchmark[] = [
  {
    id: 'kff-marketplace-2023-appealed',
    labelEn: 'HealthCare.gov marketplace plans: share of denied in-network claims that were appealed',
    value: 0.01,
    isUpperBound: true,
    measure: 'appealed_share',
    year: 2023,
    source: 'KFF, Claims Denials and Appeals in ACA Marketplace Plans in 2023',
    url: KFF_MARKETPLACE_2023,
  },
  {
    id: 'kff-marketplace-2023-upheld',
    labelEn: 'HealthCare.gov marketplace plans: internal appeals upheld by the insurer',
    value: 0.56,
    measure: 'upheld_share',
    year: 2023,
    source: 'KFF, Claims Denials and Appeals in ACA Marketplace Plans in 2023',
    url: KFF_MARKETPLACE_2023,
    compare: MARKETPLACE_INTERNAL,
  },
  {
    id: 'kff-marketplace-2021-upheld',
    labelEn: 'HealthCare.gov marketplace plans: internal appeals upheld by the insurer',
    value: 0.59,
    measure: 'upheld_share',
    year: 2021,
    source: 'KFF, Claims Denials and Appeals in ACA Marketplace Plans',
    url: 'https://www.kff.org/private-insurance/claims-denials-and-appeals-in-aca-marketplace-plans/',
    compare: MARKETPLACE_INTERNAL,
  },
  {
    id: 'marketplace-2024-overturned',
    labelEn: 'Marketplace plans: internal appeals overturned (secondary source citing KFF)',
    value: 0.34,
    measure: 'overturned_share',
    year: 2024,
    source: 'AppealArmor report, citing KFF',
    url: 'https://appealarmor.com/report/',
    isSecondary: true,
    compare: MARKETPLACE_INTERNAL,
  },
  {
    id: 'kff-ma-pa-2023-overturned',
    labelEn: 'Medicare Advantage prior-authorization denials that were appealed: overturned',
    value: 0.817,
    measure: 'overturned_share',
    year: 2023,
    source: 'KFF, Medicare Advantage prior authorization determinations in 2023',
    url: 'https://kff.org/f63a430',
    compare: { planFamilies: ['medicare_advantage'], levels: MA_LEVELS },
  },
  {
    id: 'kff-ma-pa-2024-overturned',
    labelEn: 'Medicare Advantage prior-authorization denials that were appealed: overturned',
    value: 0.807,
    measure: 'overturned_share',
    year: 2024,
    source: 'KFF, Medicare Advantage insurers made nearly 53 million prior authorization determinations in 2024',
    url: 'https://www.kff.org/medicare/medicare-advantage-insurers-made-nearly-53-million-prior-authorization-determinations-in-2024',
    compare: { planFamilies: ['medicare_advantage'], levels: MA_LEVELS },
  },
  {
    id: 'aha-ma-pa-2022-overturned',
    labelEn: 'Medicare Advantage prior-authorization denials that were appealed: overturned',
    value: 0.832,
    measure: 'overturned_share',
    year: 2022,
    source: 'American Hospital Association, citing KFF',
    url: 'https://www.aha.org/node/700361',
    compare: { planFamilies: ['medicare_advantage'], levels: MA_LEVELS },
  },
  {
    id: 'kff-ma-pa-2023-appealed',
    labelEn: 'Medicare Advantage prior-authorization denials that were appealed',
    value: 0.117,
    measure: 'appealed_share',
    year: 2023,
    source: 'KFF, Medicare Advantage prior authorization determinations in 2023',
    url: 'https://kff.org/f63a430',
  },
]

export function findBenchmark(id: string): PublicBenchmark | undefined {
  return PUBLIC_BENCHMARKS.find((b) => b.id === id)
}
