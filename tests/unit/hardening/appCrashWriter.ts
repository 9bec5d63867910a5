// The child process of appCrash.test.ts, bundled by esbuild so that each of the many restarts is
// cheap. It opens (or sets up) a real encrypted caseload through the app session and runs the app's
// own write paths at random, printing `ack …` only after each call returned ok:
//   contact: contacts:add            upload: documents:upload         letter: letters:save
//   pass: users:changePassphrase (re-keys everything)                 backup: backups:create
//   restore: backups:create then backups:restore of that backup (the same content, so nothing acked may go)
// Setup of a new folder runs every migration. Usage: appCrashWriter <dataDir> <passphrase index>
import { createHash } from 'node:crypto'
import { createAppSession } from '../../../electron/core/session/appSession'

const [dataDir, passArg] = process.argv.slice(2)
const pass = (n: number) => `crash passphrase number ${n}`
const say = (line: string) => process.stdout.write(`${line}\n`)
const session = createAppSession({ dataDir, kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 }, now: () => new Date() })
let passIndex = Number(passArg)

async function call<T>(channel: string, request: unknown = {}): Promise<T> {
  const result = await session.dispatch(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.data as T
}

async function main() {
  const status = session.status()
  if (status.state === 'new') session.setup('Crash', pass(passIndex))
  else if (status.state === 'locked') session.unlock(status.users[0].id, pass(passIndex))
  else throw new Error(`cannot start: ${status.state}`)
  if (session.status().state !== 'unlocked') throw new Error(`not unlocked: ${session.status().state}`)
  const board = await call<{ cards: { id: number }[] }>('cases:board')
  const caseIds = board.cards.slice(0, 5).map((c) => c.id)
  say('ready')
  let i = 0
  for (;;) {
    i++
    const caseId = caseIds[i % caseIds.length]
    const roll = Math.random()
    const tag = `${process.pid}-${i}`
    if (roll < 0.4) {
      await call('contacts:add', { caseId, kind: 'call', occurredOn: '2026-11-25', withWhom: 'Plan', referenceNumber: `K${tag}`, requested: '', submitted: '', submittedOn: null, followUpOn: null })
      say(`ack contact K${tag}`)
    } else if (roll < 0.55) {
      const bytes = Buffer.from(`%PDF-1.4\n% ${tag}\n${'z'.repeat(200 + (i % 500))}\n%%EOF\n`, 'latin1')
      const att = await call<{ id: number }>('documents:upload', { caseId, fileName: `f${i}.pdf`, base64: bytes.toString('base64') })
      say(`ack upload ${att.id} ${createHash('sha256').update(bytes).digest('hex')}`)
    } else if (roll < 0.7) {
      const options = await call<{ kind: string }[]>('letters:list', { caseId })
      const kind = options[0].kind
      // Versions grow across restarts (the time, then the counter), so a later save always has a larger one.
      const version = Date.now() * 1000 + (i % 1000)
      await call('letters:save', { caseId, kind, body: `Letter version ${version} ${tag}` })
      say(`ack letter ${caseId} ${kind} ${version}`)
    } else if (roll < 0.78) {
      await call('backups:create')
      say('ack backup')
    } else if (roll < 0.89) {
      const made = await call<{ fileName: string }>('backups:create')
      await call('backups:restore', { fileName: made.fileName })
      say('ack restore')
    } else {
      await call('users:changePassphrase', { currentPassphrase: pass(passIndex), newPassphrase: pass(passIndex + 1) })
      passIndex++
      say(`ack pass ${passIndex}`)
    }
  }
}
main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
