/**
 * `npm run icons`: every icon the platforms need, generated from the one source image
 * `resources/icon.svg`. Writes
 *   resources/icons/<N>x<N>.png  N = 16 … 1024 (Linux packages and the window icon)
 *   resources/icon.png           1024 px (electron-builder's fallback)
 *   resources/icon.ico           Windows (NSIS installer and the .exe)
 *   resources/icon.icns          macOS (the .app and the dmg)
 * Both converters ship prebuilt (resvg) or are plain JavaScript (png2icons): nothing is downloaded.
 * The outputs are committed; tests/unit/packaging checks they match the SVG.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const

/** The source SVG drawn at `size` × `size` pixels, as PNG bytes. */
export function renderIcon(svg: Buffer | string, size: number): Buffer {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng())
}

function main() {
  const dir = resolve('resources')
  const svg = readFileSync(join(dir, 'icon.svg'))
  mkdirSync(join(dir, 'icons'), { recursive: true })
  for (const size of ICON_SIZES) writeFileSync(join(dir, 'icons', `${size}x${size}.png`), renderIcon(svg, size))
  const large = renderIcon(svg, 1024)
  writeFileSync(join(dir, 'icon.png'), large)
  const ico = png2icons.createICO(large, png2icons.BICUBIC, 0, false, true)
  const icns = png2icons.createICNS(large, png2icons.BICUBIC, 0)
  if (!ico || !icns) throw new Error('png2icons could not convert resources/icon.png')
  writeFileSync(join(dir, 'icon.ico'), ico)
  writeFileSync(join(dir, 'icon.icns'), icns)
  console.log(`Icons written to ${dir}: ${ICON_SIZES.length} PNG sizes, icon.png, icon.ico, icon.icns.`)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve('scripts/icons.ts')) main()
