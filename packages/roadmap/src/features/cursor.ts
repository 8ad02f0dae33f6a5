import { ValidationError } from '../errors.ts';

/** Position after the last item of a page: features are ordered by (rank, id). */
export type FeatureCursor = { rank: number; id: string };

export function encodeCursor(cursor: FeatureCursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): FeatureCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      typeof parsed[0] === 'number' &&
      Number.isFinite(parsed[0]) &&
      typeof parsed[1] === 'string'
    ) {
      return { rank: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path: 'cursor', message: 'This cursor is not valid; start again' }]);
}
