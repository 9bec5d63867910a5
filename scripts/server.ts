import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SERVER_ROLES, type ServerRole } from '../electron/server/accounts'
import { openAdmin, startOrganizationServer } from '../electron/server/organizationServer'
import { verifyServerAudit } from '../electron/server/serverAudit'
import { postgresAvailable, selfSignedCertificate, startPostgres } from './server/localPostgres'

/**
 * `npm run server -- <command>`: the organization server and its administration.
 *   serve                              serve the sync API over HTTPS (default)
 *   add-account "<name>" <role>        create an account (admin, advocate, screener, read_only)
 *   enrolment-code <accountId>         a one-time code to connect a laptop (valid 24 hours)
 *   remove-account <accountId>         stop an account's laptops from syncing
 *   accounts                           list accounts
 *   verify-audit                       check the server's audit chain
 *   tryout                             a throwaway PostgreSQL, certificate and server on 127.0.0.1 with
 *                                      two advocate accounts, to try two laptops against (deleted on Ctrl+C)
 * Configuration from the environment: OVERTURN_PG_URL, OVERTURN_TLS_CERT, OVERTURN_TLS_KEY,
 * OVERTURN_SERVER_KEY_FILE (the organization attachment key's wrapping key, created on first start),
 * OVERTURN_SERVER_HOST (default 127.0.0.1), OVERTURN_SERVER_PORT (default 8443).
 */
function env(name: string): string {
  const value = process.env[name]
  if (!value) {
    console.error(`Set ${name} (see docs/organization-server.md).`)
    process.exit(2)
  }
  return value
}

async function main() {
  const [command = 'serve', ...args] = process.argv.slice(2)
  if (command === 'tryout') return tryout()
  const databaseUrl = env('OVERTURN_PG_URL')
  if (command === 'serve') {
    const server = await startOrganizationServer({
      databaseUrl,
      keyFile: env('OVERTURN_SERVER_KEY_FILE'),
      tls: { cert: readFileSync(env('OVERTURN_TLS_CERT')), key: readFileSync(env('OVERTURN_TLS_KEY')) },
      host: process.env.OVERTURN_SERVER_HOST ?? '127.0.0.1',
      port: Number(process.env.OVERTURN_SERVER_PORT ?? 8443),
    })
    console.log(`Overturn organization server listening on ${server.url}`)
    const stop = () => void server.close().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    return
  }
  const admin = await openAdmin(databaseUrl)
  try {
    if (command === 'add-account') {
      const [name, role] = args
      if (!name || !SERVER_ROLES.includes(role as ServerRole)) throw new Error(`Usage: add-account "<name>" <${SERVER_ROLES.join('|')}>`)
      console.log(JSON.stringify(await admin.accounts.createAccount(name, role as ServerRole)))
    } else if (command === 'enrolment-code') {
      console.log(await admin.accounts.issueEnrolmentCode(args[0] ?? ''))
    } else if (command === 'remove-account') {
      await admin.accounts.removeAccount(args[0] ?? '')
      console.log('Removed. Its laptops stop syncing at their next attempt.')
    } else if (command === 'accounts') {
      console.log(JSON.stringify(await admin.accounts.list(), null, 2))
    } else if (command === 'verify-audit') {
      const broken = await verifyServerAudit(admin.pool)
      console.log(broken === null ? 'The server audit trail is intact.' : `The server audit trail is broken at entry ${broken}.`)
      if (broken !== null) process.exitCode = 1
    } else {
      throw new Error(`Unknown command "${command}".`)
    }
  } finally {
    await admin.pool.end()
  }
}

/**
 * Everything needed to see two laptops share one caseload on this machine, made fresh and thrown away:
 * a PostgreSQL in a temporary folder (Debian's postgresql package), a self-signed certificate for
 * 127.0.0.1 (openssl), the server, two advocate accounts and a one-time code for each.
 */
async function tryout() {
  if (!postgresAvailable()) throw new Error('PostgreSQL is not installed: apt-get install postgresql (see docs/organization-server.md).')
  const postgres = await startPostgres()
  const folder = mkdtempSync(join(tmpdir(), 'overturn-tryout-'))
  const tls = selfSignedCertificate()
  const certificate = join(folder, 'server-certificate.pem')
  writeFileSync(certificate, tls.cert)
  const server = await startOrganizationServer({ databaseUrl: postgres.url, keyFile: postgres.keyFile, tls, host: '127.0.0.1', port: Number(process.env.OVERTURN_SERVER_PORT ?? 8443) })
  const codes: string[] = []
  for (const name of ['Ana Ruiz', 'Ben Okafor']) codes.push(`${name}: ${await server.accounts.issueEnrolmentCode((await server.accounts.createAccount(name, 'advocate')).id)}`)
  console.log([
    `Overturn organization server (try-out) listening on ${server.url}`,
    `Its certificate (paste it into Settings → Organization caseload): ${certificate}`,
    'One-time codes (valid 24 hours):',
    ...codes.map((c) => `  ${c}`),
    'Two laptops on this machine, each in its own terminal:',
    '  OVERTURN_DATA_DIR=/tmp/overturn-laptop-a OVERTURN_PORT=5181 npm run browser',
    '  OVERTURN_DATA_DIR=/tmp/overturn-laptop-b OVERTURN_PORT=5182 npm run browser',
    `More accounts and codes: OVERTURN_PG_URL=${postgres.url} npm run server -- add-account "<name>" advocate`,
    'Ctrl+C stops the server and deletes its database.',
  ].join('\n'))
  const stop = () =>
    void server.close().finally(() => {
      postgres.stop()
      rmSync(folder, { recursive: true, force: true })
      process.exit(0)
    })
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'The server command failed.')
  process.exit(1)
})
