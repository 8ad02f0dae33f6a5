import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { TransportOptions } from '@tandem/connector-kit';
import { integrationTemplateSchema, oauthStartSchema } from '@tandem/contracts';
import { createSecretBox, type DatabaseHandle } from '@tandem/storage';
import pino from 'pino';
import { completeDeps } from '../../src/app-deps.ts';
import { parseEnv } from '../../src/env.ts';
import { createWebhookRefusals } from '../../src/integrations/webhook-refusals.ts';
import { createSyncService } from '../../src/sync/sync-service.ts';
import { createTestApp, ORIGIN, type TestResponse } from '../support/test-app.ts';

type Browser = ReturnType<Awaited<ReturnType<typeof createTestApp>>['client']>;

/**
 * The Rally account Tandem's OAuth client is registered with (`RALLY_OAUTH_ACCOUNT_URL`): the
 * suite's simulator once `rallySimulatorForSuite` started it; a test may name another in `env`.
 */
let oauthAccountUrl = 'http://127.0.0.1:4010';
export function registerOAuthClientAt(accountUrl: string): void {
  oauthAccountUrl = accountUrl;
}

/**
 * A BFF for the wizard tests: private networks allowed (the simulator is on 127.0.0.1), its own
 * sync service (so a test may trust the simulator's test CA), and optionally a real port so the
 * simulator can deliver webhooks to it.
 */
