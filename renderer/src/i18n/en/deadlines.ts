import { LEVEL_NAMES_EN } from '../../../../shared/rules/ladders'

const byLevel = (format: (name: string) => string) =>
  Object.fromEntries(Object.entries(LEVEL_NAMES_EN).map(([id, name]) => [id, format(name)])) as Record<keyof typeof LEVEL_NAMES_EN, string>

/** Ladder level names and deadline labels, built from the ladder table so the two never drift. */
export const deadlineMessages = {
  ladder: { level: { ...LEVEL_NAMES_EN } },
  deadline: {
    file: byLevel((name) => `File ${name.charAt(0).toLowerCase()}${name.slice(1)}`),
    decide: byLevel((name) => `Decision due: ${name}`),
    pa_decision: 'Prior authorization decision due',
    pa_decision_state: 'Prior authorization decision due (state law)',
  },
}
