import type { FundStatus, Program, ProgramFacts, ProgramRules, ProgramType } from '../../../shared/domain/screening'
import type { Db } from '../db/openDatabase'
import { centsToDollars, dollarsToCents, parseJsonArray, toBool } from '../db/rowMapping'

interface ProgramRow {
  id: number
  key: string
  name: string
  sponsor: string
  type: ProgramType
  fund_status: FundStatus
  fund_status_changed_on: string | null
  rules: string
  max_award_cents: number | null
  grant_period_months: number | null
  usage_days: number | null
  usage_reminder_days: number | null
  documents_required: string
  documents_due_days: number | null
  website: string
  phone: string
  notes: string
  source: string
  is_verified: number
  created_at: string
  updated_at: string
}

const EMPTY_RULES: ProgramRules = {
  maxFplPercent: null,
  guidelineYear: null,
  insuranceAllowed: [],
  insuranceExcluded: [],
  drugCoverage: 'any',
  diagnosisPrefixes: [],
  drugs: [],
  states: [],
}

const toProgram = (row: ProgramRow): Program => ({
  id: row.id,
  key: row.key,
  name: row.name,
  sponsor: row.sponsor,
  type: row.type,
  fundStatus: row.fund_status,
  fundStatusChangedOn: row.fund_status_changed_on,
  // Older rows may lack a rule added later: fill from the empty rule set.
  rules: { ...EMPTY_RULES, ...(JSON.parse(row.rules) as Partial<ProgramRules>) },
  maxAward: centsToDollars(row.max_award_cents),
  grantPeriodMonths: row.grant_period_months,
  usageDays: row.usage_days,
  usageReminderDays: row.usage_reminder_days,
  documentsRequired: parseJsonArray<string>(row.documents_required),
  documentsDueDays: row.documents_due_days,
  website: row.website,
  phone: row.phone,
  notes: row.notes,
  source: row.source,
  isVerified: toBool(row.is_verified),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const toParams = (facts: ProgramFacts) => ({
  name: facts.name,
  sponsor: facts.sponsor,
  type: facts.type,
  fundStatus: facts.fundStatus,
  rules: JSON.stringify(facts.rules),
  maxAwardCents: dollarsToCents(facts.maxAward),
  grantPeriodMonths: facts.grantPeriodMonths,
  usageDays: facts.usageDays,
  usageReminderDays: facts.usageReminderDays,
  documentsRequired: JSON.stringify(facts.documentsRequired),
  documentsDueDays: facts.documentsDueDays,
  website: facts.website,
  phone: facts.phone,
  notes: facts.notes,
  source: facts.source,
  isVerified: facts.isVerified ? 1 : 0,
})

/** The assistance program catalog. Writes are single statements; callers wrap multi-step work in a transaction. */
export function createProgramRepository(db: Db) {
  const columns = `id, key, name, sponsor, type, fund_status, fund_status_changed_on, rules, max_award_cents, grant_period_months,
    usage_days, usage_reminder_days, documents_required, documents_due_days, website, phone, notes, source, is_verified, created_at, updated_at`
  const listStatement = db.prepare(`SELECT ${columns} FROM assistance_programs ORDER BY name, key`)
  const getStatement = db.prepare(`SELECT ${columns} FROM assistance_programs WHERE id = ?`)
  const countStatement = db.prepare('SELECT COUNT(*) FROM assistance_programs').pluck()
  const insertStatement = db.prepare(`INSERT INTO assistance_programs
    (key, name, sponsor, type, fund_status, fund_status_changed_on, rules, max_award_cents, grant_period_months, usage_days,
     usage_reminder_days, documents_required, documents_due_days, website, phone, notes, source, is_verified, created_at, updated_at)
    VALUES (@key, @name, @sponsor, @type, @fundStatus, NULL, @rules, @maxAwardCents, @grantPeriodMonths, @usageDays,
     @usageReminderDays, @documentsRequired, @documentsDueDays, @website, @phone, @notes, @source, @isVerified, @now, @now)`)
  const setKeyStatement = db.prepare('UPDATE assistance_programs SET key = ? WHERE id = ?')
  const updateStatement = db.prepare(`UPDATE assistance_programs SET name = @name, sponsor = @sponsor, type = @type,
    fund_status_changed_on = CASE WHEN fund_status = @fundStatus THEN fund_status_changed_on ELSE @today END, fund_status = @fundStatus,
    rules = @rules, max_award_cents = @maxAwardCents, grant_period_months = @grantPeriodMonths, usage_days = @usageDays,
    usage_reminder_days = @usageReminderDays, documents_required = @documentsRequired, documents_due_days = @documentsDueDays,
    website = @website, phone = @phone, notes = @notes, source = @source, is_verified = @isVerified, updated_at = @now WHERE id = @id`)
  const fundStatusStatement = db.prepare(`UPDATE assistance_programs SET fund_status = @fundStatus, fund_status_changed_on = @today,
    updated_at = @now WHERE id = @id AND fund_status <> @fundStatus`)

  return {
    list: (): Program[] => (listStatement.all() as ProgramRow[]).map(toProgram),
    get(id: number): Program | null {
      const row = getStatement.get(id) as ProgramRow | undefined
      return row ? toProgram(row) : null
    },
    count: (): number => countStatement.get() as number,
    /** Inserts a program; without a key it gets `custom-<id>` (renamed at once, so call inside a transaction). */
    insert(facts: ProgramFacts, options: { key?: string; now: string }): number {
      const id = Number(insertStatement.run({ ...toParams(facts), key: options.key ?? 'custom-pending', now: options.now }).lastInsertRowid)
      if (!options.key) setKeyStatement.run(`custom-${id}`, id)
      return id
    },
    update(id: number, facts: ProgramFacts, options: { now: string; today: string }): void {
      updateStatement.run({ ...toParams(facts), id, now: options.now, today: options.today })
    },
    setFundStatus(id: number, fundStatus: FundStatus, options: { now: string; today: string }): void {
      fundStatusStatement.run({ id, fundStatus, now: options.now, today: options.today })
    },
  }
}
export type ProgramRepository = ReturnType<typeof createProgramRepository>
