import { RemoteError } from '@tandem/connector-kit';
import { afterEach, describe, expect, it } from 'vitest';
import { createRemoteServiceConnector, type ServiceLogSink } from '../src/index.ts';
import { makeCtx } from './support/context.ts';
import { json, type RawService, startRawService } from './support/raw-service.ts';

const secret = 'raw-service-secret-0123456789';
const input = {
  scope: { workspaceId: 'tracker', projectId: 'records' },
  type: 'feature',
  fields: { name: 'Checkout' },
  idempotencyToken: 'tok-1',
};
let service: RawService | undefined;
afterEach(() => service?.close());

async function failure(promise: Promise<unknown>): Promise<RemoteError> {
  const error = await promise.then(
    () => new Error('it succeeded'),
    (e: unknown) => e,
  );
  if (!RemoteError.is(error)) throw error;
  return error;
}

describe('a service that misbehaves: a clear error, nothing stored', () => {
  it('answers garbage', async () => {
    service = await startRawService((_b, res) => json(res, 200, '<html>Welcome to nginx</html>'));
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx(service.url, secret);
    const error = await failure(connector.createRecord(ctx, input));
    expect(error.kind).toBe('unknown');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(
      /not a protocol answer \(HTTP 200\); nothing was stored: <html>Welcome to nginx/,
    );
    expect(await connector.findByIdempotencyToken(ctx, { ...input })).toBeNull();
  });

  it('hangs: the create fails as an ambiguous timeout after timeoutMs, and is not stored', async () => {
    service = await startRawService(() => {}); // never answers
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx(service.url, secret, { timeoutMs: 300 });
    const started = Date.now();
    const error = await failure(connector.createRecord(ctx, input));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.kind).toBe('timeout');
    expect(error.ambiguous).toBe(true);
    expect(error.message).toContain('did not answer create_feature within 300 ms');
    await expect(connector.readRecord(ctx, { type: 'feature', id: '1' })).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('answers ok without an id for the record', async () => {
    service = await startRawService((_b, res) => json(res, 200, { protocol: 1, ok: true }));
    const error = await failure(
      createRemoteServiceConnector().createRecord(makeCtx(service.url, secret), input),
    );
    expect(error.message).toContain(
      'without an integration field "id" for the feature; nothing was stored',
    );
  });

  it('maps retryable and permanent errors, with Retry-After', async () => {
    let next: unknown;
    service = await startRawService((_b, res) => json(res, 503, next));
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx(service.url, secret);
    next = {
      protocol: 1,
      ok: false,
      error: { message: 'Jira is down', retryable: true, retry_after: 30 },
    };
    const retryable = await failure(connector.createRecord(ctx, input));
    expect(retryable).toMatchObject({
      kind: 'rate_limited',
      retryable: true,
      retryAfterMs: 30_000,
    });
    next = {
      protocol: 1,
      ok: false,
      error: {
        message: 'Summary too long',
        retryable: false,
        field_errors: [{ field: 'name', message: 'too long' }],
      },
    };
    const permanent = await failure(connector.createRecord(ctx, input));
    expect(permanent).toMatchObject({
      kind: 'validation',
      retryable: false,
      fieldErrors: [{ field: 'name', message: 'too long' }],
    });
    expect(permanent.message).toContain('refused create_feature: Summary too long');
  });

  it('refuses what a service writes outside the event, and links that are not http(s)', async () => {
    service = await startRawService((body, res) => {
      const event = JSON.parse(body);
      json(res, 200, {
        protocol: 1,
        ok: true,
        integration_fields: [
          {
            resource: 'features',
            id: event.feature.id,
            fields: { id: '7', url: 'javascript:alert(1)' },
          },
          { resource: 'features', id: 'someone-elses-record', fields: { id: '666' } },
        ],
        meta_data: { stolen: true },
      });
    });
    const lines: Parameters<ServiceLogSink>[0][] = [];
    const connector = createRemoteServiceConnector({ onServiceLog: (line) => lines.push(line) });
    const ctx = makeCtx(service.url, secret);
    const record = await connector.createRecord(ctx, input);
    expect(record.url).toBe(`${service.url}#feature/7`);
    await expect(connector.readRecord(ctx, { type: 'feature', id: '666' })).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(
      connector.adapter.store.byHandle(`${service.url}#int-1`, 'someone-elses-record'),
    ).toBeUndefined();
    // meta_data is kept only after installed
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: expect.stringContaining('ignored after create_feature'),
      }),
    );
    await connector.updateRecord(ctx, record, { fields: { name: 'Checkout v2' } });
    expect(JSON.parse(service.received[1]!.body).integration.meta_data).toEqual({});
  });

  it('signs every delivery: timestamped HMAC over the raw body, unique delivery ids', async () => {
    service = await startRawService((body, res) =>
      json(res, 200, {
        protocol: 1,
        ok: true,
        integration_fields: [
          { resource: 'features', id: JSON.parse(body).feature.id, fields: { id: '1' } },
        ],
      }),
    );
    const connector = createRemoteServiceConnector();
    const ctx = makeCtx(service.url, secret);
    const created = await connector.createRecord(ctx, input);
    await connector.updateRecord(ctx, created, { fields: { name: 'Again' } });
    const { verifySignature } = await import('@tandem/service-kit/protocol');
    const [first, second] = service.received;
    const now = Math.floor(Date.now() / 1000);
    expect(
      verifySignature(secret, first!.body, String(first!.headers['tandem-signature']), now),
    ).toMatchObject({ ok: true });
    expect(
      verifySignature(
        'another-secret-0000000000',
        first!.body,
        String(first!.headers['tandem-signature']),
        now,
      ),
    ).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(first!.headers['tandem-delivery']).not.toBe(second!.headers['tandem-delivery']);
    expect(JSON.parse(second!.body)).toMatchObject({
      event: 'update_feature',
      feature: {
        name: 'Again',
        integration_fields: [{ name: 'id', value: '1', service_name: 'tracker' }],
      },
    });
  });
});
