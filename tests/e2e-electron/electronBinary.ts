import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * The Electron package downloads its binary lazily from GitHub, which these machines cannot reach
 * (STACK.md). Returns the binary's path when it is present, or why it is not.
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const packageDir = resolve('node_modules/electron')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) {
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is absent; ELECTRON_SKIP_BINARY_DOWNLOAD or no access to GitHub)' }
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { missing: `the Electron binary is not at ${binary}` }
}
