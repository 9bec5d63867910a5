// electron-builder's afterPack hook: flips Electron's fuses in the packaged binary before it is
// signed (Electron security guidance, "Fuses"). Plain JavaScript: electron-builder loads it as is.
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'

/**
 * The fuses Overturn ships with. Off: running the binary as plain Node (ELECTRON_RUN_AS_NODE),
 * NODE_OPTIONS and --inspect (each would let anyone run code with the app's access to the caseload),
 * file:// privileges (the renderer is served on app://). On: only load the app from its asar, and
 * check that asar against the hash embedded at build time (macOS and Windows; Electron has no asar
 * integrity check on Linux), cookie encryption.
 */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
}

/** The packaged Electron binary for electron-builder's afterPack context. */
export function electronBinaryOf(context) {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      return join(context.appOutDir, context.packager.executableName)
  }
}

export default async function afterPack(context) {
  // arm64 macOS refuses to run a binary whose ad-hoc signature no longer matches: re-sign it.
  const isArmMac = context.electronPlatformName === 'darwin' && context.arch === 3 /* Arch.arm64 */
  await flipFuses(electronBinaryOf(context), { ...FUSES, resetAdHocDarwinSignature: isArmMac })
}
