import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLocalBudget,
  createTransport,
  REDACTED,
  Redactor,
  type RequestLogEntry,
} from '../../src/index.ts';
import { readBody, sendJson, startHttpServer, type TestServer } from '../support/http-server.ts';

const secrets = {
  bearer: 'eyJhbGciOiJSUzI1NiJ9.access-token-value',
  zsession: '_rallyApiKey0123456789abcdef',
  cookie: 'JSESSIONID=cookie-session-value',
  queryToken: 'query-token-value-42',
  queryKey: 'query-api-key-value',
  password: 'hunter2-password-value',
  clientSecret: 'client-secret-value-xyz',
  accessToken: 'json-access-token-value',
  refreshToken: 'json-refresh-token-value',
  nestedKey: 'nested-api-key-value',
  formSecret: 'form-client-secret-value',
  formRefresh: 'form-refresh-token-value',
  echoed: 'server-echoed-secret-value',
  setCookie: 'set-cookie-session-value',
};

let server: TestServer;
beforeAll(async () => {
  server = await startHttpServer(async (request, response) => {
    await readBody(request);
    sendJson(
      response,
      200,
      {
        echo: `Authorization was Bearer ${secrets.bearer}`,
        access_token: secrets.echoed,
        note: `key=${secrets.zsession}`,
      },
      { 'set-cookie': `ZSESSIONID=${secrets.setCookie}; HttpOnly` },
    );
  });
});
afterAll(() => server.close());

