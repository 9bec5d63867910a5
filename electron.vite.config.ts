import { cpSync } from 'node:fs'
import { resolve } from 'node:path'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { precompiledMessages } from './scripts/vite/precompiledMessages'

/** Copies the SQL migrations beside the main bundle, where `defaultMigrationsDir()` looks for them. */
const copyMigrations = {
  name: 'overturn-copy-migrations',
  closeBundle() {
    cpSync(resolve('electron/core/db/migrations'), resolve('out/main/migrations'), { recursive: true })
  },
}

export default defineConfig({
  main: {
    build: {
      // The worker threads are entries of their own (electron/core/workers/startWorker.ts finds them beside the bundle).
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          backupWorker: resolve('electron/core/backup/backupWorker.ts'),
          integrityWorker: resolve('electron/core/db/integrityWorker.ts'),
        },
      },
      externalizeDeps: true,
    },
    plugins: [copyMigrations],
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
      outDir: resolve('out/renderer'),
      // electron-vite leaves bundles unminified by default; the renderer is minified (issue 15).
      minify: true,
    },
    // Messages precompiled at build time, and vue-i18n's runtime-only build (issue 15).
    plugins: [vue(), precompiledMessages(), VueI18nPlugin({ runtimeOnly: true, compositionOnly: true, fullInstall: true, include: [] })],
  },
})
