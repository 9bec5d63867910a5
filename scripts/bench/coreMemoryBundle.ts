/**
 * Bundles `coreMemory.ts` the way electron-vite bundles the app's main process (our code in, npm
 * packages external, dynamic imports split into chunks loaded on first use), so the memory figure is
 * taken on a plain Node process running a bundle, as the app runs, and not under tsx's loader.
 */
import { cpSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

/** `outDir` must lie inside the project, so the bundle finds node_modules as the app does. */
export async function bundleCoreMemory(outDir: string): Promise<string> {
  rmSync(outDir, { recursive: true, force: true })
  await build({
    entryPoints: [resolve(import.meta.dirname, 'coreMemory.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outdir: outDir,
    logLevel: 'warning',
  })
  // The migrations are read from beside the bundle, as the Electron build copies them (db/migrate.ts).
  cpSync(resolve('electron/core/db/migrations'), join(outDir, 'migrations'), { recursive: true })
  return join(outDir, 'coreMemory.js')
}
