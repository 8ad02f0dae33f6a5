/**
 * A conformance run of the protocol against a running service (any language): every event of the
 * fixtures gets a protocol answer; creates store integration fields on the record sent; `installed`
 * is idempotent; a retried event gets the first answer; forged, stale, replayed and malformed
 * deliveries are refused; invalid config is a permanent error; a broken remote a retryable one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EventName, eventNames, HEADERS, serviceAnswerSchema } from '../protocol/index.ts';
import { fixtureEvent } from './fixtures.ts';
import { sendEvent } from './send-event.ts';

export interface ProtocolChecksOptions {
  name: string;
  /** Starts the service (and what it talks to); `url` takes the POSTs. */
  start(): Promise<{ url: string; close(): Promise<void> }>;
  service: string;
  secret: string;
  data: Record<string, unknown>;
  /** `data` the service's config schema refuses. */
  invalidData: Record<string, unknown>;
  /** Make the service's remote fail (and heal it) to see a retryable error. */
  breakRemote?: { break(): Promise<void> | void; heal(): Promise<void> | void };
}

export function describeServiceProtocol(options: ProtocolChecksOptions): void {
  describe(`${options.name} speaks the events protocol`, () => {
    let running: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      running = await options.start();
    }, 30_000);
    afterAll(() => running?.close());
    const event = (name: EventName, extra: { data?: Record<string, unknown>; key?: string } = {}) =>
      fixtureEvent(name, {
        service: options.service,
        data: extra.data ?? options.data,
        ...(extra.key ? { idempotencyKey: extra.key } : {}),
      });
    const send = (e: ReturnType<typeof event>, tamper?: Parameters<typeof sendEvent>[3]) =>
      sendEvent(running.url, e, options.secret, tamper);

    for (const name of eventNames) {
      it(`answers ${name} with a protocol answer`, async () => {
        const { status, body } = await send(event(name));
        const answer = serviceAnswerSchema.parse(body);
        expect(answer.ok, JSON.stringify(body)).toBe(true);
        expect(status).toBe(200);
      });
    }

    it('stores integration fields on the release and the feature it creates', async () => {
      for (const [name, resource] of [
        ['create_release', 'releases'],
        ['create_feature', 'features'],
      ] as const) {
        const sent = event(name);
        const answer = serviceAnswerSchema.parse((await send(sent)).body);
        const id = 'feature' in sent ? sent.feature.id : 'release' in sent ? sent.release.id : '';
        expect(answer.ok && answer.integration_fields).toContainEqual(
          expect.objectContaining({ resource, id }),
        );
      }
    });

    it('answers installed the same way every time (idempotent)', async () => {
      const first = serviceAnswerSchema.parse((await send(event('installed'))).body);
      const second = serviceAnswerSchema.parse((await send(event('installed'))).body);
      expect(first.ok).toBe(true);
      expect(second).toEqual(first);
    });

    it('answers a retried event (same idempotency key, new delivery) as the first time', async () => {
      const first = await send(event('create_feature', { key: 'retry-key-1' }));
      const again = await send(event('create_feature', { key: 'retry-key-1' }));
      expect(again).toEqual(first);
    });

    it('refuses a forged signature with 401 and stores nothing', async () => {
      const { status, body } = await send(event('create_feature'), {
        tamper: (d) => {
          d.headers[HEADERS.signature] = flipLastDigit(d.headers[HEADERS.signature]!);
        },
      });
      expect(status).toBe(401);
      expect(serviceAnswerSchema.parse(body)).toMatchObject({
        ok: false,
        error: { retryable: false },
      });
    });

    it('refuses a body changed after signing', async () => {
      const { status } = await send(event('create_feature'), {
        tamper: (d) => {
          d.body = d.body.replace('Feature with attachments', 'Feature with a payload');
        },
      });
      expect(status).toBe(401);
    });

    it('refuses a delivery signed outside the timestamp window', async () => {
      const { status } = await send(event('create_feature'), {
        unixSeconds: Math.floor(Date.now() / 1000) - 3600,
      });
      expect(status).toBe(401);
    });

    it('refuses the same delivery twice (replay) with 409', async () => {
      const once = event('create_release');
      expect((await send(once)).status).toBe(200);
      const replay = await send(once);
      expect(replay.status).toBe(409);
      expect(serviceAnswerSchema.parse(replay.body).ok).toBe(false);
    });

    it('refuses a body that is not a protocol event', async () => {
      const { status } = await send(event('create_feature'), {
        tamper: (d) => {
          d.headers[HEADERS.protocol] = '0';
        },
      });
      expect(status).toBe(400);
    });

    it('answers invalid config with a permanent error naming the field', async () => {
      const { status, body } = await send(event('create_feature', { data: options.invalidData }));
      expect(status).toBeGreaterThanOrEqual(400);
      const answer = serviceAnswerSchema.parse(body);
      expect(answer).toMatchObject({ ok: false, error: { retryable: false } });
      expect(!answer.ok && answer.error.field_errors.length).toBeGreaterThan(0);
    });

    if (options.breakRemote) {
      const breaker = options.breakRemote;
      it('answers a retryable error while its remote is down', async () => {
        await breaker.break();
        try {
          const answer = serviceAnswerSchema.parse((await send(event('create_feature'))).body);
          expect(answer).toMatchObject({ ok: false, error: { retryable: true } });
        } finally {
          await breaker.heal();
        }
      });
    }
  });
}

/** The same signature with its last hex digit changed: forged, and always different. */
function flipLastDigit(signature: string): string {
  const last = signature.at(-1);
  return `${signature.slice(0, -1)}${last === '0' ? '1' : '0'}`;
}
