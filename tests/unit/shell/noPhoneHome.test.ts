import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Issue 16, item 3: the app has no crash reporter and no updater. Electron starts neither unless asked
 * (`crashReporter.start`, `autoUpdater`, electron-updater), so the proof is that nothing asks. The
 * runtime proof that no request leaves the machine is tests/e2e/noNetwork.spec.ts.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|vue|mjs|js)$/.test(name) ? [path] : []
  })
}

describe('nothing phones home', () => {
  it('no source file starts a crash reporter or an updater', () => {
    const offenders = [...sources('electron'), ...sources('renderer/src'), ...sources('shared')].filter((file) =>
      /\b(crashReporter|autoUpdater|electron-updater|update-electron-app|setFeedURL|checkForUpdates)\b/.test(readFileSync(file, 'utf8')),
    )
    expect(offenders).toEqual([])
  })

  it('no dependency is an updater, a crash reporter or telemetry', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }
    const names = Object.keys(pkg.dependencies)
    expect(names.filter((name) => /updater|update-electron|sentry|bugsnag|crash|analytics|telemetry|posthog|segment/i.test(name))).toEqual([])
  })

  it('the installers publish no update feed', () => {
    const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Record<string, unknown>
    expect(config.publish).toBeNull()
  })
})
