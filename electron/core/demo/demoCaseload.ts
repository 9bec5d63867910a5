import { addCalendarDays } from '../../../shared/domain/days'
import { isFilingStage, type PlanFamily, type Stage } from '../../../shared/domain/enums'
import type { CaseCreate, ContactCreate } from '../../../shared/schemas/caseSchemas'
import {
  FIRST_NAMES,
  LAST_NAMES,
  PAYER_TEMPLATES,
  PRESCRIBERS,
  PROVIDERS,
  THERAPY_TEMPLATES,
  seededRandom,
} from './demoFacts'

/** How many demo cases sit in each column: every column has some, about 40 in all. */
const DEMO_SPREAD: [Stage, number][] = [
  ['intake', 4],
  ['prior_auth', 5],
  ['denied', 6],
  ['internal_appeal', 7],
  ['second_level', 3],
  ['external_review', 4],
  ['complaint', 3],
  ['hearing', 3],
  ['closed', 5],
]

/** Plan families whose ladder has a level in the column, so demo cases sit where real ones could. */
const FAMILIES_FOR_STAGE: Partial<Record<Stage, PlanFamily[]>> = {
  second_level: ['employer_self_funded', 'employer_fully_insured', 'medicare_part_b'],
  external_review: ['employer_self_funded', 'employer_fully_insured', 'individual_marketplace', 'medicare_advantage', 'medicare_part_d'],
  complaint: ['employer_fully_insured', 'individual_marketplace', 'employer_self_funded'],
  hearing: ['medicaid_ffs', 'medicaid_managed_care', 'medicare_part_b'],
}

export interface GeneratedCase {
  input: CaseCreate
  /** Columns the case passed through before its current one, oldest first, with days ago. */
  path: { stage: Stage; daysAgo: number }[]
  contacts: Omit<ContactCreate, 'caseId'>[]
  /** Days since the case entered its current column (after every step of `path`). */
  enteredDaysAgo: number
  /** Cases at an appeal level were filed this many days ago (some long enough for the payer to be late). */
  filedDaysAgo: number | null
  /** Cases waiting on prior authorization: the request went in this many days ago. */
  priorAuthRequestedDaysAgo: number | null
  /** Days ago the patient signed an authorization for the advocate, or null when none is on file yet. */
  representationSignedDaysAgo: number | null
}


/** When the case entered its column, was filed there, or asked for authorization: within its own history. */
function levelTiming(stage: Stage, path: { daysAgo: number }[], random: ReturnType<typeof seededRandom>) {
  const lastStep = path.at(-1)?.daysAgo ?? 60
  const enteredDaysAgo = Math.max(1, Math.min(random.int(2, 60), lastStep - 1))
  return {
    enteredDaysAgo,
    filedDaysAgo: isFilingStage(stage) ? Math.max(1, enteredDaysAgo - random.int(0, 2)) : null,
    priorAuthRequestedDaysAgo: stage === 'prior_auth' ? Math.max(1, Math.min(enteredDaysAgo, random.int(1, 12))) : null,
  }
}

/**
 * Builds a reproducible caseload relative to `today`, so the demo's deadlines are live whenever it
 * is opened. `count` above 40 repeats the spread (the benchmark generator uses this).
 */
export function generateCaseload(options: { today: string; count?: number; seed?: number; advocateIds: number[] }): GeneratedCase[] {
  const random = seededRandom(options.seed ?? 20261125)
  const count = options.count ?? 40
  const stages = DEMO_SPREAD.flatMap(([stage, n]) => Array<Stage>(n).fill(stage))
  const result: GeneratedCase[] = []
  for (let i = 0; i < count; i++) {
    const stage = stages[i % stages.length]
    const allowed = FAMILIES_FOR_STAGE[stage]
    const payer = random.pick(allowed ? PAYER_TEMPLATES.filter((p) => allowed.includes(p.planFamily)) : PAYER_TEMPLATES)
    const therapy = random.pick(THERAPY_TEMPLATES)
    const openedDaysAgo = random.int(10, 120)
    const noticeDaysAgo = random.int(2, Math.max(3, openedDaysAgo - 3))
    const hasDenial = stage !== 'intake' && stage !== 'prior_auth'
    const stageIndex = DEMO_SPREAD.findIndex(([s]) => s === stage)
    const path = DEMO_SPREAD.slice(0, stageIndex)
      .map(([s]) => s)
      .filter((s) => s === 'intake' || s === 'denied' || s === 'internal_appeal' || (s === 'prior_auth' && stageIndex < 3))
      .map((s, step, all) => ({ stage: s, daysAgo: Math.max(1, openedDaysAgo - Math.round(((openedDaysAgo - 1) * step) / Math.max(1, all.length))) }))
    const firstName = random.pick(FIRST_NAMES)
    const lastName = random.pick(LAST_NAMES)
    result.push({
      input: {
        patient: {
          firstName,
          lastName,
          dateOfBirth: addCalendarDays('1990-01-01', random.int(-20000, 9000)),
          phone: `(555) 01${random.int(0, 9)}-${String(random.int(0, 9999)).padStart(4, '0')}`,
          preferredLanguage: random.next() < 0.25 ? 'Spanish' : 'English',
        },
        coverage: {
          payer: payer.payer,
          planFamily: payer.planFamily,
          memberId: `DEMO${String(100000 + i).slice(1)}${random.int(10, 99)}`,
          groupNumber: payer.planFamily.startsWith('employer') ? `G-${random.int(1000, 9999)}` : '',
          state: payer.state as CaseCreate['coverage']['state'],
        },
        therapy: {
          category: therapy.category,
          drug: therapy.drug,
          hcpcsCode: therapy.hcpcsCode,
          icd10Codes: therapy.icd10Codes,
          prescriber: random.pick(PRESCRIBERS),
          infusionProvider: random.pick(PROVIDERS),
        },
        stage,
        urgency: random.next() < 0.2 ? 'expedited' : 'standard',
        serviceType: random.next() < 0.8 ? 'pre_service' : 'post_service',
        advocateId: options.advocateIds.length ? random.pick(options.advocateIds) : null,
        openedOn: addCalendarDays(options.today, -openedDaysAgo),
        summary: 'Demo case: fictional patient for trying Overturn.',
        denial: hasDenial
          ? {
              noticeDate: addCalendarDays(options.today, -noticeDaysAgo),
              receivedDate: addCalendarDays(options.today, -noticeDaysAgo + Math.min(noticeDaysAgo, random.int(1, 4))),
              reasons: therapy.reasons,
              priorAuthNumber: `PA-${random.int(100000, 999999)}`,
              claimNumber: random.next() < 0.5 ? `CLM-${random.int(1000000, 9999999)}` : '',
              amount: random.int(800, 48000),
              statedDeadline: null,
            }
          : null,
      },
      path,
      ...levelTiming(stage, path, random),
      representationSignedDaysAgo: random.next() < 0.75 ? random.int(5, 300) : null,
      contacts: [
        {
          kind: 'call',
          occurredOn: addCalendarDays(options.today, -Math.min(openedDaysAgo, random.int(1, 9))),
          withWhom: `${payer.payer.split(' (')[0]} member services`,
          referenceNumber: `REF-${random.int(10000, 99999)}`,
          requested: 'Copy of the claim file and the clinical criteria used.',
          submitted: '',
          submittedOn: null,
          followUpOn: null,
        },
      ],
    })
  }
  return result
}
