import { defineConfig } from '@playwright/test';
import { browserLaunchOptions } from './scripts/browser.mjs';

const PREVIEW_PORT = 4173;
export const SANDBOX_PORT = 8787;

export default defineConfig({
  testDir: './e2e',
  testMatch: '*.spec.ts',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
    launchOptions: browserLaunchOptions(),
    trace: 'off',
    screenshot: 'only-on-failure',
    // The build's service worker would precache the app in every fresh context, and would answer requests
    // that page.route never sees. Only the specs about it allow it (e2e/offline*.spec.ts).
    serviceWorkers: 'block',
  },
  webServer: [
    {
      // `--mode e2e` serves dist-e2e/, the build with the test hook (vite.config.ts), never dist/.
      command: `node node_modules/vite/bin/vite.js preview --mode e2e --host 127.0.0.1 --port ${PREVIEW_PORT} --strictPort`,
      url: `http://127.0.0.1:${PREVIEW_PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The sandbox over real HTTP on another origin, for Custom URL flows and cross-origin checks.
      command: `node node_modules/tsx/dist/cli.mjs scripts/sandbox-server.ts --port ${SANDBOX_PORT} --quiet`,
      url: `http://127.0.0.1:${SANDBOX_PORT}/__sandbox/faults`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
