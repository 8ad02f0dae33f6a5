/**
 * Where a create's idempotency token lives in Rally, so that after an ambiguous failure the
 * record can be found again. Default: a marker paragraph at the end of `Notes`, which every
 * record type has and which WSAPI can search with `contains`; or a custom string field.
 */
import { RemoteError } from '@tandem/connector-kit';
import type { RallyConfig } from './spec.ts';

const markerPrefix = 'tandem-token:';
const markerParagraph = /\s*<p>\[tandem-token:[^\]<]*\]<\/p>\s*$/;

export function marker(token: string): string {
  return `${markerPrefix}${token}`;
}

function assertToken(token: string): void {
  if (!/^[\w.:-]{1,200}$/.test(token)) {
    throw new RemoteError(
      'validation',
      `An idempotency token may hold letters, digits and . : _ - only: ${token}`,
      { retryable: false },
    );
  }
}

/** Adds the token to the fields of a create. */
export function withToken(
  config: Pick<RallyConfig, 'idempotencyField'>,
  fields: Record<string, unknown>,
  token: string,
): Record<string, unknown> {
  assertToken(token);
  if (config.idempotencyField !== 'Notes') return { ...fields, [config.idempotencyField]: token };
  const notes = typeof fields.Notes === 'string' ? fields.Notes : '';
  return { ...fields, Notes: `${notes}<p>[${marker(token)}]</p>` };
}

/** The WSAPI filter that finds the record carrying `token`. */
export function tokenQuery(config: Pick<RallyConfig, 'idempotencyField'>, token: string): string {
  assertToken(token);
  return config.idempotencyField === 'Notes'
    ? // The brackets keep `tok-1` from matching `tok-10`.
      `(Notes contains "[${marker(token)}]")`
    : `(${config.idempotencyField} = "${token}")`;
}

/** Notes as the roadmap should see them: without our marker. */
export function stripMarker(notes: string): string {
  return notes.replace(markerParagraph, '');
}
