/**
 * The webhook management API (`/apps/pigeon/api/v2/webhook`): API key or OAuth token in the
 * `ZSESSIONID` header or cookie; basic auth is refused; only subscription administrators.
 */
import { type Context, Hono } from 'hono';
import { authenticate } from '../auth/middleware.ts';
import type { AppEnv, Sim } from '../context.ts';
import { RallyError } from '../errors.ts';

export function webhookRoutes(sim: Sim) {
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    let principal: ReturnType<typeof authenticate>;
    try {
      principal = authenticate(sim, c, { allowBasic: false, allowBrowser: false });
    } catch (e) {
      if (e instanceof RallyError) return c.json({ Errors: ['Unauthorized'], Warnings: [] }, 401);
      throw e;
    }
    const user = sim.store.get(principal.userOid);
    if (user?.values.SubscriptionAdmin !== true) {
      return c.json(
        { Errors: ['Only subscription administrators can manage webhooks'], Warnings: [] },
        403,
      );
    }
    c.set('principal', principal);
    await next();
  });

  app.get('/webhook', (c) => {
    const start = Math.max(1, Number(c.req.query('start') ?? 1) || 1);
    const pagesize = Math.min(2000, Math.max(1, Number(c.req.query('pagesize') ?? 200) || 200));
    const order = c.req.query('order') ?? 'Name';
    const all = [...sim.webhooks.hooks.values()].sort((a, b) => {
      const k = order.split(/\s+/)[0] as keyof typeof a;
      return String(a[k] ?? '').localeCompare(String(b[k] ?? ''));
    });
    return c.json({
      Results: all.slice(start - 1, start - 1 + pagesize).map((h) => sim.webhooks.render(h)),
      StartIndex: start,
      PageSize: pagesize,
      TotalResultCount: all.length,
      Errors: [],
      Warnings: [],
    });
  });

  app.post('/webhook', async (c) => {
    const body = await c.req.json().catch(() => null);
    const owner = sim.store.get(c.get('principal').userOid);
    if (!owner) return c.json({ Errors: ['Unknown user'], Warnings: [] }, 401);
    const hook = sim.webhooks.create(body, owner);
    sim.changed();
    return c.json(sim.webhooks.render(hook), 201);
  });

  app.get('/webhook/:id', (c) => {
    const hook = sim.webhooks.hooks.get(c.req.param('id').toLowerCase());
    if (!hook) return c.json({ Errors: ['Webhook not found'], Warnings: [] }, 404);
    return c.json(sim.webhooks.render(hook));
  });

  const update = async (c: Context<AppEnv, '/webhook/:id'>) => {
    const body = await c.req.json().catch(() => null);
    const hook = sim.webhooks.update(c.req.param('id').toLowerCase(), body);
    if (!hook) return c.json({ Errors: ['Webhook not found'], Warnings: [] }, 404);
    sim.changed();
    return c.json(sim.webhooks.render(hook));
  };
  app.patch('/webhook/:id', update);
  app.post('/webhook/:id', update);
  app.put('/webhook/:id', update);

  app.delete('/webhook/:id', (c) => {
    const deleted = sim.webhooks.hooks.delete(c.req.param('id').toLowerCase());
    if (!deleted) return c.json({ Errors: ['Webhook not found'], Warnings: [] }, 404);
    sim.changed();
    return c.json({ Errors: [], Warnings: [] });
  });

  return app;
}
