import { describe, expect, it } from 'vitest';
import {
  createRallySimulator,
  DEFAULT_ADMIN_API_KEY,
  DEFAULT_OAUTH_CLIENT,
  SEED_IDS,
  SEEDED_USERS,
} from '../src/index.ts';

describe('createRallySimulator in-process, with an injected clock', () => {
  it('stamps writes with the clock and expires OAuth tokens by it', async () => {
    let now = new Date('2026-03-01T09:00:00.000Z');
    const { app, state, control } = createRallySimulator({
      clock: () => now,
      tokenLifetimes: { accessTokenSeconds: 3600 },
    });
    const headers = { zsessionid: DEFAULT_ADMIN_API_KEY, 'content-type': 'application/json' };
    const res = await app.request(
      '/slm/webservice/v2.0/defect/create?fetch=CreationDate,LastUpdateDate',
      {
        method: 'POST',
        headers,
        body: JSON.stringify({
          Defect: { Name: 'Clocked', Project: `/project/${SEED_IDS.projectAlpha}` },
        }),
      },
    );
    const created = (
      (await res.json()) as {
        CreateResult: { Object: { CreationDate: string; LastUpdateDate: string } };
      }
    ).CreateResult.Object;
    expect(created.CreationDate).toBe('2026-03-01T09:00:00.000Z');

    const { access } = state.auth.issueTokens(
      DEFAULT_OAUTH_CLIENT.clientId,
      SEEDED_USERS[1]!.oid,
      'alm',
    );
    const me = () =>
      app.request('/slm/webservice/v2.0/user?fetch=UserName', {
        headers: { authorization: `Bearer ${access.token}` },
      });
    expect((await me()).status).toBe(200);
    now = new Date(now.getTime() + 3600 * 1000 + 1);
    expect((await me()).status).toBe(401);

    // Shortening the lifetime applies to tokens issued afterwards.
    control.setTokenSettings({ accessTokenSeconds: 5 });
    const short = state.auth.issueTokens(
      DEFAULT_OAUTH_CLIENT.clientId,
      SEEDED_USERS[1]!.oid,
      'alm',
    );
    expect(short.access.expiresAt - now.getTime()).toBe(5000);
  });

  it('deterministic fault rates with an injected random source', async () => {
    const rolls = [0.1, 0.9, 0.1, 0.9];
    let i = 0;
    const { app, control } = createRallySimulator({ random: () => rolls[i++ % rolls.length]! });
    control.addFault({ path: '/defect', status: 503, rate: 0.5 });
    const statuses: number[] = [];
    for (let n = 0; n < 4; n++) {
      statuses.push(
        (
          await app.request('/slm/webservice/v2.0/defect', {
            headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([503, 200, 503, 200]);
  });

  it('starts empty with seed: false (no users: every call is unauthorized)', async () => {
    const { app, state } = createRallySimulator({ seed: false });
    expect(state.store.subscriptionOid()).toBeNull();
    const r = await app.request('/slm/webservice/v2.0/user', {
      headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
    });
    expect(r.status).toBe(401);
  });
});
