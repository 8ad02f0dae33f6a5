/**
 * The one HTTP transport every connector uses. Per attempt: take a slot from the account's
 * concurrency budget, send on a keep-alive pool, read the whole body, give the slot back, log.
 * Then decide: return, retry after a backoff (or the remote's Retry-After), or throw a
 * `RemoteError` — ambiguous when a non-idempotent request may have been applied.
 */
import { randomUUID } from 'node:crypto';
import { Agent } from 'undici';
import { RemoteError } from '../port/errors.ts';
import type { ConnectorManifest } from '../port/model.ts';
import { guardedConnector } from './address-policy.ts';
import { fullJitterDelay, parseRetryAfter } from './backoff.ts';
import { classifyNetworkError, classifyStatus, type Failure } from './classify.ts';
import { systemClock } from './clock.ts';
import { accountKey, processBudget } from './concurrency.ts';
import { Redactor } from './redact.ts';
import type {
  HttpMethod,
  RequestLogEntry,
  RetryPolicy,
  Transport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
  TransportTimeouts,
} from './types.ts';

const idempotentMethods: ReadonlySet<HttpMethod> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
]);

const defaultRetry: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

const defaultTimeouts: TransportTimeouts = { connectMs: 10_000, headersMs: 60_000, bodyMs: 60_000 };

const secretHeaderNames = new Set(['authorization', 'proxy-authorization', 'cookie', 'zsessionid']);

const textual = /json|text|xml|html|x-www-form-urlencoded|javascript/i;

export function createTransport(options: TransportOptions): Transport {
  const retry: RetryPolicy = { ...defaultRetry, ...options.retry };
  const timeouts: TransportTimeouts = { ...defaultTimeouts, ...options.timeouts };
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const budget = options.budget ?? processBudget;
  const logBodyLimit = options.logBodyLimit ?? 8192;
  const certificate = options.clientCertificate;
  const ca = certificate?.ca ?? options.ca;

  if (!Number.isInteger(options.maxConcurrent) || options.maxConcurrent < 1) {
    throw new RangeError(`maxConcurrent must be a positive integer, got ${options.maxConcurrent}`);
  }

  const agent = new Agent({
    // One pool per origin; never more sockets than the account may use at once.
    connections: options.maxConcurrent,
    keepAliveTimeout: options.keepAliveMs ?? 30_000,
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
    maxResponseSize: options.maxResponseBytes ?? 64 * 1024 * 1024,
    // Every new connection resolves and checks its address here (DNS rebinding cannot slip past
    // a check made when the account URL was entered).
    connect: guardedConnector(
      {
        timeout: timeouts.connectMs,
        ...(certificate
          ? {
              cert: certificate.cert,
              key: certificate.key,
              ...(certificate.passphrase === undefined
                ? {}
                : { passphrase: certificate.passphrase }),
            }
          : {}),
        ...(ca === undefined ? {} : { ca: Array.isArray(ca) ? [...ca] : (ca as string | Buffer) }),
      },
      {
        allowPrivateNetwork: options.allowPrivateNetwork ?? false,
        ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
      },
    ),
  });

  const log = (entry: RequestLogEntry) => {
    // A broken log sink must not break a sync, whether it throws or rejects.
    try {
      const result: unknown = options.onRequestLog?.(entry);
      if (result instanceof Promise) result.catch(() => {});
    } catch {
      // ignored, as above
    }
  };

  const clip = (value: string) =>
    value.length > logBodyLimit
      ? `${value.slice(0, logBodyLimit)}… [${value.length - logBodyLimit} more chars]`
      : value;

  async function request(input: TransportRequest): Promise<TransportResponse> {
    const url = new URL(input.url, options.baseUrl);
    const idempotent = input.idempotent ?? idempotentMethods.has(input.method);
    const accept = input.acceptStatus ?? ((status: number) => status >= 200 && status < 300);

    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': 'tandem-connector-kit',
    };
    for (const [name, value] of Object.entries({ ...options.headers, ...input.headers })) {
      headers[name.toLowerCase()] = value;
    }
    let body: string | Uint8Array | undefined = input.body;
    if (input.json !== undefined) {
      body = JSON.stringify(input.json);
      headers['content-type'] ??= 'application/json';
    }

    const redactor = new Redactor([
      ...(options.secrets?.() ?? []),
      ...Object.entries(headers)
        .filter(([name]) => secretHeaderNames.has(name))
        .flatMap(([, value]) => [value, value.replace(/^\S+\s+/, '')]),
    ]);
    const loggedUrl = redactor.url(url.toString());
    // Redacting headers and bodies costs a JSON walk: only pay it when a log sink reads them
    // (most keep only the request line of a success).
    const logging = options.onRequestLog !== undefined;
    const loggedHeaders = once(() => redactor.headers(headers));
    const loggedRequestBody = once(() =>
      body === undefined
        ? null
        : typeof body === 'string'
          ? clip(redactor.body(body, headers['content-type']))
          : `<${body.byteLength} bytes>`,
    );
    const describeBody = (answer: TransportResponse): string | null => {
      const type = answer.headers['content-type'];
      const raw = answer.bytes();
      if (raw.byteLength === 0) return null;
      return type === undefined || textual.test(type)
        ? clip(redactor.body(answer.text(), type))
        : `<${raw.byteLength} bytes>`;
    };
    const what = `${input.method} ${loggedUrl}`;
    const requestId = randomUUID();

    for (let attempt = 1; ; attempt += 1) {
      const lease = await budget.acquire(options.accountKey, options.maxConcurrent, input.signal);
      const startedMs = clock.now();
      const startedAt = new Date(startedMs).toISOString();
      let response: TransportResponse | undefined;
      let failure: Failure | undefined;
      try {
        const answer = await agent.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: input.method,
          headers,
          body: body === undefined ? null : typeof body === 'string' ? body : Buffer.from(body),
          idempotent,
          signal: input.signal ?? null,
          ...(input.timeouts?.headersMs === undefined
            ? {}
            : { headersTimeout: input.timeouts.headersMs }),
          ...(input.timeouts?.bodyMs === undefined ? {} : { bodyTimeout: input.timeouts.bodyMs }),
        });
        const bytes = new Uint8Array(await answer.body.arrayBuffer());
        response = makeResponse(answer.statusCode, answer.headers, bytes, what);
      } catch (error) {
        if (input.signal?.aborted) throw input.signal.reason;
        failure = classifyNetworkError(error, idempotent, what);
      } finally {
        await lease.release();
      }
      const durationMs = clock.now() - startedMs;

      let responseLog: string | null = null;
      if (response) {
        const accepted = accept(response.status);
        if (accepted) {
          const answered = response;
          if (logging)
            log(
              withLazyBodies(
                {
                  requestId,
                  accountKey: options.accountKey,
                  operation: input.operation,
                  method: input.method,
                  url: loggedUrl,
                  attempt,
                  startedAt,
                  durationMs,
                  status: answered.status,
                  error: null,
                  retryInMs: null,
                },
                {
                  requestHeaders: loggedHeaders,
                  requestBody: loggedRequestBody,
                  responseBody: once(() => describeBody(answered)),
                },
              ),
            );
          return response;
        }
        responseLog = describeBody(response);
        const retryAfterMs = parseRetryAfter(response.headers['retry-after'], clock.now());
        failure = classifyStatus(
          response.status,
          idempotent,
          what,
          (responseLog ?? '').slice(0, 500),
          retryAfterMs,
        );
      }
      if (!failure) throw new Error('unreachable: neither a response nor a failure');
      const { error, maybeSent } = failure;
      const retryInMs = nextDelay(error, maybeSent, idempotent, attempt);
      log({
        requestId,
        accountKey: options.accountKey,
        operation: input.operation,
        method: input.method,
        url: loggedUrl,
        attempt,
        startedAt,
        durationMs,
        status: response?.status ?? null,
        requestHeaders: logging ? loggedHeaders() : {},
        requestBody: logging ? loggedRequestBody() : null,
        responseBody: responseLog,
        error: {
          kind: error.kind,
          message: redactor.text(error.message),
          ambiguous: error.ambiguous,
        },
        retryInMs,
      });
      if (retryInMs === null) throw error;
      await clock.sleep(retryInMs, input.signal);
    }
  }

  /** Milliseconds to wait before the next attempt, or `null` to give up with `error`. */
  function nextDelay(
    error: RemoteError,
    maybeSent: boolean,
    idempotent: boolean,
    attempt: number,
  ): number | null {
    if (!error.retryable || attempt >= retry.maxAttempts) return null;
    // Never repeat a request that may have been applied unless repeating it is harmless.
    if (maybeSent && !idempotent) return null;
    if (error.retryAfterMs !== undefined) {
      return error.retryAfterMs <= retry.maxRetryAfterMs ? error.retryAfterMs : null;
    }
    return fullJitterDelay(attempt, retry.baseDelayMs, retry.maxDelayMs, random);
  }

  return {
    accountKey: options.accountKey,
    request,
    close: () => agent.close(),
  };
}

