import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { coreMessages } from '../../renderer/src/i18n/en/core'
import { en } from '../../renderer/src/i18n/en/index'
import { SENT_METHODS } from '../../shared/domain/documents'
import { CONTACT_KINDS, DENIAL_REASONS, PLAN_FAMILIES, SERVICE_TYPES, STAGES, THERAPY_CATEGORIES, URGENCIES } from '../../shared/domain/enums'
import { OUTCOME_RESULTS, SEARCH_KINDS } from '../../shared/domain/insights'
import { APPLICATION_STATUSES, DRUG_COVERAGE, DRUG_COVERAGE_RULES, FUND_STATUSES, INSURANCE_GROUPS, INSURANCE_TYPES, PROGRAM_TYPES, SCREENING_OUTCOMES } from '../../shared/domain/screening'
import { ROLE_IDS } from '../../shared/domain/session'
import { LEVEL_IDS } from '../../shared/rules/ladders'

/** Keys built at run time (`t(`enum.stage.${stage}`)`): the vocabulary each prefix is built from. */
const RUNTIME_KEYS: Record<string, readonly string[]> = {
  'enum.stage': STAGES,
  'enum.planFamily': PLAN_FAMILIES,
  'enum.therapy': THERAPY_CATEGORIES,
  'enum.denialReason': DENIAL_REASONS,
  'enum.urgency': URGENCIES,
  'enum.serviceType': SERVICE_TYPES,
  'enum.contactKind': CONTACT_KINDS,
  roles: ROLE_IDS,
  'ladder.level': LEVEL_IDS,
  'outcomes.results': OUTCOME_RESULTS,
  'search.kind': SEARCH_KINDS,
  'documents.exports.methods': SENT_METHODS,
  'applicants.status': APPLICATION_STATUSES,
  'applicants.insurance': INSURANCE_TYPES,
  'applicants.drugCoveredValue': DRUG_COVERAGE,
  'programs.type': PROGRAM_TYPES,
  'programs.fundStatus': FUND_STATUSES,
  'programs.coverageRule': DRUG_COVERAGE_RULES,
  'programs.group': INSURANCE_GROUPS,
  'screening.outcome': SCREENING_OUTCOMES,
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

function hasKey(messages: unknown, key: string): boolean {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

describe('the English messages', () => {
  it('every literal key the renderer translates exists', () => {
    const missing: string[] = []
    for (const file of filesUnder('renderer/src')) {
      const source = readFileSync(file, 'utf8')
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!hasKey(en, match[1])) missing.push(`${file}: ${match[1]}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('every value of a vocabulary has its label where the renderer builds the key at run time', () => {
    const missing = Object.entries(RUNTIME_KEYS).flatMap(([prefix, values]) => values.map((v) => `${prefix}.${v}`).filter((key) => !hasKey(en, key)))
    expect(missing).toEqual([])
    // The table follows the renderer: each prefix above is one the renderer really builds keys from.
    const built = new Set<string>()
    for (const file of filesUnder('renderer/src')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(`([a-zA-Z][\w.]*)\.\$\{/g)) built.add(match[1])
    }
    expect(Object.keys(RUNTIME_KEYS).filter((prefix) => !built.has(prefix))).toEqual([])
  })

  it('feature message files do not overwrite each other’s top-level keys', async () => {
    const folder = 'renderer/src/i18n/en'
    const modules: Record<string, Record<string, unknown>> = {}
    for (const name of readdirSync(folder)) modules[name] = (await import(`../../${folder}/${name}`)) as Record<string, unknown>
    const owners = new Map<string, string>()
    const clashes: string[] = []
    for (const [file, exports] of Object.entries(modules)) {
      if (file.endsWith('index.ts')) continue
      for (const messages of Object.values(exports)) {
        if (!messages || typeof messages !== 'object') continue
        for (const key of Object.keys(messages)) {
          if (owners.has(key) && owners.get(key) !== file) clashes.push(`${key}: ${owners.get(key)} and ${file}`)
          owners.set(key, file)
        }
      }
    }
    expect(clashes).toEqual([])
    expect(Object.keys(en)).toEqual(expect.arrayContaining(Object.keys(coreMessages)))
  })
})
