/**
 * Errors as Rally reports them. Business errors travel inside a normal envelope with HTTP 200;
 * authentication failures are HTTP 401. `RallyError` carries the envelope key and status so the
 * error middleware can render it.
 */

export type EnvelopeKey = 'OperationResult' | 'CreateResult' | 'QueryResult';

export class RallyError extends Error {
  readonly errors: string[];
  readonly status: number;
  readonly envelope: EnvelopeKey;
  readonly headers: Record<string, string>;

  constructor(
    errors: string | string[],
    opts: { status?: number; envelope?: EnvelopeKey; headers?: Record<string, string> } = {},
  ) {
    const list = Array.isArray(errors) ? errors : [errors];
    super(list[0] ?? 'Rally error');
    this.errors = list;
    this.status = opts.status ?? 200;
    this.envelope = opts.envelope ?? 'OperationResult';
    this.headers = opts.headers ?? {};
  }
}

/** Validation failures collected while applying a write. */
export class ValidationError extends RallyError {}

export const MSG = {
  invalidKey: 'Not authorized to perform action: Invalid key',
  noAuth: 'An Authentication object was not found in the SecurityContext',
  badPassword: 'Error 401 The username or password you entered is incorrect.',
  notFound: 'Cannot find object to read',
  cannotDelete: 'Cannot delete object',
} as const;

export function envelopeBody(
  key: EnvelopeKey,
  errors: string[],
  warnings: string[] = [],
): Record<string, unknown> {
  const inner: Record<string, unknown> = {
    _rallyAPIMajor: '2',
    _rallyAPIMinor: '0',
    Errors: errors,
    Warnings: warnings,
  };
  if (key === 'QueryResult') {
    inner.TotalResultCount = 0;
    inner.StartIndex = 0;
    inner.PageSize = 0;
    inner.Results = [];
  }
  return { [key]: inner };
}