export interface AccountTransportOptions
  extends Omit<TransportOptions, 'accountKey' | 'maxConcurrent'> {
  /** The URL the user typed for the remote account. */
  accountUrl: string;
  /** The remote user: an id, a login, or `principalFromSecret(apiKey)` before it is known. */
  principal: string;
  /** Default: the manifest's `maxConcurrentPerAccount`. */
  maxConcurrent?: number;
}

/**
 * The transport for one remote account, keyed the same way everywhere (`rally:<origin>|<user>`)
 * so every integration on that account shares its concurrency budget.
 */
export function createAccountTransport(
  manifest: Pick<ConnectorManifest, 'id' | 'maxConcurrentPerAccount'>,
  { accountUrl, principal, maxConcurrent, ...options }: AccountTransportOptions,
): Transport {
  return createTransport({
    ...options,
    accountKey: accountKey(manifest.id, accountUrl, principal),
    maxConcurrent: maxConcurrent ?? manifest.maxConcurrentPerAccount,
  });
}

function makeResponse(
  status: number,
  raw: Record<string, string | string[] | undefined>,
  bytes: Uint8Array,
  what: string,
): TransportResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined)
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  let text: string | undefined;
  const readText = () => {
    text ??= new TextDecoder().decode(bytes);
    return text;
  };
  return {
    status,
    headers,
    bytes: () => bytes,
    text: readText,
    json<T>() {
      try {
        return JSON.parse(readText()) as T;
      } catch (cause) {
        throw new RemoteError('unknown', `${what}: the answer (${status}) is not JSON`, {
          status,
          cause,
        });
      }
    },
  };
}

/** `compute` run at most once, on first call. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

type LazyParts = 'requestHeaders' | 'requestBody' | 'responseBody';

/** A log entry whose redacted headers and bodies are computed when first read (or serialised). */
function withLazyBodies(
  entry: Omit<RequestLogEntry, LazyParts>,
  parts: { [K in LazyParts]: () => RequestLogEntry[K] },
): RequestLogEntry {
  const out = { ...entry } as RequestLogEntry;
  for (const [key, get] of Object.entries(parts))
    Object.defineProperty(out, key, { get, enumerable: true, configurable: true });
  return out;
}
