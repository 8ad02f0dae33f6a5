/**
 * REST 7.1 over the shared transport: URLs under the organisation, the PAT as HTTP Basic, the
 * api-version, JSON bodies. Every failure becomes a `RemoteError` (errors.ts). A 2xx that is
 * not JSON is the HTML sign-in page Azure DevOps serves to a refused token: an `auth` error.
 *
 * Throttling: Azure DevOps limits each identity to 200 TSTUs per sliding five minutes and says
 * so early in `X-RateLimit-*` and `Retry-After` headers, even on successful answers. The
 * transport honours `Retry-After` on failures; this client also pauses the whole account (every
 * call through a transport with the same account key) when a successful answer carries one, or
 * when `X-RateLimit-Remaining` reaches 0, until the time it names.
 */
import type { ConnectorContext, HttpMethod, TransportResponse } from '@tandem/connector-kit';
import { parseRetryAfter, RemoteError } from '@tandem/connector-kit';
import { adoError } from './errors.ts';
import type { AzureDevOpsConfig } from './spec.ts';

export const API_VERSION = '7.1';

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** Until when each account (transport account key) waits before its next request. */
const pausedUntil = new Map<string, number>();
/** The longest pause honoured in-process; a longer one fails as `rate_limited` for the runner. */
const maxPauseMs = 120_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** When a (successful) answer asks the account to slow down, until when; `null` when it does not. */
export function pauseFrom(headers: Readonly<Record<string, string>>, nowMs: number): number | null {
  const retryAfter = parseRetryAfter(headers['retry-after'], nowMs);
  if (retryAfter !== null && retryAfter > 0) return nowMs + retryAfter;
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (headers['x-ratelimit-remaining'] !== undefined && remaining <= 0 && Number.isFinite(reset)) {
    return Math.max(nowMs, reset * 1000);
  }
  return null;
}

export class AdoClient {
  readonly ctx: ConnectorContext<AzureDevOpsConfig>;
  readonly orgUrl: string;

  constructor(ctx: ConnectorContext<AzureDevOpsConfig>) {
    this.ctx = ctx;
    this.orgUrl = ctx.config.accountUrl;
  }

  /** `path` under the organisation (`/_apis/projects`) or a project (`/{id}/_apis/wit/...`). */
  url(path: string, query: Query = {}): string {
    const url = new URL(`${this.orgUrl}${path.startsWith('/') ? path : `/${path}`}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    if (!url.searchParams.has('api-version')) url.searchParams.set('api-version', API_VERSION);
    return url.toString();
  }

  async authHeaders(): Promise<Record<string, string>> {
    const credential = await this.ctx.credentials();
    const token =
      credential.kind === 'pat'
        ? credential.token
        : credential.kind === 'api_key'
          ? credential.apiKey
          : null;
    if (credential.kind === 'oauth2') return { authorization: `Bearer ${credential.accessToken}` };
    if (!token) throw new RemoteError('auth', 'No personal access token', { retryable: false });
    return { authorization: `Basic ${Buffer.from(`:${token}`).toString('base64')}` };
  }

  private async waitForBudget(): Promise<void> {
    const key = this.ctx.transport.accountKey;
    const until = pausedUntil.get(key);
    if (until === undefined) return;
    const wait = until - Date.now();
    if (wait <= 0) {
      pausedUntil.delete(key);
      return;
    }
    if (wait > maxPauseMs) {
      throw new RemoteError('rate_limited', 'Azure DevOps asked Tandem to slow down', {
        retryAfterMs: wait,
      });
    }
    await sleep(wait, this.ctx.signal);
  }

  /** One exchange; answers the response of an accepted status, throws `RemoteError` otherwise. */
  async send(
    method: HttpMethod,
    url: string,
    operation: string,
    options: {
      json?: unknown;
      body?: Uint8Array;
      contentType?: string;
      idempotent?: boolean;
      accept?: (status: number) => boolean;
    } = {},
  ): Promise<TransportResponse> {
    await this.waitForBudget();
    const headers: Record<string, string> = {
      ...(await this.authHeaders()),
      accept: 'application/json',
      // Without it a refused token gets the 203 sign-in page instead of a 401.
      'x-tfs-fedauthredirect': 'Suppress',
    };
    const body =
      options.body ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await this.ctx.transport.request({
      method,
      url,
      operation,
      headers,
      ...(body === undefined ? {} : { body }),
      ...(options.idempotent === undefined ? {} : { idempotent: options.idempotent }),
      // 4xx answers carry Azure DevOps's own error: read it rather than let the transport throw.
      acceptStatus: (status) => status < 500 && status !== 429 && status !== 408,
      ...(this.ctx.signal ? { signal: this.ctx.signal } : {}),
    });
    const pause = pauseFrom(response.headers, Date.now());
    if (pause !== null) {
      const key = this.ctx.transport.accountKey;
      pausedUntil.set(key, Math.max(pausedUntil.get(key) ?? 0, pause));
    }
    const what = `${operation} ${method} ${new URL(url).pathname}`;
    if (options.accept?.(response.status)) return response;
    if (response.status >= 300) {
      throw adoError({ status: response.status, body: response.text(), what });
    }
    const type = response.headers['content-type'] ?? '';
    if (response.status === 203 || /text\/html/i.test(type)) {
      throw new RemoteError(
        'auth',
        `Azure DevOps answered with its sign-in page (${what}): the personal access token was refused`,
        { status: response.status, retryable: false },
      );
    }
    return response;
  }

  async json<T>(
    method: HttpMethod,
    path: string,
    operation: string,
    options: {
      query?: Query;
      json?: unknown;
      body?: Uint8Array;
      contentType?: string;
      idempotent?: boolean;
    } = {},
  ): Promise<T> {
    const response = await this.send(method, this.url(path, options.query), operation, options);
    if (response.status === 204 || response.text() === '') return undefined as T;
    return response.json<T>();
  }

  get<T>(path: string, operation: string, query: Query = {}): Promise<T> {
    return this.json<T>('GET', path, operation, { query });
  }
}

/** `{count, value}` → value. */
export function values<T>(body: { value?: T[] } | undefined): T[] {
  return Array.isArray(body?.value) ? body.value : [];
}
