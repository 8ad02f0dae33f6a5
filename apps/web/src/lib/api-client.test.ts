import { CSRF_HEADER, sessionSchema } from '@tandem/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, parseRetryAfter } from './api-client';

const session = {
  user: { id: 'u1', email: 'owner@tandem.demo', name: 'Olivia Owner' },
  workspaces: [{ id: 'w1', name: 'Mobile App', key: 'APP', role: 'owner' }],
  csrfToken: 'tok-123',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function clientAnswering(response: Response | (() => never)) {
  const fetch = vi.fn<typeof globalThis.fetch>(async () =>
    typeof response === 'function' ? response() : response,
  );
  return { client: new ApiClient({ baseUrl: '/api', fetch }), fetch };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('ApiClient', () => {
  it('returns the body parsed by the contract schema', async () => {
    const { client, fetch } = clientAnswering(json(200, session));
    await expect(client.get('/auth/session', sessionSchema)).resolves.toEqual(session);
    expect(fetch).toHaveBeenCalledWith(
      '/api/auth/session',
      expect.objectContaining({ method: 'GET', body: null }),
    );
  });

  it('sends JSON with the CSRF token on mutating requests, not on reads', async () => {
    const { client, fetch } = clientAnswering(json(204, undefined));
    client.setCsrfToken('tok-123');
    await client.post('/auth/logout', { reason: 'bye' });
    const init = fetch.mock.calls[0]?.[1];
    const headers = new Headers(init?.headers);
    expect(init?.method).toBe('POST');
    expect(headers.get(CSRF_HEADER)).toBe('tok-123');
    expect(headers.get('content-type')).toBe('application/json');
    expect(init?.body).toBe('{"reason":"bye"}');

    fetch.mockResolvedValueOnce(json(200, session));
    await client.get('/auth/session', sessionSchema);
    expect(new Headers(fetch.mock.calls[1]?.[1]?.headers).has(CSRF_HEADER)).toBe(false);
  });

  it('sends no CSRF header once the token is cleared', async () => {
    const { client, fetch } = clientAnswering(json(204, undefined));
    client.setCsrfToken('tok-123');
    client.setCsrfToken(null);
    await client.delete('/things/1');
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).has(CSRF_HEADER)).toBe(false);
  });

  it('turns a validation error into an ApiError with field messages', async () => {
    const { client } = clientAnswering(
      json(400, {
        error: {
          code: 'validation_failed',
          message: 'Check the highlighted fields',
          details: { fields: [{ path: 'email', message: 'Enter a valid email address' }] },
        },
      }),
    );
    const error = await failure(client.post('/auth/login', { email: 'x' }, sessionSchema));
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Check the highlighted fields');
    expect(error.fields).toEqual([{ path: 'email', message: 'Enter a valid email address' }]);
    expect(error.fieldError('email')).toBe('Enter a valid email address');
    expect(error.fieldError('password')).toBeUndefined();
  });

  it('keeps the code and message of a 401', async () => {
    const { client } = clientAnswering(
      json(401, { error: { code: 'unauthenticated', message: 'Email or password is incorrect' } }),
    );
    const error = await failure(client.post('/auth/login', {}, sessionSchema));
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', fields: [] });
    expect(error.message).toBe('Email or password is incorrect');
  });

  it('reads Retry-After on a 429', async () => {
    const { client } = clientAnswering(
      json(429, { error: { code: 'rate_limited', message: 'Slow down' } }, { 'retry-after': '42' }),
    );
    const error = await failure(client.post('/auth/login', {}, sessionSchema));
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 42 });
  });

  it('falls back to a code from the status when the body is not the error schema', async () => {
    const { client } = clientAnswering(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await failure(client.get('/health', sessionSchema));
    expect(error).toMatchObject({ status: 502, code: 'internal' });
    expect(error.message).toMatch(/something went wrong/i);

    const notFound = clientAnswering(new Response('nope', { status: 404 }));
    expect(await failure(notFound.client.get('/x', sessionSchema))).toMatchObject({
      code: 'not_found',
    });
  });

  it('rejects a success body that breaks the contract', async () => {
    const { client } = clientAnswering(json(200, { user: { id: 1 } }));
    const error = await failure(client.get('/auth/session', sessionSchema));
    expect(error).toMatchObject({ status: 200, code: 'invalid_response' });
  });

  it('reports a network failure as status 0', async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(client.get('/auth/session', sessionSchema));
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
    expect(error.message).toMatch(/could not be reached/);
  });
});

describe('ApiClient.rpc (Hono typed client over the same transport)', () => {
  it('sends the typed request through the transport and reads the checked body', async () => {
    const { client, fetch } = clientAnswering(json(200, session));
    client.setCsrfToken('tok-123');
    const result = await client.read(
      client.rpc.auth.login.$post({ json: { email: 'owner@tandem.demo', password: 'x' } }),
      sessionSchema,
    );
    expect(result).toEqual(session);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(String(url)).toBe('/api/auth/login');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get(CSRF_HEADER)).toBe('tok-123');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'owner@tandem.demo', password: 'x' });
  });

  it('throws the same ApiError for a failed typed call', async () => {
    const { client } = clientAnswering(
      json(401, { error: { code: 'unauthenticated', message: 'Sign in first' } }),
    );
    const error = await failure(client.read(client.rpc.auth.session.$get(), sessionSchema));
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated', message: 'Sign in first' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, ignores junk', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
