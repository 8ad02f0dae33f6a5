/**
 * Azure DevOps answers → `RemoteError`. Errors are VSS JSON (`message`, `typeKey`, `errorCode`);
 * rule failures (TF401320) name their field, and a stale `test /rev` is 412 (VS403351).
 */
import {
  type FieldError,
  kindForStatus,
  RemoteError,
  type RemoteErrorKind,
} from '@tandem/connector-kit';

export interface VssError {
  message?: string;
  typeKey?: string;
  customProperties?: {
    RuleValidationErrors?: { fieldReferenceName?: string; errorMessage?: string }[];
  };
}

export function parseVssError(text: string): VssError {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' ? (body as VssError) : {};
  } catch {
    return {};
  }
}

const fieldPatterns = [
  /Rule Error for field ([^.]+?)\.\s*Error code/i,
  /field '([\w.]+)'/i,
  /field ([\w.]+) /i,
  /TF51535: Cannot find field ([\w.]+)/i,
];

export function fieldErrorsOf(error: VssError): FieldError[] {
  const rules = error.customProperties?.RuleValidationErrors ?? [];
  if (rules.length > 0) {
    return rules.map((rule) => ({
      field: rule.fieldReferenceName ?? null,
      message: rule.errorMessage ?? error.message ?? 'Refused by Azure DevOps',
    }));
  }
  const message = error.message ?? 'Refused by Azure DevOps';
  const field = fieldPatterns.map((p) => p.exec(message)?.[1]).find(Boolean) ?? null;
  return [{ field, message }];
}

function kindOf(status: number, error: VssError): RemoteErrorKind {
  const message = error.message ?? '';
  if (/VS800075|HostNotFound/i.test(`${message} ${error.typeKey ?? ''}`)) return 'not_found';
  if (status === 401 || /TF400813/.test(message)) return 'auth';
  if (status === 412 || /VS403351|TF26071/.test(message)) return 'conflict';
  return kindForStatus(status);
}

export interface AdoErrorInput {
  status: number;
  body: string;
  what: string;
  retryAfterMs?: number | null;
}

export function adoError({ status, body, what, retryAfterMs }: AdoErrorInput): RemoteError {
  const error = parseVssError(body);
  const kind = kindOf(status, error);
  const detail = (error.message ?? body).slice(0, 500);
  const first = error.message
    ? `Azure DevOps: ${error.message}`
    : `Azure DevOps answered ${status} (${what})`;
  if (kind === 'auth') {
    return new RemoteError(
      'auth',
      `Azure DevOps refused the personal access token (${what}): it is wrong, expired, revoked or lacks a scope`,
      { status, detail, retryable: false },
    );
  }
  if (kind === 'not_found' && /VS800075/.test(error.message ?? '')) {
    return new RemoteError('not_found', `Azure DevOps: ${error.message}`, {
      status,
      detail,
      retryable: false,
    });
  }
  return new RemoteError(kind, first, {
    status,
    detail,
    ...(kind === 'rate_limited' || kind === 'unavailable' || kind === 'timeout'
      ? {}
      : { retryable: false }),
    ...(retryAfterMs == null ? {} : { retryAfterMs }),
    ...(kind === 'validation' ? { fieldErrors: fieldErrorsOf(error) } : {}),
  });
}
