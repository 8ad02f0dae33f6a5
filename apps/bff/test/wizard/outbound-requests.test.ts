import type { ResolvedAddress } from '@tandem/connector-kit';
import { DEFAULT_ADMIN_API_KEY } from '@tandem/sim-rally';
import { integrationsRepository } from '@tandem/storage';
import { describeEachDialect } from '@tandem/storage/testing';
import { beforeEach, expect, it } from 'vitest';
import { rallySimulatorForSuite, signedInOwner } from './suite-setup.ts';
import {
  authorizeIntegration,
  authorizeTemplate,
  draftWithAccount,
  rallyBrowser,
  templateWithAccount,
} from './support.ts';

type LogRow = {
  integration_id: string;
  level: string;
  event: string;
  message: string;
  data: unknown;
};

/** What the wizard's outbound calls leave in the integration log, and where they may go. */
describeEachDialect('outbound requests from the wizard', (handle) => {
  const sim = rallySimulatorForSuite();
  beforeEach(() => sim.simulator.control.reset());

  const httpLines = async (integrationId: string) =>
    (await handle()
      .db.selectFrom('integration_log')
      .select(['integration_id', 'level', 'event', 'message', 'data'])
      .where('integration_id', '=', integrationId)
      .where('event', '=', 'http')
      .execute()) as LogRow[];

  it('refuses at connect a host that resolved public when it was entered and private now', async () => {
    // The name's answer changes after the URL was accepted (DNS rebinding): it now leads to the
    // simulator on 127.0.0.1, which this server may not reach.
    const answers = new Map<string, string>();
    const resolveHost = async (hostname: string): Promise<ResolvedAddress[]> => {
      const address = answers.get(hostname);
      if (!address) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return [{ address, family: 4 }];
    };
    const { app, browser, base } = await signedInOwner(handle(), {
      env: { ALLOW_PRIVATE_NETWORK: 'false' },
      resolveHost,
    });
    const draft = await (
      await browser.request('POST', base, { system: 'rally', name: 'Rebound' })
    ).json();
    // Accepted at entry when the name still answered a public address.
    const host = `rally-${draft.id.slice(0, 8)}.rebind.test`;
    await integrationsRepository(handle().db).update(draft.id, {
      // (The refusal comes before any TLS handshake: the simulator's plain port will do.)
      config: { accountUrl: `https://${host}:${new URL(sim.url).port}` },
    });
    answers.set(host, '127.0.0.1');

    const refused = await browser.request('PUT', `${base}/${draft.id}/credentials/api-key`, {
      apiKey: DEFAULT_ADMIN_API_KEY,
    });
    expect(refused.status).toBe(400);
    const reason = `${host} resolves to a private address (127.0.0.1); Tandem does not connect to private networks`;
    expect((await refused.json()).error.details.fields).toEqual([
      { path: 'apiKey', message: `Could not reach the account: ${reason}` },
    ]);
    // The log says why, under this integration.
    await app.deps.sync.gateway.close();
    const lines = await httpLines(draft.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', integration_id: draft.id });
    expect(JSON.stringify(lines[0]?.data)).toContain(reason);
    await app.close();
  });

  it('logs each integration’s calls under its own id, also on a shared account transport', async () => {
    const { app, browser, base } = await signedInOwner(handle());
    const first = await draftWithAccount(browser, base, sim.url, 'First');
    const second = await draftWithAccount(browser, base, sim.url, 'Second');
    const key = { apiKey: DEFAULT_ADMIN_API_KEY };
    expect(
      (await browser.request('PUT', `${base}/${first.id}/credentials/api-key`, key)).status,
    ).toBe(200);
    // The log is written in batches (100 ms); the transport stays open, to be shared.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const firstLines = (await httpLines(first.id)).length;
    expect(firstLines).toBeGreaterThan(0);

    // Same account, same key: the second integration shares the first one's transport.
    expect(
      (await browser.request('PUT', `${base}/${second.id}/credentials/api-key`, key)).status,
    ).toBe(200);
    const discovery = await browser.request('GET', `${base}/${second.id}/remote/workspaces`);
    expect(discovery.status).toBe(200);
    await app.deps.sync.gateway.close();
    const secondLines = await httpLines(second.id);
    expect(secondLines.map((l) => l.message).join('\n')).toMatch(/workspace/i);
    expect(secondLines.length).toBeGreaterThan(1);
    expect((await httpLines(first.id)).length).toBe(firstLines);
    await app.close();
  });

  const tokenLines = (lines: LogRow[]) => lines.filter((l) => l.message.startsWith('oauth.token'));

  it('logs the OAuth token exchange under the integration or the template it is for, without the code', async () => {
    const { app, browser, base, workspace } = await signedInOwner(handle());
    const draft = await draftWithAccount(browser, base, sim.url, 'OAuth');
    const integration = await authorizeIntegration(browser, base, draft.id, rallyBrowser());
    expect(integration.location).toMatch(/connected=1|\/wizard\/workspace/);

    const template = await templateWithAccount(browser, sim.url);
    const done = await authorizeTemplate(browser, template.id, workspace.id, rallyBrowser());
    expect(done.location).toContain('connected=1');
    // A refused exchange keeps its request body in the log: the code and the verifier by name.
    const other = await draftWithAccount(browser, base, sim.url, 'Refused');
    const fault = await fetch(`${sim.url}/__sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/login/oauth2/token', status: 400, times: 1 }),
    });
    expect(fault.status).toBe(201);
    const failed = await authorizeIntegration(browser, base, other.id, rallyBrowser());
    expect(failed.location).toContain('error=');
    await app.deps.sync.gateway.close();
    const refusedLine = tokenLines(await httpLines(other.id))[0];
    const data = refusedLine?.data;
    const sent = new URLSearchParams(
      ((typeof data === 'string' ? JSON.parse(data) : data) as { requestBody?: string })
        ?.requestBody ?? '',
    );
    expect(sent.get('grant_type')).toBe('authorization_code');
    expect(sent.get('code')).toBe('[REDACTED]');
    expect(sent.get('code_verifier')).toBe('[REDACTED]');
    expect(sent.get('client_secret')).toBe('[REDACTED]');

    const integrationLines = await httpLines(draft.id);
    const templateLines = await httpLines(`template:${template.id}`);
    expect(tokenLines(integrationLines)).toHaveLength(1);
    expect(tokenLines(templateLines)).toHaveLength(1);

    const everything = JSON.stringify(
      await handle().db.selectFrom('integration_log').selectAll().execute(),
    );
    for (const callback of [integration.callback, done.callback, failed.callback]) {
      const code = callback.searchParams.get('code') ?? '';
      expect(code.length).toBeGreaterThan(8);
      expect(everything).not.toContain(code);
    }
    await app.close();
  });
});
