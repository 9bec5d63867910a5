import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the caseload lives when nothing overrides it: the same folder Electron's `userData` path
 * gives for an app named "overturn", plus `caseload/`, so browser mode and the desktop app share data.
 * `OVERTURN_DATA_DIR` overrides it (tests, portable installs, a USB stick).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // Created here so the instance lock file can be written before the database is opened.
  if (env.OVERTURN_DATA_DIR) {
    mkdirSync(env.OVERTURN_DATA_DIR, { recursive: true })
    return env.OVERTURN_DATA_DIR
  }
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
  const dir = join(base, 'overturn', 'caseload')
  mkdirSync(dir, { recursive: true })
  return dir
}
