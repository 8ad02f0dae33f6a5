import type { AppType } from '@tandem/bff';
import {
  CSRF_HEADER,
  type ErrorCode,
  errorBodySchema,
  type FieldIssue,
  fieldIssueSchema,
} from '@tandem/contracts';
import { type ClientResponse, hc } from 'hono/client';
import { z } from 'zod';
import { env } from '@/config/env';

/** The BFF's error codes, plus the two failures that happen before the BFF has answered. */
export type ApiErrorCode = ErrorCode | 'network_error' | 'invalid_response';

export interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  message: string;
  fields?: FieldIssue[];
  details?: Record<string, unknown>;
  retryAfterSeconds?: number | null;
}

/** Every failed call throws this: the BFF's `{ error: { code, message, details } }`, unpacked. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  readonly code: ApiErrorCode;
  /** Field-level messages of a validation error (`details.fields`), empty otherwise. */
  readonly fields: FieldIssue[];
  readonly details: Record<string, unknown>;
  /** From `Retry-After` on a 429 or 503, in whole seconds. */
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.details = init.details ?? {};
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The message for one field (`path` as the BFF reports it, e.g. `email` or `items.0.name`). */
  fieldError(path: string): string | undefined {
    return this.fields.find((f) => f.path === path)?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
}

const createRpc = (baseUrl: string, fetch: typeof globalThis.fetch) =>
  hc<AppType>(baseUrl, { fetch });

/** The BFF's routes as typed methods: `rpc.auth.login.$post({ json })`. */
export type Rpc = ReturnType<typeof createRpc>;

/**
 * The SPA's way to the BFF. `rpc` is Hono's typed client built from the BFF's `AppType`, so
 * paths, request bodies and response types are never written twice; underneath, one transport
 * adds the CSRF token to every mutating request and turns every failure into an `ApiError`.
 * `read` then checks a success body against the contract's zod schema.
 */
export class ApiClient {
  readonly #baseUrl: string;
  readonly #fetch: typeof fetch;
  #csrfToken: string | null = null;
  readonly rpc: Rpc;

  constructor(options: ApiClientOptions = {}) {
    this.#baseUrl = (options.baseUrl ?? env.apiBaseUrl).replace(/\/$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.rpc = createRpc(this.#baseUrl, (input, init) => this.#send(input, init));
  }

  /** Set from the session (login and `GET /auth/session`); cleared on logout. */
  setCsrfToken(token: string | null): void {
    this.#csrfToken = token;
  }

  /** The body of a successful `rpc` call, checked against the contract's schema. */
  async read<S extends z.ZodType>(
    call: Promise<ClientResponse<unknown>> | Promise<Response>,
    schema: S,
  ): Promise<z.output<S>> {
    return parseBody(await call, schema);
  }

  get<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>> {
    return this.#request('GET', path, undefined, schema) as Promise<z.output<S>>;
  }

  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>>;
  post(path: string, body?: unknown): Promise<void>;
  post(path: string, body?: unknown, schema?: z.ZodType): Promise<unknown> {
    return this.#request('POST', path, body, schema);
  }

  put<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>>;
  put(path: string, body?: unknown): Promise<void>;
  put(path: string, body?: unknown, schema?: z.ZodType): Promise<unknown> {
    return this.#request('PUT', path, body, schema);
  }

  patch<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>>;
  patch(path: string, body?: unknown): Promise<void>;
  patch(path: string, body?: unknown, schema?: z.ZodType): Promise<unknown> {
    return this.#request('PATCH', path, body, schema);
  }

  delete<S extends z.ZodType>(path: string, schema: S): Promise<z.output<S>>;
  delete(path: string): Promise<void>;
  delete(path: string, schema?: z.ZodType): Promise<unknown> {
    return this.#request('DELETE', path, undefined, schema);
  }

  async #request(
    method: Method,
    path: string,
    body: unknown,
    schema: z.ZodType | undefined,
  ): Promise<unknown> {
    const response = await this.#send(`${this.#baseUrl}${path}`, {
      method,
      body: method === 'GET' || body === undefined ? null : JSON.stringify(body),
    });
    return schema ? parseBody(response, schema) : undefined;
  }

  /** The one transport: JSON headers, the CSRF token on mutations, `ApiError` on any failure. */
  async #send(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    if (method !== 'GET' && method !== 'HEAD') {
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      if (this.#csrfToken) headers.set(CSRF_HEADER, this.#csrfToken);
    }

    let response: Response;
    try {
      response = await this.#fetch(input, { ...init, method, headers, credentials: 'same-origin' });
    } catch {
      throw new ApiError({
        status: 0,
        code: 'network_error',
        message: 'Tandem could not be reached. Check your connection and try again.',
      });
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }
}

async function parseBody<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(response.status === 204 ? undefined : await readJson(response));
  if (!parsed.success) {
    throw new ApiError({
      status: response.status,
      code: 'invalid_response',
      message: 'The server sent an answer this page does not understand. Reload and try again.',
    });
  }
  return parsed.data;
}

const fieldsSchema = z.array(fieldIssueSchema);

const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
  const parsed = errorBodySchema.safeParse(await readJson(response));
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    const fields = fieldsSchema.safeParse(details?.fields);
    return new ApiError({
      status: response.status,
      code,
      message,
      ...(details ? { details } : {}),
      fields: fields.success ? fields.data : [],
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: FALLBACK_CODES[response.status] ?? 'internal',
    message:
      response.status >= 500
        ? 'Something went wrong on our side. Try again in a moment.'
        : `The request failed (HTTP ${response.status}).`,
    retryAfterSeconds,
  });
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** `Retry-After` is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** The one client the app uses. Tests build their own with a stub `fetch`. */
export const api = new ApiClient();
