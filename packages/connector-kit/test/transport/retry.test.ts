import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLocalBudget,
  createTransport,
  RemoteError,
  type RequestLogEntry,
  type TransportOptions,
} from '../../src/index.ts';
import { FakeClock } from '../support/fake-clock.ts';
import {
  closedPortUrl,
  readBody,
  sendJson,
  startHttpServer,
  type TestServer,
} from '../support/http-server.ts';

type Step = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

/** A server that plays `steps` in order (the last one repeats) and counts the hits. */
async function scripted(steps: Step[]): Promise<TestServer & { hits: () => number }> {
  let hits = 0;
  const server = await startHttpServer(async (request, response) => {
    const step = steps[Math.min(hits, steps.length - 1)];
    hits += 1;
    await step?.(request, response);
  });
  open.push(server);
  return { ...server, hits: () => hits };
}

function transport(baseUrl: string, overrides: Partial<TransportOptions> = {}) {
  const clock = new FakeClock();
  const log: RequestLogEntry[] = [];
  const instance = createTransport({
    allowPrivateNetwork: true, // the test server listens on 127.0.0.1
    accountKey: `test:${baseUrl}|retry-${Math.random()}`,
    maxConcurrent: 4,
    baseUrl,
    budget: createLocalBudget(),
    clock,
    random: () => 0.5,
    retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
    timeouts: { headersMs: 300, bodyMs: 300 },
    onRequestLog: (entry) => log.push(entry),
    ...overrides,
  });
  open.push(instance);
  return { transport: instance, clock, log };
}

const ok: Step = (_request, response) => sendJson(response, 200, { ok: true });
const status =
  (code: number, headers: Record<string, string> = {}): Step =>
  (_request, response) =>
    sendJson(response, code, { error: code }, headers);
/** Reads the whole request (so a create would be committed), then drops the connection. */
const dropAfterCommit: Step = async (request) => {
  await readBody(request);
  request.socket.destroy();
};
const hang =
  (ms: number): Step =>
  async (_request, response) => {
    await new Promise((resolve) => setTimeout(resolve, ms).unref());
    if (!response.destroyed) sendJson(response, 200, { late: true });
  };

async function failure(promise: Promise<unknown>): Promise<RemoteError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RemoteError);
  return error as RemoteError;
}

