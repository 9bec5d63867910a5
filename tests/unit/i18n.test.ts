import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { coreMessages } from '../../renderer/src/i18n/en/core'
import { en } from '../../renderer/src/i18n/en/index'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

function hasKey(messages: unknown, key: string): boolean {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string'
}

describe('the English messages', () => {
  it('every literal key the renderer translates exists', () => {
    const missing: string[] = []
    for (const file of filesUnder('renderer/src')) {
      const source = readFileSync(file, 'utf8')
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) {
        if (!hasKey(en, match[1])) missing.push(`${file}: ${match[1]}`)
      }
    }
    expect(missing).toEqual([])
  })

  it('feature message files do not overwrite each other’s top-level keys', async () => {
    const folder = 'renderer/src/i18n/en'
    const modules: Record<string, Record<string, unknown>> = {}
    for (const name of readdirSync(folder)) modules[name] = (await import(`../../${folder}/${name}`)) as Record<string, unknown>
    const owners = new Map<string, string>()
    const clashes: string[] = []
    for (const [file, exports] of Object.entries(modules)) {
      if (file.endsWith('index.ts')) continue
      for (const messages of Object.values(exports)) {
        if (!messages || typeof messages !== 'object') continue
        for (const key of Object.keys(messages)) {
          if (owners.has(key) && owners.get(key) !== file) clashes.push(`${key}: ${owners.get(key)} and ${file}`)
          owners.set(key, file)
        }
      }
    }
    expect(clashes).toEqual([])
    expect(Object.keys(en)).toEqual(expect.arrayContaining(Object.keys(coreMessages)))
  })
})
