import type { DrugCoverageRule, FundStatus, InsuranceGroup, Program, ProgramType } from '../../../../shared/domain/screening'
import type { ProgramFactsInput } from '../../../../shared/schemas/screeningSchemas'
import { numberOrText } from './applicantFormModel'

/** The program editor's fields as typed text; lists are comma- or line-separated. */
export interface ProgramForm {
  name: string
  sponsor: string
  type: ProgramType | ''
  fundStatus: FundStatus
  maxFplPercent: string
  guidelineYear: string
  insuranceAllowed: InsuranceGroup[]
  insuranceExcluded: InsuranceGroup[]
  drugCoverage: DrugCoverageRule
  diagnosisPrefixes: string
  drugs: string
  states: string
  maxAward: string
  grantPeriodMonths: string
  usageDays: string
  usageReminderDays: string
  documentsRequired: string
  documentsDueDays: string
  website: string
  phone: string
  notes: string
  source: string
  isVerified: boolean
}

const text = (v: number | null) => (v === null ? '' : String(v))

export function programFormOf(p: Program | null): ProgramForm {
  return {
    name: p?.name ?? '',
    sponsor: p?.sponsor ?? '',
    type: p?.type ?? '',
    fundStatus: p?.fundStatus ?? 'open',
    maxFplPercent: text(p?.rules.maxFplPercent ?? null),
    guidelineYear: text(p?.rules.guidelineYear ?? null),
    insuranceAllowed: [...(p?.rules.insuranceAllowed ?? [])],
    insuranceExcluded: [...(p?.rules.insuranceExcluded ?? [])],
    drugCoverage: p?.rules.drugCoverage ?? 'any',
    diagnosisPrefixes: (p?.rules.diagnosisPrefixes ?? []).join(', '),
    drugs: (p?.rules.drugs ?? []).join(', '),
    states: (p?.rules.states ?? []).join(', '),
    maxAward: text(p?.maxAward ?? null),
    grantPeriodMonths: text(p?.grantPeriodMonths ?? null),
    usageDays: text(p?.usageDays ?? null),
    usageReminderDays: text(p?.usageReminderDays ?? null),
    documentsRequired: (p?.documentsRequired ?? []).join('\n'),
    documentsDueDays: text(p?.documentsDueDays ?? null),
    website: p?.website ?? '',
    phone: p?.phone ?? '',
    notes: p?.notes ?? '',
    source: p?.source ?? '',
    isVerified: p?.isVerified ?? false,
  }
}

const list = (value: string, separator = /[,;\n]+/) => value.split(separator).map((s) => s.trim()).filter(Boolean)

export function toProgramInput(f: ProgramForm): ProgramFactsInput {
  return {
    name: f.name,
    sponsor: f.sponsor,
    type: f.type as ProgramType,
    fundStatus: f.fundStatus,
    rules: {
      maxFplPercent: numberOrText(f.maxFplPercent),
      guidelineYear: numberOrText(f.guidelineYear),
      insuranceAllowed: f.insuranceAllowed,
      insuranceExcluded: f.insuranceExcluded,
      drugCoverage: f.drugCoverage,
      diagnosisPrefixes: list(f.diagnosisPrefixes),
      drugs: list(f.drugs),
      states: list(f.states).map((s) => s.toUpperCase()) as NonNullable<ProgramFactsInput['rules']['states']>,
    },
    maxAward: numberOrText(f.maxAward),
    grantPeriodMonths: numberOrText(f.grantPeriodMonths),
    usageDays: numberOrText(f.usageDays),
    usageReminderDays: numberOrText(f.usageReminderDays),
    documentsRequired: list(f.documentsRequired, /\n+/),
    documentsDueDays: numberOrText(f.documentsDueDays),
    website: f.website,
    phone: f.phone,
    notes: f.notes,
    source: f.source,
    isVerified: f.isVerified,
  }
}
