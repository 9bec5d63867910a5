import type { PlanFamily } from './enums'

/** The ladder level an appeal destination takes (a plan's appeals unit, a QIC, an IRE, OMHA). */
export const DESTINATION_LEVELS = ['first_level', 'second_level', 'external_review', 'hearing', 'any'] as const
export type DestinationLevel = (typeof DESTINATION_LEVELS)[number]

/**
 * Where an appeal goes: one row of the organization's payer directory (issue 12, item 3). Letters and
 * the fax cover take their recipient block from it. `verified` is false for anything our research
 * could not confirm from a public source: the advocate checks it against the notice.
 */
export interface AppealDestination {
  id: number
  payer: string
  planFamily: PlanFamily | ''
  level: DestinationLevel
  recipient: string
  addressLines: string[]
  phone: string
  fax: string
  portal: string
  source: string
  verified: boolean
  /** Seeded rows keep their key so a later seed never duplicates them; '' for the organization's own. */
  seedKey: string
}
