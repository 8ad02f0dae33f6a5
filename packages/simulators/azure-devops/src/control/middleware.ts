/** Fault rules, latency, the concurrency counter and the throughput limit, in front of the API. */
import type { Socket } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { AdoError, requestBlocked } from '../errors.ts';
import type { CostKind } from './rate-limit.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function socketOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Socket | undefined {
  return (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
}

const simulatedFailure = (status: number) =>
  new AdoError(`TF400898: An Internal Error Occurred. (simulated HTTP ${status})`, {
    status,
    typeKey: 'VssServiceException',
    namespace: 'Microsoft.VisualStudio.Services.Common',
  });

/** Fault rules (before authentication, as a failing gateway would answer). */
export function faultRules(sim: Sim): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (sim.faults.rules.length === 0) return next();
    const url = new URL(c.req.url);
    // Hono keeps the text it read, so the route still gets the body.
    const body = sim.faults.matchesBodies ? await c.req.text() : '';
    const rule = sim.faults.match(c.req.method, `${url.pathname}${url.search}`, body);
    if (!rule) return next();
    const socket = socketOf(c);
    switch (rule.action) {
      case 'drop':
        socket?.destroy();
        return c.body(null, 500);
      case 'drop-after-commit':
        await next();
        socket?.destroy();
        return;
      case 'hang':
        await sleep(rule.delayMs);
        return c.json(simulatedFailure(rule.status ?? 503).body(), (rule.status ?? 503) as 500);
      default: {
        const status = rule.status ?? 503;
        if (rule.retryAfterSeconds !== undefined)
          c.header('Retry-After', String(rule.retryAfterSeconds));
        return c.json((rule.body ?? simulatedFailure(status).body()) as object, status as 500);
      }
    }
  };
}

function costOf(method: string, path: string): CostKind {
  if (path.includes('/_apis/wit/wiql')) return 'query';
  if (method === 'POST' && path.includes('/workitemsbatch')) return 'list';
  if (method !== 'GET' && method !== 'OPTIONS' && method !== 'HEAD') return 'write';
  return /\/\d+$|\/[0-9a-f-]{36}$/i.test(path) ? 'read' : 'list';
}

/**
 * Per identity: requests in flight (peak kept) and TSTUs used over the window. Injected latency
 * is spent holding a slot, so it shows in the peak as a slow service would.
 */
export function usageLimits(sim: Sim): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const identity = c.get('principal').user.id;
    const release = sim.concurrency.enter(identity);
    if (!release) {
      c.header('Retry-After', '1');
      throw requestBlocked(1, {});
    }
    try {
      const decision = sim.rateLimit.charge(
        identity,
        costOf(c.req.method, c.req.path.toLowerCase()),
        sim.now().getTime(),
      );
      if (decision.action === 'block')
        throw requestBlocked(decision.retryAfterSeconds, decision.headers);
      for (const [k, v] of Object.entries(decision.headers)) c.header(k, v);
      const delay = sim.faults.delayMs() + (decision.action === 'delay' ? decision.delayMs : 0);
      if (delay > 0) await sleep(delay);
      await next();
    } finally {
      release();
    }
  };
}
