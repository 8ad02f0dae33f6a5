import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type APIResponse, expect, test } from '@playwright/test';
import { demo } from '../fixtures.ts';
import { unzip } from '../support/zip.ts';

/**
 * Runs after every flow (project `secrets-written` depends on `chromium`), while the app and the
 * Rally simulator still run: everything Tandem wrote during the suite is searched, as raw bytes,
 * for every secret the suite used. Expected: no hit anywhere.
 *
 * Secrets Tandem must never write in the clear (in its database, its log, an API answer or a
 * page): credentials of remote systems (the Rally users' passwords and API keys, Tandem's OAuth
 * client secret), the access and refresh tokens Rally issued, the webhook secrets Tandem
 * registered, the encryption key (base64, base64url, hex) and the session cookies it issued.
 * Read from the simulator's state file (users, keys, clients, tokens, webhook target URLs), from
 * the Azure DevOps simulator's control API (its tokens) and subscriptions (the hook secrets), from
 * the key file in the data dir and from the `Set-Cookie` answers recorded in the traces.
 *
 * What the flows themselves typed is not Tandem's writing: the demo password `tandem-demo` the
 * login form and the API sign-in send, and the Rally API key typed into the wizard. Playwright
 * records those in its traces (action parameters, form values in DOM snapshots, request bodies),
 * so in traces only what Tandem sent back is searched: its answers (bodies, headers) and its
 * pages without the values of inputs. The demo password is searched in the data dir and the API
 * answers (Tandem keeps only its hash); the log prints it on purpose (the demo's banner). Traffic between the flows and the simulator (Rally's own sign-in page, its
 * control API) is not Tandem's either and is skipped.
 *
 * Where (each hit is printed with its place):
 * - the data dir: every file (SQLite database, WAL and journal), except `secret.key`, the key's
 *   own home;
 * - the server's log (LOG_LEVEL=info, requests included), see TANDEM_E2E_SERVER_LOG;
 * - Playwright's output dir: every trace.zip, unpacked;
 * - the integration-log API: every entry of every integration of the owner's workspaces.
 */

type Secret = { kind: string; value: string };
type Hit = { where: string; kind: string };

const here = import.meta.dirname;
const dataDir = process.env.TANDEM_E2E_DATA_DIR!;
const serverLog = process.env.TANDEM_E2E_SERVER_LOG!;
const simState = process.env.TANDEM_E2E_SIM_STATE!;
/**
 * Playwright's output dir. To run this check again alone on a finished run: copy test-results,
 * then `E2E_TRACES_DIR=<copy> E2E_TRACES_BASE_URL=http://127.0.0.1:3100 TANDEM_E2E_DATA_DIR=<its
 * data dir> E2E_PORT=3190 E2E_SIM_RALLY_PORT=4190 playwright test --project secrets-written
 * --no-deps` (other ports, so a run in progress is not disturbed).
 */
const outputDir = resolve(process.env.E2E_TRACES_DIR ?? resolve(here, '../../test-results'));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());
}

