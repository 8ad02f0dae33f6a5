import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const here = import.meta.dirname;
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
/** The Rally simulator the send flows talk to (an account URL on loopback, hence the flag below). */
const SIM_RALLY_PORT = Number(process.env.E2E_SIM_RALLY_PORT ?? 4110);
process.env.E2E_SIM_RALLY_URL ??= `http://127.0.0.1:${SIM_RALLY_PORT}`;

// One fresh database per run. Workers load this file again; the env var makes them reuse the
// directory the main process made instead of creating their own.
process.env.TANDEM_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'tandem-e2e-'));

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  outputDir: resolve(here, '../test-results'),
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? '../.reports/playwright.json' },
    ],
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node --disable-warning=ExperimentalWarning ../packages/simulators/rally/src/cli.ts',
      cwd: here,
      url: `${process.env.E2E_SIM_RALLY_URL}/__sim/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { SIM_RALLY_HOST: '127.0.0.1', SIM_RALLY_PORT: String(SIM_RALLY_PORT) },
    },
    {
      command: 'node --disable-warning=ExperimentalWarning ../apps/bff/src/server.ts',
      cwd: here,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        TANDEM_DEMO: 'true',
        DATA_DIR: process.env.TANDEM_E2E_DATA_DIR,
        WEB_DIST: resolve(here, '../apps/web/dist'),
        LOG_LEVEL: 'warn',
        ALLOW_PRIVATE_NETWORK: 'true',
        // Tandem's Rally OAuth client is the simulator's, registered there (decision 021).
        RALLY_OAUTH_ACCOUNT_URL: process.env.E2E_SIM_RALLY_URL,
        // Background polls once an hour: a spec that checks for changes by hand is not raced.
        POLL_SECONDS: '3600',
      },
    },
  ],
});
