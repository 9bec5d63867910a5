/**
 * `npm run dist [-- --linux|--win|--mac]`: builds the installers with electron-builder
 * (electron-builder.json). electron-builder downloads Electron's binary and its platform tools from
 * GitHub, which these development machines cannot reach (STACK.md): so this first checks that
 * Electron can be obtained (in the Electron cache, or downloadable within 15 seconds) and otherwise
 * stops at once with one sentence, instead of hanging on a download.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

const PROBE_TIMEOUT_MS = 15_000

export function electronVersion(): string {
  return (JSON.parse(readFileSync(resolve('node_modules/electron/package.json'), 'utf8')) as { version: string }).version
}

/** @electron/get's cache folder (where electron-builder looks before downloading). */
export function electronCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ELECTRON_CACHE) return env.ELECTRON_CACHE
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'electron')
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'electron', 'Cache')
  return join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron')
}

/** True when a zip of this Electron version is already in the cache (any platform, any arch). */
export function isElectronCached(version: string, cacheDir: string): boolean {
  if (!existsSync(cacheDir)) return false
  const wanted = new RegExp(`^electron-v${version.replace(/\./g, '\\.')}-[a-z0-9]+-[a-z0-9]+\\.zip$`)
  const look = (dir: string, depth: number): boolean =>
    readdirSync(dir).some((name) => wanted.test(name) || (depth > 0 && statSync(join(dir, name)).isDirectory() && look(join(dir, name), depth - 1)))
  return look(cacheDir, 2)
}

/** Whether Electron's release (or the ELECTRON_MIRROR) answers within the time limit. */
export async function canDownloadElectron(version: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const base = env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
  try {
    const response = await fetch(`${base}v${version}/SHASUMS256.txt`, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
    return response.ok
  } catch {
    return false
  }
}

export function cannotBuildSentence(version: string): string {
  return `npm run dist cannot build installers on this machine: Electron ${version}'s binary is neither in the Electron cache nor downloadable from GitHub (no internet access), so run it on a release machine with internet access as the README's "Building the installers" section describes.`
}

function run(command: string, args: string[]) {
  const result = spawnSync(resolve('node_modules/.bin', process.platform === 'win32' ? `${command}.cmd` : command), args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

async function main() {
  const version = electronVersion()
  const isCached = isElectronCached(version, electronCacheDir())
  if (!isCached && !(await canDownloadElectron(version))) {
    console.error(cannotBuildSentence(version))
    process.exit(1)
  }
  for (const icon of ['resources/icon.ico', 'resources/icon.icns', 'resources/icons/512x512.png']) {
    if (!existsSync(icon)) {
      console.error(`The icon ${icon} is missing: run \`npm run icons\` first.`)
      process.exit(1)
    }
  }
  run('electron-vite', ['build'])
  run('electron-builder', ['--config', 'electron-builder.json', '--publish', 'never', ...process.argv.slice(2)])
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/dist.ts')) await main()
