import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, describe, expect, it } from 'vitest'
import afterPack, { electronBinaryOf, FUSES } from '../../../scripts/packaging/afterPack.mjs'
import { canDownloadElectron, cannotBuildSentence, isElectronCached } from '../../../scripts/dist'
import { ICON_SIZES, renderIcon } from '../../../scripts/icons'
import { makeTempDir } from '../core/testCore'

/**
 * Issue 16, items 4 and 5: the installer configuration, checked offline (electron-builder itself
 * downloads Electron and platform tools, so installers are built on a release machine). The
 * configuration passes electron-builder's own validator; icons exist at every size and match the
 * source SVG; the afterPack hook flips the fuses in a binary.
 */
const require = createRequire(import.meta.url)
const config = JSON.parse(readFileSync('electron-builder.json', 'utf8')) as Record<string, unknown> & {
  win: { target: { target: string }[]; icon: string }
  mac: { target: { target: string }[]; icon: string }
  linux: { target: { target: string }[]; icon: string }
  nsis: Record<string, unknown>
  files: string[]
}
const temp = makeTempDir('overturn-packaging-')
afterAll(() => temp.cleanup())

async function validate(configuration: unknown) {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as { validateConfiguration: (c: unknown, logger: unknown) => Promise<void> }
  const { DebugLogger } = require('builder-util/out/DebugLogger.js') as { DebugLogger: new (enabled: boolean) => unknown }
  await validateConfiguration(configuration, new DebugLogger(false))
}

function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('electron-builder.json', () => {
  it('passes electron-builder’s own schema validation (and a wrong key would not)', async () => {
    const { $schema: _schema, ...rest } = config
    await expect(validate(rest)).resolves.toBeUndefined()
    await expect(validate({ ...rest, prodcutName: 'typo' })).rejects.toThrow(/prodcutName/)
  })

  it('names the product Overturn and builds NSIS, dmg, AppImage and deb, in an asar, with no update feed', () => {
    expect(config).toMatchObject({ appId: 'org.overturn.desktop', productName: 'Overturn', asar: true, publish: null, npmRebuild: false })
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis'])
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg'])
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb'])
    // A per-user install that keeps the caseload on uninstall: updating is installing over it.
    expect(config.nsis).toMatchObject({ perMachine: false, deleteAppDataOnUninstall: false })
    expect(config.files).toContain('out/**/*')
    expect(config.files).toContain('resources/icons/512x512.png')
  })

  it('keeps the app’s internal name, so the data folder stays ~/.config/overturn', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>
    expect(pkg.name).toBe('overturn')
    // Electron derives userData from package.json's productName when present: it must not appear there.
    expect(pkg.productName).toBeUndefined()
    expect(pkg.main).toBe('out/main/index.js')
  })
})

describe('icons', () => {
  it('exist for every platform, in the formats they need', () => {
    expect(readFileSync(config.win.icon).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]))
    expect(readFileSync(config.mac.icon).subarray(0, 4).toString('ascii')).toBe('icns')
    expect(readdirSync(config.linux.icon).sort()).toEqual(ICON_SIZES.map((s) => `${s}x${s}.png`).sort())
    for (const size of ICON_SIZES) expect(pngSize(join(config.linux.icon, `${size}x${size}.png`))).toEqual([size, size])
    expect(pngSize('resources/icon.png')).toEqual([1024, 1024])
  })

  it('are up to date with resources/icon.svg (run npm run icons after changing it)', () => {
    const svg = readFileSync('resources/icon.svg')
    for (const size of [16, 256]) expect(renderIcon(svg, size).equals(readFileSync(`resources/icons/${size}x${size}.png`)), `${size}px`).toBe(true)
  })
})

describe('fuses (scripts/packaging/afterPack.mjs)', () => {
  it('turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges; turns on asar-only and asar integrity', () => {
    expect(FUSES).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    })
    expect(resolve(String(config.afterPack))).toBe(resolve('scripts/packaging/afterPack.mjs'))
  })

  it('is the hook electron-builder loads from the configuration', async () => {
    const { resolveFunction } = require('app-builder-lib/out/util/resolve.js') as { resolveFunction: (t: undefined, p: string, name: string, root: string) => Promise<unknown> }
    // Loaded natively (not through vitest's transform), so it is another instance of the same function.
    const hook = (await resolveFunction(undefined, String(config.afterPack), 'afterPack', process.cwd())) as (context: unknown) => Promise<void>
    expect(hook).toBeTypeOf('function')
    expect(hook.name).toBe('afterPack')
    expect(String(hook)).toContain('flipFuses(electronBinaryOf(context)')
  })

  it('finds the packaged binary on each platform', () => {
    const packager = { appInfo: { productFilename: 'Overturn' }, executableName: 'overturn' }
    expect(electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'win32', arch: 1, packager })).toBe(join('/o', 'Overturn.exe'))
    expect(electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'darwin', arch: 3, packager })).toBe(join('/o', 'Overturn.app'))
    expect(electronBinaryOf({ appOutDir: '/o', electronPlatformName: 'linux', arch: 1, packager })).toBe(join('/o', 'overturn'))
  })

  it('flips the fuse wire of a packaged binary', async () => {
    // A stand-in for Electron's binary: the fuse sentinel, wire version 1, eight fuses all "on".
    const appOutDir = join(temp.dir, 'linux-unpacked')
    mkdirSync(appOutDir)
    const binary = join(appOutDir, 'overturn')
    writeFileSync(binary, Buffer.concat([Buffer.alloc(64, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii'), Buffer.from([1, 8]), Buffer.from('11111111', 'ascii'), Buffer.alloc(64, 7)]))
    await afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Overturn' }, executableName: 'overturn' } })
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>
    const on = 49
    const off = 48
    expect(wire[FuseV1Options.RunAsNode]).toBe(off)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on)
  })
})

describe('npm run dist where Electron cannot be obtained', () => {
  it('says so in one sentence that points to the README', () => {
    const sentence = cannotBuildSentence('45.5.0')
    expect(sentence.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1)
    expect(sentence).toContain('Electron 45.5.0')
    expect(sentence).toContain('release machine with internet access')
  })

  it('finds a cached Electron zip, and gives up on an unreachable mirror without hanging', async () => {
    const cache = join(temp.dir, 'electron-cache')
    mkdirSync(join(cache, 'a1b2c3'), { recursive: true })
    expect(isElectronCached('45.5.0', cache)).toBe(false)
    writeFileSync(join(cache, 'a1b2c3', 'electron-v45.5.0-linux-x64.zip'), '')
    expect(isElectronCached('45.5.0', cache)).toBe(true)
    expect(isElectronCached('45.5.1', cache)).toBe(false)
    expect(await canDownloadElectron('45.5.0', { ELECTRON_MIRROR: 'http://127.0.0.1:9/' })).toBe(false)
  })
})
