import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'

/**
 * A real, throwaway PostgreSQL for tests and for trying the organization server out (`npm run server -- tryout`): initdb in a temporary folder, listening on a free loopback
 * port, stopped and deleted afterwards. `.ci/run` installs Debian's postgresql package; PostgreSQL
 * refuses to run as root, so as root it runs as the package's `postgres` user.
 */
export interface TestPostgres {
  url: string
  port: number
  dir: string
  /** The server key file (outside the database) the test servers keep the organization attachment key with. */
  keyFile: string
  /** Runs one of PostgreSQL's own programs (pg_dump, pg_restore, createdb) against this server. */
  tool(name: string, args: string[]): string
  stop(): void
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions[0] ? join(root, versions[0], 'bin') : null
}

export const postgresAvailable = (): boolean => binDir() !== null

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port
      server.close(() => resolve(port))
    })
  })
}

function run(bin: string, args: string[], asPostgres: boolean): string {
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  const result = spawnSync(cmd, argv, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${bin} failed: ${result.stderr || result.stdout}`)
  return result.stdout
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir()
  if (!bin) throw new Error('PostgreSQL is not installed (Debian package postgresql; .ci/run installs it).')
  const asPostgres = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'overturn-pg-'))
  chmodSync(dir, 0o777)
  if (asPostgres) execFileSync('chown', ['postgres', dir])
  const port = await freePort()
  run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'overturn', '--no-sync', '-E', 'UTF8'], asPostgres)
  run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, 'start'], asPostgres)
  const url = `postgres://overturn@127.0.0.1:${port}/postgres`
  return {
    url, port, dir, keyFile: join(dir, 'organization.key'),
    tool: (name, args) => run(join(bin, name), [...args, '-h', '127.0.0.1', '-p', String(port), '-U', 'overturn'], asPostgres),
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], asPostgres)
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A self-signed certificate for 127.0.0.1, as an organization would make for a test server. */
export function selfSignedCertificate(): { cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'overturn-tls-'))
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' })
    return { cert: readFileSync(join(dir, 'cert.pem'), 'utf8'), key: readFileSync(join(dir, 'key.pem'), 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
