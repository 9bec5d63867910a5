import { defineConfig } from '@playwright/test'

/** The desktop app itself, driven through Playwright's Electron support where the binary exists. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  reporter: 'list',
  timeout: 60_000,
})
