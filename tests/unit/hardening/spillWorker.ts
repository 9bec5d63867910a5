// The child process of plaintextSpill.test.ts (run with `node --import tsx`), so that its TMPDIR and
// SQLITE_TMPDIR are the test's own folder from the first line SQLite runs (SQLite reads them once).
// It sets up an encrypted caseload, writes a bulk caseload into it, marks some patients with unique
// strings, prints them (`needles …`), then runs the heavy operations one by one (`op …`) while the
// parent watches this process's open files. Usage: spillWorker.ts <dataDir> <cases> <work folder>
import { randomBytes } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { insertBulkCaseload } from '../../../scripts/bench/bulkCaseload'
import { runPacket } from '../../../scripts/cli/packet'
import { createAppSession } from '../../../electron/core/session/appSession'

const [dataDir, countArg, work] = process.argv.slice(2)
const say = (line: string) => process.stdout.write(`${line}\n`)
const session = createAppSession({ dataDir, kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 }, seedDemoOnFirstRun: false, now: () => new Date('2026-11-25T15:00:00Z') })
session.setup('Dana', 'lantern orchard velvet')
const db = () => session.core!.db
// The negative control: the same run with temporary storage in files shows up in the scan.
if (process.env.SPILL_TEMP_STORE === 'FILE') {
  db().pragma('temp_store = FILE')
}
insertBulkCaseload(db(), { today: '2026-11-25', count: Number(countArg), deferSearchIndex: false })
// Unique strings on every fifth patient (names, phone, member id), so a hit can only be ours.
const tag = () => `Zq${randomBytes(6).toString('hex')}`
const needles: string[] = []
db().transaction(() => {
  const ids = db().prepare('SELECT id FROM patients WHERE id % 5 = 0').pluck().all() as number[]
  for (const id of ids) {
    const last = tag()
    const member = `MQ${randomBytes(5).toString('hex').toUpperCase()}`
    db().prepare('UPDATE patients SET last_name = ?, first_name = ? WHERE id = ?').run(last, `Ofel${randomBytes(3).toString('hex')}`, id)
    db().prepare('UPDATE coverages SET member_id = ? WHERE patient_id = ?').run(member, id)
    if (needles.length < 60) needles.push(last, member)
  }
})()
say(`needles ${JSON.stringify(needles)}`)

async function main() {
  const call = async (channel: string, request: unknown = {}) => {
    const result = await session.dispatch(channel, request)
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
    return result.data
  }
  const ops: [string, () => unknown][] = [
    ['sort', () => db().prepare('SELECT p.last_name, p.first_name, c.member_id FROM patients p JOIN coverages c ON c.patient_id = p.id ORDER BY p.phone || p.last_name DESC, c.member_id').all()],
    ['index build', () => db().exec('CREATE INDEX spill_probe ON patients(last_name, first_name, phone); DROP INDEX spill_probe;')],
    ['search index rebuild', () => db().exec("INSERT INTO search_fts(search_fts) VALUES('rebuild')")],
    ['vacuum', () => db().exec('VACUUM')],
    ['export bundle', () => call('transfer:exportBundle', { caseIds: (db().prepare('SELECT id FROM cases WHERE id NOT IN (SELECT case_id FROM attachments) ORDER BY id LIMIT 200').pluck().all() as number[]) })],
    ['export csv', () => call('transfer:exportCsv')],
    ['search', () => call('search:query', { text: needles[0] })],
    ['backup', () => call('backups:create')],
    ['empty caseload', () => call('caseload:resetEmpty')],
    ['restore', async () => {
      const backups = (await call('backups:list')) as { fileName: string; reason: string }[]
      await call('backups:restore', { fileName: backups.find((b) => b.reason === 'manual')!.fileName })
    }],
    ['packet', async () => {
      const caseFile = JSON.parse(readFileSync('docs/examples/case-part-b-ivig.json', 'utf8'))
      caseFile.case.patient.lastName = needles[2]
      caseFile.case.coverage.memberId = needles[3]
      writeFileSync(join(work, 'case.json'), JSON.stringify(caseFile))
      const code = await runPacket([join(work, 'case.json'), '--out', join(work, 'packet-out')])
      if (code !== 0) throw new Error(`packet exited ${code}`)
    }],
  ]
  for (const [name, run] of ops) {
    say(`op ${name}`)
    await run()
  }
  session.lock()
  say('done')
  // Time for the parent's last look at the open files.
  await new Promise((resolve) => setTimeout(resolve, 200))
  session.close()
}
main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
