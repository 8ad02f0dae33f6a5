import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  accountKey,
  createAccountTransport,
  createLocalBudget,
  createTransport,
  type Lease,
  principalFromSecret,
} from '../../src/index.ts';
import { sendJson, startHttpServer, type TestServer } from '../support/http-server.ts';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

/** Tracks in-flight requests per `x-account` header; each answer waits `delayMs`. */
async function countingServer(delayMs: number) {
  const inFlight = new Map<string, number>();
  const peak = new Map<string, number>();
  const server: TestServer = await startHttpServer((request, response) => {
    const account = String(request.headers['x-account']);
    const now = (inFlight.get(account) ?? 0) + 1;
    inFlight.set(account, now);
    peak.set(account, Math.max(peak.get(account) ?? 0, now));
    setTimeout(() => {
      inFlight.set(account, (inFlight.get(account) ?? 1) - 1);
      sendJson(response, 200, { ok: true });
    }, delayMs);
  });
  open.push(server);
  return { url: server.url, peak: (account: string) => peak.get(account) ?? 0 };
}

describe('concurrency per remote account', () => {
  it('never exceeds the limit for one account, across two transports', async () => {
    const server = await countingServer(20);
    const budget = createLocalBudget();
    const key = accountKey('rally', server.url, 'pm@example.com');
    const make = () =>
      createTransport({
        allowPrivateNetwork: true, // the test server listens on 127.0.0.1
        accountKey: key,
        maxConcurrent: 3,
        baseUrl: server.url,
        budget,
        headers: { 'x-account': 'a' },
      });
    const first = make();
    const second = make();
    open.push(first, second);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        (i % 2 === 0 ? first : second).request({ method: 'GET', url: `/r/${i}` }),
      ),
    );
    expect(server.peak('a')).toBe(3);
    expect(budget.stats(key)).toEqual({ active: 0, waiting: 0 });
  });

  it('uses the process-wide budget by default, so separate integrations share it', async () => {
    const server = await countingServer(20);
    const key = accountKey('rally', server.url, `shared-${Date.now()}`);
    const transports = [1, 2, 3].map(() =>
      createTransport({
        allowPrivateNetwork: true,
        accountKey: key,
        maxConcurrent: 2,
        baseUrl: server.url,
        headers: { 'x-account': 's' },
      }),
    );
    open.push(...transports);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        transports[i % 3]?.request({ method: 'GET', url: `/r/${i}` }),
      ),
    );
    expect(server.peak('s')).toBe(2);
  });

  it('lets another account through while one account is saturated', async () => {
    let releaseSlow: () => void = () => {};
    const slowGate = new Promise<void>((resolve) => {
      releaseSlow = resolve;
    });
    const server = await startHttpServer(async (request, response) => {
      if (request.url === '/slow') await slowGate;
      sendJson(response, 200, { path: request.url });
    });
    open.push(server);
    const budget = createLocalBudget();
    const busy = createTransport({
      allowPrivateNetwork: true,
      accountKey: 'rally:x|busy',
      maxConcurrent: 1,
      baseUrl: server.url,
      budget,
    });
    const other = createTransport({
      allowPrivateNetwork: true,
      accountKey: 'rally:x|other',
      maxConcurrent: 1,
      baseUrl: server.url,
      budget,
    });
    open.push(busy, other);

    const slow = busy.request({ method: 'GET', url: '/slow' });
    const queued = busy.request({ method: 'GET', url: '/fast' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(budget.stats('rally:x|busy')).toEqual({ active: 1, waiting: 1 });

    const response = await other.request({ method: 'GET', url: '/fast' });
    expect(response.json()).toEqual({ path: '/fast' });

    releaseSlow();
    await Promise.all([slow, queued]);
    expect(budget.stats('rally:x|busy')).toEqual({ active: 0, waiting: 0 });
  });
  it('gives the slot back while it waits out a Retry-After', async () => {
    let calls = 0;
    const server = await startHttpServer((request, response) => {
      calls += 1;
      if (request.url === '/limited' && calls === 1) {
        sendJson(response, 429, {}, { 'retry-after': '30' });
      } else {
        sendJson(response, 200, { path: request.url });
      }
    });
    open.push(server);
    const budget = createLocalBudget();
    let wake: () => void = () => {};
    const sleeping = new Promise<void>((resolve) => {
      wake = resolve;
    });
    let slept = 0;
    const clock = {
      now: () => Date.now(),
      sleep: async (ms: number) => {
        slept = ms;
        await sleeping;
      },
    };
    const t = createTransport({
      allowPrivateNetwork: true,
      accountKey: 'rally:x|one',
      maxConcurrent: 1,
      baseUrl: server.url,
      budget,
      clock,
    });
    open.push(t);
    const limited = t.request({ method: 'GET', url: '/limited' });
    while (slept === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(slept).toBe(30_000);
    expect(budget.stats('rally:x|one').active).toBe(0);
    expect((await t.request({ method: 'GET', url: '/other' })).json()).toEqual({ path: '/other' });
    wake();
    expect((await limited).json()).toEqual({ path: '/limited' });
  });
});

describe('createAccountTransport', () => {
  it('keys the budget by system, origin and user, with the manifest limit', async () => {
    const server = await countingServer(15);
    const manifest = { id: 'rally', maxConcurrentPerAccount: 2 };
    const principal = `pm-${Date.now()}`;
    const first = createAccountTransport(manifest, {
      allowPrivateNetwork: true,
      accountUrl: `${server.url}/slm/webservice/v2.0`,
      principal,
      headers: { 'x-account': 'm' },
    });
    const second = createAccountTransport(manifest, {
      allowPrivateNetwork: true,
      accountUrl: server.url,
      principal,
      baseUrl: server.url,
      headers: { 'x-account': 'm' },
    });
    open.push(first, second);
    expect(first.accountKey).toBe(second.accountKey);
    expect(first.accountKey).toBe(`rally:${server.url}|${principal}`);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? first : second).request({ method: 'GET', url: `${server.url}/r/${i}` }),
      ),
    );
    expect(server.peak('m')).toBe(2);
  });
});

