import { defineConfig, devices } from '@playwright/test';
import { withProjectFonts } from './tests/support/fonts';

/**
 * Browser end-to-end tests: the real renderer (built by `vite build` into out/renderer) against
 * the real API, served by the browser host on loopback, driven in Debian Chromium.
 * Each spec starts its own host on a fresh temporary archive (tests/e2e/support/host.ts).
 * Chromium gets the project's font map, so screenshots show the same fonts on every machine.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  // Spec files in parallel, each on its own host and archive; the tests inside a file share one and run in order.
  fullyParallel: false,
  workers: 2,
  // No retries anywhere: a test that passes only on a second try is a failure to fix.
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // A machine in a zone other than the office's (Asia/Shanghai in every spec): the UI must still show
    // and pick office time. Running the browser in the office's own zone would hide machine-zone bugs.
    timezoneId: 'America/Los_Angeles',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      env: withProjectFonts(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
  projects: [{ name: 'chromium' }],
});
