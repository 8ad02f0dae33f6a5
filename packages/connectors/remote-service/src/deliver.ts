/**
 * Sends one event to the service through the shared transport (pooling, per-account concurrency,
 * redacted log) and turns its answer into a parsed `OkAnswer` or a `RemoteError` whose message
 * says plainly what went wrong. Nothing is stored here: a caller stores only after an ok answer.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type ConnectorContext, RemoteError } from '@tandem/connector-kit';
import {
  type EventName,
  type LogLine,
  type OkAnswer,
  PROTOCOL_VERSION,
  type ServiceEvent,
  serviceAnswerSchema,
  serviceEventSchema,
  signDelivery,
} from '@tandem/service-kit/protocol';
import type { RemoteServiceConfig } from './spec.ts';

export type Ctx = ConnectorContext<RemoteServiceConfig>;

/** Receives the service's log lines (the registry passes them to the integration log). */
export type ServiceLogSink = (line: LogLine & { event: EventName; service: string }) => void;

export interface DeliverInput {
  event: EventName;
  idempotencyKey: string;
  metaData: Record<string, unknown>;
  /** The record keys of the event (`feature`, `release`, `webhook`). */
  payload: Record<string, unknown>;
}

export async function deliver(
  ctx: Ctx,
  input: DeliverInput,
  onLog?: ServiceLogSink,
): Promise<OkAnswer> {
  const { config } = ctx;
  const event: ServiceEvent = serviceEventSchema.parse({
    protocol: PROTOCOL_VERSION,
    event: input.event,
    delivery_id: randomUUID(),
    idempotency_key: input.idempotencyKey,
    sent_at: new Date().toISOString(),
    integration: {
      id: integrationIdOf(ctx),
      service: config.service,
      data: config.data,
      meta_data: input.metaData,
    },
    ...input.payload,
  });
  const secret = await signingSecret(ctx);
  const signed = signDelivery(event, secret, Math.floor(Date.now() / 1000));
  const where = `The service ${config.service} (${new URL(config.endpointUrl).host})`;
  let response: Awaited<ReturnType<Ctx['transport']['request']>>;
  try {
    response = await ctx.transport.request({
      method: 'POST',
      url: config.endpointUrl,
      headers: signed.headers,
      body: signed.body,
      idempotent: false,
      acceptStatus: () => true,
      timeouts: { headersMs: config.timeoutMs, bodyMs: config.timeoutMs },
      operation: input.event,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (error) {
    if (!RemoteError.is(error)) throw error;
    const what =
      error.kind === 'timeout'
        ? `did not answer ${input.event} within ${config.timeoutMs} ms`
        : `could not be reached for ${input.event} (${error.message})`;
    throw new RemoteError(error.kind, `${where} ${what}`, {
      retryable: error.retryable,
      ambiguous: error.ambiguous,
      cause: error,
    });
  }

  const text = response.text();
  const parsed = serviceAnswerSchema.safeParse(safeJson(text));
  const status = response.status;
  if (!parsed.success) {
    if (status === 401 || status === 403) {
      throw new RemoteError(
        'auth',
        `${where} refused the signature of ${input.event} (HTTP ${status}): check the secret`,
        { status },
      );
    }
    if (status === 429 || status >= 500) {
      throw new RemoteError(
        status === 429 ? 'rate_limited' : 'unavailable',
        `${where} failed ${input.event} (HTTP ${status})`,
        { status, detail: excerpt(text) },
      );
    }
    throw new RemoteError(
      'unknown',
      `${where} answered ${input.event} with something that is not a protocol answer (HTTP ${status}); nothing was stored: ${excerpt(text)}`,
      {
        retryable: false,
        status,
        detail: excerpt(text),
      },
    );
  }
  const answer = parsed.data;
  for (const line of answer.logs) onLog?.({ ...line, event: input.event, service: config.service });
  if (!answer.ok) {
    const { error } = answer;
    if (status === 401 || status === 403) {
      throw new RemoteError('auth', `${where} refused ${input.event}: ${error.message}`, {
        status,
      });
    }
    if (error.retryable) {
      throw new RemoteError(
        error.retry_after ? 'rate_limited' : 'unavailable',
        `${where} could not handle ${input.event} yet: ${error.message}`,
        {
          status,
          ...(error.retry_after ? { retryAfterMs: error.retry_after * 1000 } : {}),
        },
      );
    }
    throw new RemoteError('validation', `${where} refused ${input.event}: ${error.message}`, {
      retryable: false,
      status,
      fieldErrors:
        error.field_errors.length > 0
          ? error.field_errors
          : [{ field: null, message: error.message }],
    });
  }
  if (status < 200 || status > 299) {
    throw new RemoteError(
      'unknown',
      `${where} answered ${input.event} ok with HTTP ${status}; nothing was stored`,
      { retryable: false, status },
    );
  }
  if (answer.meta_data && input.event !== 'installed') {
    onLog?.({
      level: 'warn',
      message: `meta_data changes are kept only after installed; ignored after ${input.event}`,
      event: input.event,
      service: config.service,
    });
  }
  return answer;
}

/** The configured integration id, or one derived from the transport's account key (secret + URL). */
export function integrationIdOf(ctx: Ctx): string {
  return (
    ctx.config.integrationId ??
    `tandem-${createHash('sha256').update(ctx.transport.accountKey).digest('hex').slice(0, 16)}`
  );
}

async function signingSecret(ctx: Ctx): Promise<string> {
  const credential = await ctx.credentials();
  if (credential.kind !== 'api_key' || credential.apiKey.length < 16) {
    throw new RemoteError(
      'auth',
      'A remote service needs its signing secret (16 characters or more)',
    );
  }
  return credential.apiKey;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat || '(empty body)';
}
