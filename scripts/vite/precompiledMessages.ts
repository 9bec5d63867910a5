import { resolve } from 'node:path'
import { generateJSON } from '@intlify/bundle-utils'
import { runnerImport, type Plugin } from 'vite'

/**
 * Issue 15: vue-i18n messages compiled at build time, so the renderer ships vue-i18n's runtime-only
 * build and never compiles a message while the board renders. Overturn's messages are TypeScript
 * built from shared tables (stage names, ladder levels), which @intlify/unplugin-vue-i18n cannot read
 * as resources; so the built module `renderer/src/i18n/en/index.ts` is evaluated here and its
 * messages handed to the same code generator the plugin uses (@intlify/bundle-utils). Tests and
 * `electron-vite dev` keep the TypeScript module and the full vue-i18n build.
 */
export function precompiledMessages(): Plugin {
  const target = resolve('renderer/src/i18n/en/index.ts')
  let isBuild = false
  return {
    name: 'overturn-precompiled-messages',
    enforce: 'pre',
    configResolved(config) {
      isBuild = config.command === 'build'
    },
    async load(id) {
      if (!isBuild || id.split('?')[0] !== target) return null
      const { module } = await runnerImport<{ en: Record<string, unknown> }>(target, { configFile: false, logLevel: 'error' })
      const problems: string[] = []
      const { code } = generateJSON(JSON.stringify(escapeLiteralAt(module.en)), {
        type: 'plain',
        env: 'production',
        jit: false,
        exportESM: true,
        strictMessage: false,
        escapeHtml: false,
        minify: true,
        onError: (message, extra) => problems.push(`${extra?.path ?? ''}: ${message}`),
      })
      if (problems.length) this.warn(`messages that do not compile (shown as written): ${problems.join('; ')}`)
      return code.replace(/export default resource\s*$/, 'export const en = resource\n')
    },
  }
}

/**
 * In vue-i18n's message syntax `@` starts a linked message (`@:key`, `@.lower:key`); any other `@`
 * (an example e-mail address) is written as the literal `{'@'}` so the message compiles.
 */
function escapeLiteralAt(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/@(?![.:])/g, "{'@'}")
  if (Array.isArray(value)) return value.map(escapeLiteralAt)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeLiteralAt(v)]))
  return value
}
