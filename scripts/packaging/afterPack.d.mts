import type { FuseV1Config } from '@electron/fuses'

export declare const FUSES: FuseV1Config
export interface AfterPackContextLike {
  appOutDir: string
  electronPlatformName: string
  arch: number
  packager: { appInfo: { productFilename: string }; executableName: string }
}
export declare function electronBinaryOf(context: AfterPackContextLike): string
export default function afterPack(context: AfterPackContextLike): Promise<void>
