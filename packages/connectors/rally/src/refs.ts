/** Rally `_ref`s: absolute URLs ending in `/{type path}/{ObjectID or UUID}`. */
import type { RemoteRef } from '@tandem/connector-kit';
import { typePath } from './types.ts';

const refPattern =
  /\/(?:slm\/webservice\/v2\.[0-9x]+\/)?((?:[a-z]+\/)?[a-z]+)\/(-?\d+|[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{32})(?:\.js)?$/i;

export interface ParsedRef {
  path: string;
  id: string;
}

export function parseRef(ref: string): ParsedRef | null {
  const match = refPattern.exec(ref.replace(/\?.*$/, ''));
  if (!match?.[1] || !match[2]) return null;
  return { path: match[1].toLowerCase(), id: match[2] };
}

/** The ObjectID (or UUID) at the end of a ref, or `null`. */
export function idOfRef(ref: unknown): string | null {
  if (typeof ref === 'string') return parseRef(ref)?.id ?? null;
  if (ref && typeof ref === 'object' && '_ref' in ref && typeof ref._ref === 'string') {
    return parseRef(ref._ref)?.id ?? null;
  }
  return null;
}

/** The relative ref Rally accepts in a write body: `/portfolioitem/feature/123`. */
export function relativeRef(ref: RemoteRef): string {
  return `/${typePath(ref.type)}/${ref.id}`;
}
