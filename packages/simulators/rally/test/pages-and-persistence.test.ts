import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  SEED_IDS,
  SEEDED_USERS,
} from '../src/index.ts';
import { startSim, WSAPI } from './helpers.ts';

describe('artifact pages', () => {
  let sim: RunningRallySimulator;
  beforeAll(async () => {
    sim = await startSim();
  });
  afterAll(async () => {
    await sim.close();
  });

  it('the stored link opens a Rally-like page after logging in', async () => {
    const home = await fetch(`${sim.url}/slm/`);
    expect(await home.text()).toContain("location.replace('/slm/detail/' + m[1])");

    const page = `${sim.url}/slm/detail/userstory/${SEED_IDS.storyParent}`;
    const anonymous = await fetch(page, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    const loginUrl = new URL(anonymous.headers.get('location')!, sim.url);
    expect(loginUrl.pathname).toBe('/login');
    const form = await (await fetch(loginUrl)).text();
    const returnTo = /name="return_to" value="([^"]+)"/.exec(form)?.[1];
    expect(returnTo).toBe(`/slm/detail/userstory/${SEED_IDS.storyParent}`);

    const pat = SEEDED_USERS[0]!;
    const login = await fetch(`${sim.url}/login/oauth2/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        username: pat.username,
        password: pat.password,
        return_to: returnTo!,
      }).toString(),
    });
    expect(login.status).toBe(302);
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const html = await (await fetch(page, { headers: { cookie } })).text();
    expect(html).toContain('<title>US101: Export roadmap to CSV · Rally (simulator)</title>');
    expect(html).toMatch(
      /data-field="Project"><a href="[^"]+\/slm\/#\/detail\/project\/3000000002">Team Alpha<\/a>/,
    );
    expect(html).toContain('data-field="ScheduleState">In-Progress</td>');
    expect(html).toContain('US102: CSV column mapping');

    // Portfolio items and the `_ref` (JSON) open in the same browser session.
    const feature = await fetch(`${sim.url}/slm/detail/portfolioitem/feature/${SEED_IDS.feature}`, {
      headers: { cookie },
    });
    expect(await feature.text()).toContain('F12');
    const json = await fetch(`${sim.url}${WSAPI}/hierarchicalrequirement/${SEED_IDS.storyParent}`, {
      headers: { cookie },
    });
    expect(json.status).toBe(200);
    const missing = await fetch(`${sim.url}/slm/detail/userstory/1`, { headers: { cookie } });
    expect(missing.status).toBe(404);
  });
});

describe('persistence to a JSON file', () => {
  it('keeps objects, webhooks and tokens across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-rally-'));
    const stateFile = join(dir, 'nested', 'state.json');
    try {
      const first = await startSim({ stateFile });
      const created = await fetch(`${first.url}${WSAPI}/hierarchicalrequirement/create`, {
        method: 'POST',
        headers: { zsessionid: DEFAULT_ADMIN_API_KEY, 'content-type': 'application/json' },
        body: JSON.stringify({
          HierarchicalRequirement: {
            Name: 'Survives restarts',
            Project: `/project/${SEED_IDS.projectAlpha}`,
          },
        }),
      });
      const oid = ((await created.json()) as { CreateResult: { Object: { ObjectID: number } } })
        .CreateResult.Object.ObjectID;
      await first.close();
      expect(JSON.parse(readFileSync(stateFile, 'utf8')).version).toBe(1);

      const second = await startSim({ stateFile });
      const read = await fetch(
        `${second.url}${WSAPI}/hierarchicalrequirement/${oid}?fetch=Name,FormattedID`,
        { headers: { zsessionid: DEFAULT_ADMIN_API_KEY } },
      );
      const body = (await read.json()) as {
        HierarchicalRequirement: { Name: string; FormattedID: string };
      };
      expect(body.HierarchicalRequirement.Name).toBe('Survives restarts');
      // The FormattedID sequence continues after a restart.
      const next = await fetch(
        `${second.url}${WSAPI}/hierarchicalrequirement/create?fetch=FormattedID`,
        {
          method: 'POST',
          headers: { zsessionid: DEFAULT_ADMIN_API_KEY, 'content-type': 'application/json' },
          body: JSON.stringify({
            HierarchicalRequirement: { Name: 'Next', Project: `/project/${SEED_IDS.projectAlpha}` },
          }),
        },
      );
      const nextId = ((await next.json()) as { CreateResult: { Object: { FormattedID: string } } })
        .CreateResult.Object.FormattedID;
      expect(Number(nextId.slice(2))).toBe(
        Number(body.HierarchicalRequirement.FormattedID.slice(2)) + 1,
      );
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
