/**
 * Roadmap HTML ↔ Rally rich text (Description, Notes, Theme). Rally stores the HTML it is sent,
 * minus what its whitelist refuses, and writes void elements its own way; so on the way out we
 * drop only what Rally would drop anyway, and on the way back we undo only Rally's spelling, so a
 * round trip of the roadmap's HTML compares equal.
 */
import { RemoteError } from '@tandem/connector-kit';

/** Rally's limit for Description and Notes. */
export const maxRichTextBytes = 32 * 1024;

const droppedElements =
  /<(script|style|iframe|object|embed|form|input|button|textarea|select)\b[^>]*>[\s\S]*?<\/\1\s*>|<(script|style|iframe|object|embed|input|meta|link|base)\b[^>]*\/?>/gi;
const eventAttribute = /\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;
const scriptUrl = /(\s(?:href|src)\s*=\s*["']?)\s*javascript:[^"'\s>]*/gi;
const voidElement = /<(br|hr|img|col|wbr)(\b[^>]*?)\s*\/?>/gi;
const emptyDocument = /^(\s|<p>\s*(<br>)?\s*<\/p>)*$/i;

/** Roadmap HTML → the Description/Notes value sent to Rally. */
export function toRallyHtml(html: string | null | undefined, field = 'Description'): string {
  if (html === null || html === undefined) return '';
  const cleaned = normalizeVoids(
    html.replace(droppedElements, '').replace(eventAttribute, '').replace(scriptUrl, '$1#'),
  );
  const value = emptyDocument.test(cleaned) ? '' : cleaned;
  if (Buffer.byteLength(value, 'utf8') > maxRichTextBytes) {
    throw new RemoteError('validation', `${field} is longer than Rally's 32 KB limit`, {
      retryable: false,
      fieldErrors: [{ field, message: `${field} is longer than Rally's 32 KB limit` }],
    });
  }
  return value;
}

/** Rally rich text → roadmap HTML. */
export function fromRallyHtml(html: unknown): string {
  if (typeof html !== 'string') return '';
  const value = normalizeVoids(html).replace(/\r\n/g, '\n');
  return emptyDocument.test(value) ? '' : value;
}

/** Do two HTML values mean the same to Rally? (For diffs against a synced snapshot.) */
export function sameRichText(a: string | null | undefined, b: string | null | undefined): boolean {
  return fromRallyHtml(toRallyHtmlLenient(a)) === fromRallyHtml(toRallyHtmlLenient(b));
}

function toRallyHtmlLenient(html: string | null | undefined): string {
  try {
    return toRallyHtml(html);
  } catch {
    return html ?? '';
  }
}

function normalizeVoids(html: string): string {
  return html.replace(voidElement, (_match, name: string, attributes: string) => {
    return `<${name.toLowerCase()}${attributes.trimEnd()}>`;
  });
}
