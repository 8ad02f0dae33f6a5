/** Latency, fault injection, mTLS enforcement and the per-user concurrency limit. */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Sim } from '../context.ts';
import { envelopeBody } from '../errors.ts';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function socketOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Socket | undefined {
  return (c.env as { incoming?: { socket?: Socket } } | undefined)?.incoming?.socket;
}

/** Requests must present a client certificate signed by the simulator's CA when mTLS is on. */
export function mtlsGuard(sim: Sim): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (sim.mtls.required) {
      const socket = socketOf(c) as TLSSocket | undefined;
      if (!socket || !('authorized' in socket) || !socket.authorized) {
        return c.json(
          envelopeBody('OperationResult', ['A valid client certificate is required']),
          403,
        );
      }
    }
    await next();
  };
}

/** Fault rules, and latency unless the concurrency limiter applies it (WSAPI). */
export function latencyAndFaults(sim: Sim, opts: { latency: boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const delay = opts.latency ? sim.faults.delayMs() : 0;
    if (delay > 0) await sleep(delay);
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
        return c.json(
          envelopeBody('OperationResult', ['The request took too long to complete']),
          (rule.status ?? 524) as 500,
        );
      default: {
        const status = rule.status ?? 503;
        if (rule.retryAfterSeconds !== undefined)
          c.header('Retry-After', String(rule.retryAfterSeconds));
        const body =
          rule.body ?? envelopeBody('OperationResult', [`Simulated failure (HTTP ${status})`]);
        return c.json(body as object, status as 500);
      }
    }
  };
}

/** Rally allows 12 simultaneous requests per user; more wait (or get 429 in `reject` mode). */
export function concurrencyLimit(sim: Sim): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const p = c.get('principal');
    const release = await sim.limiter.acquire(String(p.userOid));
    if (!release) {
      c.header('Retry-After', '1');
      return c.json(
        envelopeBody('OperationResult', [
          'Too many concurrent requests for this user; retry later',
        ]),
        429,
      );
    }
    try {
      // Latency counts as time spent holding one of the user's request slots.
      const delay = sim.faults.delayMs();
      if (delay > 0) await sleep(delay);
      await next();
    } finally {
      release();
    }
  };
}
