/** `/__sim/`: the simulator's own control API (not part of Rally). */
import { Hono } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import type { Control } from '../control/control.ts';
import { SEEDED_USERS } from '../state/seed.ts';
import { Renderer } from '../wsapi/render.ts';

export interface ControlInfo {
  adminApiKey: string;
  clientId: string;
  clientSecret: string;
  tlsMaterial: { ca: string; clientCert: string; clientKey: string } | null;
}

export function controlRoutes(sim: Sim, control: Control, info: ControlInfo) {
  const app = new Hono<AppEnv>();
  const json = async (c: { req: { json: () => Promise<unknown> } }) =>
    (await c.req.json().catch(() => ({}))) as Record<string, unknown>;

  app.get('/', (c) =>
    c.json({
      users: SEEDED_USERS.map((u) => ({
        username: u.username,
        password: u.password,
        apiKey: u.oid === SEEDED_USERS[0]?.oid ? info.adminApiKey : u.apiKey,
        readOnlyKey: u.apiKeyReadOnly,
        subscriptionAdmin: u.subscriptionAdmin,
      })),
      oauth: {
        clientId: info.clientId,
        clientSecret: info.clientSecret,
        redirectUris: sim.auth.clients.get(info.clientId)?.redirectUris ?? [],
      },
      latency: sim.faults.latency,
      faults: sim.faults.rules,
      webhookFaults: sim.faults.deliveries,
      concurrency: sim.limiter.config,
      tokens: { ...sim.auth.lifetimes, rotateRefreshTokens: sim.auth.rotateRefreshTokens },
      webhookRetry: sim.webhooks.retry,
      mtls: sim.mtls,
    }),
  );
  app.post('/reset', async (c) => {
    const body = await json(c);
    control.reset({ extraStoriesPerProject: Number(body.extraStoriesPerProject ?? 0) || 0 });
    return c.json({ ok: true });
  });
  app.post('/seed', async (c) => {
    const body = await json(c);
    control.reset({ extraStoriesPerProject: Number(body.extraStoriesPerProject ?? 0) || 0 });
    return c.json({ ok: true });
  });
  app.get('/latency', (c) => c.json(sim.faults.latency));
  app.put('/latency', async (c) => c.json(control.setLatency(await json(c))));
  app.get('/faults', (c) => c.json({ rules: sim.faults.rules, webhooks: sim.faults.deliveries }));
  app.post('/faults', async (c) => c.json(control.addFault(await json(c)), 201));
  app.delete('/faults', (c) => {
    control.clearFaults();
    return c.json({ ok: true });
  });
  app.put('/faults/webhooks', async (c) => c.json(control.setWebhookFaults(await json(c))));
  app.delete('/faults/:id', (c) => c.json({ ok: control.removeFault(c.req.param('id')) }));
  app.put('/concurrency', async (c) => c.json(control.setConcurrency(await json(c))));
  app.put('/oauth', async (c) => c.json(control.setTokenSettings(await json(c))));
  app.post('/oauth/expire', async (c) => {
    const body = await json(c);
    const kind = body.kind === 'refresh' || body.kind === 'all' ? body.kind : 'access';
    return c.json({ expired: control.expireTokens(kind) });
  });
  app.put('/webhooks/retry', async (c) => c.json(control.setWebhookRetry(await json(c))));
  app.get('/webhooks/deliveries', (c) => c.json({ deliveries: sim.webhooks.log }));
  app.post('/webhooks/flush', async (c) => {
    await control.flushWebhooks();
    return c.json({ ok: true });
  });
  app.post('/act-as', async (c) => {
    const o = control.actAs((await json(c)) as never);
    return c.json({ Object: o ? new Renderer(sim.store, c.get('base')).object(o, 'all') : null });
  });
  app.post('/recyclebin/:oid/restore', (c) => {
    const o = control.restore(Number(c.req.param('oid')));
    return c.json({ Object: new Renderer(sim.store, c.get('base')).object(o, 'all') });
  });
  app.get('/mtls', (c) => c.json({ ...sim.mtls, ca: info.tlsMaterial?.ca ?? null }));
  app.put('/mtls', async (c) => {
    const body = await json(c);
    control.setMtls(body.required === true);
    return c.json(sim.mtls);
  });
  app.get('/mtls/client', (c) => {
    if (!info.tlsMaterial) return c.json({ error: 'TLS is not enabled' }, 409);
    return c.json({
      ca: info.tlsMaterial.ca,
      cert: info.tlsMaterial.clientCert,
      key: info.tlsMaterial.clientKey,
    });
  });
  return app;
}
