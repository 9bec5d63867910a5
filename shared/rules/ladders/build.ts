import type { Stage } from '../../domain/enums'
import type { ClockUnit, DecisionTrack, DecisionWindow, ExpeditedRule, Extension, LadderLevel, LevelId, RuleRef } from './types'

type LevelInput = Omit<LadderLevel, 'nameKey' | 'autoForward' | 'scope' | 'whenLate' | 'decisionWindows'> &
  Partial<Pick<LadderLevel, 'autoForward' | 'scope' | 'whenLate' | 'decisionWindows'>>

/** Fills the defaults every level shares, so the tables list only what the rule says. */
export function level(input: LevelInput): LadderLevel {
  return {
    nameKey: `ladder.level.${input.id}`,
    autoForward: null,
    scope: null,
    whenLate: [],
    decisionWindows: [],
    ...input,
  }
}

/** A decision clock row. */
export function clock(
  track: DecisionTrack,
  amount: number,
  unit: ClockUnit,
  ref: RuleRef,
  extra: { extension?: Extension | null; internalLevels?: 1 | 2; from?: DecisionWindow['from']; note?: string } = {},
): DecisionWindow {
  return { track, amount, unit, from: extra.from ?? 'request_received', extension: extra.extension ?? null, ...ref, ...extra }
}

export function noExpedited(ref: RuleRef, criterionEn: string): ExpeditedRule {
  return { available: false, criterionEn, ...ref }
}

/** A complaint route: filed any time, beside the ladder rather than after it. */
export function complaint(id: LevelId, decidedByEn: string, ref: RuleRef, noteEn?: string): LadderLevel {
  return level({
    id,
    stage: 'complaint' satisfies Stage,
    decidedByEn,
    filingWindow: null,
    expedited: noExpedited(ref, 'Not an appeal: no decision clock.'),
    isComplaint: true,
    noteEn: noteEn ?? 'Any time.',
    ...ref,
  })
}