/** Secrets of remote systems and Tandem's own keys, from the simulator's state and the key file. */
function remoteAndKeySecrets(): Secret[] {
  const secrets: Secret[] = [];
  const add = (kind: string, value: unknown) => {
    if (typeof value === 'string' && value.length >= 6) secrets.push({ kind, value });
  };
  expect(existsSync(simState), `the Rally simulator's state file ${simState}`).toBe(true);
  const text = readFileSync(simState, 'utf8');
  const state = JSON.parse(text) as {
    auth: {
      passwords: Record<string, string>;
      apiKeys: { key: string }[];
      clients: { clientSecret: string }[];
      accessTokens: { token: string }[];
      refreshTokens: { token: string }[];
    };
  };
  for (const p of Object.values(state.auth.passwords)) add('Rally user password', p);
  for (const k of state.auth.apiKeys) add('Rally API key', k.key);
  for (const c of state.auth.clients) add('OAuth client secret', c.clientSecret);
  for (const t of state.auth.accessTokens) add('Rally access token', t.token);
  for (const t of state.auth.refreshTokens) add('Rally refresh token', t.token);
  for (const m of text.matchAll(/tandem_token=([^"&\s\\]+)/g)) {
    add('webhook secret', decodeURIComponent(m[1]!));
  }
  add('OAuth client secret', process.env.RALLY_OAUTH_CLIENT_SECRET ?? 'tandem-local-secret');
  const keyFile = join(dataDir, 'secret.key');
  if (existsSync(keyFile)) {
    for (const m of readFileSync(keyFile, 'utf8').matchAll(/[A-Za-z0-9+/_-]{40,}={0,2}/g)) {
      const key = Buffer.from(
        m[0],
        m[0].includes('-') || m[0].includes('_') ? 'base64url' : 'base64',
      );
      if (key.length !== 32) continue;
      add('encryption key (base64)', key.toString('base64'));
      add('encryption key (base64url)', key.toString('base64url'));
      add('encryption key (hex)', key.toString('hex'));
      add('encryption key (raw)', key.toString('latin1'));
    }
  }
  return secrets;
}

/**
 * Secrets of the Azure DevOps simulator: its users' personal access tokens (the expired and
 * revoked ones too) and the service-hook secrets Tandem registered (`X-Tandem-Hook-Secret`).
 */
async function azureDevOpsSecrets(): Promise<Secret[]> {
  const simulator = process.env.E2E_SIM_ADO_URL;
  if (!simulator) return [];
  const control = (await (await fetch(`${simulator}/__sim/`)).json()) as {
    url: string;
    users: { token: string }[];
    expiredToken: string;
    revokedToken: string;
  };
  const out: Secret[] = [
    ...control.users.map((u) => ({ kind: 'Azure DevOps personal access token', value: u.token })),
    { kind: 'Azure DevOps personal access token', value: control.expiredToken },
    { kind: 'Azure DevOps personal access token', value: control.revokedToken },
  ];
  const auth = `Basic ${Buffer.from(`:${control.users[0]!.token}`).toString('base64')}`;
  const hooks = (await (
    await fetch(`${control.url}/_apis/hooks/subscriptions?api-version=7.1`, {
      headers: { authorization: auth },
    })
  ).json()) as { value: { consumerInputs: { httpHeaders?: string } }[] };
  for (const hook of hooks.value) {
    const secret = /X-Tandem-Hook-Secret:\s*(\S+)/i.exec(
      hook.consumerInputs.httpHeaders ?? '',
    )?.[1];
    if (secret) out.push({ kind: 'Azure DevOps service-hook secret', value: secret });
  }
  return out;
}

/**
 * The Azure DevOps simulator's organisation is named `tandem-demo`, as the demo password is: its
 * URLs (`…/tandem-demo/_apis/…`, `…:4120/tandem-demo`) are not the password.
 */
const ORGANISATION_PATH = /\/tandem-demo(?=[/"?\\\s]|$)/g;

function search(bytes: Buffer, secrets: Secret[], where: string, hits: Hit[]) {
  let withoutOrganisation: Buffer | undefined;
  for (const s of secrets) {
    if (s.kind === 'demo password') {
      withoutOrganisation ??= Buffer.from(
        bytes.toString('latin1').replace(ORGANISATION_PATH, ''),
        'latin1',
      );
      if (withoutOrganisation.includes(Buffer.from(s.value))) hits.push({ where, kind: s.kind });
      continue;
    }
    if (bytes.includes(Buffer.from(s.value, s.kind.endsWith('(raw)') ? 'latin1' : 'utf8'))) {
      hits.push({ where, kind: s.kind });
    }
  }
}

type NetworkLine = {
  type: string;
  snapshot?: {
    request: { url: string; headers?: unknown; postData?: unknown };
    response: { headers?: { name: string; value: string }[]; content?: { _sha1?: string } };
  };
};

/**
 * Searches one trace for `secrets` in what Tandem sent (answers, pages without input values) and
 * collects the session cookies Tandem set.
 */
function searchTrace(zipPath: string, baseURL: string, secrets: Secret[], hits: Hit[]) {
  const entries = unzip(readFileSync(zipPath));
  const cookies: string[] = [];
  const tandemBodies = new Set<string>();
  const where = (name: string) => `${zipPath.slice(outputDir.length + 1)} › ${name}`;
  for (const [name, bytes] of entries) {
    if (name.endsWith('.network')) {
      const kept: unknown[] = [];
      for (const line of bytes.toString('utf8').split('\n')) {
        if (!line) continue;
        const entry = JSON.parse(line) as NetworkLine;
        const snap = entry.snapshot;
        if (!snap?.request.url.startsWith(baseURL)) continue;
        // What the browser or the flow sent (typed values, cookies) is the flow's, not Tandem's.
        delete snap.request.postData;
        delete snap.request.headers;
        for (const h of snap.response.headers ?? []) {
          const cookie = !/^set-cookie$/i.test(h.name)
            ? null
            : /^(?:__Host-)?tandem_session=([^;]+)/.exec(h.value);
          if (cookie?.[1]) cookies.push(cookie[1]);
        }
        if (snap.response.content?._sha1) tandemBodies.add(snap.response.content._sha1);
        kept.push(entry);
      }
      search(Buffer.from(JSON.stringify(kept)), secrets, where(name), hits);
    } else if (name.endsWith('.trace')) {
      const kept: string[] = [];
      for (const line of bytes.toString('utf8').split('\n')) {
        if (!line) continue;
        const event = JSON.parse(line) as { type: string; params?: unknown; frameUrl?: string };
        // Actions are what the flow did (fill values, API sign-in bodies, headers of its own
        // calls to the simulator), as are Playwright's log lines narrating them.
        if (event.type === 'log') continue;
        if (event.type === 'before') {
          for (const key of ['params', 'title', 'subtitle'])
            delete (event as Record<string, unknown>)[key];
        }
        // Snapshots of Rally's own pages (its sign-in form) are not Tandem's.
        const snapshotUrl = (event as { snapshot?: { frameUrl?: string } }).snapshot?.frameUrl;
        if (event.type === 'frame-snapshot' && snapshotUrl && !snapshotUrl.startsWith(baseURL))
          continue;
        // Values typed into inputs, as Playwright records them in DOM snapshots.
        // A password input's own `value` attribute (React keeps it in step with what was typed) is
        // the same typed value.
        kept.push(
          JSON.stringify(event)
            .replace(/"__playwright_value_":"(?:[^"\\]|\\.)*"/g, '')
            .replace(/\{[^{}]*"type":"password"[^{}]*\}/g, (input) =>
              input.replace(/"value":"(?:[^"\\]|\\.)*"/g, ''),
            ),
        );
      }
      search(Buffer.from(kept.join('\n')), secrets, where(name), hits);
    }
  }
  for (const [name, bytes] of entries) {
    if (name.startsWith('resources/') && tandemBodies.has(basename(name))) {
      search(bytes, secrets, where(name), hits);
    }
  }
  return cookies;
}

test('nothing Tandem wrote during the suite holds a secret the suite used', async ({
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // The traces' Tandem is this run's, unless the check runs again alone on a copy of them.
  const origin = process.env.E2E_TRACES_BASE_URL ?? baseURL!;
  // The simulator saves its state at most every 200 ms; let the last save land.
  await new Promise((r) => setTimeout(r, 500));
  const secrets = [...remoteAndKeySecrets(), ...(await azureDevOpsSecrets())];
  const kinds = new Set(secrets.map((s) => s.kind));
  // The suite connects with API keys and through OAuth, and enables integrations (webhooks).
  for (const kind of ['Rally API key', 'Rally user password', 'OAuth client secret'])
    expect(kinds, `secrets of kind ${kind}`).toContain(kind);

  const hits: Hit[] = [];
  const scanned: Record<string, number> = {};
  const count = (what: string, bytes: number) => {
    scanned[what] = (scanned[what] ?? 0) + bytes;
  };

  // Traces first: they hold the session cookies Tandem set.
  const cookies: string[] = [];
  const traces = filesUnder(outputDir).filter((f) => f.endsWith('.zip'));
  for (const trace of traces) {
    cookies.push(...searchTrace(trace, origin, secrets, hits));
    count('traces', statSync(trace).size);
  }
  const issued: Secret[] = [
    ...secrets,
    ...[...new Set(cookies)].map((value) => ({ kind: 'session cookie', value })),
  ];
  // The demo password is printed on purpose in the log (the demo's sign-in banner); it must not be
  // stored (only its hash) nor answered by the API.
  const everywhereElse: Secret[] = [...issued, { kind: 'demo password', value: demo.password }];

  for (const file of filesUnder(dataDir)) {
    if (basename(file) === 'secret.key') continue;
    const bytes = readFileSync(file);
    search(bytes, everywhereElse, file, hits);
    count('data dir', bytes.length);
  }
  expect(existsSync(serverLog), `the server's log ${serverLog}`).toBe(true);
  const log = readFileSync(serverLog);
  search(log, issued, serverLog, hits);
  count('server log', log.length);

  const login = await request.post('/api/auth/login', {
    data: { email: demo.owner.email, password: demo.password },
  });
  expect(login.status()).toBe(200);
  const { workspaces } = (await login.json()) as { workspaces: { id: string }[] };
  let integrationCount = 0;
  for (const ws of workspaces) {
    const list = await request.get(`/api/workspaces/${ws.id}/integrations`);
    expect(list.status()).toBe(200);
    const body = (await list.json()) as { integrations?: { id: string }[] } | { id: string }[];
    const integrations = Array.isArray(body) ? body : (body.integrations ?? []);
    for (const integration of integrations) {
      integrationCount++;
      let before: number | null = null;
      do {
        const url: string = `/api/workspaces/${ws.id}/integrations/${integration.id}/log?limit=500${before ? `&before=${before}` : ''}`;
        const page: APIResponse = await request.get(url);
        expect(page.status(), url).toBe(200);
        const bytes = await page.body();
        search(bytes, everywhereElse, `GET ${url}`, hits);
        count('integration-log API', bytes.length);
        before = ((await page.json()) as { nextBefore: number | null }).nextBefore;
      } while (before);
    }
  }

  console.info(
    `secrets-written: ${everywhereElse.length} secrets (${[...new Set(everywhereElse.map((s) => s.kind))].join(', ')}); ` +
      `${traces.length} traces, ${integrationCount} integrations; bytes ${JSON.stringify(scanned)}; ${hits.length} hits`,
  );
  for (const hit of hits) console.error(`secret found: ${hit.kind} in ${hit.where}`);
  expect(traces.length, 'traces of the flows (trace: on)').toBeGreaterThan(0);
  expect(integrationCount, 'integrations the flows made').toBeGreaterThan(0);
  expect(hits).toEqual([]);
});