describe('the local budget', () => {
  it('grants in FIFO order and ignores a second release', async () => {
    const budget = createLocalBudget();
    const first = await budget.acquire('k', 1);
    const order: number[] = [];
    const second = budget.acquire('k', 1).then((lease) => {
      order.push(2);
      return lease;
    });
    const third = budget.acquire('k', 1).then((lease) => {
      order.push(3);
      return lease;
    });
    first.release();
    first.release();
    (await second).release();
    (await third).release();
    expect(order).toEqual([2, 3]);
    expect(budget.stats('k')).toEqual({ active: 0, waiting: 0 });
  });

  it('drops a waiter whose signal aborts', async () => {
    const budget = createLocalBudget();
    const held = await budget.acquire('k', 1);
    const controller = new AbortController();
    const waiting = budget.acquire('k', 1, controller.signal);
    controller.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    expect(budget.stats('k')).toEqual({ active: 1, waiting: 0 });
    held.release();
  });

  it('rejects a limit below 1', async () => {
    await expect(createLocalBudget().acquire('k', 0)).rejects.toThrow(RangeError);
  });

  it('never has more than `limit` leases out, whatever the order of acquires and releases', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        async (limit, script) => {
          const budget = createLocalBudget();
          const held: Lease[] = [];
          const pending: Promise<void>[] = [];
          for (const acquire of script) {
            if (acquire) {
              pending.push(budget.acquire('k', limit).then((lease) => void held.push(lease)));
            } else {
              held.shift()?.release();
            }
            await Promise.resolve();
            const { active } = budget.stats('k');
            expect(active).toBeLessThanOrEqual(limit);
            expect(held.length).toBeLessThanOrEqual(limit);
          }
          while (held.length > 0 || budget.stats('k').waiting > 0) {
            held.shift()?.release();
            await Promise.resolve();
          }
          await Promise.all(pending);
          expect(budget.stats('k')).toEqual({ active: 0, waiting: 0 });
        },
      ),
    );
  });
});

describe('account keys', () => {
  it('normalises the account URL to its origin', () => {
    expect(accountKey('rally', 'HTTPS://Rally1.RallyDev.com/slm/webservice/v2.0/', 'u1')).toBe(
      'rally:https://rally1.rallydev.com|u1',
    );
  });

  it('never embeds a secret used as principal', () => {
    const principal = principalFromSecret('_abc123SECRETkey');
    expect(principal).not.toContain('_abc123SECRETkey');
    expect(principal).toBe(principalFromSecret('_abc123SECRETkey'));
  });
});
