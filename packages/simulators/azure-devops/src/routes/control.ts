/** `/__sim/`: the simulator's own control API (not part of Azure DevOps; no auth, no faults). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Sim } from '../context.ts';
import type { Control } from '../control/control.ts';
import { DEFAULT_USERS, EXPIRED_PAT, REVOKED_PAT } from '../state/identities.ts';
import { renderCurrent } from '../workitems/render.ts';
import type { Ctx } from './helpers.ts';

const TokenStateInput = z.object({
  token: z.string(),
  state: z.enum(['active', 'expired', 'revoked']),
});

export function controlRoutes(sim: Sim, control: Control, info: { fullPat: string }) {
  const app = new Hono<AppEnv>();
  const body = async (c: { req: { json: () => Promise<unknown> } }) =>
    (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
  const orgUrl = (c: { req: { url: string } }) =>
    `${new URL(c.req.url).origin}/${sim.organization}`;

  app.get('/', (c) =>
    c.json({
      organization: sim.organization,
      url: orgUrl(c),
      users: DEFAULT_USERS.map((u, i) => ({
        id: u.id,
        displayName: u.displayName,
        uniqueName: u.uniqueName,
        token: i === 0 ? info.fullPat : u.token,
        scope: u.scope,
      })),
      expiredToken: EXPIRED_PAT,
      revokedToken: REVOKED_PAT,
      latency: sim.faults.latency,
      faults: sim.faults.rules,
      webhookFaults: sim.faults.deliveries,
      webhookRetry: sim.hooks.policy,
      concurrency: { ...sim.concurrency.config, peaks: control.concurrencyPeaks() },
      rateLimit: sim.rateLimit.config,
    }),
  );
  const reset = async (c: Ctx) => {
    const b = await body(c);
    control.reset({ extraWorkItems: Number(b.extraWorkItems ?? 0) || 0 });
    return c.json({ ok: true });
  };
  app.post('/reset', reset);
  app.post('/seed', reset);
  app.get('/latency', (c) => c.json(sim.faults.latency));
  app.put('/latency', async (c) => c.json(control.setLatency(await body(c))));
  app.get('/faults', (c) => c.json({ rules: sim.faults.rules, webhooks: sim.faults.deliveries }));
  app.post('/faults', async (c) => c.json(control.addFault(await body(c)), 201));
  app.delete('/faults', (c) => {
    control.clearFaults();
    return c.json({ ok: true });
  });
  app.put('/faults/webhooks', async (c) => c.json(control.setWebhookFaults(await body(c))));
  app.delete('/faults/:id', (c) => c.json({ ok: control.removeFault(c.req.param('id')) }));
  app.get('/concurrency', (c) =>
    c.json({ ...sim.concurrency.config, peaks: control.concurrencyPeaks() }),
  );
  app.put('/concurrency', async (c) => c.json(control.setConcurrency(await body(c))));
  app.get('/rate-limit', (c) => c.json(sim.rateLimit.config));
  app.put('/rate-limit', async (c) => c.json(control.setRateLimit(await body(c))));
  app.put('/webhooks/retry', async (c) => c.json(control.setWebhookRetry(await body(c))));
  app.get('/webhooks/deliveries', (c) => c.json({ deliveries: control.deliveries() }));
  app.post('/webhooks/flush', async (c) => {
    await control.flushWebhooks();
    return c.json({ ok: true });
  });
  app.put('/tokens', async (c) => {
    const { token, state } = TokenStateInput.parse(await body(c));
    return c.json(control.setTokenState(token, state));
  });
  app.post('/act-as', async (c) => {
    const item = control.actAs((await body(c)) as never);
    return c.json(
      renderCurrent({ store: sim.store, orgUrl: orgUrl(c), identities: 'ref' }, item, {
        withRelations: true,
      }),
    );
  });
  app.post('/recyclebin/:id/restore', (c) => {
    const item = control.restore(Number(c.req.param('id')));
    return c.json(
      renderCurrent({ store: sim.store, orgUrl: orgUrl(c), identities: 'ref' }, item, {
        withRelations: true,
      }),
    );
  });
  return app;
}
