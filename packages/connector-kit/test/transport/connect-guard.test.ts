import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  checkHost,
  createLocalBudget,
  createTransport,
  type HostResolver,
  RemoteError,
  type RequestLogEntry,
  type Transport,
  type TransportOptions,
} from '../../src/index.ts';
import { readBody, sendJson, startHttpServer, type TestServer } from '../support/http-server.ts';

let server: TestServer;
let port: string;
beforeAll(async () => {
  server = await startHttpServer(async (request, response) => {
    await readBody(request);
    // No keep-alive: every request opens a new connection, and so resolves again.
    sendJson(response, 200, { ok: true }, { connection: 'close' });
  });
  port = new URL(server.url).port;
});
afterAll(() => server.close());

const open: Transport[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

/** A resolver answering from a list, one answer per call (the last one repeats). */
function resolver(...answers: string[][]): HostResolver & { calls: () => number } {
  let calls = 0;
  const resolve = async () => {
    const answer = answers[Math.min(calls, answers.length - 1)] ?? [];
    calls += 1;
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const);
  };
  return Object.assign(resolve, { calls: () => calls });
}

function transport(overrides: Partial<TransportOptions> = {}) {
  const log: RequestLogEntry[] = [];
  const instance = createTransport({
    accountKey: `guard:${Math.random()}`,
    maxConcurrent: 2,
    budget: createLocalBudget(),
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    onRequestLog: (entry) => log.push(entry),
    ...overrides,
  });
  open.push(instance);
  return { transport: instance, log };
}

describe('the address policy at connect time', () => {
  it.each([
    ['127.0.0.1'],
    ['10.0.0.1'],
    ['::ffff:127.0.0.1'],
    ['64:ff9b::7f00:1'],
    ['2002:7f00:1::'],
  ])(
    'refuses a name that resolved public at entry and %s at connect (DNS rebinding)',
    async (address) => {
      const resolveHost = resolver(['203.0.113.9'], [address]);
      // Entry: the account URL is checked and allowed.
      expect(await checkHost('rally.rebind.test', { resolveHost })).toMatchObject({ ok: true });
      const { transport: t, log } = transport({ resolveHost });
      const error = await t
        .request({
          method: 'GET',
          url: `http://rally.rebind.test:${port}/slm/webservice/v2.0/user`,
        })
        .catch((e: unknown) => e);
      expect(RemoteError.is(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'unavailable', retryable: false, ambiguous: false });
      expect((error as Error).message).toBe(
        `rally.rebind.test resolves to a private address (${address}); Tandem does not connect to private networks`,
      );
      // One attempt, logged with the reason; nothing reached the server.
      expect(log).toHaveLength(1);
      expect(log[0]?.error?.message).toBe((error as Error).message);
      expect(log[0]?.retryInMs).toBeNull();
    },
  );

  it('lets a public answer through to the connection itself', async () => {
    // 203.0.113.9 is a documentation address: the connection is tried (and fails or times out),
    // it is not refused by the policy.
    const resolveHost = resolver(['203.0.113.9']);
    const { transport: t } = transport({
      resolveHost,
      timeouts: { connectMs: 200 },
      retry: { maxAttempts: 1 },
    });
    const error = await t
      .request({ method: 'GET', url: 'http://rally.public.test/x' })
      .catch((e: unknown) => e);
    expect(RemoteError.is(error)).toBe(true);
    expect((error as RemoteError).detail).not.toBe('ERR_TANDEM_PRIVATE_ADDRESS');
    expect((error as Error).message).not.toContain('private');
    expect(resolveHost.calls()).toBe(1);
  });

  it('refuses a private IP literal before connecting', async () => {
    const before = server.connections();
    const { transport: t } = transport();
    await expect(t.request({ method: 'GET', url: `${server.url}/x` })).rejects.toMatchObject({
      kind: 'unavailable',
      retryable: false,
      message: '127.0.0.1 is a private address; Tandem does not connect to private networks',
    });
    expect(server.connections()).toBe(before);
  });

  it('connects where the resolver says when private networks are allowed', async () => {
    const resolveHost = resolver(['127.0.0.1']);
    const { transport: t } = transport({ resolveHost, allowPrivateNetwork: true });
    const answer = await t.request({ method: 'GET', url: `http://sim.test:${port}/ok` });
    expect(answer.json()).toEqual({ ok: true });
    expect(resolveHost.calls()).toBe(1);
    const literal = await t.request({ method: 'GET', url: `${server.url}/ok` });
    expect(literal.status).toBe(200);
  });

  it('resolves and checks again on every new connection', async () => {
    // Allowed (a private network), then a metadata address: refused even so.
    const resolveHost = resolver(['127.0.0.1'], ['169.254.169.254']);
    const { transport: t } = transport({ resolveHost, allowPrivateNetwork: true });
    await t.request({ method: 'GET', url: `http://sim.test:${port}/first` });
    const second = t.request({ method: 'GET', url: `http://sim.test:${port}/second` });
    await expect(second).rejects.toMatchObject({
      retryable: false,
      message:
        'sim.test resolves to a cloud metadata address (169.254.169.254); Tandem never connects to cloud metadata services',
    });
    expect(resolveHost.calls()).toBe(2);
  });

  it('refuses a name when any of its addresses is private', async () => {
    const resolveHost = resolver(['127.0.0.1', '10.1.2.3']);
    const { transport: t } = transport({ resolveHost });
    await expect(
      t.request({ method: 'POST', url: `http://mixed.test:${port}/x`, json: {} }),
    ).rejects.toMatchObject({ message: expect.stringContaining('(127.0.0.1)') });
  });
});