describe('retries of idempotent requests', () => {
  it('retries 503 with full-jitter backoff until it succeeds', async () => {
    const server = await scripted([status(503), status(503), ok]);
    const { transport: t, clock, log } = transport(server.url);
    const response = await t.request({ method: 'GET', url: '/items' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(server.hits()).toBe(3);
    // random() = 0.5: half of base·2^(n-1)
    expect(clock.sleeps).toEqual([50, 100]);
    expect(log.map((entry) => [entry.attempt, entry.status, entry.retryInMs])).toEqual([
      [1, 503, 50],
      [2, 503, 100],
      [3, 200, null],
    ]);
  });

  it('caps the backoff at maxDelayMs', async () => {
    const server = await scripted([status(500)]);
    const { transport: t, clock } = transport(server.url, {
      random: () => 0.999,
      retry: { maxAttempts: 6, baseDelayMs: 400, maxDelayMs: 1000 },
    });
    const error = await failure(t.request({ method: 'GET', url: '/x' }));
    expect(error.kind).toBe('unavailable');
    expect(clock.sleeps).toEqual([399, 799, 999, 999, 999]);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const server = await scripted([status(429, { 'retry-after': '7' }), ok]);
    const { transport: t, clock } = transport(server.url);
    await t.request({ method: 'GET', url: '/x' });
    expect(clock.sleeps).toEqual([7000]);
  });

  it('honours Retry-After as an HTTP date on 503', async () => {
    const clock = new FakeClock(Date.UTC(2026, 0, 1, 12, 0, 0));
    const retryAt = new Date(clock.now() + 5000).toUTCString();
    const server = await scripted([status(503, { 'retry-after': retryAt }), ok]);
    const { transport: t } = transport(server.url, { clock });
    await t.request({ method: 'GET', url: '/x' });
    expect(clock.sleeps).toEqual([5000]);
  });

  it('does not sleep through a Retry-After longer than the policy allows', async () => {
    const server = await scripted([status(429, { 'retry-after': '3600' })]);
    const { transport: t, clock } = transport(server.url);
    const error = await failure(t.request({ method: 'GET', url: '/x' }));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 3_600_000 });
    expect(server.hits()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('gives up after maxAttempts with a retryable, unambiguous error', async () => {
    const server = await scripted([status(502)]);
    const { transport: t, log } = transport(server.url);
    const error = await failure(t.request({ method: 'PUT', url: '/x', json: { a: 1 } }));
    expect(error).toMatchObject({
      kind: 'unavailable',
      retryable: true,
      ambiguous: false,
      status: 502,
    });
    expect(server.hits()).toBe(4);
    expect(log).toHaveLength(4);
  });

  it('retries a GET whose connection dropped', async () => {
    const server = await scripted([dropAfterCommit, ok]);
    const { transport: t } = transport(server.url);
    expect((await t.request({ method: 'GET', url: '/x' })).status).toBe(200);
    expect(server.hits()).toBe(2);
  });

  it('retries a GET that timed out waiting for headers', async () => {
    const server = await scripted([hang(5000), ok]);
    const { transport: t, log } = transport(server.url);
    expect((await t.request({ method: 'GET', url: '/x' })).status).toBe(200);
    expect(log[0]?.error?.kind).toBe('timeout');
  });
});

describe('non-idempotent requests (POST creates)', () => {
  it('does not repeat a POST whose connection dropped after sending: ambiguous', async () => {
    const server = await scripted([dropAfterCommit, ok]);
    const { transport: t, log } = transport(server.url);
    const error = await failure(t.request({ method: 'POST', url: '/items', json: { name: 'a' } }));
    expect(error).toMatchObject({ kind: 'connection_dropped', ambiguous: true, retryable: true });
    expect(server.hits()).toBe(1);
    expect(log).toHaveLength(1);
    expect(log[0]?.error?.ambiguous).toBe(true);
  });

  it('does not repeat a POST that timed out after sending: ambiguous', async () => {
    const server = await scripted([hang(5000), ok]);
    const { transport: t } = transport(server.url);
    const error = await failure(t.request({ method: 'POST', url: '/items', json: {} }));
    expect(error).toMatchObject({ kind: 'timeout', ambiguous: true });
    expect(server.hits()).toBe(1);
  });

  it.each([500, 502, 504])('does not repeat a POST answered %i: ambiguous', async (code) => {
    const server = await scripted([status(code), ok]);
    const { transport: t } = transport(server.url);
    const error = await failure(t.request({ method: 'POST', url: '/items', json: {} }));
    expect(error).toMatchObject({ ambiguous: true, retryable: true, status: code });
    expect(server.hits()).toBe(1);
  });

  it('repeats a POST the remote refused with 429 or 503 (nothing was applied)', async () => {
    const server = await scripted([status(429, { 'retry-after': '1' }), status(503), ok]);
    const { transport: t, clock } = transport(server.url);
    expect((await t.request({ method: 'POST', url: '/items', json: {} })).status).toBe(200);
    expect(server.hits()).toBe(3);
    expect(clock.sleeps[0]).toBe(1000);
  });

  it('repeats a POST that never connected', async () => {
    const { transport: t, clock } = transport(await closedPortUrl());
    const error = await failure(t.request({ method: 'POST', url: '/items', json: {} }));
    expect(error).toMatchObject({ kind: 'unavailable', ambiguous: false, retryable: true });
    expect(clock.sleeps).toHaveLength(3);
  });

  it('repeats a POST marked idempotent (a query) after a drop', async () => {
    const server = await scripted([dropAfterCommit, ok]);
    const { transport: t } = transport(server.url);
    const response = await t.request({ method: 'POST', url: '/query', json: {}, idempotent: true });
    expect(response.status).toBe(200);
    expect(server.hits()).toBe(2);
  });
});

describe('answers that are not retried', () => {
  it.each([
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [412, 'conflict'],
    [422, 'validation'],
  ] as const)('%i → %s, once', async (code, kind) => {
    const server = await scripted([status(code)]);
    const { transport: t } = transport(server.url);
    const error = await failure(t.request({ method: 'GET', url: '/x' }));
    expect(error).toMatchObject({ kind, retryable: false, ambiguous: false, status: code });
    expect(error.detail).toContain(String(code));
    expect(server.hits()).toBe(1);
  });

  it('returns any status acceptStatus accepts, so a connector can read its error format', async () => {
    const server = await scripted([status(422)]);
    const { transport: t } = transport(server.url);
    const response = await t.request({ method: 'GET', url: '/x', acceptStatus: (s) => s < 500 });
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({ error: 422 });
  });

  it('reports a body that is not JSON as a RemoteError', async () => {
    const server = await scripted([
      (_q, response) => {
        response.end('<html>oops</html>');
      },
    ]);
    const { transport: t } = transport(server.url);
    const response = await t.request({ method: 'GET', url: '/x' });
    expect(response.text()).toBe('<html>oops</html>');
    expect(() => response.json()).toThrow(RemoteError);
  });
});

describe('timeouts and cancellation', () => {
  it('times out a stalled response body', async () => {
    const server = await scripted([
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.write('{"partial":');
      },
    ]);
    const { transport: t } = transport(server.url, { retry: { maxAttempts: 1 } });
    const started = Date.now();
    const error = await failure(t.request({ method: 'GET', url: '/x' }));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a connection whose TLS handshake never completes, and retries even a POST', async () => {
    // Accepts TCP but never answers the ClientHello: the request is never sent.
    const sockets = new Set<Socket>();
    const silent = createNetServer((socket) => sockets.add(socket));
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    open.push({
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => silent.close(resolve));
      },
    });
    const { port } = silent.address() as AddressInfo;
    const { transport: t, clock } = transport(`https://127.0.0.1:${port}`, {
      timeouts: { connectMs: 150 },
      retry: { maxAttempts: 2 },
    });
    const error = await failure(t.request({ method: 'POST', url: '/x', json: {} }));
    expect(error).toMatchObject({ kind: 'timeout', ambiguous: false, retryable: true });
    expect(clock.sleeps).toHaveLength(1);
  });

  it('lets one request wait longer than the transport default', async () => {
    const server = await scripted([hang(600)]);
    const { transport: t } = transport(server.url, { retry: { maxAttempts: 1 } });
    const response = await t.request({
      method: 'GET',
      url: '/slow-report',
      timeouts: { headersMs: 5000 },
    });
    expect(response.json()).toEqual({ late: true });
  });

  it('stops at once when the caller aborts', async () => {
    const server = await scripted([hang(2000)]);
    const { transport: t } = transport(server.url, { timeouts: { headersMs: 5000 } });
    const controller = new AbortController();
    const pending = t.request({ method: 'GET', url: '/x', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled by test')), 50);
    await expect(pending).rejects.toThrow('cancelled by test');
  });
});

describe('the log sink', () => {
  it('a sink that throws or rejects does not break the request', async () => {
    const server = await scripted([ok]);
    const throwing = transport(server.url, {
      onRequestLog: () => {
        throw new Error('sink down');
      },
    });
    expect((await throwing.transport.request({ method: 'GET', url: '/x' })).status).toBe(200);
    const rejecting = transport(server.url, {
      onRequestLog: async () => Promise.reject(new Error('sink down')),
    });
    expect((await rejecting.transport.request({ method: 'GET', url: '/x' })).status).toBe(200);
  });
});

describe('connection pooling', () => {
  it('keeps connections alive across requests to one origin', async () => {
    const server = await scripted([ok]);
    const { transport: t } = transport(server.url);
    for (let i = 0; i < 10; i += 1) await t.request({ method: 'GET', url: `/x/${i}` });
    // undici may open a second socket while the first is being handed back to the pool
    expect(server.connections()).toBeLessThanOrEqual(2);
  });
});
