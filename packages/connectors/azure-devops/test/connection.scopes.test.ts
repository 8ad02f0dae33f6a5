import { RemoteError } from '@tandem/connector-kit';
import { DEFAULT_FULL_PAT, EXPIRED_PAT, REVOKED_PAT } from '@tandem/simulator-azure-devops';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azureDevOpsConnector as connector } from '../src/index.ts';
import { makeCtx, READ_ONLY_PAT, startSim } from './support/sim.ts';

let sim: Awaited<ReturnType<typeof startSim>>;
beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());

/** Every work item's id and revision: a probe that wrote anything would change it. */
async function revisions(): Promise<string> {
  const auth = `Basic ${Buffer.from(`:${DEFAULT_FULL_PAT}`).toString('base64')}`;
  const wiql = await fetch(`${sim.orgUrl}/_apis/wit/wiql?api-version=7.1`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'SELECT [System.Id] FROM WorkItems' }),
  });
  const ids = ((await wiql.json()) as { workItems: { id: number }[] }).workItems.map((w) => w.id);
  const items = await fetch(
    `${sim.orgUrl}/_apis/wit/workitems?ids=${ids.join(',')}&fields=System.Rev&api-version=7.1`,
    { headers: { authorization: auth } },
  );
  return JSON.stringify(await items.json());
}

describe('Test connection', () => {
  it('says who is connected and that every scope works', async () => {
    const who = await connector.checkConnection(makeCtx(sim.orgUrl));
    expect(who).toMatchObject({
      displayName: 'Morgan Planner',
      userId: 'morgan.planner@tandem-demo.example',
    });
    expect(who.capabilities?.every((c) => c.ok)).toBe(true);
  });

  it('names the missing work-item write scope of a read-only token, writing nothing', async () => {
    const before = await revisions();
    const who = await connector.checkConnection(makeCtx(sim.orgUrl, { pat: READ_ONLY_PAT }));
    const missing = who.capabilities?.filter((c) => !c.ok).map((c) => c.label);
    expect(missing).toEqual(['Work items (read and write)', 'Service hooks (read and write)']);
    expect(await revisions()).toEqual(before);
  });

  it.each([
    ['expired', EXPIRED_PAT],
    ['revoked', REVOKED_PAT],
    ['wrong', 'not-a-token'],
  ])('refuses a %s token as "auth"', async (_name, pat) => {
    const error = await connector.checkConnection(makeCtx(sim.orgUrl, { pat })).catch((e) => e);
    expect(RemoteError.is(error) && error.kind).toBe('auth');
  });

  it('names an unknown organisation', async () => {
    const error = await connector
      .checkConnection(makeCtx(`${sim.url}/no-such-org`))
      .catch((e: unknown) => e);
    expect(RemoteError.is(error) && error.kind).toBe('not_found');
    expect(String((error as Error).message)).toContain('no-such-org');
  });
});
