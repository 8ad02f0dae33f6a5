/** Turning patched values into what a field stores: numbers, dates, identities, tags, safe HTML. */
import type { FieldDef } from '../process/fields.ts';
import type { Identity } from '../state/model.ts';

export type Coerced = { ok: true; value: unknown } | { ok: false; code: string };

/** `a; B;a ; c` → `a; B; c` sorted case-insensitively, as Azure DevOps stores tags. */
export function normaliseTags(value: string): string {
  const seen = new Map<string, string>();
  for (const raw of value.split(/[;,]/)) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()]
    .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))
    .join('; ');
}

export const tagList = (value: unknown): string[] =>
  typeof value === 'string' && value ? normaliseTags(value).split('; ') : [];

/** Drops scripts, inline event handlers and `javascript:` URLs; the rest of the HTML is kept. */
export function sanitiseHtml(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(iframe|object|embed)\b[\s\S]*?(<\/\1\s*>|\/?>)/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href|src)\s*=\s*("|')\s*javascript:[^"']*\2/gi, '$1=$2#$2');
}

export function findIdentity(users: readonly Identity[], value: unknown): Identity | undefined {
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return users.find(
      (u) => u.id === o.id || (typeof o.uniqueName === 'string' && u.uniqueName === o.uniqueName),
    );
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  const email = /<([^>]+)>\s*$/.exec(text)?.[1];
  return users.find(
    (u) =>
      u.id === text ||
      u.uniqueName.toLowerCase() === (email ?? text) ||
      u.displayName.toLowerCase() === text,
  );
}

export function coerce(def: FieldDef, value: unknown, users: readonly Identity[]): Coerced {
  switch (def.type) {
    case 'integer':
    case 'double': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) return { ok: false, code: 'InvalidType' };
      if (def.type === 'integer' && !Number.isInteger(n)) return { ok: false, code: 'InvalidType' };
      return { ok: true, value: n };
    }
    case 'dateTime': {
      const d = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
      if (!d || Number.isNaN(d.getTime())) return { ok: false, code: 'InvalidDate' };
      return { ok: true, value: d.toISOString() };
    }
    case 'boolean':
      if (typeof value === 'boolean') return { ok: true, value };
      if (value === 'true' || value === 'false') return { ok: true, value: value === 'true' };
      return { ok: false, code: 'InvalidType' };
    case 'identity': {
      const user = findIdentity(users, value);
      return user ? { ok: true, value: user.id } : { ok: false, code: 'InvalidListValue' };
    }
    case 'html':
      return typeof value === 'string'
        ? { ok: true, value: sanitiseHtml(value) }
        : { ok: false, code: 'InvalidType' };
    default:
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
        return { ok: false, code: 'InvalidType' };
      return {
        ok: true,
        value: def.referenceName === 'System.Tags' ? normaliseTags(String(value)) : String(value),
      };
  }
}
