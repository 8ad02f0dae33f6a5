import type { RemoteErrorKind } from '../port/errors.ts';
import type { HostResolver } from './address-policy.ts';
import type { ConcurrencyBudget } from './concurrency.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Time for the transport: injected so tests never wait for a real backoff. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface TransportRequest {
  method: HttpMethod;
  /** Absolute, or relative to `baseUrl`. */
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Raw body. Use `json` instead for JSON (sets content-type). */
  body?: string | Uint8Array;
  json?: unknown;
  /**
   * May this request be repeated without harm? Defaults by method: GET, HEAD, OPTIONS, PUT and
   * DELETE are; POST and PATCH are not. Set `true` for a POST that only reads (a query).
   */
  idempotent?: boolean;
  /** Statuses returned rather than thrown as `RemoteError`. Default: 2xx. */
  acceptStatus?: (status: number) => boolean;
  signal?: AbortSignal;
  /** Overrides for this request (a large attachment upload, a slow report). */
  timeouts?: Partial<Pick<TransportTimeouts, 'headersMs' | 'bodyMs'>>;
  /** A label for the log (`createRecord`, `listProjects`). */
  operation?: string;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Readonly<Record<string, string>>;
  /** The whole body was read before the request's concurrency slot was released. */
  bytes(): Uint8Array;
  text(): string;
  /** Parses the body; throws `RemoteError` kind `unknown` when it is not JSON. */
  json<T = unknown>(): T;
}

export interface Transport {
  request(request: TransportRequest): Promise<TransportResponse>;
  /** The account key whose concurrency budget this transport draws from. */
  readonly accountKey: string;
  /** Closes this transport's keep-alive connections. */
  close(): Promise<void>;
}

export interface RequestLogEntry {
  requestId: string;
  accountKey: string;
  operation: string | undefined;
  method: HttpMethod;
  /** Secrets in the query string are redacted. */
  url: string;
  /** 1 for the first try. */
  attempt: number;
  startedAt: string;
  durationMs: number;
  /** `null` when no response arrived. */
  status: number | null;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  responseBody: string | null;
  error: { kind: RemoteErrorKind; message: string; ambiguous: boolean } | null;
  /** When another attempt follows, how long the transport waits before it. */
  retryInMs: number | null;
}

export interface ClientCertificate {
  /** PEM certificate chain presented to the remote. */
  cert: string | Buffer;
  /** PEM private key. */
  key: string | Buffer;
  passphrase?: string;
  /** CA(s) for the remote's server certificate (self-hosted remotes). Replaces the default roots. */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
}

export interface RetryPolicy {
  /** Attempts in all, including the first. Default 5. */
  maxAttempts: number;
  /** Backoff base: attempt n waits a random time in [0, min(max, base·2^(n-1))]. Default 250. */
  baseDelayMs: number;
  /** Default 30 s. */
  maxDelayMs: number;
  /**
   * A longer Retry-After than this is not slept through: the request fails with
   * `rate_limited` and `retryAfterMs`, so the job runner reschedules it. Default 120 s.
   */
  maxRetryAfterMs: number;
}

export interface TransportTimeouts {
  /** TCP + TLS handshake. Default 10 s. */
  connectMs: number;
  /** From request sent to response headers. Default 60 s. */
  headersMs: number;
  /** Longest gap between two body chunks. Default 60 s. */
  bodyMs: number;
}

export interface TransportOptions {
  /**
   * Who the requests count against: build it with `accountKey()`. Every transport with the
   * same key shares one concurrency budget.
   */
  accountKey: string;
  /** Concurrent requests allowed for the account (Rally: 12). */
  maxConcurrent: number;
  /** Resolves relative request URLs. */
  baseUrl?: string;
  /** Default: the process-wide in-memory budget. */
  budget?: ConcurrencyBudget;
  timeouts?: Partial<TransportTimeouts>;
  retry?: Partial<RetryPolicy>;
  clientCertificate?: ClientCertificate;
  /** Trust only these CAs for the server certificate (no client certificate). Replaces the default roots. */
  ca?: string | Buffer | ReadonlyArray<string | Buffer>;
  headers?: Readonly<Record<string, string>>;
  /** Called once per attempt, with secrets redacted. Must not throw (errors are ignored). */
  onRequestLog?: (entry: RequestLogEntry) => void;
  /** Literal secret values (API keys, tokens) to scrub from every logged string. */
  secrets?: () => readonly string[];
  /** Longest logged body, in characters. Default 8 KiB. */
  logBodyLimit?: number;
  /** Largest response body accepted. Default 64 MiB. */
  maxResponseBytes?: number;
  /** Idle keep-alive socket lifetime. Default 30 s. */
  keepAliveMs?: number;
  /**
   * Let connections reach private, loopback, link-local and other non-public addresses (the
   * demo's simulators). Checked on every new connection, after DNS. Default `false`: such an
   * address fails the request with a `RemoteError` that is not retryable. Cloud metadata
   * addresses are refused either way.
   */
  allowPrivateNetwork?: boolean;
  /** Resolves host names before the check. Default: the system resolver. Tests inject one. */
  resolveHost?: HostResolver;
  clock?: Clock;
  /** [0, 1); injected for deterministic jitter in tests. */
  random?: () => number;
}