export async function wizardApp(
  database: DatabaseHandle,
  options: {
    listen?: boolean;
    ca?: TransportOptions['ca'];
    /** How the transport resolves host names (a test stands in for DNS). */
    resolveHost?: TransportOptions['resolveHost'];
    env?: Record<string, string>;
    now?: () => Date;
  } = {},
) {
  let fetchApp: (request: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  let server: ReturnType<typeof serve> | undefined;
  let publicUrl = ORIGIN;
  if (options.listen) {
    server = serve({ fetch: (r) => fetchApp(r), port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  const secrets = createSecretBox(randomBytes(32));
  const registered = options.env?.RALLY_OAUTH_ACCOUNT_URL ?? oauthAccountUrl;
  const sync = createSyncService({
    database,
    box: secrets,
    logger: pino({ level: 'silent' }),
    concurrency: 8,
    ...(options.now ? { now: options.now } : {}),
    oauthClient: {
      clientId: 'tandem-local-client',
      clientSecret: 'tandem-local-secret',
      accountUrl: registered,
    },
    transport: {
      // As the app's env says (the simulator listens on 127.0.0.1).
      allowPrivateNetwork: (options.env?.ALLOW_PRIVATE_NETWORK ?? 'true') === 'true',
      ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
      ...(options.ca ? { ca: options.ca } : {}),
    },
  });
  const webhookRefusals = createWebhookRefusals({
    database,
    now: options.now ?? (() => new Date()),
  });
  const envOverrides = {
    ALLOW_PRIVATE_NETWORK: 'true',
    PUBLIC_URL: publicUrl,
    ...(options.env ?? {}),
    RALLY_OAUTH_ACCOUNT_URL: registered,
  };
  // The dependencies the app runs with, for parts the server starts beside it (the poller, the
  // webhook inbox): one set, shared with the app.
  const deps = completeDeps({
    env: parseEnv({ LOG_LEVEL: 'silent', ...envOverrides }),
    database,
    logger: pino({ level: 'silent' }),
    secrets,
    sync,
    webhookRefusals,
    ...(options.now ? { now: options.now } : {}),
  });
  const test = await createTestApp(database, envOverrides, {
    secrets,
    sync,
    webhookRefusals,
    webhookInbox: deps.webhookInbox,
    ...(options.now ? { now: options.now } : {}),
  });
  fetchApp = test.app.fetch;
  return {
    ...test,
    sync,
    publicUrl,
    /** The dependencies the app runs with, for parts the server starts beside it (the poller). */
    deps,
    async close() {
      await deps.webhookInbox.stop();
      await webhookRefusals.close();
      await sync.close();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

export async function signIn(browser: Browser, email = 'owner@tandem.demo') {
  const { workspaces } = await (await browser.login(email)).json();
  const workspace = workspaces[0] as { id: string; key: string };
  return {
    workspace,
    workspaces: workspaces as { id: string; key: string }[],
    base: `/api/workspaces/${workspace.id}/integrations`,
  };
}

/** Creates a draft and saves the account URL; returns the integration as the API answers. */
export async function draftWithAccount(
  browser: Browser,
  base: string,
  accountUrl: string,
  name = 'Rally',
) {
  const created = await (await browser.request('POST', base, { system: 'rally', name })).json();
  const res = await browser.request('PATCH', `${base}/${created.id}`, {
    version: created.version,
    wizardStep: 'authorize',
    settings: { accountUrl },
  });
  return (await res.json()) as { id: string; version: number; settings: Record<string, unknown> };
}

const unescapeHtml = (s: string) =>
  s
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

function formFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    out[m[1]!] = unescapeHtml(m[2]!);
  return out;
}

/**
 * A browser at the simulator's Rally: keeps its session cookie, shows the login page, then the
 * consent page, over plain HTTP. Returns where Rally finally redirects (Tandem's callback).
 */
export function rallyBrowser() {
  let cookie = '';
  async function go(url: string, init: RequestInit = {}) {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return res;
  }
  const post = (url: string, fields: Record<string, string>) =>
    go(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  return {
    hasSession: () => cookie !== '',
    /** Follows the authorization through login and consent; `prompts` lists the pages shown. */
    async authorize(
      authorizationUrl: string,
      options: { username?: string; password?: string; decision?: 'allow' | 'deny' } = {},
    ): Promise<{ callback: URL; prompts: string[] }> {
      const prompts: string[] = [];
      const origin = new URL(authorizationUrl).origin;
      let res = await go(authorizationUrl);
      for (let step = 0; step < 6 && res.status === 200; step++) {
        const html = await res.text();
        if (html.includes('action="/login/oauth2/login"')) {
          prompts.push('login');
          res = await post(`${origin}/login/oauth2/login`, {
            return_to: formFields(html).return_to ?? '/',
            username: options.username ?? 'pat.planner@acme.example',
            password: options.password ?? 'Planner-Pass-1',
          });
          if (res.status === 302)
            res = await go(new URL(res.headers.get('location')!, origin).toString());
        } else if (html.includes('action="/login/oauth2/consent"')) {
          prompts.push('consent');
          res = await post(`${origin}/login/oauth2/consent`, {
            ...formFields(html),
            decision: options.decision ?? 'allow',
          });
        } else {
          throw new Error(`Unexpected page from Rally: ${html.slice(0, 200)}`);
        }
      }
      if (res.status !== 302) throw new Error(`Rally answered ${res.status}: ${await res.text()}`);
      return { callback: new URL(res.headers.get('location')!), prompts };
    },
  };
}

/** Starts the authorization in Tandem, completes it at Rally, and returns Tandem's redirect. */
export async function authorizeIntegration(
  browser: Browser,
  base: string,
  integrationId: string,
  rally: ReturnType<typeof rallyBrowser>,
  options: Parameters<ReturnType<typeof rallyBrowser>['authorize']>[1] = {},
) {
  const start = await browser.request('POST', `${base}/${integrationId}/oauth/start`);
  return completeAtRally(browser, start, rally, options);
}

/** Creates a template and saves its account URL; returns the template as the API answers. */
export async function templateWithAccount(browser: Browser, accountUrl: string, name = 'Shared') {
  const created = await (
    await browser.request('POST', '/api/integration-templates', { name, system: 'rally' })
  ).json();
  const res = await browser.request('PATCH', `/api/integration-templates/${created.id}`, {
    version: created.version,
    settings: { accountUrl },
  });
  return (await res.json()) as { id: string; version: number; settings: Record<string, unknown> };
}

export const readTemplate = async (browser: Browser, id: string) =>
  integrationTemplateSchema.parse(
    await (await browser.request('GET', `/api/integration-templates/${id}`)).json(),
  );

/** As `authorizeIntegration`, for a template authorized from one of the owner's workspaces. */
export async function authorizeTemplate(
  browser: Browser,
  templateId: string,
  workspaceId: string,
  rally: ReturnType<typeof rallyBrowser>,
  options: Parameters<ReturnType<typeof rallyBrowser>['authorize']>[1] = {},
) {
  const start = await browser.request(
    'POST',
    `/api/integration-templates/${templateId}/oauth/start`,
    { workspaceId },
  );
  return completeAtRally(browser, start, rally, options);
}

/** Follows a started authorization through Rally and hands Rally's answer to Tandem's callback. */
async function completeAtRally(
  browser: Browser,
  start: TestResponse,
  rally: ReturnType<typeof rallyBrowser>,
  options: Parameters<ReturnType<typeof rallyBrowser>['authorize']>[1],
) {
  const { authorizationUrl } = oauthStartSchema.parse(await start.json());
  const { callback, prompts } = await rally.authorize(authorizationUrl, options);
  const answer = await browser.request('GET', `${callback.pathname}${callback.search}`);
  return {
    answer,
    location: answer.headers.get('location') ?? '',
    prompts,
    callback,
    authorizationUrl: new URL(authorizationUrl),
  };
}

export type { Browser, TestResponse };