describe('the request log', () => {
  it('carries no secret of any kind, in any part of any entry', async () => {
    const log: RequestLogEntry[] = [];
    const transport = createTransport({
      allowPrivateNetwork: true, // the test server listens on 127.0.0.1
      accountKey: 'redaction:test',
      maxConcurrent: 2,
      baseUrl: server.url,
      budget: createLocalBudget(),
      onRequestLog: (entry) => log.push(entry),
    });
    await transport.request({
      method: 'POST',
      url: `/oauth?token=${secrets.queryToken}&api_key=${secrets.queryKey}&page=2`,
      headers: {
        Authorization: `Bearer ${secrets.bearer}`,
        ZSESSIONID: secrets.zsession,
        Cookie: secrets.cookie,
      },
      json: {
        user: { name: 'pm', password: secrets.password },
        client_secret: secrets.clientSecret,
        access_token: secrets.accessToken,
        refresh_token: secrets.refreshToken,
        config: { rally: { apiKey: secrets.nestedKey } },
        list: [{ note: `see ${secrets.bearer}` }],
      },
    });
    await transport.request({
      method: 'POST',
      url: '/oauth/token',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Bearer ${secrets.bearer}`,
      },
      body: `grant_type=refresh_token&refresh_token=${secrets.formRefresh}&client_secret=${secrets.formSecret}`,
    });
    await transport.close();

    const text = JSON.stringify(log);
    for (const [name, value] of Object.entries(secrets)) {
      expect(text, `${name} leaked`).not.toContain(value);
    }
    const [first, second] = log;
    expect(first?.url).toContain('page=2');
    expect(first?.requestHeaders.authorization).toBe(REDACTED);
    expect(first?.requestHeaders.zsessionid).toBe(REDACTED);
    expect(first?.requestHeaders.cookie).toBe(REDACTED);
    expect(JSON.parse(first?.requestBody ?? '{}').user).toEqual({ name: 'pm', password: REDACTED });
    expect(second?.requestBody).toContain('grant_type=refresh_token');
    expect(first?.status).toBe(200);
    expect(first?.durationMs).toBeGreaterThanOrEqual(0);
  });
});

describe('OAuth values are redacted by name', () => {
  const oauth = {
    code: 'authorization-code-value-1',
    verifier: 'pkce-code-verifier-value-0123456789abcdefghijklmnop',
    clientSecret: 'oauth-client-secret-value',
    refresh: 'oauth-refresh-token-value',
    access: 'oauth-access-token-value',
    queryCode: 'query-authorization-code-2',
    headerSecret: 'header-client-secret-value',
    nestedCode: 'nested-code-value-3',
    nestedVerifier: 'nested-verifier-value-4',
  };

  it('in the token exchange form, a query string, JSON at any depth and headers', async () => {
    const log: RequestLogEntry[] = [];
    const transport = createTransport({
      allowPrivateNetwork: true,
      accountKey: 'redaction:oauth',
      maxConcurrent: 2,
      baseUrl: server.url,
      budget: createLocalBudget(),
      // No literal secrets known to the transport: only names protect these values.
      onRequestLog: (entry) => log.push(entry),
    });
    // As oauth4webapi posts the authorization-code exchange.
    await transport.request({
      method: 'POST',
      url: '/login/oauth2/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: oauth.code,
        code_verifier: oauth.verifier,
        redirect_uri: 'http://127.0.0.1:3000/api/oauth/rally/callback',
        client_id: 'tandem-local-client',
        client_secret: oauth.clientSecret,
      }).toString(),
    });
    await transport.request({
      method: 'GET',
      url: `/callback?code=${oauth.queryCode}&state=s-1&refresh_token=${oauth.refresh}`,
      headers: { 'X-Client-Secret': oauth.headerSecret, Authorization: `Bearer ${oauth.access}` },
    });
    await transport.request({
      method: 'POST',
      url: '/json',
      json: { grant: { steps: [{ code: oauth.nestedCode, codeVerifier: oauth.nestedVerifier }] } },
    });
    await transport.close();

    const text = JSON.stringify(log);
    for (const [name, value] of Object.entries(oauth)) {
      expect(text, `${name} leaked`).not.toContain(value);
    }
    const form = new URLSearchParams(log[0]?.requestBody ?? '');
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'authorization_code',
      code: REDACTED,
      code_verifier: REDACTED,
      redirect_uri: 'http://127.0.0.1:3000/api/oauth/rally/callback',
      client_id: 'tandem-local-client',
      client_secret: REDACTED,
    });
    const query = new URL(log[1]?.url ?? '').searchParams;
    expect(Object.fromEntries(query)).toEqual({
      code: REDACTED,
      state: 's-1',
      refresh_token: REDACTED,
    });
    expect(log[1]?.requestHeaders['x-client-secret']).toBe(REDACTED);
    expect(JSON.parse(log[2]?.requestBody ?? '{}')).toEqual({
      grant: { steps: [{ code: REDACTED, codeVerifier: REDACTED }] },
    });
  });

  it('keeps names that only contain "code"', () => {
    expect(
      new Redactor().body('{"errorCode":"E42","ProjectCode":"ALPHA"}', 'application/json'),
    ).toBe('{"errorCode":"E42","ProjectCode":"ALPHA"}');
  });
});

describe('Redactor', () => {
  const redactor = new Redactor(['known-secret-value']);

  it.each([
    ['Authorization: Bearer abc.def.ghi', 'abc.def.ghi'],
    ['basic Basic dXNlcjpwYXNz', 'dXNlcjpwYXNz'],
    ['https://user:pa55word@host/path', 'pa55word'],
    ['{"apiKey": "k-123456"}', 'k-123456'],
    ['password=letmein&x=1', 'letmein'],
    ['the value known-secret-value appears', 'known-secret-value'],
  ])('scrubs %j in free text', (input, secret) => {
    expect(redactor.text(input)).not.toContain(secret);
  });

  it('keeps what is not secret', () => {
    expect(
      redactor.body('{"Name":"Login page","Owner":{"_ref":"/user/1"}}', 'application/json'),
    ).toBe('{"Name":"Login page","Owner":{"_ref":"/user/1"}}');
  });

  it('scrubs URL-encoded and JSON-escaped forms of a known secret', () => {
    const tricky = new Redactor(['a/b+c"d\\e']);
    expect(tricky.url('https://h/x?q=a%2Fb%2Bc%22d%5Ce')).not.toContain('a%2Fb%2Bc%22d%5Ce');
    expect(tricky.text(JSON.stringify({ v: 'a/b+c"d\\e' }))).not.toContain('a/b+c\\"d\\\\e');
  });

  const jsonValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

  const secretKey = fc.constantFrom(
    'code',
    'code_verifier',
    'password',
    'client_secret',
    'access_token',
    'refresh_token',
    'apiKey',
    'API_KEY',
    'x-secret-thing',
    'sessionToken',
  );
  const token = fc.stringMatching(/^[A-Za-z0-9_-]{12,40}$/);

  /** Puts `leaf` somewhere inside `value`, creating objects on the way. */
  function plant(value: unknown, path: number[], key: string, leaf: unknown): unknown {
    if (path.length === 0 || value === null || typeof value !== 'object') {
      return { ...(typeof value === 'object' && value !== null ? value : {}), [key]: leaf };
    }
    const [step = 0, ...rest] = path;
    if (Array.isArray(value)) {
      if (value.length === 0) return [plant({}, rest, key, leaf)];
      const index = step % value.length;
      return value.map((item, i) => (i === index ? plant(item, rest, key, leaf) : item));
    }
    const entries = Object.entries(value);
    if (entries.length === 0) return { [key]: leaf };
    const pick = entries[step % entries.length]?.[0] ?? '';
    return { ...value, [pick]: plant((value as Record<string, unknown>)[pick], rest, key, leaf) };
  }

  it('never leaks a token stored under a secret-looking key, in any JSON shape', () => {
    fc.assert(
      fc.property(
        jsonValue,
        fc.array(fc.nat(), { maxLength: 5 }),
        secretKey,
        token,
        (base, path, key, secret) => {
          const planted = plant(base, path, key, secret);
          const out = new Redactor().body(JSON.stringify(planted), 'application/json');
          expect(out).not.toContain(secret);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never leaks a known secret wherever it appears: value, key, or inside a string', () => {
    fc.assert(
      fc.property(
        jsonValue,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.string({ maxLength: 6 }),
        token,
        fc.constantFrom('value', 'key', 'embedded'),
        (base, path, noise, secret, where) => {
          const planted =
            where === 'key'
              ? plant(base, path, `${noise}${secret}`, 1)
              : plant(
                  base,
                  path,
                  'harmless',
                  where === 'value' ? secret : `${noise}${secret}${noise}`,
                );
          const redactor = new Redactor([secret]);
          expect(redactor.body(JSON.stringify(planted), 'application/json')).not.toContain(secret);
          expect(redactor.text(JSON.stringify(planted))).not.toContain(secret);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Redactor cost', () => {
  it('stays linear on long strings without separators', () => {
    const long = `${'x'.repeat(200_000)} ${'key'.repeat(10_000)}`;
    const started = performance.now();
    new Redactor(['some-secret']).text(long);
    // quadratic backtracking would take minutes here
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
