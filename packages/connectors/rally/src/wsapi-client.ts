/**
 * WSAPI v2.0 over the shared transport: URLs, auth header, envelopes. Every answer is unwrapped
 * (`QueryResult`, `CreateResult`, `OperationResult`, `{<Type>: {...}}`) and every failure becomes
 * a `RemoteError` (see errors.ts).
 */
import type { ConnectorContext, HttpMethod, TransportResponse } from '@tandem/connector-kit';
import { RemoteError } from '@tandem/connector-kit';
import { rallyError } from './errors.ts';
import type { RallyConfig } from './spec.ts';

export type RallyObject = Record<string, unknown> & { _ref?: string; ObjectID?: number };

export interface QueryPage {
  results: RallyObject[];
  total: number;
  startIndex: number;
}

export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

export interface WriteResult {
  object: RallyObject;
  warnings: string[];
}

const integrationHeaders = {
  'x-rallyintegrationname': 'Tandem',
  'x-rallyintegrationvendor': 'Tandem',
  'x-rallyintegrationversion': '1.0',
  'x-rallyintegrationlibrary': 'Tandem Rally connector',
};

export const maxPageSize = 2000;

export function wsapiBase(accountUrl: string): string {
  return `${accountUrl}/slm/webservice/v2.0`;
}

type Envelope = {
  Errors?: unknown;
  Warnings?: unknown;
  [key: string]: unknown;
};

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export class Wsapi {
  readonly ctx: ConnectorContext<RallyConfig>;
  readonly base: string;

  constructor(ctx: ConnectorContext<RallyConfig>) {
    this.ctx = ctx;
    this.base = wsapiBase(ctx.config.accountUrl);
  }

  get workspaceRef(): string {
    return `/workspace/${this.ctx.config.workspaceId}`;
  }

  url(path: string, query: Query = {}): string {
    const url = new URL(`${this.base}${path.startsWith('/') ? path : `/${path}`}`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return url.toString();
  }

  async authHeaders(): Promise<Record<string, string>> {
    const credential = await this.ctx.credentials();
    if (credential.kind === 'api_key') return { zsessionid: credential.apiKey };
    // Rally takes OAuth access tokens in the same header as API keys.
    if (credential.kind === 'oauth2') return { zsessionid: credential.accessToken };
    throw new RemoteError('auth', 'Rally takes an API key or an OAuth token, not a PAT', {
      retryable: false,
    });
  }

  /** One HTTP exchange with Rally; returns the envelope's inner object. */
  async send(
    method: HttpMethod,
    url: string,
    operation: string,
    options: { json?: unknown; idempotent?: boolean; absolute?: boolean } = {},
  ): Promise<{ key: string; inner: Envelope; response: TransportResponse }> {
    const response = await this.ctx.transport.request({
      method,
      url,
      operation,
      headers: { ...integrationHeaders, ...(await this.authHeaders()) },
      ...(options.json === undefined ? {} : { json: options.json }),
      ...(options.idempotent === undefined ? {} : { idempotent: options.idempotent }),
      // 4xx answers carry Rally's own error text: read it rather than let the transport throw.
      acceptStatus: (status) => status < 500 && status !== 429 && status !== 408,
      ...(this.ctx.signal ? { signal: this.ctx.signal } : {}),
    });
    const what = `${operation} ${method} ${new URL(url).pathname}`;
    let body: unknown;
    try {
      body = response.text() === '' ? {} : JSON.parse(response.text());
    } catch {
      body = undefined;
    }
    const entry =
      body && typeof body === 'object'
        ? Object.entries(body as Record<string, unknown>)[0]
        : undefined;
    const inner = entry?.[1] && typeof entry[1] === 'object' ? (entry[1] as Envelope) : undefined;
    const errors = strings(inner?.Errors);
    if (response.status >= 300 || errors.length > 0) {
      const fallback = response.text().slice(0, 300);
      throw rallyError({
        status: response.status,
        errors: errors.length > 0 ? errors : fallback ? [fallback] : [],
        what,
      });
    }
    if (!entry || !inner) {
      throw new RemoteError('unknown', `${what}: Rally's answer is not a WSAPI envelope`, {
        status: response.status,
        detail: response.text().slice(0, 300),
        retryable: false,
      });
    }
    return { key: entry[0], inner, response };
  }

  /** `GET /{type}/{oid}` → the object (without Errors/Warnings). */
  async read(path: string, query: Query, operation: string): Promise<RallyObject> {
    const { inner } = await this.send('GET', this.url(path, query), operation);
    const { Errors: _e, Warnings: _w, ...object } = inner;
    return object as RallyObject;
  }

  async query(path: string, query: Query, operation: string): Promise<QueryPage> {
    const { inner } = await this.send('GET', this.url(path, query), operation);
    const results = Array.isArray(inner.Results) ? (inner.Results as RallyObject[]) : [];
    return {
      results,
      total: typeof inner.TotalResultCount === 'number' ? inner.TotalResultCount : results.length,
      startIndex: typeof inner.StartIndex === 'number' ? inner.StartIndex : 1,
    };
  }

  /** Every result of a query, page by page (Rally pages are 1-based). */
  async queryAll(
    path: string,
    query: Query,
    operation: string,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<RallyObject[]> {
    const pageSize = Math.min(maxPageSize, Number.isFinite(limit) ? limit : maxPageSize);
    const all: RallyObject[] = [];
    for (let start = 1; ; start += pageSize) {
      const page = await this.query(path, { ...query, start, pagesize: pageSize }, operation);
      all.push(...page.results);
      if (page.results.length < pageSize || all.length >= page.total || all.length >= limit) break;
    }
    return all.slice(0, limit);
  }

  async create(type: string, fields: Record<string, unknown>, query: Query): Promise<WriteResult> {
    const { inner } = await this.send(
      'POST',
      this.url(`/${type.toLowerCase()}/create`, query),
      'createRecord',
      { json: { [type]: fields } },
    );
    return this.writeResult(inner, 'create');
  }

  async update(
    path: string,
    bodyKey: string,
    fields: Record<string, unknown>,
    query: Query,
    operation = 'updateRecord',
  ): Promise<WriteResult> {
    // A PUT of the same values is harmless to repeat, so the transport may retry it.
    const { inner } = await this.send('PUT', this.url(path, query), operation, {
      json: { [bodyKey]: fields },
    });
    return this.writeResult(inner, 'update');
  }

  async delete(path: string, query: Query): Promise<void> {
    await this.send('DELETE', this.url(path, query), 'deleteRecord');
  }

  private writeResult(inner: Envelope, what: string): WriteResult {
    const object = inner.Object;
    if (!object || typeof object !== 'object') {
      throw new RemoteError('unknown', `Rally's ${what} answer has no Object`, {
        retryable: false,
      });
    }
    return { object: object as RallyObject, warnings: strings(inner.Warnings) };
  }
}
