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
/** The Azure DevOps simulator (its organisation URL is `<url>/tandem-demo`), on its own port. */
const SIM_ADO_PORT = Number(process.env.E2E_SIM_ADO_PORT ?? 4120);
process.env.E2E_SIM_ADO_URL ??= `http://127.0.0.1:${SIM_ADO_PORT}`;

// One fresh database per run. Workers load this file again; the env var makes them reuse the
// directory the main process made instead of creating their own.
process.env.TANDEM_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
/**
 * What the app and the Rally simulator leave behind, for the `secrets-written` check that runs
 * after every flow: the server's log (beside the data dir) and the simulator's state (its users,
 * API keys, OAuth client, the tokens it issued and the webhooks Tandem registered).
 */
process.env.TANDEM_E2E_SERVER_LOG ??= `${process.env.TANDEM_E2E_DATA_DIR}-server.log`;
process.env.TANDEM_E2E_SIM_STATE ??= `${process.env.TANDEM_E2E_DATA_DIR}-rally-sim.json`;

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
    // Kept for every flow: the secrets-written check reads them for secrets Tandem showed.
    trace: 'on',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testDir: './tests',
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
    {
      // After every flow: greps what Tandem wrote (database files, its log, the traces, the
      // integration-log API) for every secret the flows used. See security/secrets-written.spec.ts.
      name: 'secrets-written',
      testDir: './security',
      dependencies: ['chromium'],
      use: { trace: 'off', screenshot: 'off' },
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
      env: {
        SIM_RALLY_HOST: '127.0.0.1',
        SIM_RALLY_PORT: String(SIM_RALLY_PORT),
        SIM_RALLY_STATE_FILE: process.env.TANDEM_E2E_SIM_STATE,
      },
    },
    {
      command:
        'node --disable-warning=ExperimentalWarning ../packages/simulators/azure-devops/src/cli.ts',
      cwd: here,
      url: `${process.env.E2E_SIM_ADO_URL}/__sim/`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { SIM_ADO_HOST: '127.0.0.1', SIM_ADO_PORT: String(SIM_ADO_PORT) },
    },
    {
      // The log goes to a file (read by the secrets-written check; look there when it fails).
      command: `node --disable-warning=ExperimentalWarning ../apps/bff/src/server.ts >> "${process.env.TANDEM_E2E_SERVER_LOG}" 2>&1`,
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
        // Everything a production server logs (requests included), for the secrets check.
        LOG_LEVEL: 'info',
        ALLOW_PRIVATE_NETWORK: 'true',
        // Tandem's Rally OAuth client is the simulator's, registered there (decision 021).
        RALLY_OAUTH_ACCOUNT_URL: process.env.E2E_SIM_RALLY_URL,
        // Background polls once an hour: a spec that checks for changes by hand is not raced.
        POLL_SECONDS: '3600',
      },
    },
  ],
});
