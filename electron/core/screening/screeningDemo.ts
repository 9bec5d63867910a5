import { addCalendarDays } from '../../../shared/domain/days'
import type { ApplicantFacts } from '../../../shared/domain/screening'
import { PROGRAM_CATALOG_SEED } from '../../../shared/rules/programCatalogSeed'
import type { Db } from '../db/openDatabase'
import { createApplicantRepository } from './applicantRepository'
import { createApplicationRepository } from './applicationRepository'
import { createCaseLinkQuery } from './caseLink'
import { createProgramRepository } from './programRepository'
import type { ScreenableProgram } from './screeningEngine'

const blank: ApplicantFacts = {
  firstName: '',
  lastName: '',
  dateOfBirth: null,
  householdSize: null,
  annualIncome: null,
  state: null,
  insuranceType: null,
  payer: '',
  drugCovered: 'unknown',
  icd10Codes: [],
  drugName: '',
  hcpcsCode: '',
  treatmentStart: null,
  treatmentEnd: null,
  outOfPocket: null,
  notes: 'Demo applicant: fictional person for trying screening.',
}

/** Fictional applicants covering the common answers: eligible, not eligible under the Anti-Kickback Statute, needs information. */
export function demoApplicants(today: string): ApplicantFacts[] {
  return [
    { ...blank, firstName: 'Maya', lastName: 'Thompson', householdSize: 4, annualIncome: 52_000, state: 'IL', insuranceType: 'employer_fully_insured', payer: 'Lakeshore Blue Group Plan', drugCovered: 'yes', icd10Codes: ['D80.1'], drugName: 'Gammagard Liquid', hcpcsCode: 'J1569', treatmentStart: addCalendarDays(today, -120), outOfPocket: 6_500 },
    { ...blank, firstName: 'Walter', lastName: 'Briggs', householdSize: 2, annualIncome: 31_000, state: 'FL', insuranceType: 'medicare_part_b', payer: 'Medicare (First Coast)', drugCovered: 'yes', icd10Codes: ['D83.9'], drugName: 'Gamunex-C', hcpcsCode: 'J1561', treatmentStart: addCalendarDays(today, -30), outOfPocket: 3_200 },
    { ...blank, firstName: 'Leilani', lastName: 'Kahale', householdSize: 3, state: 'HI', insuranceType: 'uninsured', drugCovered: 'no', icd10Codes: ['D80.3'], drugName: 'Privigen', hcpcsCode: 'J1459', outOfPocket: 18_000 },
    { ...blank, firstName: 'Tomasz', lastName: 'Nowak', householdSize: 1, annualIncome: 24_500, state: 'AK', insuranceType: 'individual_marketplace', payer: 'Northern Lights Health', drugCovered: 'yes', icd10Codes: ['I27.0'], drugName: 'Remodulin (treprostinil)', hcpcsCode: 'J3285', outOfPocket: 9_000 },
  ]
}

/**
 * Seeds a caseload's screening data: the example program catalog when the catalog is empty, and
 * (unless `catalogOnly`) fictional demo applicants, two linked to patients of demo appeal cases,
 * with applications that show a document deadline and a usage clock. Runs in one transaction.
 */
export function seedScreeningDemo(db: Db, today: string, options: { catalogOnly?: boolean; now?: string } = {}): void {
  const now = options.now ?? `${today}T12:00:00.000Z`
  const programs = createProgramRepository(db)
  const applicants = createApplicantRepository(db)
  const applications = createApplicationRepository(db)
  const caseLink = createCaseLinkQuery(db)
  db.transaction(() => {
    if (programs.count() === 0) {
      for (const { key, ...facts } of PROGRAM_CATALOG_SEED) programs.insert(facts, { key, now })
    }
    if (options.catalogOnly) return
    const keyed = new Map(programs.list().map((p) => [p.key, p]))
    const ids = demoApplicants(today).map((facts) => applicants.insert(facts, { patientId: null, isDemo: true, now }))
    const piFund = keyed.get('example-pi-copay-fund')
    if (piFund) {
      const approved = applications.insert(ids[0], piFund.id, 'screened', now)
      const grantStart = addCalendarDays(today, -80)
      applications.update({ applicationId: approved, status: 'approved', awardAmount: 4_000, appliedOn: addCalendarDays(today, -100), preApprovedOn: addCalendarDays(today, -95), documentsDueOn: null, decidedOn: addCalendarDays(today, -82), grantStart, grantEnd: addCalendarDays(grantStart, 364), lastPaidClaimOn: null, notes: '' }, 'screened', now)
      const pending = applications.insert(ids[1], piFund.id, 'screened', now)
      const preApprovedOn = addCalendarDays(today, -18)
      applications.update({ applicationId: pending, status: 'pre_approved', awardAmount: null, appliedOn: addCalendarDays(today, -25), preApprovedOn, documentsDueOn: addCalendarDays(preApprovedOn, piFund.documentsDueDays ?? 30), decidedOn: null, grantStart: null, grantEnd: null, lastPaidClaimOn: null, notes: '' }, 'screened', now)
    }
    // Link applicants to a few demo patients whose appeals are pending, for the case page's bridge-assistance section.
    const caseIds = db
      .prepare(`SELECT id FROM cases WHERE is_demo = 1 AND stage IN ('internal_appeal', 'external_review') ORDER BY id LIMIT 2`)
      .pluck()
      .all() as number[]
    caseIds.forEach((caseId, i) => {
      const link = caseLink(caseId)
      if (!link) return
      applicants.insert({ ...link.facts, householdSize: 3 + i, annualIncome: 48_000 + i * 21_000, drugCovered: 'yes', outOfPocket: link.deniedAmount, notes: blank.notes }, { patientId: link.patientId, isDemo: true, now })
    })
  })()
}

/** The example catalog as screenable programs without a database (ids in seed order, as a new caseload gives them). */
export function seedCatalogPrograms(): ScreenableProgram[] {
  return PROGRAM_CATALOG_SEED.map((p, i) => ({ id: i + 1, key: p.key, name: p.name, type: p.type, fundStatus: p.fundStatus, rules: p.rules, isVerified: p.isVerified }))
}
