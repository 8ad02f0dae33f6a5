/**
 * One delivery in, one answer out: check the protocol version and the signature, refuse replays,
 * parse the event and the user's config, run the handler (with a deadline), and build the answer.
 * No HTTP here: `serve.ts` and the harness both call it.
 */
import type { HandlerContext, Service } from './define-service.ts';
import { ServiceError } from './define-service.ts';
import {
  type ErrorAnswer,
  HEADERS,
  type IncomingChange,
  type IntegrationFieldsWrite,
  type LogLine,
  type OkAnswer,
  okAnswerSchema,
  PROTOCOL_VERSION,
  type ServiceAnswer,
  serviceEventSchema,
  verifySignature,
} from './protocol/index.ts';
import type { ReplayGuard } from './replay-guard.ts';

export interface DeliveryOptions {
  /** The integration's signing secret (by integration id when one service serves many). */
  secret: string | ((integrationId: string) => string | undefined);
  guard: ReplayGuard;
  /** Unix seconds. */
  now?: () => number;
  /** A handler that runs longer is aborted and answered as a retryable error. Default 25 s. */
  handlerTimeoutMs?: number;
}

export interface DeliveryResult {
  status: number;
  answer: ServiceAnswer;
}

export async function handleDelivery<Data>(
  service: Service<Data>,
  request: { headers: Readonly<Record<string, string | undefined>>; body: string },
  options: DeliveryOptions,
): Promise<DeliveryResult> {
  const now = options.now?.() ?? Math.floor(Date.now() / 1000);
  if (request.headers[HEADERS.protocol] !== String(PROTOCOL_VERSION)) {
    return refuse(400, `This service speaks protocol ${PROTOCOL_VERSION}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(request.body);
  } catch {
    return refuse(400, 'The body is not JSON');
  }
  const integrationId = (json as { integration?: { id?: unknown } })?.integration?.id;
  const secret =
    typeof options.secret === 'string'
      ? options.secret
      : typeof integrationId === 'string'
        ? options.secret(integrationId)
        : undefined;
  if (!secret) return refuse(401, 'Unknown integration');
  const check = verifySignature(secret, request.body, request.headers[HEADERS.signature], now);
  if (!check.ok) return refuse(401, `Signature refused (${check.reason})`);

  const parsed = serviceEventSchema.safeParse(json);
  if (!parsed.success) return refuse(400, `Not a protocol event: ${parsed.error.message}`);
  const event = parsed.data;
  if (request.headers[HEADERS.delivery] !== event.delivery_id) {
    return refuse(400, 'The delivery header and the body disagree');
  }
  if (!options.guard.firstSight(event.delivery_id, now)) {
    return refuse(409, `Delivery ${event.delivery_id} was already received (replay)`);
  }
  const earlier = options.guard.answerFor(event.idempotency_key);
  if (earlier) return { status: 200, answer: earlier };

  const data = service.config.safeParse(event.integration.data);
  if (!data.success) {
    return errorResult(422, {
      message: 'The integration config is not valid for this service',
      retryable: false,
      field_errors: data.error.issues.map((i) => ({
        field: i.path.join('.') || null,
        message: i.message,
      })),
    });
  }

  const handler = service.handlers[event.event] as
    | ((event: unknown, ctx: HandlerContext<Data>) => Promise<void> | void)
    | undefined;
  const collected = collector();
  if (!handler) {
    collected.logs.push({ level: 'debug', message: `${service.name} ignores ${event.event}` });
    return { status: 200, answer: okAnswer(collected) };
  }
  const deadline = AbortSignal.timeout(options.handlerTimeoutMs ?? 25_000);
  const ctx: HandlerContext<Data> = {
    data: data.data,
    metaData: structuredClone(event.integration.meta_data),
    integrationId: event.integration.id,
    createIntegrationFields: (resource, id, fields) =>
      collected.fields.push({ resource, id, fields }),
    setMetaData: (changes) => {
      collected.metaData = { ...collected.metaData, ...changes };
    },
    log: (level, message) => collected.logs.push({ level, message: message.slice(0, 2000) }),
    reportChange: (change) => collected.changes.push(change),
    signal: deadline,
  };
  try {
    await Promise.race([handler(event, ctx), aborted(deadline)]);
  } catch (error) {
    return errorResult(
      error instanceof ServiceError ? 422 : 503,
      describeFailure(error),
      collected.logs,
    );
  }
  const answer = okAnswer(collected);
  options.guard.remember(event.idempotency_key, answer);
  return { status: 200, answer };
}

function collector() {
  return {
    fields: [] as IntegrationFieldsWrite[],
    logs: [] as LogLine[],
    changes: [] as IncomingChange[],
    metaData: undefined as Record<string, unknown> | undefined,
  };
}

function okAnswer(c: ReturnType<typeof collector>): OkAnswer {
  return okAnswerSchema.parse({
    protocol: PROTOCOL_VERSION,
    ok: true,
    integration_fields: c.fields,
    ...(c.metaData ? { meta_data: c.metaData } : {}),
    logs: c.logs,
    changes: c.changes,
  });
}

function describeFailure(error: unknown): ErrorAnswer['error'] {
  if (error instanceof ServiceError) {
    return {
      message: error.message || 'Refused',
      retryable: error.options.retryable,
      ...(error.options.retryAfterSeconds ? { retry_after: error.options.retryAfterSeconds } : {}),
      field_errors: error.options.fieldErrors ?? [],
    };
  }
  // An unexpected throw is most often the remote being unreachable: worth another try.
  const message = error instanceof Error ? error.message : String(error);
  return {
    message: `The handler failed: ${message || 'no message'}`,
    retryable: true,
    field_errors: [],
  };
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener('abort', () => reject(new Error('it ran past its deadline')), {
      once: true,
    });
  });
}

function refuse(status: number, message: string): DeliveryResult {
  return errorResult(status, { message, retryable: false, field_errors: [] });
}

function errorResult(
  status: number,
  error: ErrorAnswer['error'],
  logs: LogLine[] = [],
): DeliveryResult {
  return { status, answer: { protocol: PROTOCOL_VERSION, ok: false, error, logs } };
}
