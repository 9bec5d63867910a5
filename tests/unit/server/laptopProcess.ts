/**
 * A laptop as its own process for the crash test: opens its caseload, makes edits to every case and
 * syncs, over and over, printing "synced" after each sync. The test kills it with SIGKILL in the
 * middle and starts it again on the same folder.
 * Usage: tsx laptopProcess.ts <dataDir> <rounds> (the caseload already joined the organization)
 */
import { createCore } from '../../../electron/core/createCore'
import { sampleCase } from '../core/testCore'

const [dataDir, roundsText] = process.argv.slice(2)
const core = createCore({ dataDir, seedDemoOnFirstRun: false })
const rounds = Number(roundsText)
let ids = core.db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[]
if (ids.length === 0) {
  for (let i = 0; i < 10; i += 1) core.cases.create(sampleCase())
  ids = core.db.prepare('SELECT id FROM cases ORDER BY id').pluck().all() as number[]
}
for (let round = 0; round < rounds; round += 1) {
  for (const id of ids) {
    const detail = core.cases.get(id)
    const { id: _p, ...patient } = detail.patient
    const { id: _c, ...coverage } = detail.coverage
    const { id: _t, ...therapy } = detail.therapy
    core.cases.update({ caseId: id, expectedVersion: detail.version, patient, coverage: { ...coverage, memberId: `R${Date.now()}-${round}` } as never,
      therapy, urgency: detail.urgency, serviceType: detail.serviceType, advocateId: detail.advocate?.id ?? null, openedOn: detail.openedOn,
      summary: detail.summary, payerDestinationId: detail.payerDestinationId })
  }
  await core.sync.syncNow()
  process.stdout.write('synced\n')
}
await core.sync.syncNow()
process.stdout.write(`done ${JSON.stringify(core.sync.status())}\n`)
core.close()
