import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createCore, type CoreOptions } from '../../../electron/core/createCore'
import type { CaseCreateInput } from '../../../shared/schemas/caseSchemas'
import { caseCreateSchema } from '../../../shared/schemas/caseSchemas'

/** A real core on a real SQLite file in a fresh temp folder; no database mocks. */
export function makeTempDir(prefix = 'overturn-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export const FIXED_NOW = new Date('2026-11-25T15:00:00.000Z')

export function makeCore(options: Partial<CoreOptions> = {}) {
  const temp = makeTempDir()
  const core = createCore({ dataDir: temp.dir, now: () => FIXED_NOW, seedDemoOnFirstRun: false, ...options })
  return {
    core,
    dir: temp.dir,
    dispose: () => {
      core.close()
      temp.cleanup()
    },
  }
}

export function sampleCase(overrides: Partial<CaseCreateInput> = {}): ReturnType<typeof caseCreateSchema.parse> {
  return caseCreateSchema.parse({
    patient: { firstName: 'José', lastName: 'Núñez', dateOfBirth: '1961-04-02', phone: '', preferredLanguage: 'Spanish' },
    coverage: { payer: 'Lakeshore Blue Group Plan', planFamily: 'employer_fully_insured', memberId: 'LBX123', groupNumber: 'G-1', state: 'IL' },
    therapy: { category: 'ivig_scig', drug: 'Gammagard Liquid', hcpcsCode: 'J1569', icd10Codes: ['D80.1'], prescriber: 'Dr. Osei', infusionProvider: 'Riverbend' },
    stage: 'denied',
    urgency: 'standard',
    serviceType: 'pre_service',
    openedOn: '2026-11-20',
    denial: { noticeDate: '2026-11-18', receivedDate: '2026-11-21', reasons: ['not_medically_necessary'], amount: 12500.5 },
    ...overrides,
  })
}
