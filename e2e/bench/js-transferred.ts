// The JavaScript a browser downloads (compressed, as sent) for the login page, and for the board
// reached by signing in there: a real BFF on the built SPA, Chromium with an empty cache.
// Prints one JSON line per figure, with its bound (issue 20: login ≤ 120 KB, board ≤ 200 KB).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';

const root = new URL('../..', import.meta.url).pathname;
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const server = spawn(
  process.execPath,
  ['--disable-warning=ExperimentalWarning', join(root, 'apps/bff/src/server.ts')],
  {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TANDEM_DEMO: 'true',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'tandem-bench-js-')),
      WEB_DIST: join(root, 'apps/web/dist'),
      LOG_LEVEL: 'silent',
      POLL_SECONDS: '3600',
    },
    stdio: 'ignore',
  },
);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the server did not start');
}

/** Counts the compressed bytes of every script the page receives from now on. */
function countScripts(page: Page) {
  let bytes = 0;
  const files: string[] = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().endsWith('.js')) return;
    const sizes = await request.sizes();
    bytes += sizes.responseBodySize;
    files.push(request.url().split('/').pop() ?? '');
  });
  return { bytes: () => bytes, files };
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

try {
  await waitForServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const scripts = countScripts(page);

  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: /sign in/i }).waitFor();
  await page.waitForLoadState('networkidle');
  const login = scripts.bytes();
  console.log(
    JSON.stringify({
      name: 'js transferred: login page',
      kb: kb(login),
      bound: 120,
      pass: kb(login) <= 120,
      files: scripts.files.length,
    }),
  );

  await page.getByLabel('Email').fill('owner@tandem.demo');
  await page.getByLabel('Password').fill('tandem-demo');
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.locator('[data-feature]').first().waitFor();
  const board = scripts.bytes();
  console.log(
    JSON.stringify({
      name: 'js transferred: login + board (painted)',
      kb: kb(board),
      bound: 200,
      pass: kb(board) <= 200,
      files: scripts.files.length,
    }),
  );

  // The drawer's chunk (with the editor) follows once the board is idle.
  await page.waitForTimeout(5000);
  const idle = scripts.bytes() - board;
  console.log(JSON.stringify({ name: 'js transferred: drawer preloaded when idle', kb: kb(idle) }));
  await browser.close();
} finally {
  server.kill();
}
